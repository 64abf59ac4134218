/**
 * The action on a simulated GitHub-hosted runner (see __tests__/setup/runner-sim.ts): dist/main.js
 * and dist/post.js on Node 24 as user `runner`, apt sources in the `mirror+file:` form with a dead
 * first mirror, clang only as the images lay it out. For gcc and clang, linux/amd64 and
 * linux/arm64 at 2.31: run 1 resolves and writes the lock, its post step saves the cache; run 2,
 * on an empty tool cache with the lock, restores from the cache and resolves nothing; run 3, with
 * the cache service and the first mirror down, installs from the lock through the second mirror.
 * Every binary is verified by the step and run against glibc 2.31. Then a container job (root,
 * no sudo, HOME elsewhere). The machine's /etc/apt is the same afterwards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closedPort, startCacheServer, type CacheServer } from '../fakes/cache-server.js';
import { makeSim, simMissing, treeDigest, type Sim } from '../setup/runner-sim.js';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { runMainAndPost, type StepRun } from '../setup/runner.js';
import { runAgainst } from '../setup/toolchain.js';

const TARGETS = ['linux/amd64', 'linux/arm64'] as const;
const etcAptBefore = treeDigest('/etc/apt');
let sim: Sim;
let server: CacheServer;
let dead: number;

beforeAll(async () => {
  const missing = simMissing();
  if (missing !== null) throw new Error(missing);
  dead = await closedPort();
  sim = await makeSim(dead);
  server = await startCacheServer('v2');
});

afterAll(async () => {
  await server.close();
});

/** The step's RunReport (read and validated by the runner). */
function report(run: StepRun): RunReport {
  if (run.report === null) throw new Error(`no report: ${run.stdout}`);
  return run.report;
}

function annotations(stdout: string, level: 'error' | 'warning'): string[] {
  return stdout.split('\n').filter((l) => l.startsWith(`::${level}`));
}

/** Each binary against the floor's own glibc: amd64 through its loader, arm64 under qemu. */
function runBinaries(project: string, run: StepRun): void {
  const sysroots = JSON.parse(run.outputs.sysroot ?? '{}') as Record<string, string>;
  for (const target of TARGETS) {
    const sysroot = sysroots[target] ?? '';
    const app = join(project, `app-${target.split('/')[1] ?? ''}`);
    const r = runAgainst(target.split('/')[1] ?? '', sysroot, app);
    expect(r.stderr, `${target}: ${app}`).toBe('');
    expect(r.stdout).toContain('sqrt(2)=1.414214');
    expect(r.status).toBe(0);
  }
}

describe.each(['gcc', 'clang'] as const)('a runner job with compiler %s', (compiler) => {
  let project: string;
  const inputs = (): Record<string, string> => ({
    target: TARGETS.join(','),
    glibc: '2.31',
    compiler,
    run: 'go build -o "app-$GOARCH" .',
  });

  beforeAll(() => {
    sim.emptyToolCache();
    project = sim.project('__tests__/fixtures/src/cgoapp', 'runner');
  });

  it('run 1: resolves through the second mirror, writes the lock, and the post step saves the cache', async () => {
    const { main, post } = await runMainAndPost(sim.runner('runner', server.env), inputs(), {
      cwd: project,
    });
    expect(annotations(main.stdout, 'error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    // The mirror list's first mirror is dead: apt moved on to the second, the host's.
    expect(main.stdout).toContain(
      `using ${sim.hostMirror} (apt could not update ${sim.deadMirror} suite bullseye`,
    );
    if (compiler === 'clang')
      expect(main.stdout).toMatch(
        /clang 16 \(\/usr\/lib\/llvm-16\/bin\/clang\) with lld 16 \(\/usr\/lib\/llvm-16\/bin\/ld\.lld\)/,
      );
    expect(main.stdout).toMatch(
      /^::notice title=cgo-abi-guard lockfile::wrote \.github\/cgo-abi-guard\.lock\.yml/m,
    );
    expect(existsSync(join(project, '.github/cgo-abi-guard.lock.yml'))).toBe(true);
    expect(post?.status).toBe(0);
    expect(post?.stdout.match(/^cgo-abi-guard: saved the toolchain cache /gm)).toHaveLength(2);
    runBinaries(project, main);
  });

  it('run 2: an empty tool cache is restored from the cache with the committed lock, nothing resolved', async () => {
    sim.emptyToolCache();
    const { main } = await runMainAndPost(sim.runner('runner', server.env), inputs(), {
      cwd: project,
    });
    expect(annotations(main.stdout, 'error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.stdout).not.toMatch(/resolving packages|installed linux\//);
    expect(report(main).targets.map((t) => t.toolchain?.cacheHit)).toEqual([true, true]);
    expect(main.summary).toContain(`(${compiler === 'gcc' ? 'host-gcc' : 'clang'}, from cache)`);
    runBinaries(project, main);
  });

  it('run 3: cache service and first mirror down: installs from the lock through the second mirror', async () => {
    sim.emptyToolCache();
    const lock = readFileSync(join(project, '.github/cgo-abi-guard.lock.yml'), 'utf8');
    const down = {
      ACTIONS_RESULTS_URL: `http://127.0.0.1:${dead}/`,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      ACTIONS_RUNTIME_TOKEN: 'token',
    };
    const { main, post } = await runMainAndPost(sim.runner('runner', down), inputs(), {
      cwd: project,
    });
    expect(annotations(main.stdout, 'error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(annotations(main.stdout, 'warning').join('\n')).toMatch(
      /cgo-abi-guard cache::.*not restored/,
    );
    expect(main.stdout).not.toContain('resolving packages');
    expect(
      main.stdout.match(new RegExp(`downloaded \\d+ packages? from ${sim.hostMirror}`, 'g')),
    ).toHaveLength(2);
    expect(report(main).targets.map((t) => t.toolchain?.cacheHit)).toEqual([false, false]);
    expect(readFileSync(join(project, '.github/cgo-abi-guard.lock.yml'), 'utf8')).toBe(lock);
    expect(post?.status).toBe(0);
    runBinaries(project, main);
  });
});

describe('a container job', () => {
  it('runs as root without sudo and with HOME elsewhere: resolves, installs, builds, verifies', async () => {
    sim.emptyToolCache();
    const project = sim.project('__tests__/fixtures/src/cgoapp', 'root');
    const { main } = await runMainAndPost(
      sim.runner('root'),
      { target: 'linux/arm64', glibc: '2.31', run: 'go build -o app-arm64 .', cache: 'false' },
      { cwd: project },
    );
    expect(annotations(main.stdout, 'error')).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    const sysroot =
      (JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>)['linux/arm64'] ?? '';
    const r = runAgainst('arm64', sysroot, join(project, 'app-arm64'));
    expect(r.stdout).toContain('sqrt(2)=1.414214');
  });
});

describe('the machine', () => {
  it('keeps its own /etc/apt unchanged', () => {
    expect(treeDigest('/etc/apt')).toBe(etcAptBefore);
  });
});
