/**
 * The install lifecycle with a fake source (a few small files, no network, no processes) in a
 * temporary tool cache: what it does on a first install, a hit, a frozen or foreign lockfile, a
 * modified or planted tree, a tree that is not the locked one, two entries of one content, the
 * Actions cache, and two installs at once.
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
import { cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureWrappers } from '../../src/adapters/wrapper-files.js';
import { parseLockfile, type LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { install, type InstallOptions } from '../../src/steps/install.js';
import type { ActionsCache } from '../../src/steps/install-options.js';
import type { InstallSource } from '../../src/steps/install-source.js';

let work: string;
let said: string[];

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-lifecycle-'));
  said = [];
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const WRAPPERS = {
  cc: '#!/bin/sh\necho cc\n',
  cxx: '#!/bin/sh\necho c++\n',
  pkgConfig: '#!/bin/sh\necho pkg-config\n',
};

interface Fake extends InstallSource<string> {
  fetched: number;
}

/** A source of two files; `content` is its one package's hash, so its content identity. */
function fake(lockKey = 'fake one', content = 'a'): Fake {
  const source: Fake = {
    fetched: 0,
    lockKey,
    toolName: 'cgo-abi-guard-fake',
    versionBase: '1.0.0-test',
    refusal: (entry) =>
      entry.release === 'test/one' ? null : `is from ${entry.release}, but this is test/one`,
    resolve: () =>
      Promise.resolve({
        key: lockKey,
        release: 'test/one',
        packages: [
          {
            name: 'fake',
            version: '1',
            arch: 'all',
            filename: 'pool/fake.deb',
            size: 1,
            sha256: content.repeat(64),
          },
        ],
      }),
    fetch: () => {
      source.fetched++;
      return Promise.resolve('fetched');
    },
    extract: (fetched, root) => {
      mkdirSync(join(root, 'usr', 'bin'), { recursive: true });
      writeFileSync(join(root, 'usr', 'bin', 'tool'), `${fetched} tool\n`, { mode: 0o755 });
      symlinkSync('tool', join(root, 'usr', 'bin', 'alias'));
      return Promise.resolve(undefined);
    },
    postProcess: [
      {
        run: (root) => {
          writeFileSync(join(root, 'post-processed'), 'yes\n');
          return Promise.resolve();
        },
      },
    ],
    describe: () => 'a fake',
    wrappers: () => WRAPPERS,
  };
  return source;
}

function options(change: Partial<InstallOptions> = {}): InstallOptions {
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
    ...change,
  };
}

function lockEntries(): LockedToolchain[] {
  const lock = parseLockfile(readFileSync(join(work, 'lock.yml'), 'utf8'), 'lock.yml');
  if ('error' in lock) throw new Error(lock.error);
  return lock.toolchains;
}

describe('a first install', () => {
  it('resolves, writes the entry with its tree digest, extracts, post-processes, marks complete', async () => {
    const source = fake();
    const got = await install(source, options());
    expect(got).toMatchObject({ cacheHit: false, wroteLockfile: true, toSave: [] });
    expect(source.fetched).toBe(1);
    expect(got.dir).toMatch(/tool-cache\/cgo-abi-guard-fake\/1\.0\.0-test\.h[0-9a-f]{12}\/x64$/);
    expect(readdirSync(got.dir).sort()).toEqual(['bin', 'root']);
    expect(readFileSync(join(got.dir, 'root', 'post-processed'), 'utf8')).toBe('yes\n');
    expect(existsSync(`${got.dir}.complete`)).toBe(true);
    expect(readFileSync(join(got.dir, 'bin', 'cc'), 'utf8')).toBe(WRAPPERS.cc);
    expect(statSync(join(got.dir, 'bin', 'c++')).mode & 0o777).toBe(0o755);
    const [entry] = lockEntries();
    expect(entry?.tree).toMatch(/^[0-9a-f]{64}$/);
    expect(got.entry.tree).toBe(entry?.tree);
    // One notice: the new entry; its digest goes in without a second one.
    expect(said.filter((l) => l.startsWith('notice: '))).toEqual([
      `notice: wrote ${join(work, 'lock.yml')} with the exact packages of fake one: commit it so every run installs the same bytes`,
    ]);
  });

  it('is found the next time without fetching or writing anything', async () => {
    const source = fake();
    const first = await install(source, options());
    const lock = readFileSync(join(work, 'lock.yml'), 'utf8');
    const again = await install(source, options({ frozen: true }));
    expect(again).toMatchObject({ dir: first.dir, cacheHit: true, wroteLockfile: false });
    expect(source.fetched).toBe(1);
    expect(readFileSync(join(work, 'lock.yml'), 'utf8')).toBe(lock);
  });
});

describe('the lockfile', () => {
  it('frozen without the entry: an error before anything is fetched', async () => {
    const source = fake();
    await expect(install(source, options({ frozen: true }))).rejects.toThrow(
      /lock\.yml has no entry for "fake one" and the lockfile is frozen/,
    );
    expect(source.fetched).toBe(0);
  });

  it('an entry the source cannot install is refused with the fix', async () => {
    await install(fake(), options());
    const path = join(work, 'lock.yml');
    writeFileSync(path, readFileSync(path, 'utf8').replace('test/one', 'test/other'));
    const source = fake();
    await expect(install(source, options())).rejects.toThrow(
      `${path}: the entry for "fake one" is from test/other, but this is test/one: delete that entry and run again to re-resolve it`,
    );
    expect(source.fetched).toBe(0);
  });

  it('an entry whose tree digest is not what the packages give: nothing is put in place', async () => {
    const first = await install(fake(), options());
    rmSync(dirname(first.dir), { recursive: true });
    const path = join(work, 'lock.yml');
    const tree = lockEntries()[0]?.tree ?? '';
    writeFileSync(path, readFileSync(path, 'utf8').replace(tree, 'f'.repeat(64)));
    await expect(install(fake(), options())).rejects.toThrow(
      /extracted to a different tree than .*lock\.yml records/,
    );
    expect(readdirSync(dirname(first.dir))).toEqual([]);
  });
});

describe('an installed tree', () => {
  it('that was modified is made again from the locked packages', async () => {
    const source = fake();
    const { dir } = await install(source, options());
    writeFileSync(join(dir, 'root', 'usr', 'bin', 'tool'), 'planted tool\n');
    const again = await install(source, options());
    expect(again.cacheHit).toBe(false);
    expect(source.fetched).toBe(2);
    expect(said.join('\n')).toMatch(/was modified \(changed: root\/usr\/bin\/tool \(content\)\)/);
    expect(readFileSync(join(dir, 'root', 'usr', 'bin', 'tool'), 'utf8')).toBe('fetched tool\n');
  });

  it('whose bin is a link is made again; nothing is written where the link points', async () => {
    const source = fake();
    const { dir } = await install(source, options());
    const evil = join(work, 'evil-bin');
    mkdirSync(evil);
    writeFileSync(join(evil, 'cc'), 'planted\n');
    rmSync(join(dir, 'bin'), { recursive: true });
    symlinkSync(evil, join(dir, 'bin'));
    const again = await install(source, options());
    expect(again.cacheHit).toBe(false);
    expect(said.join('\n')).toMatch(/modified \(changed: bin \(a symbolic link\)\)/);
    expect(lstatSync(join(dir, 'bin')).isDirectory()).toBe(true);
    expect(readdirSync(evil)).toEqual(['cc']);
    expect(readFileSync(join(evil, 'cc'), 'utf8')).toBe('planted\n');
  });

  it('with a wrapper that is a link, or a name no install makes, is made again', async () => {
    const source = fake();
    const { dir } = await install(source, options());
    const evil = join(work, 'evil-cc');
    writeFileSync(evil, 'planted\n');
    rmSync(join(dir, 'bin', 'cc'));
    symlinkSync(evil, join(dir, 'bin', 'cc'));
    writeFileSync(join(dir, 'extra'), '');
    await install(source, options());
    expect(said.join('\n')).toMatch(
      /modified \(changed: bin\/cc \(a symbolic link\); extra: extra\)/,
    );
    expect(lstatSync(join(dir, 'bin', 'cc')).isFile()).toBe(true);
    expect(readFileSync(evil, 'utf8')).toBe('planted\n');
    expect(readdirSync(dir).sort()).toEqual(['bin', 'root']);
  });
});

describe('installs are kept by what they are', () => {
  it('two entries of the same content share one install', async () => {
    const low = await install(fake('fake glibc-2.17'), options());
    const other = fake('fake glibc-2.28');
    const high = await install(other, options());
    expect(high.dir).toBe(low.dir);
    expect(high.cacheHit).toBe(true);
    expect(other.fetched).toBe(0);
    expect(lockEntries().map((e) => e.key)).toEqual(['fake glibc-2.17', 'fake glibc-2.28']);
    const another = await install(fake('fake other', 'b'), options());
    expect(another.dir).not.toBe(low.dir);
  });

  it('two installs at once: one installs, the other waits and finds it', async () => {
    const [a, b] = [fake(), fake()];
    const [x, y] = await Promise.all([install(a, options()), install(b, options())]);
    expect(x.dir).toBe(y.dir);
    expect(a.fetched + b.fetched).toBe(1);
  });
});

describe('the Actions cache', () => {
  /** A cache holding copies of version directories, under the keys they were saved with. */
  function memoryCache(): ActionsCache & { saved: Map<string, string>; asked: string[] } {
    const saved = new Map<string, string>();
    const asked: string[] = [];
    return {
      saved,
      asked,
      keyOf: (id) => `key-${id.toolName}-${id.version}`,
      restore: async (versionDir, key) => {
        asked.push(key);
        const copy = saved.get(key);
        if (copy === undefined) return false;
        await cp(copy, versionDir, { recursive: true, verbatimSymlinks: true });
        return true;
      },
    };
  }

  it('is asked before fetching; a fresh install is handed back to be saved', async () => {
    const cache = memoryCache();
    const first = await install(fake(), options({ actionsCache: cache }));
    expect(cache.asked).toHaveLength(1);
    expect(first.toSave).toEqual([{ key: cache.asked[0], versionDir: dirname(first.dir) }]);
    // The post step's save, then a new runner with an empty tool cache.
    const copy = join(work, 'saved');
    await cp(dirname(first.dir), copy, { recursive: true, verbatimSymlinks: true });
    cache.saved.set(cache.asked[0] ?? '', copy);
    rmSync(join(work, 'tool-cache'), { recursive: true });
    const source = fake();
    const second = await install(source, options({ actionsCache: cache, frozen: true }));
    expect(second).toMatchObject({ dir: first.dir, cacheHit: true, toSave: [] });
    expect(source.fetched).toBe(0);
  });

  it('a restored tree that is not the locked one is installed from the packages', async () => {
    const cache = memoryCache();
    const first = await install(fake(), options({ actionsCache: cache }));
    const copy = join(work, 'saved');
    await cp(dirname(first.dir), copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, 'x64', 'root', 'usr', 'bin', 'tool'), 'EVIL tool\n');
    cache.saved.set(cache.asked[0] ?? '', copy);
    rmSync(join(work, 'tool-cache'), { recursive: true });
    const source = fake();
    const second = await install(source, options({ actionsCache: cache }));
    expect(second.cacheHit).toBe(false);
    expect(source.fetched).toBe(1);
    expect(readFileSync(join(second.dir, 'root', 'usr', 'bin', 'tool'), 'utf8')).toBe(
      'fetched tool\n',
    );
  });
});

describe('the wrappers', () => {
  it('are written into a plain bin: a link there is replaced, not written through', async () => {
    const dir = join(work, 'install');
    const evil = join(work, 'elsewhere');
    mkdirSync(dir);
    mkdirSync(evil);
    symlinkSync(evil, join(dir, 'bin'));
    expect(await ensureWrappers(dir, WRAPPERS)).toBe(true);
    expect(lstatSync(join(dir, 'bin')).isDirectory()).toBe(true);
    expect(readdirSync(evil)).toEqual([]);
    expect(await ensureWrappers(dir, WRAPPERS)).toBe(false);
  });

  it('replace a wrapper that is a link instead of writing into its target', async () => {
    const dir = join(work, 'install');
    mkdirSync(join(dir, 'bin'), { recursive: true });
    const target = join(work, 'target');
    writeFileSync(target, WRAPPERS.cc);
    symlinkSync(target, join(dir, 'bin', 'cc'));
    expect(await ensureWrappers(dir, WRAPPERS)).toBe(true);
    expect(lstatSync(join(dir, 'bin', 'cc')).isFile()).toBe(true);
    expect(readFileSync(target, 'utf8')).toBe(WRAPPERS.cc);
  });
});
