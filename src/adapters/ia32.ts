/**
 * Whether this machine's kernel starts 32-bit x86 programs (see domain/runner/ia32-probe.ts):
 * asked once per process by starting the probe program from a private temporary directory.
 */
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { i386ExitProgram } from '../domain/runner/ia32-probe.js';
import { execQuiet } from './exec.js';

let asked: Promise<boolean> | undefined;

export function kernelRuns386(): Promise<boolean> {
  asked ??= probe();
  return asked;
}

async function probe(): Promise<boolean> {
  if (process.arch !== 'x64') return false;
  const dir = await mkdtemp(join(process.env.RUNNER_TEMP ?? tmpdir(), 'cgo-abi-guard-ia32-'));
  try {
    const program = join(dir, 'exit0');
    await writeFile(program, i386ExitProgram(), { mode: 0o700 });
    await chmod(program, 0o700);
    const r = await execQuiet(program, [], { timeoutMs: 10_000 });
    return r.exitCode === 0;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
