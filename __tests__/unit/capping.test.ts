/**
 * Capped floors, the pure part: which release a floor takes (capped or not), the release input,
 * the lock entry's cap, the shims and the libc.so script they are added to, the archive bytes.
 */
import { describe, expect, it } from 'vitest';
import { readInputs } from '../../src/action/inputs.js';
import { parseEnvArgs } from '../../src/cli/env-args.js';
import { arArchive } from '../../src/domain/toolchain/ar-archive.js';
import {
  chooseRelease,
  checkReleaseName,
  shimsFor,
  withShimArchive,
} from '../../src/domain/toolchain/capping.js';
import {
  contentIdentity,
  emptyLock,
  parseLockfile,
  renderLockfile,
  withToolchain,
  type LockedPackage,
  type LockedToolchain,
} from '../../src/domain/toolchain/lockfile.js';
import { RELEASES } from '../../src/domain/toolchain/releases.js';
import { SHIM_OBJECTS } from '../../src/domain/toolchain/shim-objects.js';
import {
  planToolchain,
  type HostInfo,
  type ToolchainPlan,
} from '../../src/domain/toolchain/toolchain-plan.js';
import type { Wrappers } from '../../src/domain/toolchain/wrappers.js';
import type { SourceDeps } from '../../src/steps/install-source.js';
import { kindOf, toolchainRefusal } from '../../src/steps/kinds/registry.js';

/** A source's needs, none of which building its wrappers asks for. */
const NO_DEPS: SourceDeps = {
  mirrors: () => Promise.reject(new Error('no mirrors here')),
  targetMirrors: () => Promise.reject(new Error('no mirrors here')),
  stateRoot: '/nonexistent',
  lockPath: 'l.yml',
  unfreeze: 'without --frozen',
  report: { info: () => undefined, notice: () => undefined, warning: () => undefined },
};

/** What tells a Debian toolchain's wrappers its gcc major (10). */
const LIBGCC_10: LockedPackage = {
  name: 'libgcc-10-dev-arm64-cross',
  version: '10.2.1-6cross1',
  arch: 'all',
  filename: 'pool/main/g/gcc-10-cross/libgcc-10-dev-arm64-cross_10.2.1-6cross1_all.deb',
  size: 1000,
  sha256: 'c'.repeat(64),
};

const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};

describe('the release a floor takes', () => {
  it('below the oldest release: the oldest, capped at the floor', () => {
    for (const floor of ['2.17', '2.24', '2.28', '2.30'])
      expect(chooseRelease('debian', 'arm64', floor, null)).toMatchObject({
        release: { codename: 'bullseye', glibc: '2.31' },
        cap: floor,
        npm: false,
      });
    expect(chooseRelease('ubuntu', 'amd64', '2.28', null)).toMatchObject({
      release: { codename: 'focal' },
      cap: '2.28',
    });
  });

  it('at or above a release: the newest release at or below it, as it is', () => {
    expect(chooseRelease('debian', 'arm64', '2.31', null)).toMatchObject({
      release: { codename: 'bullseye' },
      cap: null,
    });
    expect(chooseRelease('debian', 'arm64', '2.35', null)).toMatchObject({
      release: { codename: 'bullseye' },
      cap: null,
    });
    expect(chooseRelease('ubuntu', 'arm64', '2.43', null)).toMatchObject({
      release: { codename: 'resolute', glibc: '2.43' },
      cap: null,
    });
  });

  it('a named release: capped when newer than the floor, as it is when it meets it', () => {
    expect(chooseRelease('debian', 'arm64', '2.34', 'bookworm')).toMatchObject({
      release: { codename: 'bookworm', glibc: '2.36' },
      cap: '2.34',
    });
    expect(chooseRelease('debian', 'arm64', '2.35', 'debian/trixie')).toMatchObject({
      release: { codename: 'trixie', glibc: '2.41' },
      cap: '2.35',
    });
    expect(chooseRelease('debian', 'arm64', '2.36', 'bullseye')).toMatchObject({
      release: { codename: 'bullseye' },
      cap: null,
    });
    expect(chooseRelease('debian', 'arm64', '2.17', 'crosstool-ng')).toMatchObject({ npm: true });
    expect(chooseRelease('debian', 'arm64', '2.28', 'bookworm')).toEqual({
      error:
        "debian/bookworm (glibc 2.36) cannot be capped below 2.34: glibc 2.34 moved libpthread, libdl and libresolv into libc and its crt1.o leaves the program's constructors to __libc_start_main@@GLIBC_2.34, which an older glibc does not run; for floor 2.28 take a release before 2.34 (the default: bullseye)",
    });
    expect(chooseRelease('debian', 'arm64', '2.28', 'noble')).toEqual({
      error: 'release "noble" is not one of bullseye, bookworm, trixie, crosstool-ng',
    });
  });

  it('no floor below 2.17, nor below riscv64 glibc 2.27', () => {
    expect(chooseRelease('debian', 'amd64', '2.16', null)).toEqual({
      error: 'no toolchain meets glibc 2.16 for linux/amd64: the lowest floor there is 2.17',
    });
    expect(chooseRelease('debian', 'riscv64', '2.26', null)).toEqual({
      error:
        "no toolchain meets glibc 2.26 for linux/riscv64: the lowest floor there is 2.27 (its glibc's first version)",
    });
    expect(chooseRelease('debian', 'riscv64', '2.27', null)).toMatchObject({ cap: '2.27' });
  });

  it('Ubuntu 26.04 is in the release table with glibc 2.43', () => {
    expect(RELEASES).toContainEqual({ family: 'ubuntu', codename: 'resolute', glibc: '2.43' });
  });
});

describe('the release input', () => {
  it('is checked by the action and the CLI alike', () => {
    expect(checkReleaseName('bookworm')).toBeNull();
    expect(checkReleaseName('ubuntu/resolute')).toBeNull();
    expect(checkReleaseName('crosstool-ng')).toBeNull();
    expect(checkReleaseName('buster')).toMatch(/^"buster" is not a release: bullseye, bookworm/);
    const get = (release: string) => (name: string) => (name === 'release' ? release : '');
    expect(readInputs(get('bookworm'))).toMatchObject({ release: 'bookworm' });
    expect(readInputs(get(''))).toMatchObject({ release: null });
    expect(readInputs(get('buster'))).toEqual({
      errors: [expect.stringMatching(/^input "release": "buster" is not a release/) as string],
    });
    const base = ['--target', 'linux/arm64', '--glibc', '2.28'];
    expect(parseEnvArgs([...base, '--release', 'bookworm'])).toMatchObject({
      args: { release: 'bookworm' },
    });
    expect(parseEnvArgs([...base, '--release', 'sid'])).toEqual({
      errors: [expect.stringMatching(/^--release "sid" is not a release/) as string],
    });
  });

  it('names the release in the lock key only when given', () => {
    const target = { goarch: 'arm64', variant: null } as const;
    const plain = planToolchain(HOST, target, '2.28', 'gcc');
    const named = planToolchain(HOST, target, '2.34', 'gcc', [], 'bookworm');
    expect(plain).toMatchObject({ lockKey: 'linux/arm64 glibc-2.28 gcc host-amd64', cap: '2.28' });
    expect(named).toMatchObject({
      lockKey: 'linux/arm64 glibc-2.34 gcc host-amd64 release-bookworm',
      release: { codename: 'bookworm' },
      cap: '2.34',
    });
  });
});

describe('a capped lock entry', () => {
  const libc6dev: LockedPackage = {
    name: 'libc6-dev-arm64-cross',
    version: '2.31-9cross4',
    arch: 'all',
    filename: 'pool/main/c/cross-toolchain-base/libc6-dev-arm64-cross_2.31-9cross4_all.deb',
    size: 2029548,
    sha256: 'a'.repeat(64),
  };
  const entry: LockedToolchain = {
    key: 'linux/arm64 glibc-2.17 gcc host-amd64',
    release: 'debian/bullseye',
    packages: [libc6dev],
    cap: {
      glibc: '2.17',
      libraries: [{ name: 'libc.so.6', hidden: 80, restored: 4 }],
      shims: ['__cxa_thread_atexit_impl', 'fcntl64'],
    },
    tree: 'b'.repeat(64),
  };

  it('round-trips, and its floor is part of what the install is', () => {
    const text = renderLockfile(withToolchain(emptyLock(), entry));
    expect(text).toContain('cap:\n      glibc: "2.17"');
    expect(parseLockfile(text, 'l.yml')).toEqual({ version: 1, toolchains: [entry] });
    const uncapped = { ...entry, cap: undefined };
    delete uncapped.cap;
    const at228 = { ...entry, cap: { glibc: '2.28' } };
    const ids = new Set([entry, uncapped, at228].map(contentIdentity));
    expect(ids.size).toBe(3);
    // What the first install recorded is not what the install is: the floor is.
    expect(contentIdentity({ ...entry, cap: { glibc: '2.17' } })).toBe(contentIdentity(entry));
  });

  it('is not taken for another cap, nor an npm entry written for the floor before capping', () => {
    const plan = planToolchain(HOST, { goarch: 'arm64', variant: null }, '2.17', 'gcc');
    if ('error' in plan) throw new Error(plan.error);
    expect(toolchainRefusal(plan, entry)).toBeNull();
    expect(toolchainRefusal(plan, { ...entry, cap: { glibc: '2.24' } })).toBe(
      'is capped at 2.24, but this floor caps it at 2.17',
    );
    const uncapped = { ...entry };
    delete uncapped.cap;
    expect(toolchainRefusal(plan, uncapped)).toBe('is not capped, but this floor caps it at 2.17');
    const npm = {
      key: entry.key,
      release: 'napi-rs/crosstool-ng',
      packages: [],
      npm: { name: '@napi-rs/x', version: '1.0.0', integrity: `sha512-${'A'.repeat(86)}==` },
    };
    expect(toolchainRefusal(plan, npm)).toBe(
      'is from napi-rs/crosstool-ng, but glibc 2.17 is planned from debian/bullseye (capped: to keep the npm toolchain, name it with release crosstool-ng)',
    );
  });

  it('is refused with one line when its cap is malformed', () => {
    const text = renderLockfile(withToolchain(emptyLock(), entry));
    expect(parseLockfile(text.replace('glibc: "2.17"', 'glibc: two'), 'l.yml')).toEqual({
      error:
        'l.yml: toolchains[0] (linux/arm64 glibc-2.17 gcc host-amd64): cap.glibc must be a version like 2.17',
    });
    expect(parseLockfile(text.replace('hidden: 80', 'hidden: -1'), 'l.yml')).toEqual({
      error:
        'l.yml: toolchains[0] (linux/arm64 glibc-2.17 gcc host-amd64): cap.libraries: each needs name, hidden and restored (counts)',
    });
  });
});

describe('the shims', () => {
  it('are the ones whose symbol the cap hid with nothing older to fall back on', () => {
    expect(
      shimsFor(new Set(['fcntl64', 'pow', '__cxa_thread_atexit_impl'])).flatMap((s) => s.symbols),
    ).toEqual(['__cxa_thread_atexit_impl', 'fcntl64']);
    expect(shimsFor(new Set(['pow']))).toEqual([]);
    expect(shimsFor(new Set(['arc4random_uniform'])).flatMap((s) => s.symbols)).toEqual([
      'arc4random',
      'arc4random_buf',
      'arc4random_uniform',
    ]);
  });

  it('exist as objects for every Debian architecture a target has', () => {
    for (const arch of ['amd64', 'arm64', 'armhf', 'armel', 'i386', 'ppc64el', 's390x', 'riscv64'])
      expect(Object.keys(SHIM_OBJECTS[arch] ?? {}).sort()).toEqual([
        'arc4random',
        'cxa_thread_atexit_impl',
        'dl_find_object',
        'fcntl64',
      ]);
  });

  it('go into the GROUP of libc.so, named as the script names libc.so.6', () => {
    const script = `/* GNU ld script */
OUTPUT_FORMAT(elf64-littleaarch64)
GROUP ( /usr/aarch64-linux-gnu/lib/libc.so.6 /usr/aarch64-linux-gnu/lib/libc_nonshared.a  AS_NEEDED ( /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ) )
`;
    expect(withShimArchive(script)).toBe(`/* GNU ld script */
OUTPUT_FORMAT(elf64-littleaarch64)
GROUP ( /usr/aarch64-linux-gnu/lib/libc.so.6 /usr/aarch64-linux-gnu/lib/libc_nonshared.a  AS_NEEDED ( /usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1 ) /usr/aarch64-linux-gnu/lib/libcgo-abi-guard-shims.a )
`);
    expect(withShimArchive('GROUP ( /lib/libc.so.6 /lib/libc_nonshared.a )')).toBe(
      'GROUP ( /lib/libc.so.6 /lib/libc_nonshared.a /lib/libcgo-abi-guard-shims.a )',
    );
    expect(withShimArchive('INPUT ( libfoo.so )')).toBeNull();
  });

  it('are linked statically with libstdc++ and libgcc, which capped floors say', () => {
    const plan = planToolchain(HOST, { goarch: 'arm64', variant: null }, '2.17', 'gcc');
    if ('error' in plan) throw new Error(plan.error);
    // The wrappers the plan's kind writes (its source's, for an entry with gcc 10's libgcc).
    const wrappers = (p: ToolchainPlan): Wrappers | null =>
      kindOf(p)
        .source(p, null, NO_DEPS)
        .wrappers({ key: p.lockKey, release: 'debian/bullseye', packages: [LIBGCC_10] });
    expect(plan.kind).toBe('capped');
    expect(wrappers(plan)?.cc).toContain(
      '--sysroot="$root" -ffile-prefix-map="$root"=/cgo-abi-guard -static-libstdc++ -static-libgcc "$@"',
    );
    const at231 = planToolchain(HOST, { goarch: 'arm64', variant: null }, '2.31', 'gcc');
    if ('error' in at231) throw new Error(at231.error);
    expect(at231.kind).toBe('release');
    expect(wrappers(at231)?.cc).toContain(
      '--sysroot="$root" -ffile-prefix-map="$root"=/cgo-abi-guard "$@"',
    );
    expect(wrappers(at231)?.cc).not.toContain('-static-libstdc++');
  });
});

describe('the archive', () => {
  const dec = new TextDecoder();
  it('is a GNU ar archive whose index maps each symbol to its member', () => {
    const a = arArchive([
      { name: 'fcntl64.o', data: new Uint8Array([1, 2, 3]), symbols: ['fcntl64'] },
      { name: 'two.o', data: new Uint8Array([4, 5]), symbols: ['x', 'y'] },
    ]);
    if ('error' in a) throw new Error(a.error);
    expect(dec.decode(a.subarray(0, 8))).toBe('!<arch>\n');
    expect(dec.decode(a.subarray(8, 24))).toBe('/'.padEnd(16));
    const view = new DataView(a.buffer);
    const index = 8 + 60;
    expect(view.getUint32(index)).toBe(3);
    const offsets = [1, 2, 3].map((k) => view.getUint32(index + 4 * k));
    expect(dec.decode(a.subarray(offsets[0], (offsets[0] ?? 0) + 16))).toBe(
      'fcntl64.o/'.padEnd(16),
    );
    expect(offsets[1]).toBe(offsets[2]);
    expect(dec.decode(a.subarray(offsets[1], (offsets[1] ?? 0) + 16))).toBe('two.o/'.padEnd(16));
    // Same members, same bytes: no dates, owners or modes of this host.
    expect(arArchive([{ name: 'two.o', data: new Uint8Array([4, 5]), symbols: ['x'] }])).toEqual(
      arArchive([{ name: 'two.o', data: new Uint8Array([4, 5]), symbols: ['x'] }]),
    );
  });

  it('refuses a member name the short form cannot hold', () => {
    expect(arArchive([{ name: 'a'.repeat(16), data: new Uint8Array(), symbols: [] }])).toEqual({
      error: `archive member name "${'a'.repeat(16)}" is longer than 15 characters or has a /`,
    });
  });
});
