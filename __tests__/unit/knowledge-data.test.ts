/**
 * The knowledge tables (src/domain/data) agree with themselves, and the views the code looks
 * things up in say what the tables they replaced said.
 */
import { describe, expect, it } from 'vitest';
import { GCC_RUNTIME, GLIBC_NEEDED } from '../../src/domain/data/allowlists.js';
import { ARCHITECTURES } from '../../src/domain/data/architectures.js';
import { MUSL_EXPORTS } from '../../src/domain/data/musl-exports.js';
import {
  FLOOR_DISTRIBUTIONS,
  NPM_TOOLCHAINS,
  QEMU_SOURCES,
  RELEASE_ROWS,
} from '../../src/domain/data/releases.js';
import {
  abiOf,
  ARCHES,
  describeLoader,
  floatAbiOf,
  parseTarget,
  targetOfFloatAbi,
  type Target,
} from '../../src/domain/platform.js';
import { allowedNeeded } from '../../src/domain/rules/linkage.js';
import { CXX_FLOORS } from '../../src/domain/rules/cxx-floors.js';
import { hostArchOf } from '../../src/domain/runner/runner.js';
import { lowestFloorFor } from '../../src/domain/toolchain/capping.js';
import { npmToolchainOf } from '../../src/domain/toolchain/npm-toolchains.js';
import { RELEASES } from '../../src/domain/toolchain/releases.js';
import { QEMU_ARCH } from '../../src/domain/toolchain/smoke.js';
import { targetArchive } from '../../src/domain/toolchain/target-mirrors.js';

const unique = (values: readonly string[]): string[] =>
  values.filter((v, i) => values.indexOf(v) !== i);

function target(text: string): Target {
  const t = parseTarget(text);
  if ('error' in t) throw new Error(t.error);
  return t;
}

describe('data/architectures.ts', () => {
  it('names each ABI, machine, Node arch and loader once', () => {
    expect(unique(ARCHITECTURES.map((a) => a.debian))).toEqual([]);
    expect(unique(ARCHITECTURES.map((a) => a.name))).toEqual([]);
    expect(unique(ARCHITECTURES.flatMap((a) => a.uname))).toEqual([]);
    expect(unique(ARCHITECTURES.flatMap((a) => (a.node === null ? [] : [a.node])))).toEqual([]);
    const loaders = ARCHITECTURES.flatMap((a) => [a.glibc.loader, a.musl.loader]);
    expect(unique(loaders)).toEqual([]);
  });

  it("agrees within a GOARCH: one ELF machine, kernel floor and qemu; the ABIs' levels apart", () => {
    for (const goarch of Object.keys(ARCHES)) {
      const rows = ARCHITECTURES.filter((a) => a.goarch === goarch);
      const one = (f: (a: (typeof rows)[number]) => string): void => {
        expect(new Set(rows.map(f)).size, goarch).toBe(1);
      };
      one((a) => `${a.elf.class} ${a.elf.endian} ${a.elf.machine}`);
      one((a) => a.glibc.kernel);
      one((a) => a.qemu);
      expect(unique(rows.flatMap((a) => a.variants)), goarch).toEqual([]);
      const defaults = rows.flatMap((a) => (a.defaultVariant === null ? [] : [a]));
      expect(defaults.length, goarch).toBe(rows.some((a) => a.variants.length > 0) ? 1 : 0);
      for (const a of defaults) expect(a.variants, goarch).toContain(a.defaultVariant);
      // Two ABIs of one GOARCH are told apart by the float ABI their header flags state.
      if (rows.length > 1)
        expect(unique(rows.map((a) => String(a.elf.floatAbi))), goarch).toEqual([]);
    }
  });

  it('gives the views the former tables: GOARCHes, ABIs, uname -m, qemu names, lowest floors', () => {
    expect(Object.keys(ARCHES)).toEqual([
      '386',
      'amd64',
      'arm64',
      'arm',
      'ppc64le',
      's390x',
      'riscv64',
    ]);
    expect(ARCHES.arm).toEqual({
      goarch: 'arm',
      elfClass: 'ELF32',
      endian: 'little',
      machine: 'ARM',
      variants: ['v5', 'v6', 'v7'],
      defaultVariant: 'v7',
      glibcKernelFloor: '3.2.0',
    });
    expect(ARCHES.amd64.variants).toEqual(['v1', 'v2', 'v3', 'v4']);
    expect(ARCHES.amd64.defaultVariant).toBe('v1');
    expect(ARCHES.riscv64.glibcKernelFloor).toBe('4.15.0');
    expect(abiOf(target('linux/arm/v6'))).toEqual({
      glibcLoader: '/lib/ld-linux.so.3',
      muslLoader: '/lib/ld-musl-arm.so.1',
      triplet: 'arm-linux-gnueabi',
      debianArch: 'armel',
      muslArch: 'arm',
      muslTriplet: 'arm-linux-musleabi',
      muslMultiarch: 'arm-linux-musleabi',
    });
    // Debian's musl directory for i386 is not its triplet's (musl-dev:i386, bookworm and trixie).
    expect(abiOf(target('linux/386')).muslMultiarch).toBe('i386-linux-musl');
    expect(abiOf(target('linux/386')).muslTriplet).toBe('i686-linux-musl');
    expect(abiOf(target('linux/386')).triplet).toBe('i686-linux-gnu');
    expect(abiOf(target('linux/arm')).debianArch).toBe('armhf');
    expect(floatAbiOf({ goarch: 'arm', variant: null })).toBe('soft');
    expect(floatAbiOf(target('linux/amd64'))).toBeNull();
    expect(targetOfFloatAbi('arm', 'soft')).toEqual({ goarch: 'arm', variant: 'v5' });
    expect(targetOfFloatAbi('arm', null)).toEqual({ goarch: 'arm', variant: 'v7' });
    expect(targetOfFloatAbi('amd64', null)).toEqual({ goarch: 'amd64', variant: null });
    expect(describeLoader('/lib64/ld64.so.2')).toBe('the glibc loader for ppc64le');
    expect(describeLoader('/lib/ld-musl-armhf.so.1')).toBe('the musl loader for armhf');
    expect(describeLoader('/lib/ld-linux.so.2')).toBe('the glibc loader for 386');
    const machines: Record<string, [string, string]> = {
      x86_64: ['amd64', 'amd64'],
      amd64: ['amd64', 'amd64'],
      aarch64: ['arm64', 'arm64'],
      arm64: ['arm64', 'arm64'],
      armv7l: ['arm', 'armhf'],
      armv8l: ['arm', 'armhf'],
      armv6l: ['arm', 'armel'],
      armv5tel: ['arm', 'armel'],
      i386: ['386', 'i386'],
      i686: ['386', 'i386'],
      ppc64le: ['ppc64le', 'ppc64el'],
      s390x: ['s390x', 's390x'],
      riscv64: ['riscv64', 'riscv64'],
    };
    for (const [machine, [goarch, debianArch]] of Object.entries(machines))
      expect(hostArchOf(machine), machine).toEqual({ machine, goarch, debianArch });
    expect(hostArchOf('mips64')).toEqual({ machine: 'mips64', goarch: null, debianArch: null });
    expect(QEMU_ARCH).toEqual({
      amd64: 'x86_64',
      arm64: 'aarch64',
      arm: 'arm',
      '386': 'i386',
      ppc64le: 'ppc64le',
      s390x: 's390x',
      riscv64: 'riscv64',
    });
    expect(Object.keys(ARCHES).map((g) => [g, lowestFloorFor(ARCHES[g as 'arm'].goarch)])).toEqual(
      Object.keys(ARCHES).map((g) => [g, g === 'riscv64' ? '2.27' : '2.17']),
    );
  });

  it('gives the NEEDED allowlist per target and C library', () => {
    expect(allowedNeeded(target('linux/amd64'), 'glibc')).toEqual([
      ...GLIBC_NEEDED,
      ...GCC_RUNTIME,
      'ld-linux-x86-64.so.2',
    ]);
    expect(allowedNeeded(target('linux/arm64'), 'musl')).toEqual([
      'libc.so',
      'libc.musl-aarch64.so.1',
      'ld-musl-aarch64.so.1',
      'libgcc_s.so.1',
      'libstdc++.so.6',
    ]);
  });
});

describe('data/releases.ts', () => {
  const debianArches = new Set(ARCHITECTURES.map((a) => a.debian));

  it('names each release once, with architectures the table knows', () => {
    expect(unique(RELEASE_ROWS.map((r) => `${r.family}/${r.codename}`))).toEqual([]);
    for (const r of RELEASE_ROWS)
      for (const arch of Object.keys(r.architectures))
        expect(debianArches.has(arch), `${r.codename} ${arch}`).toBe(true);
  });

  it("takes qemu-user from a release of the family's", () => {
    for (const [family, { codename }] of Object.entries(QEMU_SOURCES))
      if (codename !== null)
        expect(RELEASE_ROWS.some((r) => r.family === family && r.codename === codename)).toBe(true);
  });

  it('has the distributions of one glibc agree on the C++ runtime', () => {
    const rows = [...RELEASE_ROWS, ...FLOOR_DISTRIBUTIONS];
    for (const { glibc, cxx } of rows) {
      if (cxx === null) continue;
      for (const other of rows.filter((r) => r.glibc === glibc && r.cxx !== null))
        expect(other.cxx, `${other.name} vs ${glibc}`).toEqual(cxx);
    }
  });

  it('gives the views the former tables: releases, C++ floors, npm pins, archives', () => {
    expect(RELEASES.map((r) => `${r.family}/${r.codename} ${r.glibc}`)).toEqual([
      'debian/bullseye 2.31',
      'debian/bookworm 2.36',
      'debian/trixie 2.41',
      'ubuntu/focal 2.31',
      'ubuntu/jammy 2.35',
      'ubuntu/noble 2.39',
      'ubuntu/resolute 2.43',
    ]);
    expect(
      CXX_FLOORS.map((r) => `${r.glibc} ${r.distros} ${r.GLIBCXX} ${r.CXXABI} ${r.GCC}`),
    ).toEqual([
      '2.17 CentOS 7 (gcc 4.8) 3.4.19 1.3.7 4.8.0',
      '2.24 Debian 9 (gcc 6) 3.4.22 1.3.10 4.8.0',
      '2.27 Ubuntu 18.04 (gcc 8) 3.4.25 1.3.11 7.0.0',
      '2.28 Debian 10, RHEL 8 (gcc 8) 3.4.25 1.3.11 7.0.0',
      '2.31 Debian 11, Ubuntu 20.04 (gcc 10) 3.4.28 1.3.12 7.0.0',
      '2.34 RHEL 9 (gcc 11) 3.4.29 1.3.13 7.0.0',
      '2.35 Ubuntu 22.04 (gcc 12) 3.4.30 1.3.13 12.0.0',
      '2.36 Debian 12 (gcc 12) 3.4.30 1.3.13 12.0.0',
      '2.39 Ubuntu 24.04 (gcc 14) 3.4.33 1.3.15 14.0.0',
      '2.41 Debian 13 (gcc 14) 3.4.33 1.3.15 14.0.0',
    ]);
    expect(Object.keys(NPM_TOOLCHAINS.toolchains)).toEqual(['amd64', 'arm64']);
    expect(npmToolchainOf('arm64')).toMatchObject({
      pin: { name: '@napi-rs/cross-toolchain-x64-target-aarch64', version: '1.0.3' },
      triplet: 'aarch64-unknown-linux-gnu',
      glibc: '2.17',
      hostGoarch: 'amd64',
    });
    expect(npmToolchainOf('riscv64')).toBeUndefined();
    expect(targetArchive('ubuntu', 'amd64', 'arm64')).toMatch(/\/ubuntu-ports$/);
    expect(targetArchive('ubuntu', 'arm64', 'i386')).toMatch(/\/ubuntu$/);
    expect(targetArchive('ubuntu', 'amd64', 'i386')).toBeNull();
    expect(targetArchive('debian', 'amd64', 'arm64')).toBeNull();
  });
});

describe('data/musl-exports.ts', () => {
  it("has one row per Debian release's musl, oldest first, with the release's architectures", () => {
    const debian = RELEASE_ROWS.filter((r) => r.family === 'debian' && r.musl !== null);
    expect(MUSL_EXPORTS.map((r) => r.musl)).toEqual(debian.map((r) => r.musl));
    for (const [i, row] of MUSL_EXPORTS.entries())
      expect(Object.keys(row.architectures).sort(), row.musl).toEqual(
        Object.keys(debian[i]?.architectures ?? {}).sort(),
      );
  });

  it("names each architecture as architectures.ts's musl row does, from a package of its musl", () => {
    for (const row of MUSL_EXPORTS)
      for (const [debian, { package: version, muslArch }] of Object.entries(row.architectures)) {
        const arch = ARCHITECTURES.find((a) => a.debian === debian);
        expect(muslArch, `${row.musl} ${debian}`).toBe(arch?.musl.arch);
        expect(version.startsWith(`${row.musl}-`), `${row.musl} ${debian} ${version}`).toBe(true);
      }
  });

  it('keys the names of some architectures by architectures of the row', () => {
    for (const row of MUSL_EXPORTS)
      for (const key of Object.keys(row.some))
        for (const arch of key.split(' '))
          expect(Object.keys(row.architectures), `${row.musl} ${key}`).toContain(arch);
  });
});
