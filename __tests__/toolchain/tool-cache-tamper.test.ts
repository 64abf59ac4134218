/**
 * A tool cache that others can write to cannot make `$CC` run unchecked bytes: a link or a stray
 * name in an install's directory (planted, or restored from an Actions cache archive) is found,
 * and the install is made again from the locked packages, its wrappers written fresh, never
 * through a link. Each case starts from a private copy of the linux/amd64 clang toolchain at 2.31
 * (its packages hard-linked from the shared package cache, so a reinstall needs no network).
 */
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  envJson,
  runEnv,
  seedPackageCache,
  UNREACHABLE_MIRROR,
  type EnvJson,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-tamper-'));
const lock = join(work, 'lock.yml');
const ARGS = ['--target', 'linux/amd64', '--glibc', '2.31', '--compiler', 'clang'];
const OFFLINE = ['--lock', lock, '--frozen', '--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors'];
let shared: EnvJson;

beforeAll(() => {
  shared = envJson([...ARGS, '--lock', lock]);
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A tool cache of its own holding a copy of the install; returns the install's directory there. */
function privateCopy(name: string): { cache: string; dir: string } {
  const cache = join(work, name);
  const versionDir = dirname(shared.toolchain.dir);
  const tool = basename(dirname(versionDir));
  const copy = join(cache, tool, basename(versionDir));
  mkdirSync(dirname(copy), { recursive: true });
  cpSync(versionDir, copy, { recursive: true, verbatimSymlinks: true });
  seedPackageCache(cache, 'debs');
  return { cache, dir: join(copy, basename(shared.toolchain.dir)) };
}

/** Another directory laid out like an install, whose compiler is not the locked one. */
function plantedTree(): string {
  const evil = mkdtempSync(join(work, 'planted-'));
  mkdirSync(join(evil, 'bin'));
  mkdirSync(join(evil, 'root'));
  for (const name of ['cc', 'c++'])
    writeFileSync(join(evil, 'bin', name), '#!/bin/sh\necho planted\n', { mode: 0o755 });
  return evil;
}

function snapshot(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((p) => {
      const at = join(dir, p);
      return lstatSync(at).isFile() ? `${p} ${readFileSync(at, 'utf8')}` : p;
    });
}

/** `env` on the private copy: the install is found modified, made again, and CC is its own. */
function expectReinstalled(cache: string, dir: string, problem: RegExp): EnvJson {
  const r = runEnv([...ARGS, ...OFFLINE, '--format', 'json'], { RUNNER_TOOL_CACHE: cache });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toMatch(problem);
  expect(r.stderr).toMatch(/reinstalling it from the locked packages/);
  const out = JSON.parse(r.stdout) as EnvJson;
  expect(out.toolchain.dir).toBe(dir);
  expect(out.toolchain.cacheHit).toBe(false);
  for (const name of ['bin', 'root']) expect(lstatSync(join(dir, name)).isDirectory()).toBe(true);
  expect(realpathSync(out.env.CC ?? '')).toBe(join(realpathSync(dir), 'bin', 'cc'));
  expect(readFileSync(join(dir, 'bin', 'cc'), 'utf8')).toContain('exec ');
  return out;
}

describe('an install directory in the tool cache', () => {
  it('whose bin is a link elsewhere is made again, and nothing is written through the link', () => {
    const { cache, dir } = privateCopy('bin-link');
    const evil = plantedTree();
    const before = snapshot(evil);
    rmSync(join(dir, 'bin'), { recursive: true });
    symlinkSync(join(evil, 'bin'), join(dir, 'bin'));
    expectReinstalled(cache, dir, /modified \(changed: bin \(a symbolic link\)\)/);
    expect(snapshot(evil)).toEqual(before);
  });

  it('whose root is a link to a copy elsewhere is made again', () => {
    const { cache, dir } = privateCopy('root-link');
    const elsewhere = join(work, 'root-elsewhere');
    renameSync(join(dir, 'root'), elsewhere);
    symlinkSync(elsewhere, join(dir, 'root'));
    expectReinstalled(cache, dir, /modified \(changed: root \(a symbolic link\)\)/);
  });

  it('with a name no install makes is made again without it', () => {
    const { cache, dir } = privateCopy('stray');
    mkdirSync(join(dir, 'lib'));
    writeFileSync(join(dir, 'bin', 'gcc'), '#!/bin/sh\necho planted\n', { mode: 0o755 });
    expectReinstalled(cache, dir, /modified \(extra: bin\/gcc; extra: lib\)/);
    expect(existsSync(join(dir, 'lib'))).toBe(false);
    expect(readdirSync(join(dir, 'bin')).sort()).toEqual(['c++', 'cc', 'pkg-config']);
  });
});
