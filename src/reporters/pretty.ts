import type { Report } from '../model/report.js';
import { formatFindingGroups } from './format-findings-text.js';
import { formatSummary } from './format-summary.js';
import { createPalette, PLAIN, type Palette } from './palette.js';
import { startProgressBar, type ProgressBar } from './progress-bar.js';
import type { ReporterFactory } from './reporter-context.js';
import { showControlCharacters } from './show-control-characters.js';
import { writeReport } from './write-report.js';

/**
 * The whole human report: a heading, the findings grouped by check (each with "Reproduce with:" and a curl line),
 * the summary table and the verdict.
 */
export function formatPrettyReport(report: Report, colors: Palette = PLAIN): string {
  const parts = [`${colors.bold('twiml-fax-kit')} checked ${showControlCharacters(report.target)}`];
  if (report.findings.length > 0) parts.push(formatFindingGroups(report, colors));
  parts.push(formatSummary(report, colors));
  return `${parts.join('\n\n')}\n`;
}

/**
 * `--reporter pretty`, the default: a progress bar on stderr while the run goes (only when stderr is a TTY),
 * then the report, coloured when the destination allows.
 */
export const createPrettyReporter: ReporterFactory = (context) => {
  let progress: ProgressBar | undefined;
  let removeInterruptHandler: (() => void) | undefined;
  const stopProgress = (): void => {
    progress?.stop();
    removeInterruptHandler?.();
    removeInterruptHandler = undefined;
  };
  return {
    onRunStarted(event) {
      if (context.io.stderr.isTTY !== true) return;
      progress = startProgressBar(context.io.stderr, event.plannedCases);
      // Ctrl-C must not leave a half-drawn bar and a hidden cursor behind.
      removeInterruptHandler = context.io.onInterrupt?.(stopProgress);
    },
    onCaseFinished(event) {
      progress?.update(event.done, event.total);
    },
    onShrinking(event) {
      progress?.note(`shrinking ${showControlCharacters(event.check)}`);
    },
    async onRunFinished(event) {
      stopProgress();
      await writeReport(context, formatPrettyReport(event.report, createPalette(context.color)));
    },
  };
};
