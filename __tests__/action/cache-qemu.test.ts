/**
 * The smoke run's qemu-user-static goes through the Actions cache like a toolchain: run 1 installs
 * the linux/arm64 toolchain and qemu (their packages hard-linked from the shared package cache)
 * and its post step saves both; run 2, on an empty tool cache with every mirror unreachable,
 * restores both and runs the arm64 binary under qemu on glibc 2.31.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { fixture } from '../setup/fixtures.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { seedPackageCache, UNREACHABLE_MIRROR } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-cache-qemu-'));
const project = join(work, 'project');
const inputs = {
  target: 'linux/arm64',
  glibc: '2.31',
  compiler: 'clang',
  artifacts: 'app',
  'working-directory': project,
  lockfile: join(work, 'lock.yml'),
  smoke: 'true',
};
const QEMU_KEY = /cgo-abi-guard-v2-qemu-user-static-0\.0\.0-[a-z]+\.h[0-9a-f]{12}-x64/;
let server: CacheServer;

beforeAll(async () => {
  mkdirSync(project);
  copyFileSync(fixture('arm64-clang-bullseye'), join(project, 'app'));
  seedPackageCache(join(work, 'tc'), 'debs');
  server = await startCacheServer('v2');
});

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

const errors = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::error'));

describe("the smoke run's qemu", () => {
  it('is saved by run 1 and restored by run 2 with every mirror unreachable', async () => {
    const first = await runMainAndPost(new Runner(join(work, 'tc')), inputs, { env: server.env });
    expect(errors(first.main.stdout)).toEqual([]);
    expect(first.main.status).toBe(0);
    expect(first.main.outputs.smoke).toBe('pass');
    expect(first.post?.stdout).toMatch(new RegExp(`saved the toolchain cache ${QEMU_KEY.source}`));
    expect(server.entries().length).toBe(2);

    rmSync(join(work, 'tc'), { recursive: true, force: true });
    const offline = { ...inputs, mirror: UNREACHABLE_MIRROR, 'host-mirrors': 'false' };
    const second = await runMainAndPost(new Runner(join(work, 'tc')), offline, {
      env: server.env,
    });
    expect(errors(second.main.stdout)).toEqual([]);
    expect(second.main.status).toBe(0);
    expect(second.main.outputs.smoke).toBe('pass');
    expect(second.main.stdout).toMatch(
      new RegExp(`restored the toolchain cache ${QEMU_KEY.source}`),
    );
    expect(second.main.stdout).not.toMatch(/cgo-abi-guard: installed /);
    expect(second.post?.stdout).not.toMatch(/saved the toolchain cache/);
  });
});
