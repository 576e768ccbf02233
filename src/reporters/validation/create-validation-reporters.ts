import type { CliIo } from '../../model/io.js';
import { createPalette } from '../palette.js';
import { resolveReporterOutputs, type ReporterOutputsOptions } from '../reporter-outputs.js';
import { writeReport } from '../write-report.js';
import { formatValidationGithub } from './github.js';
import { formatValidationJson } from './json.js';
import { formatValidationJunit } from './junit.js';
import { formatValidationPrettyReport } from './pretty.js';
import { formatValidationSarif } from './sarif.js';
import type { ValidationReport } from './validation-report.js';

/** `validate`'s reporters by their `--reporter` name: each turns the report into the text it writes. */
export const VALIDATION_REPORTERS = {
  pretty: (report: ValidationReport, color: boolean) => formatValidationPrettyReport(report, createPalette(color)),
  json: (report: ValidationReport) => formatValidationJson(report),
  junit: (report: ValidationReport) => formatValidationJunit(report),
  github: (report: ValidationReport) => formatValidationGithub(report),
  sarif: (report: ValidationReport) => formatValidationSarif(report),
} as const;

type ValidationReporterName = keyof typeof VALIDATION_REPORTERS;

/** Writes `validate`'s report to every `--reporter` output; rejects with a `ReportWriteError` for a file it cannot write. */
export type WriteValidationReport = (report: ValidationReport) => Promise<void>;

/**
 * Reads `validate`'s `--reporter NAME[:FILE]` values by the rules every command shares (`resolveReporterOutputs`:
 * `pretty` on stdout by default, output files checked and earlier reports removed now, one colour rule), and returns
 * what writes the report to each output in order, or one line saying what is wrong with the flags.
 * @example createValidationReporters(['pretty', 'junit:reports/twiml.xml', 'github'], io, { color: false })
 */
export function createValidationReporters(
  specs: readonly string[],
  io: CliIo,
  options: ReporterOutputsOptions = {},
): { readonly ok: true; readonly write: WriteValidationReport } | { readonly ok: false; readonly message: string } {
  const outputs = resolveReporterOutputs(specs, Object.keys(VALIDATION_REPORTERS) as ValidationReporterName[], io, options);
  if (!outputs.ok) return outputs;
  return {
    ok: true,
    async write(report) {
      // In order, each awaited: pretty and github may share stdout, and a file that cannot be written must not keep
      // the others from being written.
      const failures: unknown[] = [];
      for (const { name, destination, color } of outputs.outputs) {
        await writeReport({ io, destination, color }, VALIDATION_REPORTERS[name](report, color)).catch((error: unknown) => failures.push(error));
      }
      if (failures.length > 0) throw failures[0];
    },
  };
}
