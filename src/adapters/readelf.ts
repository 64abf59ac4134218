/** Runs readelf over one file or a batch, LC_ALL=C, with a time limit and an output cap. */
import { execQuiet } from './exec.js';

export interface ReadelfOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** The tool itself failed (killed after the time limit, a signal, too much output). */
  toolFailure: string | null;
}

export class ToolMissingError extends Error {}

const MAX_OUTPUT = 512 * 1024 * 1024;
/** Per file: the largest real library here takes about 2 s. */
export const READELF_TIMEOUT_MS = 120_000;

const missing = (readelf: string): ToolMissingError =>
  new ToolMissingError(
    `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH`,
  );

/** One readelf process; with several paths it prints `File: PATH` before each file's text. */
export async function runReadelf(
  readelf: string,
  args: readonly string[],
  paths: string | readonly string[],
  timeoutMs = READELF_TIMEOUT_MS,
): Promise<ReadelfOutput> {
  const files = typeof paths === 'string' ? [paths] : paths;
  const r = await execQuiet(readelf, [...args, '--', ...files], {
    timeoutMs,
    maxOutput: MAX_OUTPUT,
  });
  if (r.failure?.endsWith(': not found') === true) throw missing(readelf);
  const toolFailure =
    r.failure === null
      ? null
      : r.failure.startsWith('timed out')
        ? `readelf did not finish within ${timeoutMs / 1000} s and was stopped`
        : `readelf ${r.failure}`;
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode ?? 1, toolFailure };
}

/** Fails with a clear message when readelf cannot be started at all, or is another program. */
export async function checkReadelf(readelf: string): Promise<string> {
  const r = await execQuiet(readelf, ['--version'], { timeoutMs: 30_000 });
  if (r.failure?.endsWith(': not found') === true) throw missing(readelf);
  if (r.exitCode !== 0)
    throw new ToolMissingError(
      `"${readelf} --version" failed: ${r.failure ?? (r.stderr.trim().split('\n')[0] || `exit status ${String(r.exitCode)}`)}`,
    );
  const first = r.stdout.split('\n')[0] ?? '';
  if (!first.includes('GNU readelf'))
    throw new ToolMissingError(
      `"${readelf}" is not GNU readelf ("--version" says "${first.slice(0, 80)}"): pass the readelf of binutils with --readelf PATH`,
    );
  return first;
}
