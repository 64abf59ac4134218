/**
 * The `pkg-config` wrapper of an install, run with the host's real pkg-config (pkgconf here, as
 * on ubuntu-24.04; pkg-config 0.29 on ubuntu-22.04) on a laid-out tree: it finds the sysroot's
 * `.pc` files and names paths in the sysroot, refuses the host's and whatever PKG_CONFIG_PATH or
 * PKG_CONFIG_LIBDIR point at, finds its install relative to itself, does not run itself when its
 * own `bin` is on PATH, and says what is missing when the host has no pkg-config.
 */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NO_HOST_PKG_CONFIG, UNFIT_PATH } from '../../src/domain/toolchain/pkg-config-wrapper.js';
import { npmWrapperScripts } from '../../src/domain/toolchain/npm-wrappers.js';
import {
  planToolchain,
  type HostInfo,
  type ToolchainPlan,
} from '../../src/domain/toolchain/toolchain-plan.js';
import { wrapperScripts } from '../../src/domain/toolchain/wrappers.js';
import { runEnv } from '../setup/toolchain.js';

const HOST: HostInfo = {
  family: 'debian',
  debianArch: 'amd64',
  goarch: 'amd64',
  multiarch: 'x86_64-linux-gnu',
  glibc: '2.36',
};
const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-pkgconfig-'));
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function plan(glibc: string, release: string | null = null): ToolchainPlan {
  const p = planToolchain(HOST, { goarch: 'arm64', variant: null }, glibc, 'gcc', [], release);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const pc = (name: string): string =>
  [
    'prefix=/usr',
    'libdir=${prefix}/lib/aarch64-linux-gnu',
    'includedir=${prefix}/include',
    '',
    `Name: ${name}`,
    `Description: ${name}`,
    'Version: 1.2.3',
    `Cflags: -I\${includedir}/${name}`,
    `Libs: -L\${libdir} -l${name}`,
    '',
  ].join('\n');

/** An install laid out as the tool cache has it: `bin/pkg-config` and `.pc` files under `root`. */
function lay(name: string, script: string, pcDir: string): string {
  const dir = join(work, name);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'pkg-config'), script, { mode: 0o755 });
  mkdirSync(join(dir, 'root', pcDir), { recursive: true });
  writeFileSync(join(dir, 'root', pcDir, 'foo.pc'), pc('foo'));
  return dir;
}

function run(
  dir: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(join(dir, 'bin', 'pkg-config'), args, {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, ...env },
    timeout: 20_000, // a wrapper that runs itself never ends
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** pkg-config's output as cgo reads a path without spaces or quotes: each `\` takes the next byte. */
function goUnescaped(out: Buffer): string {
  const bytes: number[] = [];
  for (let i = 0; i < out.length; i++) {
    const b = out[i] ?? 0;
    if (b === 0x5c) i++;
    bytes.push(out[i] ?? 0);
  }
  return Buffer.from(bytes).toString('utf8').trim();
}

/** A PATH directory with only what the wrapper's prelude runs (dirname): no pkg-config. */
function preludeOnly(): string {
  const dir = join(work, 'prelude-only');
  if (existsSync(dir)) return dir;
  mkdirSync(dir);
  const dirname = spawnSync('sh', ['-c', 'command -v dirname'], { encoding: 'utf8' });
  symlinkSync(dirname.stdout.trim(), join(dir, 'dirname'));
  return dir;
}

describe('the pkg-config wrapper of a Debian sysroot', () => {
  const dir = lay(
    'debian',
    wrapperScripts(plan('2.31'), '10', null).pkgConfig,
    'usr/lib/aarch64-linux-gnu/pkgconfig',
  );
  const root = join(dir, 'root');

  it('finds the sysroot’s .pc files and names paths in the sysroot', () => {
    const r = run(dir, ['--cflags', '--libs', 'foo']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split(/\s+/)).toEqual([
      `-I${root}/usr/include/foo`,
      `-L${root}/usr/lib/aarch64-linux-gnu`,
      '-lfoo',
    ]);
  });

  it('refuses the host’s .pc files, and what PKG_CONFIG_PATH or PKG_CONFIG_LIBDIR name', () => {
    // The host has libsqlite3-dev, as GitHub's Ubuntu images do.
    expect(spawnSync('pkg-config', ['--exists', 'sqlite3']).status, 'host sqlite3.pc').toBe(0);
    const other = join(work, 'other-pc');
    mkdirSync(other, { recursive: true });
    writeFileSync(join(other, 'bar.pc'), pc('bar'));
    const host = spawnSync('pkg-config', ['--variable', 'pc_path', 'pkg-config'], {
      encoding: 'utf8',
    }).stdout.trim();
    const env = { PKG_CONFIG_PATH: `${other}:${host}`, PKG_CONFIG_LIBDIR: `${other}:${host}` };
    expect(run(dir, ['--exists', 'sqlite3'], env).status).not.toBe(0);
    expect(run(dir, ['--exists', 'bar'], env).status).not.toBe(0);
    expect(run(dir, ['--exists', 'foo'], env).status).toBe(0);
    // The control: the host's pkg-config with that environment finds both.
    expect(
      spawnSync('pkg-config', ['--exists', 'sqlite3', 'bar'], { env: { ...process.env, ...env } })
        .status,
    ).toBe(0);
  });

  it('finds its install relative to itself when the install moves (a restored cache)', () => {
    const moved = join(work, 'moved', 'x64');
    mkdirSync(join(work, 'moved'), { recursive: true });
    const copy = lay(
      'debian-copy',
      wrapperScripts(plan('2.31'), '10', null).pkgConfig,
      'usr/lib/aarch64-linux-gnu/pkgconfig',
    );
    renameSync(copy, moved);
    const r = run(moved, ['--libs', 'foo']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`-L${moved}/root/usr/lib/aarch64-linux-gnu`);
  });

  const pwned = join(work, 'pwned');
  process.env.CGO_ABI_GUARD_PWNED = pwned;

  it('works from a path with $(…), backquotes, ; & # * and é, running nothing in it', () => {
    const odd = lay(
      'odd$(touch$IFS$CGO_ABI_GUARD_PWNED)`touch$IFS$CGO_ABI_GUARD_PWNED`;&#*é',
      wrapperScripts(plan('2.31'), '10', null).pkgConfig,
      'usr/lib/aarch64-linux-gnu/pkgconfig',
    );
    const r = spawnSync(join(odd, 'bin', 'pkg-config'), ['--libs', 'foo'], {
      env: { PATH: process.env.PATH, CGO_ABI_GUARD_PWNED: pwned },
    });
    expect(r.stderr.toString()).toBe('');
    // pkgconf escapes what a shell would read, byte by byte; cgo takes the escapes off.
    expect(goUnescaped(r.stdout)).toBe(`-L${odd}/root/usr/lib/aarch64-linux-gnu -lfoo`);
    expect(existsSync(pwned)).toBe(false);
  });

  it.each([' ', '\t', "'", '"', '\\', ':', '${x}'])(
    'refuses, naming the path, one with %j in it, which pkg-config cannot put into flags',
    (c) => {
      const odd = lay(
        `odd${c}path`,
        wrapperScripts(plan('2.31'), '10', null).pkgConfig,
        'usr/lib/aarch64-linux-gnu/pkgconfig',
      );
      const r = run(odd, ['--libs', 'foo']);
      expect(r.status).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`${UNFIT_PATH}: ${odd}/root\n`);
    },
  );

  it('runs the host’s, not itself, when its own bin is first on PATH', () => {
    const r = run(dir, ['--modversion', 'foo'], {
      PATH: `${join(dir, 'bin')}:${process.env.PATH ?? ''}`,
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('1.2.3\n');
  });

  it('runs pkgconf when the host has it under that name only', () => {
    const only = join(work, 'pkgconf-only');
    mkdirSync(only, { recursive: true });
    const pkgconf = spawnSync('sh', ['-c', 'command -v pkgconf'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(pkgconf, 'the host has pkgconf').not.toBe('');
    symlinkSync(pkgconf, join(only, 'pkgconf'));
    const r = run(dir, ['--modversion', 'foo'], { PATH: `${preludeOnly()}:${only}` });
    expect(r.stdout).toBe('1.2.3\n');
  });

  it('says the host has no pkg-config, exit 127, when PATH has none (only itself)', () => {
    const r = run(dir, ['--modversion', 'foo'], { PATH: `${preludeOnly()}:${join(dir, 'bin')}` });
    expect(r.status).toBe(127);
    expect(r.stderr).toBe(`${NO_HOST_PKG_CONFIG}\n`);
  });
});

describe('the pkg-config wrapper of an npm toolchain', () => {
  it('looks in the package sysroot’s usr/lib/pkgconfig', () => {
    const p = plan('2.17', 'crosstool-ng');
    if (p.kind !== 'crosstool-ng') throw new Error(`planned ${p.kind}`);
    const w = npmWrapperScripts(p, p.npm, null);
    const dir = lay('npm', w.pkgConfig, 'aarch64-unknown-linux-gnu/sysroot/usr/lib/pkgconfig');
    const r = run(dir, ['--cflags', 'foo']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(`-I${dir}/root/aarch64-unknown-linux-gnu/sysroot/usr/include/foo`);
  });
});

describe('a host without pkg-config', () => {
  /** The machine's programs, as a PATH, but for pkg-config and pkgconf. */
  function withoutPkgConfig(): string {
    const dir = join(work, 'no-pkg-config');
    mkdirSync(dir);
    for (const from of ['/usr/bin', '/usr/sbin'])
      for (const name of readdirSync(from))
        if (!/(^|-)pkg-?conf(ig)?$/.test(name) && !existsSync(join(dir, name)))
          symlinkSync(join(from, name), join(dir, name));
    return `${dir}:/usr/local/go/bin`;
  }
  const args = ['--target', 'linux/arm64', '--glibc', '2.31', '--package', 'libseccomp-dev'];
  const lock = join(work, 'lock.yml');
  const warning =
    /warning: this runner has no pkg-config \(nor pkgconf\) on PATH: a `#cgo pkg-config:` line will fail/;

  it('env says so when packages are named; not when the host has one', () => {
    const path = withoutPkgConfig();
    expect(
      spawnSync('sh', ['-c', 'command -v pkg-config pkgconf'], { env: { PATH: path } }).status,
    ).not.toBe(0);
    const without = runEnv([...args, '--lock', lock], { PATH: path });
    expect(without.stderr).toMatch(warning);
    expect(without.status).toBe(0);
    const found = runEnv([...args, '--lock', lock]);
    expect(found.status).toBe(0);
    expect(found.stderr).not.toMatch(/pkg-config/);
  }, 900_000);
});
