/**
 * Wall time of `verify` over real ELF files against bare sequential readelf on the same files,
 * measured in one process, and the ratio (target ≤ 0.5). Run with `npm run bench`.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { defaultPolicy } from '../src/domain/rules/types.js';
import { verifyPaths } from '../src/steps/verify.js';
import { realElfFiles } from '../__tests__/setup/corpus.js';
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

const files = [
  ...realElfFiles(),
  ...(existsSync(join(FIXTURE_DIR, 'manifest.json')) ? fixtureFiles() : []),
];
if (files.length < 200)
  throw new Error(`only ${files.length} ELF files found; install scripts/apt-packages.txt first`);
if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: npm run bundle');

await bareReadelf(files); // warm the page cache for both sides
const baseline = await median(() => bareReadelf(files));
const engine = await median(() => inProcess(files));
const command = await median(() => cli(files));
const fmt = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;
console.log(`files: ${files.length} real ELF files (median of ${ROUNDS} rounds)`);
console.log(`baseline  sequential readelf -hlVdnW --dyn-syms  ${fmt(baseline)}`);
console.log(
  `verify    in-process engine                     ${fmt(engine)}  ratio ${(engine / baseline).toFixed(2)}`,
);
console.log(
  `verify    node dist/cli.js verify --format json ${fmt(command)}  ratio ${(command / baseline).toFixed(2)}`,
);
