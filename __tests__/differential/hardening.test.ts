/**
 * facts.hardening compared field by field with Debian's hardening-check (devscripts) and checksec
 * on real binaries of Debian packages (amd64 programs and libraries, the cross C libraries of
 * other architectures), on the fixture builds, and on small C programs built here with and
 * without each hardening flag. One in-process verify over every file; each oracle runs once.
 *
 * Where the oracles' notions differ from ours, the mapping is explicit below (see `compare`).
 * BTI and PAC have no oracle: neither tool reads AArch64 feature marks (unit tests cover them).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Hardening } from '../../src/domain/elf/hardening.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import { verifyPaths } from '../../src/steps/verify.js';
import { realElfFiles } from '../setup/corpus.js';
import { fixtureFiles } from '../setup/fixtures.js';
import {
  checksec,
  hardeningCheck,
  requireTool,
  type Checksec,
  type HardeningCheck,
} from '../setup/hardening-oracles.js';

/** Files up to 3 MB: the readers of every tool take longer on larger ones. */
const MAX_BYTES = 3 * 1024 * 1024;
/** How many files of each directory, spread over its sorted names (not only the a's). */
const DIRS: [string, number][] = [
  ['/usr/bin', 16],
  ['/usr/sbin', 4],
  ['/usr/lib/x86_64-linux-gnu', 8],
  ['/usr/aarch64-linux-gnu/lib', 6],
  ['/usr/arm-linux-gnueabihf/lib', 4],
  ['/usr/i686-linux-gnu/lib', 4],
  ['/usr/powerpc64le-linux-gnu/lib', 2],
  ['/usr/s390x-linux-gnu/lib', 2],
];
/** checksec starts a dozen readelf per file: it reads the C builds and every 6th other file. */
const CHECKSEC_EVERY = 6;

function debianFiles(): string[] {
  return DIRS.flatMap(([dir, count]) => {
    const all = realElfFiles([{ dir, limit: 10_000 }]).filter((f) => statSync(f).size <= MAX_BYTES);
    const step = Math.max(1, Math.floor(all.length / count));
    return all.filter((_, i) => i % step === 0).slice(0, count);
  });
}

const PROGRAM = `#ifdef NO_LIBC
void _start(void) { __builtin_trap(); }
#else
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv) {
  char buf[64];
  strcpy(buf, argc > 1 ? argv[1] : "x");
  printf("%s\\n", buf);
  return 0;
}
#endif
`;

/** C builds with and without each flag: every value of every field occurs at least once. */
const BUILDS: Record<string, string[]> = {
  hardened: [
    '-O2',
    '-D_FORTIFY_SOURCE=2',
    '-fstack-protector-strong',
    '-fcf-protection=full',
    '-fPIE',
    '-pie',
    '-Wl,-z,relro,-z,now',
  ],
  // -z now with the old tags: DT_BIND_NOW (and FLAGS_1 NOW), where `hardened` has DT_FLAGS BIND_NOW.
  'bind-now-tag': ['-O2', '-fPIE', '-pie', '-Wl,-z,relro', '-Wl,-z,now', '-Wl,--disable-new-dtags'],
  bare: [
    '-O0',
    '-fno-stack-protector',
    '-fcf-protection=none',
    '-no-pie',
    '-Wl,-z,norelro',
    '-Wl,-z,lazy',
    '-z',
    'execstack',
  ],
  static: ['-O2', '-static', '-D_FORTIFY_SOURCE=2', '-fstack-protector-strong'],
  // No start files (Debian's lack the CET marks, and one object without them drops them).
  cet: ['-O2', '-static', '-nostdlib', '-fcf-protection=full', '-DNO_LIBC'],
  'static-stripped': ['-O2', '-static', '-s', '-fstack-protector-strong'],
};

function cBuilds(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hardening-'));
  const source = join(dir, 'p.c');
  writeFileSync(source, PROGRAM);
  return Object.entries(BUILDS).map(([name, flags]) => {
    const out = join(dir, name);
    execFileSync('gcc', [...flags, '-o', out, source], { stdio: 'pipe' });
    return out;
  });
}

/** Every difference of a file's facts from the oracles', as `field: ours vs theirs` lines. */
function compare(
  h: Hardening,
  type: string,
  hc: HardeningCheck,
  cs: Checksec | undefined,
): string[] {
  const bad: string[] = [];
  const expectSame = (field: string, ours: unknown, theirs: unknown, note = ''): void => {
    if (ours !== theirs) bad.push(`${field}: ours ${String(ours)} vs ${String(theirs)}${note}`);
  };
  // PIE: hardening-check says yes for ET_DYN with PT_PHDR; a shared library (no PHDR) is
  // "no, regular shared library (ignored)". Ours: ET_DYN with DF_1_PIE or an interpreter.
  expectSame('pie', h.pie, hc.pie === 'yes', ` (hardening-check: ${hc.pie})`);
  // RELRO and BIND_NOW: hardening-check reads both (BIND_NOW as DT_BIND_NOW, FLAGS BIND_NOW
  // or FLAGS_1 NOW, as we do); full = both.
  expectSame('relro', h.relro !== 'none', hc.relro === 'yes', ` (hardening-check: ${hc.relro})`);
  expectSame('bindNow', h.bindNow, hc.bindNow === 'yes', ` (hardening-check: ${hc.bindNow})`);
  // CET: hardening-check wants "x86 feature: IBT, SHSTK" in the notes; off x86 we say null.
  expectSame('cet', h.cet === true, hc.cfi === 'yes', ` (hardening-check: ${hc.cfi})`);
  const isStatic = type === 'static';
  // Stack protector: hardening-check counts only an undefined FUNC __stack_chk_fail, so it says
  // "no" for libc (which defines it) and "unknown, no symbols found" for every static binary
  // (nothing undefined). Its yes must be ours; otherwise checksec's canary (any of the names in
  // `readelf -s`) is the oracle, but for a stripped static binary, where checksec prints "no"
  // for lack of symbols and ours is unknown.
  if (hc.stack === 'yes') expectSame('stackProtector', h.stackProtector, 'yes');
  if (cs !== undefined) {
    const theirs = cs.canary === 'yes' ? 'yes' : h.stackProtector === 'unknown' ? 'unknown' : 'no';
    expectSame('stackProtector', h.stackProtector, theirs, ` (checksec canary: ${cs.canary})`);
    if (h.stackProtector === 'unknown' && !isStatic)
      bad.push('stackProtector: unknown on a dynamic file');
  }
  // FORTIFY: hardening-check's yes needs an imported __X_chk for X in its list of glibc
  // functions; its "no, only unprotected functions found!" and "unknown, no protectable libc
  // functions used" both mean none is imported. It reads no static binary (nothing undefined).
  if (!isStatic) {
    const fortified = (h.fortified ?? []).length > 0;
    expectSame(
      'fortify',
      fortified,
      hc.fortify.startsWith('yes'),
      ` (hardening-check: ${hc.fortify})`,
    );
  }
  if (cs !== undefined) {
    // checksec: "full" needs GNU_RELRO and the word BIND_NOW in `readelf -d`; a DT_FLAGS_1 NOW
    // alone would read "partial" there (GNU ld and lld always write BIND_NOW or FLAGS BIND_NOW
    // beside it, so no file here has it alone; hardening-check's BIND_NOW then decides).
    // NX: GNU_STACK without RWE; none at all is "NX disabled", as ours.
    const relro = cs.relro === 'no' ? 'none' : cs.relro;
    if (!(relro === 'partial' && h.relro === 'full' && hc.bindNow === 'yes'))
      expectSame('relro', h.relro, relro, ' (checksec)');
    expectSame('nxStack', h.nxStack, cs.nx === 'yes', ' (checksec)');
    // checksec's PIE: ET_DYN with DT_DEBUG; without it, "dso".
    if (cs.pie !== 'dso') expectSame('pie', h.pie, cs.pie === 'yes', ' (checksec)');
  }
  return bad;
}

describe('facts.hardening agrees with hardening-check and checksec', async () => {
  requireTool('hardening-check', 'devscripts');
  requireTool('checksec', 'checksec');
  const real = debianFiles();
  const built = cBuilds();
  const own = [...fixtureFiles(), ...built];
  const files = [...real, ...own];
  const checksecFiles = [
    ...built,
    ...[...real, ...fixtureFiles()].filter((_, i) => i % CHECKSEC_EVERY === 0),
  ];
  const [report, hc, cs] = await Promise.all([
    verifyPaths(files, { policy: defaultPolicy(), readelf: 'readelf' }),
    hardeningCheck(files),
    checksec(checksecFiles),
  ]);
  const compared = report.binaries.filter((b) => b.facts !== null && hc.has(b.path));

  it('compares at least 30 Debian binaries of 4 architectures and every own build', () => {
    const realCompared = compared.filter((b) => real.includes(b.path));
    expect(realCompared.length).toBeGreaterThanOrEqual(30);
    expect(new Set(realCompared.map((b) => b.facts?.machine)).size).toBeGreaterThanOrEqual(4);
    expect(
      compared
        .filter((b) => own.includes(b.path))
        .map((b) => b.path)
        .sort(),
    ).toEqual([...own].sort());
    expect([...cs.keys()].sort()).toEqual([...checksecFiles].sort());
  });

  it('agrees field by field', () => {
    const mismatches = compared.flatMap((b) => {
      const f = b.facts;
      const theirs = hc.get(b.path);
      if (f === null || theirs === undefined) return [`${b.path}: not read by one side`];
      const type = f.interpreter === null && (f.type === 'EXEC' || f.pie) ? 'static' : 'dynamic';
      return compare(f.hardening, type, theirs, cs.get(b.path)).map((m) => `${b.path}: ${m}`);
    });
    expect(mismatches).toEqual([]);
  });

  it('has each value of each field in what it compared', () => {
    const values = (pick: (h: Hardening) => unknown): Set<unknown> =>
      new Set(compared.map((b) => (b.facts === null ? undefined : pick(b.facts.hardening))));
    expect(values((h) => h.pie)).toEqual(new Set([true, false]));
    expect(values((h) => h.relro)).toEqual(new Set(['none', 'partial', 'full']));
    expect(values((h) => h.bindNow)).toEqual(new Set([true, false]));
    expect(values((h) => h.nxStack)).toEqual(new Set([true, false]));
    expect(values((h) => h.stackProtector)).toEqual(new Set(['yes', 'no', 'unknown']));
    expect(values((h) => (h.fortified === null ? null : h.fortified.length > 0))).toEqual(
      new Set([true, false, null]),
    );
    expect(values((h) => h.cet)).toEqual(new Set([true, false, null]));
  });
});
