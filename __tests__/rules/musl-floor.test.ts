/**
 * A real dynamic musl binary at the floor of the machine's musl (Debian 12's musl-tools: musl
 * 1.2.3, amd64): built here with musl-gcc, read with readelf as the verifier reads it, checked
 * against the table of what each musl floor's libc.so exports (rules/musl-exports.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseReadelf } from '../../src/domain/elf/readelf.js';
import { muslExports, muslFloorCheck } from '../../src/domain/rules/musl-exports.js';

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-musl-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const RESOLVE = `#include <netdb.h>
#include <stdio.h>
int main(int argc, char **argv) {
  struct addrinfo *res = 0;
  int e = getaddrinfo(argc > 1 ? argv[1] : "localhost", 0, 0, &res);
  if (e == 0) freeaddrinfo(res);
  printf("%d\\n", e);
  return 0;
}
`;

function build(name: string, source: string): string {
  const src = join(dir, `${name}.c`);
  const out = join(dir, name);
  writeFileSync(src, source);
  const r = spawnSync('musl-gcc', ['-O2', '-o', out, src], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return out;
}

function readelf(file: string): ReturnType<typeof parseReadelf> {
  const r = spawnSync('readelf', ['-W', '-d', '--dyn-syms', file], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  expect(r.status, r.stderr).toBe(0);
  return parseReadelf(r.stdout);
}

describe('a dynamic C program built with musl-gcc (musl 1.2.3, amd64)', () => {
  let facts: ReturnType<typeof parseReadelf>;
  beforeAll(() => {
    facts = readelf(build('resolve', RESOLVE));
  });

  it('needs libc.so and calls getaddrinfo, with the start files’ weak references', () => {
    expect(facts.needed).toEqual(['libc.so']);
    const names = facts.symbolVersions.map((s) => s.symbol);
    expect(names).toEqual(expect.arrayContaining(['getaddrinfo', 'freeaddrinfo', 'printf']));
    // Not musl's: the check passes below only because they are weak references.
    expect(names).toContain('_ITM_registerTMCloneTable');
    expect(muslExports('1.2.3', 'amd64')?.has('_ITM_registerTMCloneTable')).toBe(false);
    // readelf's Bind column says which are weak: the facts carry it, the calls are not weak.
    const weak = (name: string): boolean | undefined =>
      facts.symbolVersions.find((s) => s.symbol === name)?.weak;
    expect(weak('_ITM_registerTMCloneTable')).toBe(true);
    expect(weak('getaddrinfo')).toBeUndefined();
  });

  it('lacks nothing at floor 1.2.3, nor at 1.2.2 and 1.2.5', () => {
    for (const musl of ['1.2.2', '1.2.3', '1.2.5'])
      expect(
        muslFloorCheck({
          symbols: facts.symbolVersions,
          needed: facts.needed,
          musl,
          arch: 'amd64',
        }),
        musl,
      ).toEqual({ missing: [], unjudged: [] });
  });
});
