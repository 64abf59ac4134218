/**
 * The probe that asks the kernel whether it starts i386 programs: readelf reads it as a static
 * i386 executable, and qemu-i386 (which needs no kernel support) runs it to exit status 0.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i386ExitProgram } from '../../src/domain/runner/ia32-probe.js';

describe('i386ExitProgram', () => {
  const program = join(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-ia32-')), 'exit0');
  writeFileSync(program, i386ExitProgram(), { mode: 0o700 });

  it('is a static i386 executable: one loadable segment, no interpreter', () => {
    const r = spawnSync('readelf', ['-hlW', program], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/Class:\s+ELF32/);
    expect(r.stdout).toMatch(/Type:\s+EXEC/);
    expect(r.stdout).toMatch(/Machine:\s+Intel 80386/);
    expect(r.stdout).toMatch(/^\s+LOAD\s/m);
    expect(r.stdout).not.toMatch(/INTERP/);
  });

  it('exits with status 0 when run (under qemu-i386, which needs nothing of the kernel)', () => {
    const r = spawnSync('qemu-i386', [program]);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
  });
});
