/**
 * Whether this machine's kernel starts i386 programs, asked the way the smoke run asks it (the
 * same probe program), synchronously for describe-time choices. The hosted runners' kernels do;
 * a Firecracker guest here does not ("Exec format error").
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { i386ExitProgram } from '../../src/domain/runner/ia32-probe.js';

let known: boolean | undefined;

export function kernelRuns386Sync(): boolean {
  if (known !== undefined) return known;
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-ia32-test-'));
  try {
    const program = join(dir, 'exit0');
    writeFileSync(program, i386ExitProgram(), { mode: 0o700 });
    known = process.arch === 'x64' && spawnSync(program).status === 0;
    return known;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
