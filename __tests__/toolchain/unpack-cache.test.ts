/**
 * The optional cache of unpacked package data (CGO_ABI_GUARD_UNPACK_CACHE): a package built here
 * with dpkg-deb is unpacked once and read back the second time; kept data whose bytes no longer
 * match its recorded SHA-256 is never used (the package's own bytes are, and the kept copy is
 * replaced); unset, nothing is kept.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { extractDeb } from '../../src/adapters/deb.js';
import { sha256File } from '../../src/adapters/download.js';
import { UNPACK_CACHE_ENV } from '../../src/adapters/unpack-cache.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-unpack-'));

function deb(name: string, text: string): string {
  const dir = join(work, `${name}-pkg`);
  mkdirSync(join(dir, 'DEBIAN'), { recursive: true });
  mkdirSync(join(dir, 'usr', 'share', name), { recursive: true });
  writeFileSync(
    join(dir, 'DEBIAN', 'control'),
    `Package: ${name}\nVersion: 1.0\nArchitecture: all\nMaintainer: t <t@example.org>\nDescription: t\n`,
  );
  writeFileSync(join(dir, 'usr', 'share', name, 'data.txt'), text);
  const out = join(work, `${name}_1.0_all.deb`);
  const r = spawnSync('dpkg-deb', ['-Zxz', '--build', '--root-owner-group', dir, out], {
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return out;
}

async function extracted(pkg: string, name: string): Promise<string> {
  const root = mkdtempSync(join(work, 'root-'));
  await extractDeb(pkg, root);
  return readFileSync(join(root, 'usr', 'share', name, 'data.txt'), 'utf8');
}

afterEach(() => {
  process.env[UNPACK_CACHE_ENV] = '';
});

describe('the unpack cache', () => {
  it('keeps a package’s data under its SHA-256 and reads it back the next time', async () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    process.env[UNPACK_CACHE_ENV] = cache;
    const pkg = deb('kept', 'the package’s own bytes\n');
    const key = await sha256File(pkg);
    expect(await extracted(pkg, 'kept')).toBe('the package’s own bytes\n');
    expect(readdirSync(cache).sort()).toEqual([`${key}.tar`, `${key}.tar.sha256`]);
    const recorded = readFileSync(join(cache, `${key}.tar.sha256`), 'utf8')
      .trim()
      .split(' ');
    expect(recorded[0]).toBe(await sha256File(join(cache, `${key}.tar`)));
    expect(recorded).toHaveLength(4);
    // Read back: the same tree, and the kept file is the one read (dpkg-deb is not needed).
    const saved = process.env.PATH;
    try {
      process.env.PATH = `${mkdtempSync(join(work, 'bin-'))}:${saved ?? ''}`;
      writeFileSync(join(process.env.PATH.split(':')[0] ?? '', 'dpkg-deb'), '#!/bin/sh\nexit 9\n', {
        mode: 0o755,
      });
      expect(await extracted(pkg, 'kept')).toBe('the package’s own bytes\n');
    } finally {
      process.env.PATH = saved;
    }
  });

  it('never uses kept data whose bytes changed: the package’s own bytes are extracted, and kept anew', async () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    process.env[UNPACK_CACHE_ENV] = cache;
    const pkg = deb('tampered', 'genuine\n');
    const key = await sha256File(pkg);
    await extracted(pkg, 'tampered');
    // Another package's data put in its place, the recorded SHA-256 left as it was.
    const other = deb('tampered-other', 'planted\n');
    const otherTar = join(work, 'other.tar');
    const r = spawnSync('sh', ['-c', 'dpkg-deb --fsys-tarfile "$0" > "$1"', other, otherTar]);
    expect(r.status).toBe(0);
    const kept = join(cache, `${key}.tar`);
    writeFileSync(kept, readFileSync(otherTar));
    expect(await extracted(pkg, 'tampered')).toBe('genuine\n');
    expect(readFileSync(join(cache, `${key}.tar.sha256`), 'utf8').split(' ')[0]).toBe(
      await sha256File(kept),
    );
  });

  it('keeps nothing when unset or empty', async () => {
    const cache = mkdtempSync(join(work, 'cache-'));
    process.env[UNPACK_CACHE_ENV] = '';
    const pkg = deb('unset', 'x\n');
    expect(await extracted(pkg, 'unset')).toBe('x\n');
    process.env[UNPACK_CACHE_ENV] = '';
    expect(await extracted(pkg, 'unset')).toBe('x\n');
    expect(readdirSync(cache)).toEqual([]);
  });
});
