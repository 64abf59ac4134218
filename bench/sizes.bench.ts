/**
 * Sizes, on a service that keeps 10 GB of Actions cache per repository. In one fresh tool cache:
 * linux/arm64 gcc at glibc 2.31 with two package lists (libpcap-dev, then zlib1g-dev) — disk
 * used (each file once, however many hard links) against what two whole installs of toolchain
 * and packages took, and the Actions cache entries each part is saved as (through the local
 * stand-in for the cache service); the private apt's state after those installs resolved; then
 * the smoke run's qemu for linux/arm64: its install and cache entry against all of the
 * package it comes from (qemu-user), which the install took before.
 */
import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { resolveHost } from '../src/adapters/runner.js';
import { toolCacheOf } from '../src/adapters/tool-cache.js';
import { QEMU_PACKAGES } from '../src/domain/data/releases.js';
import { prepareQemu } from '../src/steps/prepare-qemu.js';
import { startCacheServer, type CacheServer } from '../__tests__/fakes/cache-server.js';
import { bullseyeApt } from '../__tests__/toolchain/helpers.js';
import { CLI, ROOT } from '../__tests__/setup/paths.js';

const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DRIVER = join(ROOT, '__tests__', 'fakes', 'cache-driver.ts');
const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;

function cli(args: readonly string[], env: NodeJS.ProcessEnv): string {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`cgo-abi-guard ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

/** Bytes of the files under `paths`, each inode once (`seen` carries over between calls). */
function diskUsed(paths: readonly string[], seen = new Set<string>()): number {
  let total = 0;
  for (const path of paths)
    for (const e of readdirSync(path, { withFileTypes: true, recursive: true })) {
      if (!e.isFile()) continue;
      const st = lstatSync(join(e.parentPath, e.name));
      const id = `${String(st.dev)}:${String(st.ino)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      total += st.size;
    }
  return total;
}

/** The post step's save of a version directory, in its own process; the entry's bytes. */
async function cacheEntry(server: CacheServer, dir: string, key: string, versionDir: string) {
  const runner = {
    ...server.env,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dir,
    RUNNER_TEMP: join(dir, 'temp'),
    GITHUB_WORKSPACE: join(dir, 'workspace'),
  };
  mkdirSync(runner.RUNNER_TEMP, { recursive: true });
  mkdirSync(runner.GITHUB_WORKSPACE, { recursive: true });
  const child = spawn(TSX, [DRIVER, 'save', key, '600000', versionDir], {
    env: runner,
    cwd: runner.GITHUB_WORKSPACE,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr.on('data', (c: Buffer) => (out += c.toString('utf8')));
  await new Promise((resolve) => child.on('close', resolve));
  const size = server.sizes().get(key);
  if (size === undefined) throw new Error(`cache save of ${versionDir} failed: ${out}`);
  return size;
}

interface EnvOut {
  toolchain: { dir: string };
}

async function packageLists(dir: string, server: CacheServer): Promise<void> {
  const toolCache = join(dir, 'tool-cache');
  const env = { RUNNER_TOOL_CACHE: toolCache };
  const lock = join(dir, 'lock.yml');
  const args = ['env', '--target', 'linux/arm64', '--glibc', '2.31', '--lock', lock];
  const lists = ['libpcap-dev', 'zlib1g-dev'];
  const dirs = lists.map(
    (p) =>
      (JSON.parse(cli([...args, '--package', p, '--format', 'json'], env)) as EnvOut).toolchain.dir,
  );
  const apt = diskUsed([join(toolCache, '.cgo-abi-guard-state', 'apt')]);
  const tools = readdirSync(toolCache).filter((n) => !n.startsWith('.'));
  const all = diskUsed(tools.map((t) => join(toolCache, t)));
  const versionDirs = tools.flatMap((t) =>
    readdirSync(join(toolCache, t)).map((v) => join(toolCache, t, v)),
  );
  const toolchain = versionDirs.filter((v) => v.includes('-gcc/') && !v.includes('.p'));
  // Each list's packages: the install whose content hash the composed directory's name ends with.
  const sets = dirs.map((d) => {
    const hash = /\.p([0-9a-f]{12})$/.exec(dirname(d))?.[1] ?? '';
    const set = versionDirs.find((v) => v.endsWith(`.h${hash}`) && v.includes('-packages/'));
    if (set === undefined) throw new Error(`no package install for ${d}`);
    return set;
  });
  const toolchainBytes = diskUsed(toolchain);
  const setBytes = sets.map((v) => diskUsed([v]));
  const composed = dirs.map((d) => diskUsed([dirname(d)]));
  const whole = setBytes.reduce((sum, b) => sum + toolchainBytes + b, 0);
  const each = (values: number[]): string =>
    lists.map((l, i) => `${l} ${mb(values[i] ?? 0)}`).join(', ');
  console.log(
    `two package lists on linux/arm64 glibc 2.31 gcc: disk used ${mb(all)} (toolchain ${mb(toolchainBytes)} once; ` +
      `packages ${each(setBytes)}; the composed sysroots, ${composed.map(mb).join(' and ')}, hard links to them) ` +
      `vs ${mb(whole)} as two whole installs: ${(whole / all).toFixed(1)}x less`,
  );
  const save = (v: string, i: number): Promise<number> =>
    cacheEntry(server, dir, `bench-sizes-${String(i)}`, v);
  const toolchainEntry = await save(toolchain[0] ?? '', 0);
  const setEntries: number[] = [];
  for (const [i, v] of sets.entries()) setEntries.push(await save(v, i + 1));
  console.log(
    `  Actions cache entries: toolchain ${mb(toolchainEntry)} (shared by every list), packages ${each(setEntries)} ` +
      `(as whole installs, each list an entry of toolchain and packages: some ${mb(toolchainEntry)} more each)`,
  );
  // What the composition costs a warm `env` (the check that its files are the parts' own).
  const offline = ['--frozen', '--mirror', 'http://127.0.0.1:9/debian', '--no-host-mirrors'];
  const warm = (extra: string[]): number => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const start = performance.now();
      cli([...args, ...extra, ...offline], env);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2] ?? Number.NaN;
  };
  const plain = warm([]);
  const layered = warm(['--package', lists[0] ?? '']);
  console.log(
    `  warm env (median of 5): ${(layered / 1000).toFixed(2)} s with ${lists[0] ?? ''} vs ${(plain / 1000).toFixed(2)} s without`,
  );
  // What one resolution's apt (bullseye amd64) holds while it runs: kept before, removed now.
  const held = join(dir, 'apt-held');
  await bullseyeApt(held);
  console.log(
    `apt state in the tool cache after those installs resolved: ${mb(apt)} (budget 50 MB; ` +
      `a resolution's lists and caches, ${mb(diskUsed([held]))} for bullseye amd64 alone, were kept before)`,
  );
}

async function qemu(dir: string, server: CacheServer): Promise<void> {
  const toolCache = join(dir, 'tool-cache-qemu');
  const setting = {
    runner: await resolveHost(),
    lockPath: join(dir, 'qemu-lock.yml'),
    frozen: false,
    mirrors: { extra: [], useHost: true },
    toolCache: toolCacheOf({ RUNNER_TOOL_CACHE: toolCache }),
    actionsCache: null,
    report: { info: () => undefined, notice: () => undefined, warning: () => undefined },
  };
  const started = performance.now();
  const installed = await prepareQemu(setting, 'aarch64');
  const ms = performance.now() - started;
  const bytes = diskUsed([dirname(installed.dir)]);
  const entry = await cacheEntry(server, dir, 'bench-sizes-qemu', dirname(installed.dir));
  // What the install was before: the whole package's files.
  const debs = join(toolCache, '.cgo-abi-guard-state', 'debs');
  // The package the install took its emulator from (trixie's qemu-user, Ubuntu's qemu-user-static).
  const deb = readdirSync(debs).find((n) => QEMU_PACKAGES.some((p) => n.startsWith(`${p}_`)));
  if (deb === undefined)
    throw new Error(`bench: no ${QEMU_PACKAGES.join(' or ')} package in ${debs}`);
  const tar = spawnSync(
    'sh',
    ['-c', 'dpkg-deb --fsys-tarfile "$1" | wc -c', 'sh', join(debs, deb)],
    {
      encoding: 'utf8',
    },
  );
  const whole = Number(tar.stdout.trim());
  console.log(
    `qemu for linux/arm64 (${deb}): installed ${mb(bytes)} (cache entry ${mb(entry)}) in ${(ms / 1000).toFixed(1)} s ` +
      `vs ${mb(whole)} of the whole package: ${(whole / bytes).toFixed(0)}x less`,
  );
}

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-bench-sizes-'));
const server = await startCacheServer('v2');
try {
  await packageLists(dir, server);
  await qemu(dir, server);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
