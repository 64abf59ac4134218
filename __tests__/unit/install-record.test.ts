/**
 * What a source records of its installed tree beside the digest (`recordOf`: a capping's libraries
 * and shims) goes into the lock entry when the digest is first recorded — read from the tree, so
 * the entry is the same whether this host installed the tree or found it already installed.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseLockfile, type LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { install, type InstallOptions } from '../../src/steps/install.js';
import type { InstallSource } from '../../src/steps/install-source.js';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-record-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

/** A capped-like source: its post step writes a marker that recordOf reads back. */
function source(key: string): InstallSource<null> & { fetched: number } {
  const s = {
    fetched: 0,
    lockKey: key,
    toolName: 'cgo-abi-guard-fake',
    versionBase: '2.17.0-test-capped',
    refusal: () => null,
    resolve: (): Promise<LockedToolchain> =>
      Promise.resolve({
        key,
        release: 'test/one',
        packages: [
          {
            name: 'libc',
            version: '1',
            arch: 'all',
            filename: 'pool/libc.deb',
            size: 1,
            sha256: 'c'.repeat(64),
          },
        ],
        cap: { glibc: '2.17' },
      }),
    fetch: () => {
      s.fetched++;
      return Promise.resolve(null);
    },
    extract: (_: null, root: string) => {
      mkdirSync(join(root, 'lib'), { recursive: true });
      writeFileSync(join(root, 'lib', 'libc.so.6'), 'not really\n');
      return Promise.resolve(undefined);
    },
    postProcess: [
      {
        run: (root: string) => {
          writeFileSync(join(root, 'marker'), JSON.stringify({ hidden: 80, shims: ['fcntl64'] }));
          return Promise.resolve();
        },
      },
    ],
    describe: () => 'a fake',
    wrappers: () => null,
    recordOf: (root: string) => {
      const m = JSON.parse(readFileSync(join(root, 'marker'), 'utf8')) as {
        hidden: number;
        shims: string[];
      };
      return Promise.resolve({
        cap: {
          glibc: '2.17',
          libraries: [{ name: 'libc.so.6', hidden: m.hidden, restored: 0 }],
          shims: m.shims,
        },
      });
    },
  };
  return s;
}

function options(lock: string): InstallOptions {
  const root = join(work, 'tool-cache');
  return {
    lockPath: join(work, lock),
    frozen: false,
    toolCache: { root, stateRoot: join(root, '.state'), arch: 'x64' },
    actionsCache: null,
    report: { info: () => undefined, notice: () => undefined, warning: () => undefined },
  };
}

function entryOf(lock: string): LockedToolchain | undefined {
  const parsed = parseLockfile(readFileSync(join(work, lock), 'utf8'), lock);
  if ('error' in parsed) throw new Error(parsed.error);
  return parsed.toolchains[0];
}

describe("a source's record of its tree", () => {
  it('is written with the tree digest on a fresh install, and the same when the tree is found', async () => {
    const first = source('fake glibc-2.17');
    await install(first, options('a.yml'));
    expect(first.fetched).toBe(1);
    const a = entryOf('a.yml');
    expect(a?.cap).toEqual({
      glibc: '2.17',
      libraries: [{ name: 'libc.so.6', hidden: 80, restored: 0 }],
      shims: ['fcntl64'],
    });
    // Another lockfile, the same content: the install is found, nothing fetched, the same record.
    const second = source('fake glibc-2.17');
    await install(second, options('b.yml'));
    expect(second.fetched).toBe(0);
    expect(entryOf('b.yml')).toEqual(a);
  });
});
