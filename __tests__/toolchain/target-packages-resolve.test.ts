/**
 * Resolving target packages against the real registry. A -dev package whose pkg-config file requires files of a package apt marks Multi-Arch: foreign:
 * libx11-dev's x11.pc requires kbproto and xproto, whose .pc files (and X11/X.h) are in
 * x11proto-dev, `Architecture: all`. Taken as a tool, it was left out and `pkg-config x11`
 * failed ("Package 'kbproto', required by 'x11', not found"); libvips-dev failed the same way on
 * shared-mime-info. Real packages from the registry, linux/arm64 at 2.31.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { buildCgoApp, envJson, runEnv } from '../setup/toolchain.js';

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
