import type { LatencyHistogram } from '../../model/latency.js';
import { formatDuration } from '../text-layout.js';
import { escapeHtml as esc } from './html-escape.js';

const WIDTH = 640;
const HEIGHT = 196;
const PLOT_LEFT = 40;
const PLOT_RIGHT = WIDTH - 70;
const PLOT_TOP = 28;
const PLOT_BOTTOM = HEIGHT - 34;

/**
 * A histogram (inline SVG) of how long the run's exchanges took, on an axis from 0 to the timeout, with the half of
 * the timeout marked (past it `response-time` warns) and the exchanges that got no reply in time as a red bar past
 * the limit: a slow server shows at a glance. Without a histogram (a `pact verify` run), a sentence says so.
 */
export function latencyChart(histogram: LatencyHistogram | undefined): string {
  if (!histogram || histogram.exchanges === 0) return '<p class="muted">No exchange durations were recorded for this run.</p>';
  const { counts, bucketMs, timeoutMs, timedOut } = histogram;
  const highest = Math.max(1, timedOut, ...counts);
  const slot = (PLOT_RIGHT - PLOT_LEFT) / counts.length;
  const x = (ms: number): number => PLOT_LEFT + (Math.min(ms, timeoutMs) / timeoutMs) * (PLOT_RIGHT - PLOT_LEFT);
  // A logarithmic height: a few slow exchanges among hundreds of fast ones must still show.
  const barHeight = (count: number): number => (Math.log1p(count) / Math.log1p(highest)) * (PLOT_BOTTOM - PLOT_TOP);
  const bars = counts.map((count, index) => {
    const from = index * bucketMs;
    const slow = from + bucketMs > timeoutMs / 2;
    const h = barHeight(count);
    const title = `${count} between ${formatDuration(from)} and ${formatDuration(Math.min(timeoutMs, from + bucketMs))}`;
    const rect = `<rect class="bar${slow ? ' slow' : ''}" x="${(PLOT_LEFT + index * slot + 1).toFixed(1)}" y="${(PLOT_BOTTOM - h).toFixed(1)}" width="${(slot - 2).toFixed(1)}" height="${h.toFixed(1)}"><title>${esc(title)}</title></rect>`;
    // The count is written on the bar too: heights on a log scale do not say it.
    return count === 0 ? rect : `${rect}<text class="tick" x="${(PLOT_LEFT + (index + 0.5) * slot).toFixed(1)}" y="${(PLOT_BOTTOM - h - 3).toFixed(1)}" text-anchor="middle">${count}</text>`;
  });
  const quarterTicks = [1, 2, 3].map((quarter) => `<text class="tick" x="${x((timeoutMs * quarter) / 4).toFixed(1)}" y="${PLOT_BOTTOM + 16}" text-anchor="middle">${esc(formatDuration((timeoutMs * quarter) / 4))}</text>`);
  const timeoutBar =
    timedOut === 0
      ? ''
      : `<rect class="bar timed-out" x="${PLOT_RIGHT + 12}" y="${(PLOT_BOTTOM - barHeight(timedOut)).toFixed(1)}" width="${(slot - 2).toFixed(1)}" height="${barHeight(timedOut).toFixed(1)}"><title>${timedOut} got no reply within ${esc(formatDuration(timeoutMs))}</title></rect>`;
  const half = x(timeoutMs / 2);
  return [
    `<svg class="latency" role="img" aria-label="exchange durations against the ${esc(formatDuration(timeoutMs))} timeout" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" xmlns="http://www.w3.org/2000/svg">`,
    `<line class="axis" x1="${PLOT_LEFT}" y1="${PLOT_BOTTOM}" x2="${PLOT_RIGHT}" y2="${PLOT_BOTTOM}"/>`,
    ...bars,
    timeoutBar,
    `<line class="limit half" x1="${half}" y1="${PLOT_TOP - 6}" x2="${half}" y2="${PLOT_BOTTOM}"/>`,
    `<text class="tick" x="${half}" y="${PLOT_TOP - 10}" text-anchor="middle">slow: ${esc(formatDuration(timeoutMs / 2))}</text>`,
    `<line class="limit" x1="${PLOT_RIGHT}" y1="${PLOT_TOP - 6}" x2="${PLOT_RIGHT}" y2="${PLOT_BOTTOM}"/>`,
    `<text class="tick" x="${PLOT_LEFT}" y="${PLOT_BOTTOM + 16}" text-anchor="middle">0</text>`,
    ...quarterTicks,
    `<text class="tick" x="${PLOT_RIGHT}" y="${PLOT_BOTTOM + 16}" text-anchor="middle">timeout ${esc(formatDuration(timeoutMs))}</text>`,
    ...(timedOut === 0 ? [] : [`<text class="tick bad" x="${PLOT_RIGHT + 12 + slot / 2}" y="${PLOT_BOTTOM + 28}" text-anchor="middle">no reply</text>`]),
    `<text class="tick" x="${PLOT_LEFT - 6}" y="${PLOT_TOP + 4}" text-anchor="end">${highest}</text>`,
    `<text class="tick" x="${PLOT_LEFT - 6}" y="${PLOT_BOTTOM}" text-anchor="end">0</text>`,
    '</svg>',
    `<p class="muted">Exchanges by how long they took (bar heights on a log scale), against the timeout; past the dashed line a reply is slow. ${histogram.exchanges} exchanges timed; the slowest reply took ${esc(formatDuration(histogram.slowestMs))}${timedOut > 0 ? `; ${timedOut} got no reply within ${esc(formatDuration(timeoutMs))}` : ''}.</p>`,
  ].join('\n');
}
