/**
 * What killed installs leave in the package cache (unpacked `.tar` data, cut `.part` downloads,
 * unpacked strip tools) is removed at the next install, but never the files of a live one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDeadLeftovers } from '../../src/adapters/leftovers.js';
import { fetchDebs } from '../../src/steps/fetch-debs.js';
import { tempDir } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
let live: ChildProcess;

/** A pid that is certainly not running: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid ?? 2 ** 22 + 1;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('leftovers'));
  // A concurrent install, as far as its pid goes: it runs for the whole test.
  live = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)']);
  await new Promise((resolve) => live.on('spawn', resolve));
});
afterAll(async () => {
  live.kill();
  await cleanup();
});

describe('leftovers of killed installs', () => {
  it('are removed when the next install fetches its packages, but not those of a live one', async () => {
    const debs = join(dir, 'debs');
    await mkdir(debs);
    const dead = String(await deadPid());
    const alive = String(live.pid);
    const mb = Buffer.alloc(1 << 20);
    const files = {
      deadTar: `.libc6-dev-arm64-cross_2.31-9cross4_all.deb.${dead}.tar`,
      deadPart: `.gcc-10-aarch64-linux-gnu_10.2.1-6cross1_amd64.deb.${dead}.0a1b2c3d.part`,
      liveTar: `.libc6-arm64-cross_2.31-9cross4_all.deb.${alive}.tar`,
      livePart: `.cpp-10-aarch64-linux-gnu_10.2.1-6cross1_amd64.deb.${alive}.89abcdef.part`,
      staleTar: `.libgcc-s1-arm64-cross_10.2.1-6cross1_all.deb.${alive}.tar`,
      deb: 'libc6-dev-arm64-cross_2.31-9cross4_all.deb',
      other: `.notes.${dead}.txt`,
    };
    for (const name of Object.values(files)) await writeFile(join(debs, name), mb);
    // Untouched for two hours: no live extraction keeps a file that long (its pid was reused).
    const old = new Date(Date.now() - 2 * 3600 * 1000);
    await utimes(join(debs, files.staleTar), old, old);
    const log: string[] = [];
    expect(
      await fetchDebs(
        [],
        () => Promise.resolve([]),
        debs,
        (l) => log.push(l),
      ),
    ).toEqual([]);
    expect((await readdir(debs)).sort()).toEqual(
      [files.liveTar, files.livePart, files.deb, files.other].sort(),
    );
    expect(log).toEqual([`removed 3 files (3 MB) left in ${debs} by killed installs`]);
  });

  it('include an unpacked strip tool of a dead install, not of a live one', async () => {
    const scratch = join(dir, 'state');
    const dead = join(scratch, `strip-${String(await deadPid())}-AbC123`);
    const running = join(scratch, `strip-${String(live.pid)}-xYz789`);
    for (const d of [dead, running]) {
      await mkdir(join(d, 'usr', 'bin'), { recursive: true });
      await writeFile(join(d, 'usr', 'bin', 'strip'), 'x');
    }
    await mkdir(join(scratch, 'debs'));
    const removed = await removeDeadLeftovers(scratch);
    expect(removed.files).toEqual([dead.slice(scratch.length + 1)]);
    expect((await readdir(scratch)).sort()).toEqual(['debs', running.slice(scratch.length + 1)]);
  });
});
