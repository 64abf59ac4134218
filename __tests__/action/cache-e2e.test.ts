/**
 * The toolchain cache across runs, through @actions/cache against a local stand-in for the cache
 * service (the v2 protocol hosted runners use): run 1 installs and its post step saves; run 2, on a
 * runner with an empty tool cache, restores it. An unavailable service is only a warning.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { fixture } from '../setup/fixtures.js';
import { Runner, runMainAndPost } from '../setup/runner.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-cache-e2e-'));
const inputs = {
  target: 'linux/amd64',
  glibc: '2.31',
  compiler: 'clang',
  artifacts: '',
  lockfile: join(work, 'lock.yml'),
};
let server: CacheServer;

beforeAll(async () => {
  server = await startCacheServer('v2');
  inputs.artifacts = fixture('amd64-clang-bullseye');
});

afterAll(async () => {
  await server.close();
});

describe('the toolchain cache', () => {
  it('is saved by the post step of run 1 and restored by run 2 on an empty tool cache', async () => {
    const first = await runMainAndPost(new Runner(join(work, 'tc-1')), inputs, { env: server.env });
    expect(first.main.status).toBe(0);
    expect(first.post?.stdout).toMatch(
      /saved the toolchain cache cgo-abi-guard-v2-x86_64-linux-gnu-clang-2\.31\.0-bullseye\.h[0-9a-f]{12}-x64/,
    );
    expect(first.post?.status).toBe(0);
    expect(server.entries().length).toBe(1);

    // A new runner: the same RUNNER_TOOL_CACHE path (as on hosted runners), now empty.
    rmSync(join(work, 'tc-1'), { recursive: true, force: true });
    const second = await runMainAndPost(new Runner(join(work, 'tc-1')), inputs, {
      env: server.env,
    });
    expect(second.main.status).toBe(0);
    const toolchain = second.main.report?.targets[0]?.toolchain;
    expect(toolchain?.cacheHit).toBe(true);
    expect(toolchain?.dir.startsWith(join(work, 'tc-1'))).toBe(true);
    expect(second.main.summary).toMatch(/toolchain debian\/bullseye \(clang, from cache\)/);
    expect(second.post?.stdout).not.toMatch(/saved the toolchain cache/);
  });

  it('an unavailable cache service is a warning, never a failure', async () => {
    const port = await closedPort();
    const env = {
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${port}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RUNTIME_TOKEN: 'token',
    };
    const { main, post } = await runMainAndPost(new Runner(join(work, 'tc-3')), inputs, { env });
    expect(main.status).toBe(0);
    expect(post?.status).toBe(0);
    expect(post?.stdout).toMatch(/^::warning title=cgo-abi-guard cache::/m);
  });
});
