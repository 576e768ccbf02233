/** RFC 9110 §8.8.3: `"opaque"` or `W/"opaque"`, the opaque part being etagc characters (no `"`, no controls, no spaces). */
const ENTITY_TAG = /^(W\/)?"[\x21\x23-\x7E\x80-\xFF]*"$/;

const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
/** RFC 9110 §5.6.7: IMF-fixdate, and the two obsolete forms recipients must still accept. */
const HTTP_DATE = [
  new RegExp(`^${DAY}, \\d{2} ${MONTH} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d{2}-${MONTH}-\\d{2} \\d{2}:\\d{2}:\\d{2} GMT$`),
  new RegExp(`^${DAY} ${MONTH} [ \\d]\\d \\d{2}:\\d{2}:\\d{2} \\d{4}$`),
];

/** True when `value` is one entity tag as RFC 9110 defines it (quotes included). */
export function isEntityTag(value: string): boolean {
  return ENTITY_TAG.test(value.trim());
}

/** True for a strong entity tag (not `W/`). */
export function isStrongEntityTag(value: string): boolean {
  return isEntityTag(value) && !value.trim().startsWith('W/');
}

/** True when `value` is an HTTP-date a cache can compare (and it names a real time). */
export function isHttpDate(value: string): boolean {
  return HTTP_DATE.some((pattern) => pattern.test(value.trim())) && !Number.isNaN(Date.parse(value));
}
