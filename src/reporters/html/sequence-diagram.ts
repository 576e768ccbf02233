import type { Finding, FindingHop, Report } from '../../model/report.js';
import { escapeHtml as esc } from './html-escape.js';

/** One arrow of the diagram: a request to the server, or what came back. */
interface Arrow {
  readonly direction: 'request' | 'reply';
  readonly label: string;
  /** A reply that is not a usable answer (a failure, a 4xx/5xx): drawn red. */
  readonly bad?: boolean;
  /** Inferred rather than recorded (the webhook before an action callback): drawn dashed. */
  readonly inferred?: boolean;
}

const WIDTH = 640;
const LEFT = 110;
const RIGHT = WIDTH - 110;
const ROW = 30;
const TOP = 46;

/**
 * A small sequence diagram (inline SVG) of the exchange a finding shows: the kit, playing Twilio, on the left; the
 * server on the right; one arrow per request and per reply, redirects and an auth retry included (`finding.hops`).
 * A finding on an action callback starts with the webhook request that asked for it, dashed: the report records the
 * callback, and the webhook's reply is implied by it. Every label is escaped.
 */
export function sequenceDiagram(finding: Finding, report: Pick<Report, 'target'>): string {
  const arrows = [...(isOtherRequest(finding, report.target) ? webhookBefore(report.target) : []), ...hopsOf(finding).flatMap(arrowsOf)];
  const height = TOP + arrows.length * ROW + 14;
  const lines = arrows.map((arrow, index) => drawArrow(arrow, TOP + index * ROW + 10));
  return [
    `<svg class="sequence" role="img" aria-label="sequence of the exchange" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" xmlns="http://www.w3.org/2000/svg">`,
    `<text x="${LEFT}" y="16" text-anchor="middle" class="actor">twiml-fax-kit (as Twilio)</text>`,
    `<text x="${RIGHT}" y="16" text-anchor="middle" class="actor">your server</text>`,
    `<line x1="${LEFT}" y1="24" x2="${LEFT}" y2="${height - 4}" class="lifeline"/>`,
    `<line x1="${RIGHT}" y1="24" x2="${RIGHT}" y2="${height - 4}" class="lifeline"/>`,
    ...lines,
    '</svg>',
  ].join('\n');
}

function hopsOf(finding: Finding): readonly FindingHop[] {
  if (finding.hops && finding.hops.length > 0) return finding.hops;
  const { request, response } = finding;
  const location = response?.headers['location'];
  return [{ method: request.method, url: request.url, ...(response && { status: response.status }), ...(location !== undefined && { location }), ...(!response && { failure: 'no reply' }) }];
}

function arrowsOf(hop: FindingHop): Arrow[] {
  const request: Arrow = { direction: 'request', label: `${hop.method} ${shortUrl(hop.url)}` };
  if (hop.status === undefined) return [request, { direction: 'reply', label: `✗ ${hop.failure ?? 'no reply'}`, bad: true }];
  const redirect = hop.location !== undefined && hop.status >= 300 && hop.status < 400 ? ` → ${shortUrl(hop.location)}` : '';
  return [request, { direction: 'reply', label: `${hop.status}${redirect}`, bad: hop.status >= 400 }];
}

function webhookBefore(target: string): Arrow[] {
  return [
    { direction: 'request', label: `POST ${shortUrl(target)} (the webhook)`, inferred: true },
    { direction: 'reply', label: 'TwiML with an action URL', inferred: true },
  ];
}

/** True when the finding's request went elsewhere than the webhook without a redirect: an action callback. */
function isOtherRequest(finding: Finding, target: string): boolean {
  if (finding.case?.startsWith('the action callback') === true) return true;
  if (finding.hops && finding.hops.length > 1) return false;
  const a = pathOf(finding.request.url);
  const b = pathOf(target);
  return a !== undefined && b !== undefined && a !== b;
}

function pathOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return `${parsed.origin}${parsed.pathname}`;
  } catch {
    return undefined;
  }
}

/** The path and query of a URL (the host is the same in every arrow), cut to fit an arrow. */
function shortUrl(url: string): string {
  let shown = url;
  try {
    const parsed = new URL(url);
    shown = `${parsed.pathname}${parsed.search}`;
  } catch {
    // not absolute (a relative Location): shown as written
  }
  return shown.length > 48 ? `${shown.slice(0, 47)}…` : shown;
}

function drawArrow(arrow: Arrow, y: number): string {
  const [from, to] = arrow.direction === 'request' ? [LEFT, RIGHT] : [RIGHT, LEFT];
  const head = arrow.direction === 'request' ? `${to - 8},${y - 4} ${to},${y} ${to - 8},${y + 4}` : `${to + 8},${y - 4} ${to},${y} ${to + 8},${y + 4}`;
  const classes = ['arrow', arrow.direction, ...(arrow.bad ? ['bad'] : []), ...(arrow.inferred ? ['inferred'] : [])].join(' ');
  return [
    `<g class="${classes}">`,
    `<line x1="${from}" y1="${y}" x2="${to}" y2="${y}"/>`,
    `<polygon points="${head}"/>`,
    `<text x="${(LEFT + RIGHT) / 2}" y="${y - 5}" text-anchor="middle">${esc(arrow.label)}</text>`,
    '</g>',
  ].join('');
}
