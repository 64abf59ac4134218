/**
 * The install lock between real processes: a stale lock is taken over by exactly one of many
 * waiters at once, and a lock directory without an owner does not block for long. An owner is
 * known by more than its pid: a lock from before a reboot, or whose pid now names another
 * process, is stale; across pid namespaces (containers sharing one tool cache) a holder that
 * stopped touching its owner file is stale, one that still does is waited for.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, readlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withInstallLock } from '../../src/adapters/install-lock.js';
import { startTimeOf } from '../../src/adapters/process-identity.js';
import { unshareMissing } from '../setup/namespaces.js';
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
writeFileSync(\`\${go}.ready-\${process.pid}\`, '');
while (!existsSync(go)) await new Promise((r) => setTimeout(r, 5));
await withInstallLock(lockDir, () => {}, async () => {
  appendFileSync(log, 'enter\\n');
  await new Promise((r) => setTimeout(r, 30));
  appendFileSync(log, 'exit\\n');
}, { pollMs: 5 });
`;

/** A holder in its own process: takes the lock, says so in `<signal>.held`, and then either
 * keeps it until `<signal>.release` appears or exits at once without letting go (a crash). */
const HOLDER = `
import { existsSync, writeFileSync } from 'node:fs';
import { withInstallLock } from ${JSON.stringify(join(ROOT, 'src/adapters/install-lock.ts'))};
const [lockDir, signal, how] = process.argv.slice(2);
await withInstallLock(lockDir, () => {}, async () => {
  writeFileSync(\`\${signal}.held\`, '');
  if (how === 'crash') process.exit(0);
  while (!existsSync(\`\${signal}.release\`)) await new Promise((r) => setTimeout(r, 10));
}, { pollMs: 10, heartbeatMs: 100 });
`;

const TSX = join(ROOT, 'node_modules/.bin/tsx');

/** Runs a TypeScript script with tsx; `wrap` goes before it (`unshare …`). */
function run(
  script: string,
  args: readonly string[],
  wrap: readonly string[] = [],
  runner: readonly string[] = [TSX],
): Promise<number | null> {
  return new Promise((resolve) => {
    const [cmd = TSX, ...rest] = [...wrap, ...runner, script, ...args];
    const child = spawn(cmd, rest, { stdio: 'inherit' });
    child.on('exit', resolve);
  });
}

/** Node itself with tsx's loader: the first process of a new pid namespace, so pid 1 there. */
const NODE_WITH_TSX = [process.execPath, '--import', 'tsx'];

/** Resolves once `path` exists (the other process's readiness signal). */
async function appears(path: string, count = 1): Promise<void> {
  const dir = join(path, '..');
  const name = path.slice(dir.length + 1);
  while ((await readdir(dir)).filter((f) => f.startsWith(name)).length < count)
    await new Promise((resolve) => setTimeout(resolve, 10));
}

const fast = { pollMs: 10, timeoutMs: 3000 };
const take = (lockDir: string, timing: Parameters<typeof withInstallLock>[3] = fast) =>
  withInstallLock(
    lockDir,
    () => undefined,
    () => Promise.resolve('ran'),
    timing,
  );

async function ownFields(): Promise<{ boot: string; pidns: string }> {
  return {
    boot: (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim(),
    pidns: await readlink('/proc/self/ns/pid'),
  };
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
      await appears(`${go}.ready-`, 6);
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

  it('takes over a lock from before a reboot, though its pid is running again', async () => {
    const lockDir = join(dir, 'rebooted', 'install.lock');
    await mkdir(lockDir, { recursive: true });
    const { pidns } = await ownFields();
    const pid = process.ppid; // alive, as a reused pid would be
    const start = (await startTimeOf(pid)) ?? '1';
    const otherBoot = '00000000-1111-2222-3333-444444444444';
    await writeFile(
      join(lockDir, 'owner'),
      `${String(pid)} old boot=${otherBoot} start=${start} pidns=${pidns}`,
    );
    expect(await take(lockDir)).toBe('ran');
  }, 20_000);

  it('takes over a lock whose pid now names a process started at another time', async () => {
    const lockDir = join(dir, 'reused', 'install.lock');
    await mkdir(lockDir, { recursive: true });
    const { boot, pidns } = await ownFields();
    const pid = process.ppid;
    const start = Number((await startTimeOf(pid)) ?? '0');
    await writeFile(
      join(lockDir, 'owner'),
      `${String(pid)} old boot=${boot} start=${String(start + 1)} pidns=${pidns}`,
    );
    expect(await take(lockDir)).toBe('ran');
  }, 20_000);

  it('waits for a live holder in another process, then goes in', async () => {
    const lockDir = join(dir, 'held', 'install.lock');
    const signal = join(dir, 'held-signal');
    await writeFile(join(dir, 'holder.mts'), HOLDER);
    const holder = run(join(dir, 'holder.mts'), [lockDir, signal, 'hold']);
    try {
      await appears(`${signal}.held`);
      const owner = await readFile(join(lockDir, 'owner'), 'utf8');
      await expect(take(lockDir, { pollMs: 10, timeoutMs: 300 })).rejects.toThrow(
        `held by pid ${owner.split(' ')[0] ?? ''})`,
      );
    } finally {
      await writeFile(`${signal}.release`, '');
    }
    expect(await take(lockDir, { pollMs: 10, timeoutMs: 10_000 })).toBe('ran');
    expect(await holder).toBe(0);
  }, 20_000);
});

describe('install lock across pid namespaces', () => {
  const missing = unshareMissing(['-p', '-f', '--mount-proc']);
  const inNamespace = ['unshare', '-p', '-f', '--mount-proc'];

  it('is set up: root may make a pid namespace', () => {
    expect(missing).toBeNull();
  });

  it.skipIf(missing !== null)(
    'takes over a lock left in another pid namespace, though that pid number is alive here',
    async () => {
      const lockDir = join(dir, 'ns-dead', 'install.lock');
      const signal = join(dir, 'ns-dead-signal');
      await writeFile(join(dir, 'holder.mts'), HOLDER);
      const holder = join(dir, 'holder.mts');
      expect(await run(holder, [lockDir, signal, 'crash'], inNamespace, NODE_WITH_TSX)).toBe(0);
      expect(existsSync(`${signal}.held`)).toBe(true);
      const owner = await readFile(join(lockDir, 'owner'), 'utf8');
      const pid = Number(owner.split(' ')[0]);
      expect(() => process.kill(pid, 0), `pid ${String(pid)} runs here too`).not.toThrow();
      expect(owner).not.toContain(`pidns=${(await ownFields()).pidns}`);
      expect(await take(lockDir, { pollMs: 10, timeoutMs: 5000, unseenStaleMs: 500 })).toBe('ran');
    },
    20_000,
  );

  it.skipIf(missing !== null)(
    'waits for a holder in another pid namespace while it keeps its owner file fresh',
    async () => {
      const lockDir = join(dir, 'ns-live', 'install.lock');
      const signal = join(dir, 'ns-live-signal');
      await writeFile(join(dir, 'holder.mts'), HOLDER);
      // Through tsx, whose node is not the namespace's first process: its pid number is most
      // likely not running here, which a pid-only check took for a dead owner.
      const holder = run(join(dir, 'holder.mts'), [lockDir, signal, 'hold'], inNamespace);
      try {
        await appears(`${signal}.held`);
        // Three times longer than the staleness limit: the heartbeat keeps the lock its holder's.
        await expect(
          take(lockDir, { pollMs: 10, timeoutMs: 1500, unseenStaleMs: 500 }),
        ).rejects.toThrow(/held by pid \d+ in another pid namespace/);
      } finally {
        await writeFile(`${signal}.release`, '');
      }
      expect(await holder).toBe(0);
      expect(await take(lockDir)).toBe('ran');
    },
    20_000,
  );
});
