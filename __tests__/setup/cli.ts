/** Runs the bundled CLI (dist/cli.js) the way a user does: a separate Node process. */
import { spawnSync } from 'node:child_process';
import {
  allBinaries,
  type BinaryReport,
  type RunReport,
} from '../../src/domain/report/run-report.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { CLI, SYSTEM_NODE } from './paths.js';
import { cliReport, parseReport } from './report-schema.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** `verify --format json`'s RunReport, validated against the schema; null for anything else. */
  report: RunReport | null;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  // The lowest Node the CLI supports (the machine's 20), not the runner's Node 24.
  const r = spawnSync(SYSTEM_NODE, [CLI, ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    report: cliReport(args, r.stdout),
  };
}

/** `verify --format json` parsed and validated; `binaries`: every target's, in order. */
export function verifyJson(args: readonly string[]): {
  status: number | null;
  report: RunReport;
  binaries: BinaryReport[];
  stderr: string;
} {
  const all = ['verify', '--format', 'json', ...args];
  const r = runCli(all);
  const report = r.report ?? parseReport(r.stdout, `verify ${args.join(' ')}`);
  return { status: r.status, report, binaries: allBinaries(report), stderr: r.stderr };
}

/** A Node stack trace line, which no CLI output may contain. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

/** A report's binaries and smoke results, every target's, in order. */
export function flatReport(report: RunReport): {
  report: RunReport;
  binaries: BinaryReport[];
  smoke: SmokeResult[];
} {
  return {
    report,
    binaries: allBinaries(report),
    smoke: report.targets.flatMap((t) => t.smoke.results),
  };
}

/** stdout of `verify --format json` as a validated report, flattened (see flatReport). */
export function verifyReportOf(r: CliRun): ReturnType<typeof flatReport> {
  if (r.report === null) throw new Error(`no RunReport on stdout: ${r.stderr}`);
  return flatReport(r.report);
}
