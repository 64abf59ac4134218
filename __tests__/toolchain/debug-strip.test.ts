/**
 * The pure pieces of stripping: which ELF files carry debug sections (checked against readelf on
 * real fixture binaries), which tool packages a plan locks, and the lock's `tools` list.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  debugBytes,
  elfLayout,
  isUnneeded,
  sectionHeaders,
  stripToolPackages,
  unstrippedNotice,
} from '../../src/domain/toolchain/debug-strip.js';
import {
  contentIdentity,
  parseLockfile,
  renderLockfile,
} from '../../src/domain/toolchain/lockfile.js';
import { parseTarget } from '../../src/domain/platform.js';
import {
  planToolchain,
  type HostInfo,
  type ToolchainPlan,
} from '../../src/domain/toolchain/toolchain-plan.js';
import { fixture } from '../setup/fixtures.js';

/** readelf's view: machine number and the summed size of `.debug_*` / `.zdebug_*` sections. */
function readelfView(file: string): { debug: number } {
  const r = spawnSync('readelf', ['-SW', file], { encoding: 'utf8', env: { LC_ALL: 'C' } });
  let debug = 0;
  for (const m of r.stdout.matchAll(
    /\]\s+(\.z?debug_\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)/g,
  ))
    debug += parseInt(m[2] ?? '0', 16);
  return { debug };
}

function ours(file: string): { machine: number; debug: number } {
  const bytes = readFileSync(file);
  const layout = elfLayout(bytes.subarray(0, 64));
  if (layout === null) throw new Error(`${file}: not ELF`);
  const sections = sectionHeaders(
    layout,
    bytes.subarray(layout.shoff, layout.shoff + layout.shnum * layout.shentsize),
  );
  const names = sections[layout.shstrndx];
  if (names === undefined) throw new Error(`${file}: no section names`);
  const debug = debugBytes(sections, bytes.subarray(names.offset, names.offset + names.size));
  return { machine: layout.machine, debug };
}

describe('debug sections of real ELF files', () => {
  it.each([
    ['amd64-gcc', 62],
    ['arm64-gcc', 183],
    ['386-gcc', 3],
    ['armhf-gcc', 40],
    ['amd64-static-net-stripped', 62],
  ])('%s: machine %i, debug bytes as readelf counts them', (name, machine) => {
    const file = fixture(name);
    const got = ours(file);
    expect(got.machine).toBe(machine);
    expect(got.debug).toBe(readelfView(file).debug);
    if (name.endsWith('-stripped')) expect(got.debug).toBe(0);
    else expect(got.debug).toBeGreaterThan(0);
  });

  it('is not fooled by files that are not ELF', () => {
    expect(
      elfLayout(new TextEncoder().encode('#!/bin/sh\necho hello, this is not ELF at all\n')),
    ).toBeNull();
    expect(elfLayout(new Uint8Array([0x7f, 0x45, 0x4c, 0x46]))).toBeNull();
  });
});

const AMD64: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const ARM64: HostInfo = {
  family: 'debian',
  debianArch: 'arm64',
  goarch: 'arm64',
  multiarch: 'aarch64-linux-gnu',
  glibc: '2.36',
};

function plan(host: HostInfo, target: string, compiler: 'gcc' | 'clang'): ToolchainPlan {
  const t = parseTarget(target);
  if ('error' in t) throw new Error(t.error);
  const p = planToolchain(host, t, '2.31', compiler);
  if ('error' in p) throw new Error(p.error);
  return p;
}

describe('the strip tool a plan locks', () => {
  it('is the release binutils for the host architecture, for a cross gcc only', () => {
    expect(stripToolPackages(plan(AMD64, 'linux/arm64', 'gcc'))).toEqual([
      'binutils-x86-64-linux-gnu',
      'libbinutils',
    ]);
    expect(stripToolPackages(plan(ARM64, 'linux/amd64', 'gcc'))).toEqual([
      'binutils-aarch64-linux-gnu',
      'libbinutils',
    ]);
    expect(stripToolPackages(plan(AMD64, 'linux/amd64', 'gcc'))).toEqual([]);
    expect(stripToolPackages(plan(AMD64, 'linux/arm64', 'clang'))).toEqual([]);
  });

  it('removes lto-dump and nothing a build runs', () => {
    const p = plan(AMD64, 'linux/arm64', 'gcc');
    expect(isUnneeded(p, 'usr/bin/aarch64-linux-gnu-lto-dump-10')).toBe(true);
    for (const kept of [
      'usr/bin/aarch64-linux-gnu-gcc-10',
      'usr/lib/gcc-cross/aarch64-linux-gnu/10/lto1',
      'usr/bin/x86_64-linux-gnu-lto-dump-10',
    ])
      expect(isUnneeded(p, kept)).toBe(false);
    expect(
      isUnneeded(plan(AMD64, 'linux/arm64', 'clang'), 'usr/bin/aarch64-linux-gnu-lto-dump-10'),
    ).toBe(false);
  });
});

const PKG = (name: string, sha: string): string =>
  `      - name: ${name}\n        version: "1"\n        arch: amd64\n        filename: pool/main/x/${name}.deb\n        size: 10\n        sha256: ${sha.repeat(64)}\n`;
const OLD = `version: 1\ntoolchains:\n  - key: k\n    release: debian/bullseye\n    packages:\n${PKG('gcc-10-x', 'a')}`;

describe('the lock entry tools', () => {
  it('an entry without tools reads as before and keeps its identity', () => {
    const lock = parseLockfile(OLD, 'lock.yml');
    if ('error' in lock) throw new Error(lock.error);
    const entry = lock.toolchains[0];
    expect(entry?.tools).toBeUndefined();
    expect(entry === undefined ? '' : contentIdentity(entry)).toBe(
      `gcc-10-x 1 amd64 ${'a'.repeat(64)}`,
    );
    expect(renderLockfile(lock)).not.toContain('tools');
  });

  it('round-trips tools, which change the identity', () => {
    const text = `${OLD}    tools:\n${PKG('libbinutils', 'c')}${PKG('binutils-x86-64-linux-gnu', 'b')}`;
    const lock = parseLockfile(text, 'lock.yml');
    if ('error' in lock) throw new Error(lock.error);
    const again = parseLockfile(renderLockfile(lock), 'lock.yml');
    if ('error' in again) throw new Error(again.error);
    expect(again.toolchains[0]?.tools?.map((t) => t.name)).toEqual([
      'binutils-x86-64-linux-gnu',
      'libbinutils',
    ]);
    expect(renderLockfile(again)).toBe(renderLockfile(lock));
    const entry = lock.toolchains[0];
    if (entry === undefined) throw new Error('no entry');
    expect(contentIdentity(entry).split('\n')).toEqual([
      `gcc-10-x 1 amd64 ${'a'.repeat(64)}`,
      `tool binutils-x86-64-linux-gnu 1 amd64 ${'b'.repeat(64)}`,
      `tool libbinutils 1 amd64 ${'c'.repeat(64)}`,
    ]);
  });

  it('a malformed tools list is one error naming the entry', () => {
    expect(parseLockfile(`${OLD}    tools: strip\n`, 'lock.yml')).toEqual({
      error: 'lock.yml: toolchains[0] (k): tools must be a list of packages',
    });
    const bad = `${OLD}    tools:\n${PKG('libbinutils', 'c').replace(/sha256: c+/, 'sha256: nope')}`;
    expect(parseLockfile(bad, 'lock.yml')).toEqual({
      error:
        'lock.yml: toolchains[0] (k): tools: package libbinutils: sha256 must be 64 hex digits',
    });
  });
});

describe('the notice for an entry that predates stripping', () => {
  it("tells each front end's user how to run unfrozen in their own words", () => {
    const key = 'linux/arm64 glibc-2.31 gcc host-amd64';
    expect(unstrippedNotice(key, 'l.yml', 412.4, 'with frozen-lockfile: false')).toMatch(
      /in l\.yml names no strip tool .* 412 MB of debug info: .* run once with frozen-lockfile: false and commit/,
    );
    expect(unstrippedNotice(key, 'l.yml', 1, 'without --frozen')).toMatch(
      /run once without --frozen and commit/,
    );
  });
});
