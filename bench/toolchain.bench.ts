/**
 * The toolchain install for linux/arm64 at glibc 2.31 (gcc), twice: from a current lock (the
 * compiler's debug info stripped with the locked strip) and from the same lock without its
 * `tools` (an older lock: the packages as Debian ships them). For each: cold install seconds and
 * bytes from the lock (fresh tool cache and package cache), warm `env` seconds (a cache hit, mirror
 * unreachable), and the post step's cache save and a later restore of that tool directory through
 * @actions/cache against the local stand-in for the cache service, each in its own process.
 * Then a capped floor (2.28: bullseye capped at 2.28) against the release's own install (2.31):
 * cold installs from the lock with the packages already downloaded (what capping adds), and the
 * capped floor's warm `env`. Then the glibc 2.17 toolchain from npm (`--release crosstool-ng`):
 * cold install and warm `env` with the Debian mirror and the npm registry both unreachable. Then
 * the musl toolchain (`--libc musl`, 1.2.2): cold install from its lock and warm `env`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseLockfile, renderLockfile } from '../src/domain/toolchain/lockfile.js';
import { startCacheServer } from '../__tests__/fakes/cache-server.js';
import { CLI, ROOT } from '../__tests__/setup/paths.js';

const WARM_ROUNDS = 5;
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DRIVER = join(ROOT, '__tests__', 'fakes', 'cache-driver.ts');

function cli(args: readonly string[], env: NodeJS.ProcessEnv): { ms: number; stdout: string } {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`cgo-abi-guard ${args.join(' ')} failed: ${r.stderr}`);
  return { ms, stdout: r.stdout };
}

/**
 * One cache call in its own process, as the post step (save) and the next run (restore). Async:
 * the cache stand-in answers from this process.
 */
async function cacheCall(
  op: 'save' | 'restore',
  key: string,
  path: string,
  env: Record<string, string>,
): Promise<number> {
  const start = performance.now();
  const child = spawn(TSX, [DRIVER, op, key, '600000', path], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    cwd: env.GITHUB_WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - start;
  const result = /^RESULT (.*)$/m.exec(out)?.[1];
  const parsed = result === undefined ? null : (JSON.parse(result) as Record<string, unknown>);
  if (parsed?.[op === 'save' ? 'saved' : 'hit'] !== true)
    throw new Error(`cache ${op} failed: ${out}`);
  return ms;
}

function bytesUnder(path: string): number {
  let total = 0;
  for (const entry of readdirSync(path, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

async function measure(name: string, dir: string, lock: string): Promise<void> {
  const toolCache = join(dir, `tool-cache-${name}`);
  const env = { RUNNER_TOOL_CACHE: toolCache };
  const args = ['env', '--target', 'linux/arm64', '--glibc', '2.31', '--compiler', 'gcc'];
  const locked = [...args, '--lock', lock, '--format', 'json'];
  const cold = cli(locked, env);
  const toolDir = (JSON.parse(cold.stdout) as { toolchain: { dir: string } }).toolchain.dir;
  const installed = bytesUnder(join(toolCache, 'cgo-abi-guard-aarch64-linux-gnu-gcc'));
  const downloaded = bytesUnder(join(toolCache, '.cgo-abi-guard-state', 'debs'));
  const warm = median(
    Array.from({ length: WARM_ROUNDS }, () => cli([...locked, ...OFFLINE_ARGS], env).ms),
  );
  // What the action caches: <tool cache>/<tool>/<version> (the tree, its manifest and marker).
  const saved = dirname(toolDir);
  const server = await startCacheServer('v2');
  try {
    const runner = {
      ...server.env,
      HOME: dir,
      RUNNER_TEMP: join(dir, `temp-${name}`),
      GITHUB_WORKSPACE: join(dir, `workspace-${name}`),
    };
    mkdirSync(runner.RUNNER_TEMP, { recursive: true });
    mkdirSync(runner.GITHUB_WORKSPACE, { recursive: true });
    const key = `bench-${name}`;
    const save = await cacheCall('save', key, saved, runner);
    rmSync(toolCache, { recursive: true, force: true });
    const restore = await cacheCall('restore', key, saved, runner);
    const hit = cli([...locked, ...OFFLINE_ARGS], env);
    if (!/"cacheHit":\s*true/.test(hit.stdout)) throw new Error('the restored tree was no hit');
    console.log(
      `${name.padEnd(8)} cold install ${s(cold.ms)} (downloaded ${mb(downloaded)}, installed ${mb(installed)})  ` +
        `warm env ${s(warm)}  cache save ${s(save)}  cache restore ${s(restore)}`,
    );
  } finally {
    await server.close();
  }
}

/** Warm runs may touch no network: no host mirror, the npm registry unreachable. */
const OFFLINE_ARGS = ['--frozen', '--mirror', 'http://127.0.0.1:9/debian', '--no-host-mirrors'];
const OFFLINE_NPM = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };

function measureNpm(dir: string): void {
  const toolCache = join(dir, 'tool-cache-npm');
  const env = { RUNNER_TOOL_CACHE: toolCache };
  const args = ['env', '--target', 'linux/arm64', '--glibc', '2.17', '--compiler', 'gcc'];
  const locked = [
    ...args,
    '--release',
    'crosstool-ng',
    '--lock',
    join(dir, 'npm-lock.yml'),
    '--format',
    'json',
  ];
  const cold = cli(locked, env);
  const installed = bytesUnder(join(toolCache, 'cgo-abi-guard-aarch64-linux-gnu-gcc'));
  const downloaded = bytesUnder(join(toolCache, '.cgo-abi-guard-state', 'npm'));
  const warm = median(
    Array.from(
      { length: WARM_ROUNDS },
      () => cli([...locked, ...OFFLINE_ARGS], { ...env, ...OFFLINE_NPM }).ms,
    ),
  );
  console.log(
    `toolchain linux/arm64 glibc 2.17 gcc (napi-rs crosstool-ng gcc 4.8.5 + glibc 2.17 sysroot, npm)`,
  );
  console.log(
    `npm      cold install ${s(cold.ms)} (downloaded ${mb(downloaded)}, installed ${mb(installed)})  warm env ${s(warm)}${warm < 1000 ? '' : '  (over the 1 s budget)'}`,
  );
}

/**
 * The musl toolchain for linux/arm64 (bullseye's cross gcc + musl-dev 1.2.2, static): cold install
 * from its lock (a fresh tool cache and package cache) and warm `env`, beside the glibc numbers.
 */
function measureMusl(dir: string): void {
  const lock = join(dir, 'musl-lock.yml');
  const args = ['env', '--target', 'linux/arm64', '--libc', 'musl', '--lock', lock];
  const locked = [...args, '--format', 'json'];
  cli(locked, { RUNNER_TOOL_CACHE: join(dir, 'tool-cache-musl-first') });
  rmSync(join(dir, 'tool-cache-musl-first'), { recursive: true, force: true });
  const toolCache = join(dir, 'tool-cache-musl');
  const env = { RUNNER_TOOL_CACHE: toolCache };
  const cold = cli(locked, env);
  const installed = bytesUnder(join(toolCache, 'cgo-abi-guard-aarch64-linux-musl-gcc'));
  const downloaded = bytesUnder(join(toolCache, '.cgo-abi-guard-state', 'debs'));
  const warm = median(
    Array.from({ length: WARM_ROUNDS }, () => cli([...locked, ...OFFLINE_ARGS], env).ms),
  );
  console.log(`toolchain linux/arm64 musl 1.2.2 gcc (debian bullseye cross gcc + musl-dev)`);
  console.log(
    `musl     cold install ${s(cold.ms)} (downloaded ${mb(downloaded)}, installed ${mb(installed)})  warm env ${s(warm)}`,
  );
}

const CAP_ROUNDS = 3;

/**
 * What capping adds to a cold install: linux/arm64 gcc at 2.28 (bullseye capped) and at 2.31
 * (bullseye as it is), alternately, each into a fresh tool cache whose package cache already holds
 * the locked packages (hard links), so both measure unpacking, stripping, capping and hashing.
 */
function measureCapped(dir: string, lock: string): void {
  const args = (floor: string): string[] => [
    'env',
    '--target',
    'linux/arm64',
    '--glibc',
    floor,
    '--lock',
    lock,
    '--format',
    'json',
  ];
  const seed = join(dir, 'tool-cache-cap-seed');
  cli(args('2.28'), { RUNNER_TOOL_CACHE: seed });
  const debs = join(seed, '.cgo-abi-guard-state', 'debs');
  const cold = (floor: string, round: number): number => {
    const toolCache = join(dir, `tool-cache-cap-${floor}-${String(round)}`);
    mkdirSync(join(toolCache, '.cgo-abi-guard-state'), { recursive: true });
    spawnSync('cp', ['-al', debs, join(toolCache, '.cgo-abi-guard-state', 'debs')]);
    const ms = cli([...args(floor), ...OFFLINE_ARGS], { RUNNER_TOOL_CACHE: toolCache }).ms;
    rmSync(toolCache, { recursive: true, force: true });
    return ms;
  };
  const own: number[] = [];
  const capped: number[] = [];
  for (let round = 0; round < CAP_ROUNDS; round++) {
    own.push(cold('2.31', round));
    capped.push(cold('2.28', round));
  }
  // Warm `env`, capped and not, alternately in one tool cache: the same page cache for both.
  cli([...args('2.31'), ...OFFLINE_ARGS], { RUNNER_TOOL_CACHE: seed });
  const warmCapped: number[] = [];
  const warmOwn: number[] = [];
  for (let round = 0; round < WARM_ROUNDS; round++) {
    warmCapped.push(cli([...args('2.28'), ...OFFLINE_ARGS], { RUNNER_TOOL_CACHE: seed }).ms);
    warmOwn.push(cli([...args('2.31'), ...OFFLINE_ARGS], { RUNNER_TOOL_CACHE: seed }).ms);
  }
  const warm = median(warmCapped);
  const added = median(capped) - median(own);
  console.log(`toolchain linux/arm64 glibc 2.28 gcc (debian bullseye capped at 2.28)`);
  console.log(
    `capped   cold install ${s(median(capped))} vs the release's own ${s(median(own))} (packages downloaded; median of ${String(CAP_ROUNDS)}): capping adds ${s(added)}${added <= 2000 ? '' : '  (over the 2 s budget)'}  warm env ${s(warm)} vs ${s(median(warmOwn))}${warm < 500 ? '' : '  (over the 0.5 s budget)'}`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-bench-'));
try {
  const lock = join(dir, 'lock.yml');
  const baseline = median(Array.from({ length: WARM_ROUNDS }, () => cli(['--help'], {}).ms));
  console.log(`toolchain linux/arm64 glibc 2.31 gcc (debian bullseye cross gcc + sysroot)`);
  console.log(`baseline node dist/cli.js --help ${s(baseline)}`);
  // The first run resolves through apt and writes the lock; the measured runs install from it.
  const first = cli(
    ['env', '--target', 'linux/arm64', '--glibc', '2.31', '--lock', lock, '--format', 'json'],
    { RUNNER_TOOL_CACHE: join(dir, 'tool-cache-first') },
  );
  rmSync(join(dir, 'tool-cache-first'), { recursive: true, force: true });
  console.log(`first run (apt resolves, lock written, install) ${s(first.ms)}`);
  await measure('stripped', dir, lock);
  // The same packages from a lock written before stripping: no tools, no tree.
  const parsed = parseLockfile(readFileSync(lock, 'utf8'), lock);
  if ('error' in parsed) throw new Error(parsed.error);
  const older = join(dir, 'older-lock.yml');
  writeFileSync(
    older,
    renderLockfile({
      version: 1,
      toolchains: parsed.toolchains.map((t) => ({
        key: t.key,
        release: t.release,
        packages: t.packages,
      })),
    }),
  );
  await measure('packaged', dir, older);
  measureCapped(dir, lock);
  measureNpm(dir);
  measureMusl(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
