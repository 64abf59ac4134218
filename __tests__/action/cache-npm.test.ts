/**
 * An npm (glibc 2.17) toolchain (`release: crosstool-ng`) goes through the Actions cache like a Debian one: run 1 installs
 * it (its package hard-linked from the shared package cache: the download is env-npm-e2e's to
 * test) and its post step saves it; run 2, on an empty tool cache with the npm registry unreachable,
 * restores it and touches no network; run 3, at floor 2.17, which the same package meets, restores the
 * same entry.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { envJson, seedPackageCache } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-cache-npm-'));
const inputs = {
  target: 'linux/arm64',
  glibc: '2.28',
  compiler: 'clang',
  release: 'crosstool-ng',
  lockfile: join(work, 'lock.yml'),
};
let server: CacheServer;

beforeAll(async () => {
  envJson([
    '--target',
    'linux/arm64',
    '--glibc',
    '2.28',
    '--compiler',
    'clang',
    '--release',
    'crosstool-ng',
    '--lock',
    join(work, 'shared.yml'),
  ]);
  seedPackageCache(join(work, 'tc'), 'npm');
  server = await startCacheServer('v2');
});

afterAll(async () => {
  await server.close();
});

describe('the cache of an npm toolchain', () => {
  it(
    'is saved by run 1, restored by run 2 without the registry, and by run 3 at floor 2.17',
    { timeout: 600_000 },
    async () => {
      const first = await runMainAndPost(new Runner(join(work, 'tc')), inputs, { env: server.env });
      expect(first.main.status).toBe(0);
      expect(first.main.stdout).toMatch(
        /^::notice title=cgo-abi-guard%3A linux\/arm64 C\+\+::.*C\+\+11 \(GLIBCXX 3\.4\.19/m,
      );
      expect(first.post?.stdout).toMatch(
        /saved the toolchain cache cgo-abi-guard-v2-aarch64-linux-gnu-clang-2\.17\.0-crosstool-ng\.h[0-9a-f]{12}-x64/,
      );
      expect(server.entries().length).toBe(1);

      rmSync(join(work, 'tc'), { recursive: true, force: true });
      const offline = {
        ...server.env,
        npm_config_registry: 'http://127.0.0.1:9/',
        npm_config_fetch_retries: '0',
      };
      const second = await runMainAndPost(new Runner(join(work, 'tc')), inputs, { env: offline });
      expect(second.main.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(second.main.status).toBe(0);
      const sysroot = (JSON.parse(second.main.outputs.sysroot ?? '{}') as Record<string, string>)[
        'linux/arm64'
      ];
      expect(sysroot).toMatch(/\/root\/aarch64-unknown-linux-gnu\/sysroot$/);
      expect(readFileSync(join(sysroot ?? '', 'lib', 'libc-2.17.so')).length).toBeGreaterThan(0);
      expect(second.post?.stdout).not.toMatch(/saved the toolchain cache/);

      // Floor 2.17 is met by the same package: the same cache entry, without the registry.
      rmSync(join(work, 'tc'), { recursive: true, force: true });
      const third = await runMainAndPost(
        new Runner(join(work, 'tc')),
        { ...inputs, glibc: '2.17' },
        { env: offline },
      );
      expect(third.main.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
      expect(third.main.status).toBe(0);
      expect(third.main.stdout).toMatch(
        /restored the toolchain cache cgo-abi-guard-v2-aarch64-linux-gnu-clang-2\.17\.0-crosstool-ng\.h[0-9a-f]{12}-x64/,
      );
      expect(third.main.stdout).not.toMatch(/cgo-abi-guard: installed /);
      expect(server.entries().length).toBe(1);
      expect(third.post?.stdout).not.toMatch(/saved the toolchain cache/);
    },
  );
});
