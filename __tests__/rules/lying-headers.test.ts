/**
 * Section headers that lie: a section header pointed at an edited copy of .gnu.version_r,
 * .dynstr or .dynamic. The loader never reads section headers, so the file loads exactly as
 * before; readelf shows the copy. The verdict must rest on what the loader reads: never a pass.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { judge } from '../setup/judge.js';
import { FIXTURE_DIR } from '../setup/paths.js';
import { runAgainst } from '../setup/toolchain.js';
import { Elf, lieAboutNeeded, lieAboutStrings, lieAboutVersionNeeds } from '../setup/elf-lies.js';
import { compareDotted } from '../../src/domain/version.js';

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-lies-'));
const S390X_LIBM = '/usr/s390x-linux-gnu/lib/libm.so.6';
const BULLSEYE = join(FIXTURE_DIR, '..', '.cgo-abi-guard-fixture-cache', 'bullseye-sysroot');

interface Base {
  name: string;
  path: () => string;
  floor: string;
  target?: string;
  /** The highest need above the floor, and a same-length-or-shorter allowed name for it. */
  above: string;
  allowedName: string;
  needed: string;
}

const BASES: Base[] = [
  {
    name: 'ELF64 little-endian (amd64 cgo)',
    path: () => fixture('amd64-gcc'),
    floor: '2.31',
    above: 'GLIBC_2.34',
    allowedName: 'GLIBC_2.14',
    needed: 'libm.so.6',
  },
  {
    name: 'ELF32 little-endian (386 cgo)',
    path: () => fixture('386-gcc'),
    floor: '2.31',
    above: 'GLIBC_2.34',
    allowedName: 'GLIBC_2.1',
    needed: 'libm.so.6',
  },
  {
    name: 'ELF64 big-endian (s390x libm)',
    path: () => S390X_LIBM,
    floor: '2.36',
    target: 'linux/s390x',
    above: 'GLIBC_PRIVATE',
    allowedName: 'GLIBC_2.2',
    needed: 'libc.so.6',
  },
];

/** A version name the floor allows (GLIBC_PRIVATE never is). */
const allowedAt =
  (floor: string) =>
  (name: string): boolean => {
    const m = /^GLIBC_(\d+(?:\.\d+)*)$/.exec(name);
    return m?.[1] !== undefined && compareDotted(m[1], floor) <= 0;
  };

function write(name: string, elf: Elf): string {
  const path = join(dir, name.replace(/\W+/g, '-'));
  writeFileSync(path, elf.b);
  chmodSync(path, 0o755);
  return path;
}

function readelfShows(path: string, options: string[]): string {
  return spawnSync('readelf', [...options, '-W', path], { encoding: 'utf8', env: { LC_ALL: 'C' } })
    .stdout;
}

describe.each(BASES)('lying section headers: $name', (base) => {
  const policy = {
    glibc: base.floor,
    ...(base.target === undefined ? {} : { target: base.target }),
  };
  const elf = (): Elf => new Elf(readFileSync(base.path()));

  it(`fails untouched: it needs ${base.above} and NEEDS ${base.needed}`, async () => {
    const r = await judge(base.path(), policy);
    expect(r.verdict).toBe('fail');
    expect(r.facts?.versionNeeds.map((n) => n.name)).toContain(base.above);
    expect(r.facts?.needed).toContain(base.needed);
  });

  it.each([
    [
      '.gnu.version_r pointed at a copy naming allowed versions',
      (e: Elf) => lieAboutVersionNeeds(e, allowedAt(base.floor)),
    ],
    [
      `.dynstr pointed at a copy where ${base.above} reads ${base.allowedName}`,
      (e: Elf) => lieAboutStrings(e, base.above, base.allowedName),
    ],
  ])('%s: readelf is fooled, the verdict is not', async (lie, edit) => {
    const path = write(`${base.name}-${lie}`, edit(elf()));
    const needs = readelfShows(path, ['-V']).split('Version needs section')[1];
    expect(needs).toMatch(/File: /);
    expect(needs).not.toContain(base.above);
    const r = await judge(path, policy);
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(
      new RegExp(
        `^cannot be judged: readelf and the loader disagree on the version needs: .*the dynamic segment \\(as the loader reads it\\) has .*${base.above}`,
      ),
    );
  });

  it(`.dynamic pointed at a copy without NEEDED ${base.needed}: never judged without it`, async () => {
    const path = write(`${base.name}-needed`, lieAboutNeeded(elf(), base.needed));
    expect(readelfShows(path, ['-d'])).not.toContain(`[${base.needed}]`);
    const r = await judge(path, policy);
    // readelf reads the dynamic segment itself when it also prints the program headers (as the
    // verifier asks), for some files: then both views agree and the loader's NEEDED is judged.
    if (r.verdict === 'error')
      expect(r.error).toMatch(
        new RegExp(
          `^cannot be judged: readelf and the loader disagree on NEEDED: .*has .*${base.needed}`,
        ),
      );
    else {
      expect(r.verdict).toBe('fail');
      expect(r.facts?.needed).toContain(base.needed);
    }
  });
});

describe('a hidden NEEDED library (the extra-NEEDED zlib build)', () => {
  it('passes nothing the loader would fail: libz.so.1 hidden from readelf -d', async () => {
    const base = fixture('amd64-extra-needed');
    expect((await judge(base, { glibc: '2.36' })).findings.map((f) => f.rule)).toContain('needed');
    const path = write(
      'extra-needed-hidden',
      lieAboutNeeded(new Elf(readFileSync(base)), 'libz.so.1'),
    );
    expect(readelfShows(path, ['-d'])).not.toContain('libz.so.1');
    const r = await judge(path, { glibc: '2.36' });
    expect(r.verdict).toBe('error');
    expect(r.error).toMatch(
      /disagree on NEEDED: readelf shows libm\.so\.6, libc\.so\.6, the dynamic segment \(as the loader reads it\) has libz\.so\.1, libm\.so\.6, libc\.so\.6/,
    );
  });
});

describe('the lie changes nothing the loader does', () => {
  it('the amd64 binary with a lying .gnu.version_r runs here, and bullseye refuses it for GLIBC_2.34', () => {
    const original = fixture('amd64-gcc');
    const path = write(
      'runs',
      lieAboutVersionNeeds(new Elf(readFileSync(original)), allowedAt('2.31')),
    );
    const own = spawnSync(original, { encoding: 'utf8' });
    const lying = spawnSync(path, { encoding: 'utf8' });
    expect(lying.status).toBe(0);
    expect(lying.stdout).toBe(own.stdout);
    const old = runAgainst('amd64', BULLSEYE, path);
    expect(old.status).not.toBe(0);
    expect(old.stderr).toMatch(/version `GLIBC_2\.34' not found/);
  });
});
