/**
 * Wall time of `verify` over real ELF files against bare sequential readelf on the same files,
 * measured in one process, and the ratio (target ≤ 0.5). Run with `npm run bench`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultPolicy } from '../src/domain/rules/types.js';
import { verifyPaths } from '../src/steps/verify.js';
import { isElfBinary, realElfFiles } from '../__tests__/setup/corpus.js';
import { FIXTURE_DIR, CLI } from '../__tests__/setup/paths.js';
import { fixtureFiles } from '../__tests__/setup/fixtures.js';

const run = promisify(execFile);
const ROUNDS = 3;

async function bareReadelf(files: readonly string[]): Promise<void> {
  for (const file of files) {
    await run('readelf', ['-hlVdnW', '--dyn-syms', file], {
      env: { ...process.env, LC_ALL: 'C' },
      maxBuffer: 1 << 30,
    });
  }
}

async function inProcess(files: readonly string[]): Promise<void> {
  const report = await verifyPaths(files, { policy: defaultPolicy(), readelf: 'readelf' });
  const errors = report.binaries.filter((b) => b.verdict === 'error');
  if (errors.length > 0)
    throw new Error(`verify could not judge ${errors.length} file(s): ${errors[0]?.path ?? ''}`);
}

function cli(files: readonly string[]): Promise<void> {
  const r = spawnSync(process.execPath, [CLI, 'verify', '--format', 'json', ...files], {
    maxBuffer: 1 << 30,
  });
  if (r.status === 2 || r.status === null) throw new Error(`cli failed: ${r.stderr.toString()}`);
  return Promise.resolve();
}

async function median(fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Every ELF executable and shared library under a directory tree, at most `maxBytes` each. */
function elfFilesUnder(dir: string, maxBytes: number): string[] {
  const out: string[] = [];
  const walk = (at: string): void => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size <= maxBytes && isElfBinary(path))
        out.push(path);
    }
  };
  walk(dir);
  return out.sort();
}

async function corpus(name: string, files: readonly string[]): Promise<void> {
  await bareReadelf(files); // warm the page cache for both sides
  const baseline = await median(() => bareReadelf(files));
  const engine = await median(() => inProcess(files));
  const command = await median(() => cli(files));
  const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
  const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
  console.log(
    `${name}: ${files.length} real ELF files, ${(bytes / 2 ** 20).toFixed(0)} MiB (median of ${ROUNDS} rounds)`,
  );
  console.log(`  baseline  sequential readelf -hlVdnW --dyn-syms  ${fmt(baseline)}`);
  console.log(
    `  verify    in-process engine                     ${fmt(engine)}  ratio ${(engine / baseline).toFixed(2)}`,
  );
  console.log(
    `  verify    node dist/cli.js verify --format json ${fmt(command)}  ratio ${(command / baseline).toFixed(2)}`,
  );
}

if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run bundle');
const large = [
  ...realElfFiles(),
  ...(existsSync(join(FIXTURE_DIR, 'manifest.json')) ? fixtureFiles() : []),
];
if (large.length < 200)
  throw new Error(`only ${large.length} ELF files found; install scripts/apt-packages.txt first`);
// Many small libraries and tools: the cost per file (a process each) rather than per byte.
const small = elfFilesUnder('/usr/lib/x86_64-linux-gnu', 1024 * 1024);
if (small.length < 200) throw new Error(`only ${small.length} small ELF files found`);
await corpus('libraries, programs and fixtures of 7 architectures', large);
await corpus('small files: ELF files of at most 1 MiB under /usr/lib/x86_64-linux-gnu', small);
