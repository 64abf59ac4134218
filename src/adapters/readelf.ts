/** Runs readelf: one process per file, LC_ALL=C, every section we read in one call. */
import { execFile, type ExecFileException } from 'node:child_process';

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

export function runReadelf(
  readelf: string,
  args: readonly string[],
  path: string,
  timeoutMs = READELF_TIMEOUT_MS,
): Promise<ReadelfOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      readelf,
      [...args, '--', path],
      {
        env: { ...process.env, LC_ALL: 'C' },
        maxBuffer: MAX_OUTPUT,
        encoding: 'utf8',
        timeout: timeoutMs,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        if (error !== null && (error as NodeJS.ErrnoException).code === 'ENOENT') {
          reject(
            new ToolMissingError(
              `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH`,
            ),
          );
          return;
        }
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : 1;
        resolve({ stdout, stderr, exitCode: code, toolFailure: toolFailure(error, timeoutMs) });
      },
    );
  });
}

function toolFailure(error: ExecFileException | null, timeoutMs: number): string | null {
  if (error === null) return null;
  if (error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER')
    return `readelf printed more than ${MAX_OUTPUT / 1024 / 1024} MiB`;
  if (error.killed === true)
    return `readelf did not finish within ${timeoutMs / 1000} s and was stopped`;
  if (typeof error.signal === 'string') return `readelf was killed by ${error.signal}`;
  if (typeof error.code === 'string') return `readelf could not run: ${error.code}`;
  return null;
}

/** Fails with a clear message when readelf cannot be started at all, or is another program. */
export function checkReadelf(readelf: string): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(readelf, ['--version'], { env: { ...process.env, LC_ALL: 'C' } }, (error, stdout) => {
      if (error !== null) {
        const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
        reject(
          new ToolMissingError(
            missing
              ? `readelf not found ("${readelf}"): install binutils, or pass --readelf PATH`
              : `"${readelf} --version" failed: ${error.message}`,
          ),
        );
        return;
      }
      const first = stdout.split('\n')[0] ?? '';
      if (!first.includes('GNU readelf')) {
        reject(
          new ToolMissingError(
            `"${readelf}" is not GNU readelf ("--version" says "${first.slice(0, 80)}"): pass the readelf of binutils with --readelf PATH`,
          ),
        );
        return;
      }
      resolve(first);
    });
  });
}
