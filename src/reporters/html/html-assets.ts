/** The html report's stylesheet, inline: system fonts only, nothing loaded from elsewhere. */
export const HTML_STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --bg-soft: #f6f8fa;
  --red: #cf222e; --red-bg: #ffebe9; --amber: #9a6700; --amber-bg: #fff8c5; --green: #1a7f37; --green-bg: #dafbe1; --blue: #0969da; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 12.5px; }
h1 { font-size: 20px; margin: 8px 0; }
h2 { font-size: 17px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
h3 { font-size: 15px; margin: 18px 0 8px; }
h4 { font-size: 13px; margin: 10px 0 4px; }
.muted { color: var(--muted); }
.bad { color: var(--red); }
.warn-text { color: var(--amber); }
.verdict { font-size: 16px; font-weight: 600; padding: 10px 14px; border-radius: 6px; border: 1px solid; overflow-wrap: anywhere; }
.verdict.pass { color: var(--green); background: var(--green-bg); border-color: var(--green); }
.verdict.fail { color: var(--red); background: var(--red-bg); border-color: var(--red); }
.verdict.warn { color: var(--amber); background: var(--amber-bg); border-color: var(--amber); }
.problem { color: var(--red); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 0; }
dt { color: var(--muted); } dd { margin: 0; overflow-wrap: anywhere; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { background: var(--bg-soft); font-weight: 600; }
.num { text-align: right; }
.mark { font-weight: 700; } .mark.pass { color: var(--green); } .mark.fail { color: var(--red); } .mark.skip { color: var(--muted); }
details.finding { border: 1px solid var(--line); border-left-width: 4px; border-radius: 6px; margin: 8px 0; }
details.finding.severity-error { border-left-color: var(--red); }
details.finding.severity-warning { border-left-color: var(--amber); }
details.finding.severity-notice { border-left-color: var(--blue); }
details.finding > summary { cursor: pointer; padding: 8px 12px; overflow-wrap: anywhere; }
details.finding[open] > summary { border-bottom: 1px solid var(--line); background: var(--bg-soft); }
details.finding .body { padding: 4px 14px 12px; }
.badge { display: inline-block; font-size: 11px; font-weight: 700; text-transform: uppercase; padding: 1px 6px; border-radius: 10px; margin-right: 6px; }
.badge.error { color: #fff; background: var(--red); }
.badge.warning { color: #fff; background: var(--amber); }
.badge.notice { color: #fff; background: var(--blue); }
.twilio { font-weight: 600; }
pre { background: var(--bg-soft); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; margin: 0;
  white-space: pre-wrap; overflow-wrap: anywhere; max-height: 360px; overflow: auto; }
.exchange { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
@media (max-width: 800px) { .exchange { grid-template-columns: 1fr; } }
button.small { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid var(--line); border-radius: 5px; background: #fff; cursor: pointer; }
button.small:hover { background: var(--bg-soft); }
svg { max-width: 100%; height: auto; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 11.5px; }
svg .actor { font-weight: 600; font-family: system-ui, sans-serif; fill: var(--fg); }
svg .lifeline { stroke: var(--line); stroke-width: 2; }
svg .arrow line { stroke: var(--fg); stroke-width: 1.4; }
svg .arrow polygon { fill: var(--fg); }
svg .arrow text { fill: var(--fg); }
svg .arrow.reply line { stroke-dasharray: 5 3; }
svg .arrow.bad line, svg .arrow.bad polygon { stroke: var(--red); fill: var(--red); }
svg .arrow.bad text { fill: var(--red); }
svg .arrow.inferred { opacity: 0.55; }
svg .arrow.inferred line { stroke-dasharray: 2 3; }
svg .axis { stroke: var(--muted); }
svg .bar { fill: var(--blue); } svg .bar.slow { fill: var(--amber); } svg .bar.timed-out { fill: var(--red); }
svg .limit { stroke: var(--red); stroke-width: 1.5; } svg .limit.half { stroke: var(--amber); stroke-dasharray: 4 3; }
svg .tick { fill: var(--muted); } svg .tick.bad { fill: var(--red); }
`;

/**
 * The html report's one script: the copy buttons (the clipboard, or a selection to copy by hand where the clipboard
 * is refused) and expand/collapse all. Findings open and close without it (`<details>`). It reads only the page.
 */
export const HTML_SCRIPT = `
(function () {
  'use strict';
  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }
  function copied(button, word) {
    var before = button.textContent;
    button.textContent = word;
    setTimeout(function () { button.textContent = before; }, 1500);
  }
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('button') : null;
    if (!button) return;
    var action = button.getAttribute('data-action');
    if (action === 'expand-all' || action === 'collapse-all') {
      document.querySelectorAll('details.finding').forEach(function (details) { details.open = action === 'expand-all'; });
      return;
    }
    var id = button.getAttribute('data-copy');
    var source = id ? document.getElementById(id) : null;
    if (!source) return;
    var text = source.textContent;
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { copied(button, 'copied'); }, function () { select(source); copied(button, 'selected: press Ctrl+C'); });
    } else {
      select(source);
      copied(button, 'selected: press Ctrl+C');
    }
  });
})();
`;
