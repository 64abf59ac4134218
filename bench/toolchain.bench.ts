/**
 * The toolchain install for linux/arm64 with gcc at glibc 2.31 (Debian) and 2.17 (npm): cold
 * install seconds and bytes (fresh tool cache and package cache), then warm `env` seconds (a cache
 * hit, mirror and npm registry unreachable), next to the bare start of the same CLI (`--help`).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CLI } from '../__tests__/setup/paths.js';

const WARM_ROUNDS = 5;

function cli(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const start = performance.now();
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`cgo-abi-guard ${args.join(' ')} failed: ${r.stderr}`);
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

interface Case {
  title: string;
  glibc: string;
  /** Where the cold install's downloads are kept, under the state directory. */
  downloads: string;
}

const CASES: Case[] = [
  { title: 'debian bullseye cross gcc + sysroot', glibc: '2.31', downloads: 'debs' },
  {
    title: 'napi-rs crosstool-ng gcc 4.8.5 + glibc 2.17 sysroot (npm)',
    glibc: '2.17',
    downloads: 'npm',
  },
];

/** Warm runs may touch no network: the Debian mirror and the npm registry both unreachable. */
const OFFLINE = { npm_config_registry: 'http://127.0.0.1:9/', npm_config_fetch_retries: '0' };

for (const c of CASES) {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-bench-'));
  const env = { RUNNER_TOOL_CACHE: join(dir, 'tool-cache') };
  const lock = join(dir, 'lock.yml');
  const args = [
    ...['env', '--target', 'linux/arm64', '--glibc', c.glibc, '--compiler', 'gcc'],
    ...['--lock', lock, '--format', 'json'],
  ];
  try {
    const cold = cli(args, env);
    const installed = bytesUnder(join(dir, 'tool-cache', 'cgo-abi-guard-aarch64-linux-gnu-gcc'));
    const downloaded = bytesUnder(join(dir, 'tool-cache', '.cgo-abi-guard-state', c.downloads));
    const warm = median(
      Array.from({ length: WARM_ROUNDS }, () =>
        cli([...args, '--frozen', '--mirror', 'http://127.0.0.1:9/debian'], { ...env, ...OFFLINE }),
      ),
    );
    const baseline = median(Array.from({ length: WARM_ROUNDS }, () => cli(['--help'], env)));
    const mb = (n: number): string => `${(n / 1e6).toFixed(1)} MB`;
    console.log(`toolchain linux/arm64 glibc ${c.glibc} gcc (${c.title})`);
    console.log(
      `cold install  ${(cold / 1000).toFixed(2)} s   downloaded ${mb(downloaded)}, installed ${mb(installed)}`,
    );
    console.log(`baseline      node dist/cli.js --help       ${(baseline / 1000).toFixed(3)} s`);
    console.log(
      `warm env      cache hit, no network         ${(warm / 1000).toFixed(3)} s  ratio ${(warm / baseline).toFixed(2)}${warm < 1000 ? '' : '  (over the 1 s budget)'}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
