/**
 * The linux/arm64 gcc toolchain at glibc 2.31 stays light: Debian 11's cross gcc-10 ships cc1,
 * cc1plus and lto1 with debug info (708 MB installed); the install strips it with bullseye's own
 * locked strip. Real packages from the host's mirror; two installs into separate tool caches.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  parseLockfile,
  renderLockfile,
  type LockedToolchain,
} from '../../src/domain/toolchain/lockfile.js';
import { treeDigest } from '../../src/steps/install-tree.js';
import type { TreeManifest } from '../../src/adapters/tree-hash.js';
import { compareDotted } from '../../src/domain/version.js';
import { verifyJson } from '../setup/cli.js';
import { ROOT } from '../setup/paths.js';
import { envJson, runEnv, type EnvJson } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-light-'));
const lock = join(work, 'lock.yml');
const ARGS = ['--target', 'linux/arm64', '--glibc', '2.31', '--compiler', 'gcc'];
const GCC_LIB = 'usr/lib/gcc-cross/aarch64-linux-gnu/10';
const GO_PATH = `${process.env.PATH ?? ''}:/usr/local/go/bin`;
let first: EnvJson;
let second: EnvJson;
let entry: LockedToolchain;

beforeAll(() => {
  first = envJson([...ARGS, '--lock', lock]);
  // Independent: another tool cache, so its own package downloads and its own strip run.
  second = envJson([...ARGS, '--lock', lock, '--frozen'], {
    RUNNER_TOOL_CACHE: join(work, 'tool-cache-2'),
  });
  const parsed = parseLockfile(readFileSync(lock, 'utf8'), lock);
  if ('error' in parsed) throw new Error(parsed.error);
  const found = parsed.toolchains[0];
  if (found === undefined) throw new Error('no toolchain in the written lock');
  entry = found;
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

function bytesUnder(dir: string): number {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) total += statSync(join(e.parentPath, e.name)).size;
  return total;
}

function digestOf(dir: string): string {
  const manifest = JSON.parse(readFileSync(`${dir}.manifest.json`, 'utf8')) as {
    tree: TreeManifest;
  };
  return treeDigest(manifest.tree);
}

function sections(file: string): string {
  const r = spawnSync('readelf', ['-SW', file], { encoding: 'utf8', env: { LC_ALL: 'C' } });
  expect(r.status).toBe(0);
  return r.stdout;
}

function goBuild(env: Record<string, string>, out: string, extra: Record<string, string> = {}) {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CC|CXX|CGO_|GO|PKG_CONFIG)/.test(k)),
  );
  const args = ['build', '-o', out];
  if (extra.CGO_LDFLAGS !== undefined) args.push('-ldflags=-extldflags=-v');
  return spawnSync('go', [...args, '.'], {
    cwd: join(ROOT, '__tests__', 'fixtures', 'src', 'cgoapp'),
    encoding: 'utf8',
    env: {
      ...clean,
      ...env,
      ...extra,
      PATH: GO_PATH,
      GOFLAGS: '-trimpath -buildvcs=false',
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
    },
  });
}

/** Verifies at the floor and runs under qemu-aarch64 against bullseye's glibc. */
function verifyAndRun(binary: string, sysroot: string): void {
  const verdict = verifyJson(['--target', 'linux/arm64', '--glibc', '2.31', binary]);
  expect(verdict.binaries[0]?.findings).toEqual([]);
  expect(verdict.status).toBe(0);
  const versions = verdict.binaries[0]?.facts?.versions as Record<string, string>;
  expect(compareDotted(versions.GLIBC ?? '99', '2.31')).toBeLessThanOrEqual(0);
  const run = spawnSync('qemu-aarch64', ['-L', join(sysroot, 'usr/aarch64-linux-gnu'), binary], {
    encoding: 'utf8',
  });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('sqrt(2)=1.414214');
  expect(run.status).toBe(0);
}

describe('linux/arm64 gcc at glibc 2.31', () => {
  it('is at most 200 MB installed, its compiler without debug sections', () => {
    expect(bytesUnder(first.toolchain.dir)).toBeLessThanOrEqual(200e6);
    for (const program of ['cc1', 'cc1plus', 'lto1']) {
      const file = join(first.toolchain.sysroot, GCC_LIB, program);
      expect(sections(file)).not.toMatch(/\.debug_/);
      expect(sections(file)).toMatch(/\.symtab/);
    }
  });

  it('locks the strip it ran: bullseye binutils for the host, outside the tree', () => {
    expect(entry.tools?.map((t) => t.name)).toEqual(['binutils-x86-64-linux-gnu', 'libbinutils']);
    for (const t of entry.tools ?? []) {
      expect(t.filename).toMatch(/^pool\/main\/b\/binutils\//);
      expect(t.sha256).toMatch(/^[0-9a-f]{64}$/);
    }
    const names = readdirSync(first.toolchain.dir, { recursive: true }).map(String);
    expect(names.filter((n) => /x86_64-linux-gnu-strip|libbfd-[\d.]+-system/.test(n))).toEqual([]);
    const state = join(first.toolchain.dir, '..', '..', '..', '.cgo-abi-guard-state');
    expect(readdirSync(state).filter((n) => n.startsWith('strip-'))).toEqual([]);
  });

  it('gives the same tree digest in two independent installs', () => {
    expect(second.toolchain.dir).not.toBe(first.toolchain.dir);
    expect(second.toolchain.cacheHit).toBe(false);
    expect(digestOf(first.toolchain.dir)).toBe(entry.tree);
    expect(digestOf(second.toolchain.dir)).toBe(entry.tree);
  });

  it('builds the cgo fixture that verifies at the floor and runs under qemu', () => {
    const binary = join(work, 'app');
    const r = goBuild(first.env, binary);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    verifyAndRun(binary, first.toolchain.sysroot);
  });

  it('builds it with -flto: the link runs the stripped lto1', () => {
    const binary = join(work, 'app-lto');
    const r = goBuild(first.env, binary, { CGO_CFLAGS: '-O2 -flto', CGO_LDFLAGS: '-flto' });
    expect(r.status).toBe(0);
    // The host link's -v output names lto1, which turned the LTO objects into code.
    expect(r.stderr).toContain(`/${GCC_LIB.split('/').slice(2).join('/')}/lto1 `);
    verifyAndRun(binary, first.toolchain.sysroot);
  });
});

describe('a lock entry written before stripping (no tools)', () => {
  it('installs the packages as they are, says what that costs and how to move on', () => {
    const old = join(work, 'old-lock.yml');
    const older: LockedToolchain = {
      key: entry.key,
      release: entry.release,
      packages: entry.packages,
    };
    writeFileSync(old, renderLockfile({ version: 1, toolchains: [older] }));
    const cache = join(work, 'tool-cache-old');
    const r = runEnv([...ARGS, '--lock', old, '--frozen', '--format', 'json'], {
      RUNNER_TOOL_CACHE: cache,
    });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /names no strip tool packages .* with \d+ MB of debug info: to install the lighter toolchain, delete that entry, run once without --frozen and commit the lockfile/,
    );
    const { toolchain } = JSON.parse(r.stdout) as EnvJson;
    expect(toolchain.dir).not.toBe(first.toolchain.dir);
    expect(sections(join(toolchain.sysroot, GCC_LIB, 'cc1'))).toMatch(/\.debug_info/);
    rmSync(cache, { recursive: true, force: true });
  });
});
