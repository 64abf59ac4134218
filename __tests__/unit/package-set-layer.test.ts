/**
 * Package sets as layers (layers.ts, compose-layer.ts), with fake sources in a temporary tool
 * cache: the entries of the older form read as two, a layer's lock entry, the merge that never
 * lets a package replace a toolchain file, and the composed tree: hard links to its parts'
 * files, shared by two package lists, made again when it is no longer their very files.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mergeLayer, splitCombined, toolchainKeyOf } from '../../src/domain/toolchain/layers.js';
import {
  contentIdentity,
  parseLockfile,
  renderLockfile,
  type LockedPackage,
  type LockedToolchain,
} from '../../src/domain/toolchain/lockfile.js';
import { planToolchain, toolchainOf } from '../../src/domain/toolchain/toolchain-plan.js';
import { composeLayer } from '../../src/steps/compose-layer.js';
import { install, type InstallOptions } from '../../src/steps/install.js';
import type { InstallSource } from '../../src/steps/install-source.js';

let work: string;
let said: string[];
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-layer-'));
  said = [];
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const pkg = (name: string, hex = 'a'): LockedPackage => ({
  name,
  version: '1',
  arch: 'arm64',
  filename: `pool/${name}.deb`,
  size: 1,
  sha256: hex.repeat(64),
});
const KEY = 'linux/arm64 glibc-2.31 gcc host-amd64';
const CAP = { glibc: '2.28', libraries: [{ name: 'libc.so.6', hidden: 3, restored: 1 }] };
const TARGET = { requested: ['libpcap-dev'], packages: [pkg('libpcap-dev'), pkg('libpcap0.8')] };

describe('lock entries', () => {
  it('of the older form (toolchain and packages in one) are read as two with the same pins', () => {
    const old: LockedToolchain = {
      key: `${KEY} packages libpcap-dev`,
      release: 'debian/bullseye',
      packages: [pkg('gcc-10-aarch64-linux-gnu', 'b')],
      tools: [pkg('binutils', 'c')],
      cap: CAP,
      target: TARGET,
      tree: 'd'.repeat(64),
    };
    const read = splitCombined([old]);
    expect(read).toEqual({
      split: [old.key],
      toolchains: [
        {
          key: KEY,
          release: old.release,
          packages: old.packages,
          tools: old.tools,
          cap: CAP,
        },
        { key: old.key, release: old.release, packages: [], over: KEY, target: TARGET },
      ],
    });
    // A toolchain entry the lock has is kept as it is; new-form entries are left alone.
    const own: LockedToolchain = { key: KEY, release: old.release, packages: [pkg('x', 'e')] };
    const again = splitCombined([own, old]);
    if ('error' in again) throw new Error(again.error);
    expect(again.toolchains).toEqual([
      own,
      { key: old.key, release: old.release, packages: [], over: KEY, target: TARGET },
    ]);
    expect(splitCombined(again.toolchains)).toEqual({ toolchains: again.toolchains, split: [] });
    expect(splitCombined([{ ...old, key: KEY }])).toEqual({
      error: `${KEY}: an entry with target packages names none in its key`,
    });
  });

  it("of a package set pin its target packages alone, over its toolchain's key", () => {
    const layer: LockedToolchain = {
      key: `${KEY} packages libpcap-dev`,
      release: 'debian/bullseye',
      packages: [],
      over: KEY,
      target: TARGET,
      tree: 'f'.repeat(64),
    };
    const text = renderLockfile({ version: 1, toolchains: [layer] });
    expect(text).not.toMatch(/^ {4}packages:/m);
    expect(text).toMatch(/^ {4}over: linux\/arm64 glibc-2\.31 gcc host-amd64$/m);
    expect(parseLockfile(text, 'l.yml')).toEqual({ version: 1, toolchains: [layer] });
    expect(contentIdentity(layer)).toBe(
      'target libpcap-dev 1 arm64 ' +
        'a'.repeat(64) +
        '\ntarget libpcap0.8 1 arm64 ' +
        'a'.repeat(64),
    );
    expect(toolchainKeyOf(layer.key)).toBe(KEY);
    expect(parseLockfile(text.replace(/ {4}target:[^]*$/, ''), 'l.yml')).toEqual({
      error: `l.yml: toolchains[0] (${layer.key}): over must name a toolchain's key, with target`,
    });
  });
});

describe('the plan of the toolchain a package set goes over', () => {
  it('is the same plan without the packages, under the key a plan without them has', () => {
    const host = {
      family: 'debian' as const,
      debianArch: 'amd64',
      goarch: 'amd64' as const,
      multiarch: 'x86_64-linux-gnu',
      glibc: '2.36',
    };
    const target = { goarch: 'arm64' as const, variant: null };
    const withSet = planToolchain(host, target, '2.28', 'gcc', ['zlib1g-dev', 'libpcap-dev']);
    const without = planToolchain(host, target, '2.28', 'gcc');
    if ('error' in withSet || 'error' in without) throw new Error('no plan');
    expect(withSet.lockKey).toBe(
      'linux/arm64 glibc-2.28 gcc host-amd64 packages libpcap-dev,zlib1g-dev',
    );
    expect(toolchainOf(withSet)).toEqual(without);
    expect(toolchainOf(without)).toEqual(without);
  });
});

describe('mergeLayer', () => {
  type E = { path: string; type: 'dir' | 'file' | 'symlink'; sha?: string };
  const same = (a: E, b: E): boolean => a.sha === b.sha;
  it('merges directories, takes equal files once, refuses a package replacing a toolchain file', () => {
    const base: E[] = [
      { path: 'usr', type: 'dir' },
      { path: 'usr/aarch64-linux-gnu/lib/libc.so.6', type: 'file', sha: 'capped' },
      { path: 'usr/share/doc/x', type: 'file', sha: 'x' },
    ];
    const layer: E[] = [
      { path: 'usr', type: 'dir' },
      { path: 'usr/lib/aarch64-linux-gnu/libpcap.so', type: 'symlink', sha: 'l' },
      { path: 'usr/share/doc/x', type: 'file', sha: 'x' },
    ];
    const m = mergeLayer(base, layer, same);
    expect('entries' in m && m.entries.map((e) => [e.entry.path, e.from])).toEqual([
      ['usr', 'base'],
      ['usr/aarch64-linux-gnu/lib/libc.so.6', 'base'],
      ['usr/lib/aarch64-linux-gnu/libpcap.so', 'layer'],
      ['usr/share/doc/x', 'base'],
    ]);
    expect(
      mergeLayer(
        base,
        [{ path: 'usr/aarch64-linux-gnu/lib/libc.so.6', type: 'file', sha: 'new' }],
        same,
      ),
    ).toEqual({
      error:
        "the packages' usr/aarch64-linux-gnu/lib/libc.so.6 (a file) would replace the toolchain's (a file)",
    });
    expect(mergeLayer(base, [{ path: 'usr', type: 'file', sha: 'x' }], same)).toEqual({
      error: "the packages' usr (a file) would replace the toolchain's (a dir)",
    });
  });
});

/** A fake source whose tree is `files` (path → content); `key` names its entry. */
function source(key: string, files: Record<string, string>, over?: string): InstallSource<null> {
  return {
    lockKey: key,
    toolName: over === undefined ? 'cgo-abi-guard-fake' : 'cgo-abi-guard-fake-packages',
    versionBase: '1.0.0-test',
    refusal: () => null,
    resolve: () =>
      Promise.resolve({
        key,
        release: 'test/one',
        ...(over === undefined
          ? { packages: [pkg(key)] }
          : { packages: [], over, target: { requested: [key], packages: [pkg(key)] } }),
      }),
    fetch: () => Promise.resolve(null),
    extract: (_f, root) => {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(join(root, path, '..'), { recursive: true });
        if (text.startsWith('->')) symlinkSync(text.slice(2), join(root, path));
        else writeFileSync(join(root, path), text, { mode: 0o755 });
      }
      return Promise.resolve(undefined);
    },
    postProcess: [],
    describe: () => key,
    wrappers: () => (over === undefined ? WRAPPERS : null),
  };
}
const WRAPPERS = {
  cc: '#!/bin/sh\nexec "${0%/bin/cc}/root/usr/bin/gcc" "$@"\n',
  cxx: '#!/bin/sh\n',
  pkgConfig: '#!/bin/sh\n',
};
const TOOLCHAIN = {
  'usr/bin/gcc': 'the compiler',
  'usr/aarch64-linux-gnu/lib/libc.so.6': 'glibc',
  'usr/aarch64-linux-gnu/lib/libc.so': '->libc.so.6',
};

function options(): InstallOptions {
  const root = join(work, 'tool-cache');
  return {
    lockPath: join(work, 'lock.yml'),
    frozen: false,
    toolCache: { root, stateRoot: join(root, '.state'), arch: 'x64' },
    actionsCache: null,
    report: {
      info: (line) => said.push(`info: ${line}`),
      notice: (line) => said.push(`notice: ${line}`),
      warning: (line) => said.push(`warning: ${line}`),
    },
  };
}

async function layered(packages: string, files: Record<string, string>) {
  const layer = await install(source(`${KEY} packages ${packages}`, files, KEY), options());
  const base = await install(source(KEY, TOOLCHAIN), options());
  return composeLayer(base, layer, WRAPPERS, options());
}

const PCAP = { 'usr/lib/aarch64-linux-gnu/libpcap.so.0.8': 'pcap', 'usr/include/pcap.h': 'h' };
const inode = (path: string): number => statSync(path).ino;

describe('a package set composed over its toolchain', () => {
  it('is one sysroot of hard links to both installs; a second set shares the compiler', async () => {
    const a = await layered('libpcap-dev', PCAP);
    const b = await layered('zlib1g-dev', { 'usr/include/zlib.h': 'z' });
    expect(a.dir).not.toBe(b.dir);
    expect(a.dir).toMatch(/cgo-abi-guard-fake\/1\.0\.0-test\.h[0-9a-f]{12}\.p[0-9a-f]{12}\/x64$/);
    expect(readdirSync(a.dir).sort()).toEqual(['bin', 'root']);
    expect(existsSync(`${a.dir}.complete`)).toBe(true);
    const gcc = (dir: string): string => join(dir, 'root', 'usr', 'bin', 'gcc');
    expect(inode(gcc(a.dir))).toBe(inode(gcc(b.dir)));
    expect(statSync(gcc(a.dir)).nlink).toBe(3);
    expect(readFileSync(join(a.dir, 'root', 'usr/include/pcap.h'), 'utf8')).toBe('h');
    expect(existsSync(join(b.dir, 'root', 'usr/include/pcap.h'))).toBe(false);
    expect(
      lstatSync(join(a.dir, 'root', 'usr/aarch64-linux-gnu/lib/libc.so')).isSymbolicLink(),
    ).toBe(true);
    expect(readFileSync(join(a.dir, 'bin', 'cc'), 'utf8')).toBe(WRAPPERS.cc);
    // The parts are locked, each with its own tree; the composition is not.
    const lock = parseLockfile(readFileSync(join(work, 'lock.yml'), 'utf8'), 'lock.yml');
    expect(
      'toolchains' in lock &&
        lock.toolchains.map((t) => [t.key, t.over ?? null, t.tree !== undefined]),
    ).toEqual([
      [KEY, null, true],
      [`${KEY} packages libpcap-dev`, KEY, true],
      [`${KEY} packages zlib1g-dev`, KEY, true],
    ]);
  });

  it('is found again as it is, and made again when a file is not the installed one', async () => {
    const first = await layered('libpcap-dev', PCAP);
    said = [];
    const again = await layered('libpcap-dev', PCAP);
    expect(again).toMatchObject({ dir: first.dir, cacheHit: true, toSave: [] });
    expect(said.join('\n')).not.toMatch(/composed/);
    // A file put in place of a hard link (the same content or not) is not the installed one.
    const planted = join(first.dir, 'root', 'usr', 'bin', 'gcc');
    rmSync(planted);
    writeFileSync(planted, 'the compiler', { mode: 0o755 });
    said = [];
    await layered('libpcap-dev', PCAP);
    expect(said.join('\n')).toMatch(/composed the sysroot with the packages/);
    // A name no part has.
    writeFileSync(join(first.dir, 'root', 'extra'), '');
    said = [];
    await layered('libpcap-dev', PCAP);
    expect(said.join('\n')).toMatch(/composed the sysroot with the packages/);
    expect(existsSync(join(first.dir, 'root', 'extra'))).toBe(false);
    const base = join(work, 'tool-cache', 'cgo-abi-guard-fake');
    const [toolchainVersion] = readdirSync(base).filter((v) => !v.includes('.p'));
    expect(inode(planted)).toBe(
      inode(join(base, toolchainVersion ?? '', 'x64', 'root', 'usr/bin/gcc')),
    );
  });

  it("a file changed through a hard link is the toolchain's changed file: both are made again", async () => {
    const first = await layered('libpcap-dev', PCAP);
    // The same size: only its content tells it.
    writeFileSync(join(first.dir, 'root', 'usr', 'bin', 'gcc'), 'the compilEr');
    said = [];
    const again = await layered('libpcap-dev', PCAP);
    expect(again.cacheHit).toBe(false);
    expect(said.join('\n')).toMatch(/was modified \(changed: root\/usr\/bin\/gcc \(content\)\)/);
    expect(readFileSync(join(first.dir, 'root', 'usr', 'bin', 'gcc'), 'utf8')).toBe('the compiler');
  });

  it('refuses packages that would replace a file of the toolchain', async () => {
    await expect(
      layered('libc6-evil', { 'usr/aarch64-linux-gnu/lib/libc.so.6': 'not capped' }),
    ).rejects.toThrow(
      "packages libc6-evil: the packages' usr/aarch64-linux-gnu/lib/libc.so.6 (a file) would replace the toolchain's (a file)",
    );
  });
});
