/** Runs readelf: one process per file, LC_ALL=C, every section we read in one call. */
import { execFile } from 'node:child_process';
import { READELF_ARGS } from '../domain/elf/readelf.js';

export interface ReadelfOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export class ToolMissingError extends Error {}

const MAX_OUTPUT = 512 * 1024 * 1024;

export function runReadelf(readelf: string, path: string): Promise<ReadelfOutput> {
  return new Promise((resolve, reject) => {
    execFile(
      readelf,
      [...READELF_ARGS, '--', path],
      { env: { ...process.env, LC_ALL: 'C' }, maxBuffer: MAX_OUTPUT, encoding: 'utf8' },
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
        resolve({ stdout, stderr, exitCode: code });
      },
    );
  });
}

/** Fails with a clear message when readelf cannot be started at all. */
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
      resolve(stdout.split('\n')[0] ?? '');
    });
  });
}
