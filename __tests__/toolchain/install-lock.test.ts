/**
 * The install lock between real processes: a stale lock is taken over by exactly one of many
 * waiters at once, and a lock directory without an owner does not block for long.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withInstallLock } from '../../src/adapters/install-lock.js';
import { ROOT } from '../setup/paths.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('lock'));
});
afterAll(async () => cleanup());

const WORKER = `
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { withInstallLock } from ${JSON.stringify(join(ROOT, 'src/adapters/install-lock.ts'))};
const [lockDir, log, go] = process.argv.slice(2);
writeFileSync(go + '.ready-' + process.pid, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 5));
await withInstallLock(lockDir, () => {}, async () => {
  appendFileSync(log, 'enter\\n');
  await new Promise((r) => setTimeout(r, 30));
  appendFileSync(log, 'exit\\n');
}, { pollMs: 5 });
`;

function run(script: string, args: readonly string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), [script, ...args], {
      stdio: 'inherit',
    });
    child.on('exit', resolve);
  });
}

/** A pid that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 2 ** 22 + 1;
}

describe('install lock', () => {
  it('lets one process at a time in when many find the same stale lock', async () => {
    const script = join(dir, 'worker.mts');
    await writeFile(script, WORKER);
    for (let round = 0; round < 3; round++) {
      const lockDir = join(dir, `round-${round}`, 'install.lock');
      const log = join(dir, `round-${round}.log`);
      const go = join(dir, `round-${round}.go`);
      await mkdir(lockDir, { recursive: true });
      await writeFile(join(lockDir, 'pid'), String(await deadPid()));
      await writeFile(join(lockDir, 'owner'), `${String(await deadPid())} dead`);
      const workers = Array.from({ length: 6 }, () => run(script, [lockDir, log, go]));
      // Every worker has started and waits for the go file: then they all race at once.
      const ready = (): number =>
        readdirSync(dir).filter((n) => n.startsWith(`round-${round}.go.ready-`)).length;
      while (ready() < 6) await new Promise((resolve) => setTimeout(resolve, 10));
      await writeFile(go, '');
      expect(await Promise.all(workers)).toEqual(Array(6).fill(0));
      const lines = (await readFile(log, 'utf8')).trim().split('\n');
      expect(lines, `round ${round}`).toEqual(Array(6).fill(['enter', 'exit']).flat());
    }
  }, 120_000);

  it('takes over a lock directory without an owner once it is a few seconds old', async () => {
    const lockDir = join(dir, 'ownerless', 'install.lock');
    await mkdir(lockDir, { recursive: true });
    await writeFile(join(lockDir, 'stray'), ''); // not empty, so it cannot be renamed over
    const old = new Date(Date.now() - 60_000);
    await utimes(lockDir, old, old);
    const ran = await withInstallLock(
      lockDir,
      () => undefined,
      () => Promise.resolve('ran'),
      { timeoutMs: 3000, pollMs: 10 },
    );
    expect(ran).toBe('ran');
  }, 20_000);

  it('waits for a live owner', async () => {
    const lockDir = join(dir, 'live', 'install.lock');
    await mkdir(lockDir, { recursive: true });
    await writeFile(join(lockDir, 'owner'), `${String(process.ppid)} live`);
    await writeFile(join(lockDir, 'pid'), String(process.ppid));
    await expect(
      withInstallLock(
        lockDir,
        () => undefined,
        () => Promise.resolve(1),
        {
          timeoutMs: 300,
          pollMs: 10,
        },
      ),
    ).rejects.toThrow(/gave up waiting .*held by pid \d+/);
  }, 20_000);
});
