/**
 * Capping real glibc libraries (glibc-cap.ts): Debian 12's arm64 libm (glibc 2.36, from the
 * libc6-arm64-cross the tests install) capped at 2.28 makes aarch64-linux-gnu-gcc bind exp, log
 * and pow to GLIBC_2.17 instead of 2.29, and the edited library is the same bytes but for the
 * version entries, as readelf reads them.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyEdits, capGlibc } from '../../src/domain/toolchain/glibc-cap.js';

const LIBM = '/usr/aarch64-linux-gnu/lib/libm.so.6';
const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-capping-'));

const PROGRAM = `#include <math.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
  double x = argc > 1 ? atof(argv[1]) : 1.5;
  printf("%f %f %f\\n", exp(x), log(x), pow(x, x));
  return 0;
}
`;

/** The program linked against the libm in `libDir` (first on the search path). */
function link(libDir: string, out: string): string {
  const src = join(work, 'm.c');
  writeFileSync(src, PROGRAM);
  const r = spawnSync('aarch64-linux-gnu-gcc', ['-O2', src, '-o', out, `-L${libDir}`, '-lm'], {
    encoding: 'utf8',
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return spawnSync('readelf', ['-W', '--dyn-syms', out], { encoding: 'utf8' }).stdout;
}

const versionOf = (dynsyms: string, name: string): string | undefined =>
  new RegExp(`UND ${name}@(GLIBC_[\\d.]+)`).exec(dynsyms)?.[1];

describe("Debian 12's arm64 libm capped at 2.28", () => {
  const bytes = new Uint8Array(readFileSync(LIBM));
  const r = capGlibc(bytes, '2.28');
  if ('error' in r) throw new Error(r.error);

  it('hides the 2.29 defaults of exp, log and pow and restores their 2.17 versions', () => {
    expect(r.hidden).toEqual(
      expect.arrayContaining(['exp@@GLIBC_2.29', 'log@@GLIBC_2.29', 'pow@@GLIBC_2.29']),
    );
    expect(r.restored).toEqual(
      expect.arrayContaining(['exp@GLIBC_2.17', 'log@GLIBC_2.17', 'pow@GLIBC_2.17']),
    );
    // Every hidden default is above the floor; every restored version at or below it.
    for (const h of r.hidden) expect(h).toMatch(/@@GLIBC_(2\.(29|[3-9]\d)|[3-9])/);
    for (const s of r.restored) expect(s).toMatch(/@GLIBC_2\.(1[7-9]|2[0-8])$/);
  });

  it('links exp, log and pow at GLIBC_2.17, where the library as shipped gives 2.29', () => {
    const shipped = join(work, 'shipped');
    const capped = join(work, 'capped');
    for (const dir of [shipped, capped]) spawnSync('mkdir', ['-p', dir]);
    copyFileSync(LIBM, join(shipped, 'libm.so'));
    writeFileSync(join(capped, 'libm.so'), applyEdits(bytes, r.edits));
    const before = link(shipped, join(work, 'm-shipped'));
    const after = link(capped, join(work, 'm-capped'));
    for (const name of ['exp', 'log', 'pow']) {
      expect(versionOf(before, name)).toBe('GLIBC_2.29');
      expect(versionOf(after, name)).toBe('GLIBC_2.17');
    }
    // And it runs on the host's arm64 glibc (qemu), where the old versions still work.
    const run = spawnSync(
      'qemu-aarch64',
      ['-L', '/usr/aarch64-linux-gnu', join(work, 'm-capped')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.stdout).toBe('4.481689 0.405465 1.837117\n');
  });

  it("keeps every symbol and version definition readelf shows, only the defaults' marks change", () => {
    const cappedPath = join(work, 'libm-capped.so.6');
    writeFileSync(cappedPath, applyEdits(bytes, r.edits));
    const syms = (path: string): string[] =>
      spawnSync('readelf', ['-W', '--dyn-syms', path], { encoding: 'utf8' })
        .stdout.split('\n')
        .flatMap((l) => /\s(\S+@@?GLIBC_[\d.]+)/.exec(l)?.[1] ?? []);
    const before = syms(LIBM);
    const after = syms(cappedPath);
    expect(after.length).toBe(before.length);
    const plain = (list: string[]): string[] => list.map((s) => s.replace('@@', '@')).sort();
    expect(plain(after)).toEqual(plain(before));
    expect(after).toContain('pow@@GLIBC_2.17');
    expect(after).toContain('pow@GLIBC_2.29');
    expect(before).toContain('pow@@GLIBC_2.29');
  });
});
