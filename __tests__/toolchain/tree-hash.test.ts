/**
 * The tree hashing that every cache hit runs: split over this thread and workers for big trees.
 * Each file's digest must land at its own index whichever lane hashed it, and an unreadable file
 * must come back as an error, never as a digest.
 */
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFiles, hashTree, verifyTree } from '../../src/adapters/tree-hash.js';

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

describe('hashFiles', () => {
  let dir = '';
  const files: { path: string; size: number; sha: string }[] = [];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-tree-hash-'));
    // 48 MB in all, above the worker threshold: sizes that interleave the lanes' assignments.
    const sizes = [9 << 20, 1, 7 << 20, 0, 12 << 20, 4096, 3 << 20, 11 << 20, 5 << 20, 1 << 20, 77];
    sizes.forEach((size, i) => {
      const data = randomBytes(size);
      const path = join(dir, `f${String(i)}`);
      writeFileSync(path, data);
      files.push({ path, size, sha: sha256(data) });
    });
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives every file its own digest when workers share the work', async () => {
    const all = files.map(({ path, size }) => ({ path, size }));
    expect(await hashFiles(all, 3)).toEqual(files.map((f) => f.sha));
    expect(await hashFiles(all)).toEqual(files.map((f) => f.sha)); // as many lanes as cores
    expect(await hashFiles(all, 1)).toEqual(files.map((f) => f.sha));
  });

  it('reports a file it cannot read as an error, in its place, on both paths', async () => {
    const missing = { path: join(dir, 'gone'), size: 5 << 20 };
    const big = [...files.slice(0, 6), missing, ...files.slice(6)];
    const hashes = await hashFiles(
      big.map(({ path, size }) => ({ path, size })),
      2,
    );
    expect(hashes[6]).toMatch(/^error: ENOENT/);
    expect(hashes.filter((h) => h.startsWith('error: '))).toHaveLength(1);
    const small = await hashFiles(
      [files[1], missing, files[3]].map((f) => ({ path: f?.path ?? '', size: 1 })),
    );
    expect(small[0]).toBe(files[1]?.sha);
    expect(small[1]).toMatch(/^error: ENOENT/);
    expect(small[2]).toBe(files[3]?.sha);
  });

  it('neither follows a link nor waits on a fifo put where a file was walked', async () => {
    const link = join(dir, 'link');
    symlinkSync(files[0]?.path ?? '', link);
    const fifo = join(dir, 'fifo');
    execFileSync('mkfifo', [fifo]);
    for (const lanes of [1, 2]) {
      const [viaLink, viaFifo] = await hashFiles(
        [
          { path: link, size: 1 },
          { path: fifo, size: 1 },
        ],
        lanes,
      );
      expect(viaLink).toMatch(/^error: ELOOP/);
      expect(viaFifo).toBe(sha256(Buffer.alloc(0))); // no writer: an empty read, at once
    }
    rmSync(link);
    rmSync(fifo);
  });

  it('finds one changed byte in a big tree, and a tree unchanged is clean', async () => {
    const manifest = await hashTree(dir);
    expect((await verifyTree(dir, manifest)).problems).toEqual([]);
    const victim = files[4];
    if (victim === undefined) throw new Error('no file');
    const data = randomBytes(victim.size);
    writeFileSync(victim.path, data);
    expect((await verifyTree(dir, manifest)).problems).toEqual(['changed: f4 (content)']);
  });

  it('skips the hashing only while no file was written since the stamps were taken', async () => {
    const manifest = await hashTree(dir);
    const first = await verifyTree(dir, manifest);
    expect(first.problems).toEqual([]);
    // Unchanged: the same stamps, and the contents are trusted without a read.
    expect(await verifyTree(dir, manifest, first.stamps)).toEqual(first);
    // One byte changed in place, its size and modification time set back as they were: the
    // change time moves, and the recorded stamps no longer vouch for the tree.
    const victim = files[2];
    if (victim === undefined) throw new Error('no file');
    const ref = join(dir, '..', `${String(process.pid)}-times`);
    execFileSync('touch', ['-r', victim.path, ref]);
    const before = statSync(victim.path, { bigint: true });
    const fd = openSync(victim.path, 'r+');
    writeSync(fd, Buffer.from([0x5a ^ (readFileSync(victim.path)[7] ?? 0)]), 0, 1, 7);
    closeSync(fd);
    execFileSync('touch', ['-r', ref, victim.path]);
    rmSync(ref);
    expect(statSync(victim.path, { bigint: true }).mtimeNs).toBe(before.mtimeNs);
    const after = await verifyTree(dir, manifest, first.stamps);
    expect(after.problems).toEqual(['changed: f2 (content)']);
    expect(after.stamps).not.toBe(first.stamps);
  });
});
