/**
 * The toolchain cache against a local stand-in for the cache service, through the real
 * @actions/cache (and its tar, zstd and HTTP code), each call in its own process as a step runs.
 * Both protocols the library speaks are covered: v1 REST and v2 Twirp + signed blob URLs.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmod,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  rename,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closedPort,
  startCacheServer,
  startHangingServer,
  type CacheServer,
} from '../fakes/cache-server.js';
import { ROOT } from '../setup/paths.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DRIVER = join(ROOT, '__tests__', 'fakes', 'cache-driver.ts');
const KEY = 'cgo-abi-guard-v1-linux-arm64-glibc2.31-gcc-x64-0123456789ab';

interface Outcome {
  hit?: boolean;
  saved?: boolean;
  after?: string[];
  warning: string | null;
  ms: number;
  stdout: string;
}

let work = '';
let workspace = '';
let tree = ''; // <tool cache>/<tool>/<version>: what the action saves
let before = new Map<string, string>();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cgo-abi-guard-cache-'));
  workspace = join(work, 'workspace');
  await mkdir(join(work, 'temp'), { recursive: true });
  await mkdir(workspace, { recursive: true });
  tree = join(
    work,
    'tool-cache',
    'cgo-abi-guard-aarch64-linux-gnu-gcc',
    '2.31.0-bullseye.gcc.h0123456789ab',
  );
  await makeTree(tree);
  before = await snapshot(tree);
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe.each(['v1', 'v2'] as const)('with cache service %s', (protocol) => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer(protocol);
  });
  afterAll(async () => {
    await server.close();
  });

  it('saves the tree, and a later process restores it byte for byte', async () => {
    const saved = await driver('save', KEY, server.env);
    expect(saved.warning).toBeNull();
    expect(saved.saved).toBe(true);
    expect(server.entries()).toEqual([KEY]);
    console.log(`${protocol}: saved the tree in ${saved.ms} ms`);

    await rm(tree, { recursive: true });
    const restored = await driver('restore', KEY, server.env);
    expect(restored.warning).toBeNull();
    expect(restored.hit).toBe(true);
    expect(await snapshot(tree)).toEqual(before);
    // The library really spoke this protocol: reserve, upload, commit, lookup, download.
    const paths = server.requests().map((r) => r.replace(/\?.*/, ''));
    expect(paths).toEqual(
      protocol === 'v1'
        ? [
            'POST /_apis/artifactcache/caches',
            'PATCH /_apis/artifactcache/caches/1',
            'POST /_apis/artifactcache/caches/1',
            'GET /_apis/artifactcache/cache',
            'GET /devstoreaccount1/actions-cache/1',
          ]
        : [
            'CreateCacheEntry',
            'PUT /devstoreaccount1/actions-cache/1',
            'FinalizeCacheEntryUpload',
            'GetCacheEntryDownloadURL',
            'GET /devstoreaccount1/actions-cache/1',
          ].map((r) =>
            r.includes(' ') ? r : `POST /twirp/github.actions.results.api.v1.CacheService/${r}`,
          ),
    );
    console.log(`${protocol}: restored the tree in ${restored.ms} ms`);
  });

  it('misses, without a warning, on a key nobody saved', async () => {
    const restored = await driver('restore', `${KEY}-other`, server.env);
    expect(restored).toMatchObject({ hit: false, warning: null });
  });

  it('does not fail when the key is already saved: saved false, one warning', async () => {
    const again = await driver('save', KEY, server.env);
    expect(again.saved).toBe(false);
    expect(again.warning).toMatch(/^toolchain cache not saved: .*reserve/);
    expect(again.stdout).not.toMatch(/^::(warning|error)::/m);
    expect(server.entries()).toEqual([KEY]);
    console.log(`${protocol}: second save: ${String(again.warning)}`);
  });

  it('turns an unreachable service into a warning, quickly', async () => {
    const port = await closedPort();
    const env = Object.fromEntries(
      Object.entries(server.env).map(([name, value]) => [
        name,
        name.endsWith('_URL') ? `http://127.0.0.1:${port}/` : value,
      ]),
    );
    const saved = await driver('save', KEY, env);
    expect(saved.saved).toBe(false);
    expect(saved.warning).toMatch(/^toolchain cache not saved: .*ECONNREFUSED/);
    const restored = await driver('restore', KEY, env);
    expect(restored.hit).toBe(false);
    expect(restored.warning).toMatch(/^toolchain cache not restored: .*ECONNREFUSED/);
    console.log(`${protocol}: unreachable service: save ${saved.ms} ms, restore ${restored.ms} ms`);
    console.log(`${protocol}: ${String(saved.warning)}\n${protocol}: ${String(restored.warning)}`);
    expect(saved.ms + restored.ms).toBeLessThan(30_000);
  });

  it('never lets a restore abandoned after its timeout write into the tool directory', async () => {
    const other = join(
      work,
      'tool-cache',
      'cgo-abi-guard-x86_64-linux-gnu-gcc',
      `late-${protocol}`,
    );
    await makeTree(other);
    const key = `${KEY}-late-${protocol}`;
    expect(await driver('save', key, server.env, 60_000, other)).toMatchObject({ saved: true });
    await rm(other, { recursive: true, force: true });
    server.delayDownloads(2500);
    try {
      const restored = await driver('restore', key, server.env, 1000, other, 6000);
      expect(restored).toMatchObject({ hit: false });
      expect(restored.warning).toMatch(/^toolchain cache not restored: no answer/);
      // Only what the install wrote after the miss: the late archive went elsewhere.
      expect(restored.after).toEqual(['x64', 'x64/installed']);
    } finally {
      server.delayDownloads(0);
    }
  });

  it('gives up on a service that never answers after the timeout', async () => {
    const hanging = await startHangingServer();
    try {
      const env = Object.fromEntries(
        Object.entries(server.env).map(([name, value]) => [
          name,
          name.endsWith('_URL') ? hanging.url : value,
        ]),
      );
      const started = Date.now();
      const saved = await driver('save', KEY, env, 2000);
      const restored = await driver('restore', KEY, env, 2000);
      expect(saved).toMatchObject({ saved: false });
      expect(saved.warning).toMatch(
        /^toolchain cache not saved: no answer from the cache service in 2\.\d s$/,
      );
      expect(restored).toMatchObject({ hit: false });
      expect(restored.warning).toMatch(/^toolchain cache not restored: no answer/);
      console.log(
        `${protocol}: hanging service: both processes exited after ${Date.now() - started} ms`,
      );
    } finally {
      await hanging.close();
    }
  });
});

describe('an archive that holds more than an install makes', () => {
  let server: CacheServer;
  beforeAll(async () => {
    server = await startCacheServer('v2');
  });
  afterAll(async () => {
    await server.close();
  });

  /** Saves `tree` as it is (every name listed), removes it, and restores it under the same key. */
  async function roundTrip(tree: string, names: string, key: string): Promise<Outcome> {
    const saved = await driver('save', key, server.env, 60_000, tree, undefined, {
      CACHE_DRIVER_NAMES: names,
    });
    expect(saved).toMatchObject({ saved: true });
    await rm(tree, { recursive: true, force: true });
    return driver('restore', key, server.env, 60_000, tree);
  }

  it('is not restored when it holds another name', async () => {
    const tree = join(work, 'tool-cache', 'cgo-abi-guard-x86_64-linux-gnu-gcc', 'stray');
    await makeTree(tree);
    await mkdir(join(tree, 'evil'));
    await writeFile(join(tree, 'evil', 'cc'), '#!/bin/sh\necho planted\n');
    const names = 'x64:dir,x64.complete:file,x64.manifest.json:file,evil:dir';
    const restored = await roundTrip(tree, names, `${KEY}-stray`);
    expect(restored).toMatchObject({ hit: false });
    expect(restored.warning).toMatch(/not used: it holds an unexpected evil$/);
    expect(await readdir(tree).catch(() => [])).toEqual([]);
  });

  it('is not restored when the install directory in it is a link', async () => {
    const tree = join(work, 'tool-cache', 'cgo-abi-guard-x86_64-linux-gnu-gcc', 'linked');
    await makeTree(tree);
    const elsewhere = join(work, 'linked-x64');
    await rename(join(tree, 'x64'), elsewhere);
    await symlink(elsewhere, join(tree, 'x64'));
    const names = 'x64:dir,x64.complete:file,x64.manifest.json:file';
    const restored = await roundTrip(tree, names, `${KEY}-linked`);
    expect(restored).toMatchObject({ hit: false });
    expect(restored.warning).toMatch(/not used: it holds x64 as a symbolic link$/);
    expect(await readdir(tree).catch(() => [])).toEqual([]);
  });
});

it('warns "cache service not available" without any ACTIONS_* variable', async () => {
  const saved = await driver('save', KEY, {});
  expect(saved.saved).toBe(false);
  expect(saved.warning).toMatch(/cache service not available/);
  const restored = await driver('restore', KEY, {});
  expect(restored).toMatchObject({ hit: false });
  expect(restored.warning).toMatch(/cache service not available/);
});

/** One cache call in a child process with a runner-like environment and nothing else. */
async function driver(
  op: 'save' | 'restore',
  key: string,
  cacheEnv: Record<string, string>,
  timeoutMs = 60_000,
  path = tree,
  lingerMs?: number,
  extraEnv: Record<string, string> = {},
): Promise<Outcome> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    RUNNER_TEMP: join(work, 'temp'),
    GITHUB_WORKSPACE: workspace,
    ...cacheEnv,
    ...extraEnv,
  };
  const linger = lingerMs === undefined ? [] : [String(lingerMs)];
  const child = spawn(TSX, [DRIVER, op, key, String(timeoutMs), path, ...linger], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const line = /^RESULT (.*)$/m.exec(stdout)?.[1];
  if (code !== 0 || line === undefined)
    throw new Error(`driver ${op} exited ${String(code)}\n${stdout}\n${stderr}`);
  return { ...(JSON.parse(line) as Omit<Outcome, 'stdout'>), stdout };
}

async function makeTree(dir: string): Promise<void> {
  const arch = join(dir, 'x64');
  await mkdir(join(arch, 'bin'), { recursive: true });
  await mkdir(join(arch, 'sysroot', 'usr', 'lib'), { recursive: true });
  await writeFile(join(arch, 'bin', 'cc'), '#!/bin/sh\nexec aarch64-linux-gnu-gcc "$@"\n');
  await chmod(join(arch, 'bin', 'cc'), 0o755);
  await writeFile(join(arch, 'sysroot', 'usr', 'lib', 'libc.so.6'), randomBytes(10 * 1024 * 1024));
  await symlink('libc.so.6', join(arch, 'sysroot', 'usr', 'lib', 'libc.so'));
  await writeFile(join(dir, 'x64.manifest.json'), '{"content":"x"}\n');
  await writeFile(join(dir, 'x64.complete'), '');
}

/** Every entry under `dir`: type, permissions, and content hash or link target. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of await readdir(dir, { recursive: true })) {
    const path = join(dir, name);
    const stat = await lstat(path);
    const mode = (stat.mode & 0o777).toString(8);
    if (stat.isSymbolicLink()) out.set(relative(dir, path), `link ${await readlink(path)}`);
    else if (stat.isDirectory()) out.set(relative(dir, path), `dir ${mode}`);
    else
      out.set(
        relative(dir, path),
        `file ${mode} ${createHash('sha256')
          .update(await readFile(path))
          .digest('hex')}`,
      );
  }
  return out;
}
