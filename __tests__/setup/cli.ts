/** Runs the bundled CLI (dist/cli.js) the way a user does: a separate Node process. */
import { spawnSync } from 'node:child_process';
import { CLI, SYSTEM_NODE } from './paths.js';

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = process.env): CliRun {
  // The lowest Node the CLI supports (the machine's 20), not the runner's Node 24.
  const r = spawnSync(SYSTEM_NODE, [CLI, ...args], {
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** `verify --format json` parsed. */
export interface JsonReport {
  verdict: string;
  binaries: {
    path: string;
    verdict: string;
    target: string | null;
    error?: string;
    findings: {
      rule: string;
      severity: string;
      message: string;
      fix: string;
      symbols?: string[];
    }[];
    facts: Record<string, unknown> | null;
  }[];
}

export function verifyJson(args: readonly string[]): {
  status: number | null;
  report: JsonReport;
  stderr: string;
} {
  const r = runCli(['verify', '--format', 'json', ...args]);
  return { status: r.status, report: JSON.parse(r.stdout) as JsonReport, stderr: r.stderr };
}

/** A Node stack trace line, which no CLI output may contain. */
export const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;
