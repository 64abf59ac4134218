/**
 * Resolving target packages against the real registry. A -dev package whose pkg-config file requires files of a package apt marks Multi-Arch: foreign:
 * libx11-dev's x11.pc requires kbproto and xproto, whose .pc files (and X11/X.h) are in
 * x11proto-dev, `Architecture: all`. Taken as a tool, it was left out and `pkg-config x11`
 * failed ("Package 'kbproto', required by 'x11', not found"); libvips-dev failed the same way on
 * shared-mime-info. Real packages from the registry, linux/arm64 at 2.31.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseLockfile, renderLockfile } from '../../src/domain/toolchain/lockfile.js';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { buildCgoApp, envJson, runEnv, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-pkgconfig-'));

describe('libx11-dev for linux/arm64 at 2.31', () => {
  it('brings the headers and pkg-config files its own dependencies hold; the program links and runs', () => {
    const lock = join(work, 'lock.yml');
    const { env, toolchain } = envJson([
      '--target',
      'linux/arm64',
      '--glibc',
      '2.31',
      '--package',
      'libx11-dev',
      '--lock',
      lock,
    ]);
    const pc = spawnSync('pkg-config', ['--cflags', '--libs', 'x11'], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(pc.stderr).toBe('');
    expect(pc.stdout).toContain('-lX11');
    const binary = join(work, 'x11ver');
    buildCgoApp(env, binary, 'x11ver');
    const r = runCli(
      [
        'verify',
        '--format',
        'json',
        '--target',
        'linux/arm64',
        '--glibc',
        '2.31',
        '--smoke=',
        '--lock',
        lock,
        binary,
      ],
      { ...process.env, PKG_CONFIG_SYSROOT_DIR: toolchain.sysroot },
    );
    const { binaries, smoke } = verifyReportOf(r);
    expect(binaries[0]?.findings).toEqual([]);
    expect(r.status).toBe(0);
    expect(smoke[0]?.passed).toBe(true);
    expect(smoke[0]?.stdout?.join('\n')).toMatch(/^Xlib release 6, XInitThreads 1/);
  }, 600_000);

  it("is a layer over the toolchain without packages: the compiler's files are that install's", () => {
    const lock = join(work, 'lock.yml');
    const args = ['--target', 'linux/arm64', '--glibc', '2.31', '--lock', lock];
    const withX11 = envJson([...args, '--package', 'libx11-dev']).toolchain;
    const plain = envJson(args).toolchain;
    expect(withX11.dir).not.toBe(plain.dir);
    expect(withX11.dir.startsWith(`${dirname(plain.dir)}.p`)).toBe(true);
    const gcc = 'usr/bin/aarch64-linux-gnu-gcc-10';
    expect(statSync(join(withX11.sysroot, gcc)).ino).toBe(statSync(join(plain.sysroot, gcc)).ino);
    expect(existsSync(join(plain.sysroot, 'usr/include/X11/Xlib.h'))).toBe(false);
    const text = readFileSync(lock, 'utf8');
    expect(text).toMatch(/^ {2}- key: linux\/arm64 glibc-2\.31 gcc host-amd64\n/m);
    expect(text).toMatch(
      /^ {2}- key: linux\/arm64 glibc-2\.31 gcc host-amd64 packages libx11-dev\n {4}release: debian\/bullseye\n {4}over: linux\/arm64 glibc-2\.31 gcc host-amd64\n {4}tree: [0-9a-f]{64}\n {4}target:\n/m,
    );
  }, 600_000);

  it('is checked on use: a header changed through the sysroot, a planted compiler, each is undone', () => {
    const lock = join(work, 'lock.yml');
    const args = ['--target', 'linux/arm64', '--glibc', '2.31', '--package', 'libx11-dev'];
    const offline = [
      ...args,
      '--lock',
      lock,
      '--frozen',
      '--mirror',
      UNREACHABLE_MIRROR,
      '--no-host-mirrors',
    ];
    const { sysroot } = envJson(offline).toolchain;
    const header = join(sysroot, 'usr/include/X11/Xlib.h');
    const original = readFileSync(header, 'utf8');
    // Through the hard link: the packages' install itself is changed.
    writeFileSync(header, original.replace('XOpenDisplay', 'XOpenDisplai'));
    const again = runEnv(offline);
    expect(again.status).toBe(0);
    expect(again.stderr).toMatch(
      /the installed linux\/arm64 glibc-2\.31 gcc host-amd64 packages libx11-dev in \S+ was modified \(changed: root\/usr\/include\/X11\/Xlib\.h \(content\)\); reinstalling it/,
    );
    expect(again.stderr).toMatch(/composed the sysroot with the packages/);
    expect(readFileSync(header, 'utf8')).toBe(original);
    // A file put in place of the compiler's hard link: not the installed file.
    const gcc = join(sysroot, 'usr/bin/aarch64-linux-gnu-gcc-10');
    const mode = statSync(gcc).mode;
    rmSync(gcc);
    writeFileSync(gcc, '#!/bin/sh\necho planted\n', { mode });
    const third = runEnv(offline);
    expect(third.status).toBe(0);
    expect(third.stderr).toMatch(/composed the sysroot with the packages/);
    expect(readFileSync(gcc, 'utf8')).not.toContain('planted');
  }, 600_000);

  it('reads a lockfile written before package sets were layers, with the same pins', () => {
    const lock = join(work, 'lock.yml');
    const text = readFileSync(lock, 'utf8');
    const parsed = parseLockfile(text, lock);
    if ('error' in parsed) throw new Error(parsed.error);
    const key = 'linux/arm64 glibc-2.31 gcc host-amd64';
    const toolchain = parsed.toolchains.find((t) => t.key === key);
    const layer = parsed.toolchains.find((t) => t.key === `${key} packages libx11-dev`);
    if (toolchain === undefined || layer?.target === undefined) throw new Error('no entries');
    // One entry as it was written before: the toolchain's pins and the packages', one tree.
    const older = join(work, 'older.yml');
    const combined = {
      key: layer.key,
      release: toolchain.release,
      packages: toolchain.packages,
      ...(toolchain.tools === undefined ? {} : { tools: toolchain.tools }),
      target: layer.target,
      tree: 'e'.repeat(64),
    };
    writeFileSync(older, renderLockfile({ version: 1, toolchains: [combined] }));
    const before = readFileSync(older, 'utf8');
    const args = ['--target', 'linux/arm64', '--glibc', '2.31', '--package', 'libx11-dev'];
    const offline = ['--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors', '--lock', older];
    const frozen = runEnv([...args, ...offline, '--frozen', '--format', 'json']);
    expect(frozen.stderr).toMatch(
      /holds the toolchain and its packages in one, .* it is read as "linux\/arm64 glibc-2\.31 gcc host-amd64" and the packages over it, with the same pins, and written so once the lockfile is not frozen/,
    );
    expect(frozen.status).toBe(0);
    expect(readFileSync(older, 'utf8')).toBe(before);
    const written = envJson([...args, ...offline]);
    expect(written.toolchain.cacheHit).toBe(true);
    // Written as two entries, with the tree digests of the installs: as the lock written now has.
    const rewritten = parseLockfile(readFileSync(older, 'utf8'), older);
    expect('toolchains' in rewritten && rewritten.toolchains).toEqual([toolchain, layer]);
  }, 600_000);
});

describe('a release without the target architecture', () => {
  it('says so, with the way out, instead of "not found" for every package', () => {
    // Debian 11 has no riscv64 port (riscv64 is a release architecture from Debian 13).
    const r = runEnv([
      '--target',
      'linux/riscv64',
      '--glibc',
      '2.31',
      '--package',
      'libsqlite3-dev',
      '--lock',
      join(work, 'riscv64.yml'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr).toMatch(
      /no mirror serves debian bullseye for riscv64: .* suite bullseye has no riscv64 packages \(its Release lists all amd64 .*\)\. Packages for riscv64 need a mirror that carries them .* or a release that has them/,
    );
    expect(r.stderr).not.toMatch(/not found/);
  }, 600_000);
});
