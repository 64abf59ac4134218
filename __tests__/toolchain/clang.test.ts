/**
 * findClang on real clang and lld installs (Debian 12's clang-14 and clang-16), on PATHs laid out
 * as GitHub's runner images have them: no unversioned ld.lld, clang only as an alternative.
 */
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findClang } from '../../src/adapters/clang.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-clang-'));

/** A PATH directory holding exactly these links. */
function pathWith(name: string, links: Record<string, string>): string {
  const dir = join(work, name);
  mkdirp(dir);
  for (const [link, target] of Object.entries(links)) symlinkSync(target, join(dir, link));
  return dir;
}

function mkdirp(dir: string): void {
  mkdirSync(dir, { recursive: true });
}

describe('findClang', () => {
  it('follows the clang alternative to clang-16 and takes the lld beside the real binary', async () => {
    const alt = pathWith('alt', { clang: '/usr/bin/clang-16' });
    const bin = pathWith('bin', { clang: join(alt, 'clang'), 'ld.lld-16': '/usr/bin/ld.lld-16' });
    const c = await findClang(null, bin);
    expect(c).toEqual({
      clang: '/usr/lib/llvm-16/bin/clang',
      clangxx: '/usr/lib/llvm-16/bin/clang++',
      lld: '/usr/lib/llvm-16/bin/ld.lld',
      clangMajor: 16,
      lldMajor: 16,
    });
  });

  it('without an unversioned clang takes the newest clang-N', async () => {
    const bin = pathWith('versioned', {
      'clang-14': '/usr/bin/clang-14',
      'clang-16': '/usr/bin/clang-16',
    });
    expect((await findClang(null, bin)).clangMajor).toBe(16);
  });

  it('takes the asked clang-14 even when clang is 16, with lld 14', async () => {
    const bin = pathWith('ask', { clang: '/usr/bin/clang-16', 'clang-14': '/usr/bin/clang-14' });
    const c = await findClang(14, bin);
    expect([c.clang, c.clangMajor, c.lld, c.lldMajor]).toEqual([
      '/usr/lib/llvm-14/bin/clang',
      14,
      '/usr/lib/llvm-14/bin/ld.lld',
      14,
    ]);
  });

  it('names what to install when the asked clang is not there', async () => {
    const bin = pathWith('none', { 'clang-14': '/usr/bin/clang-14' });
    await expect(findClang(17, bin)).rejects.toThrow(
      'clang-17 not found on PATH: install clang-17 (apt-get install clang-17 lld-17), or use compiler: gcc',
    );
  });

  it('a clang with no lld beside it asks clang where its lld is', async () => {
    // A wrapper script: its own folder has no ld.lld, and no ld.lld-16 is on PATH.
    const dir = join(work, 'script');
    mkdirp(dir);
    for (const name of ['clang', 'clang++'])
      writeFileSync(join(dir, name), `#!/bin/sh\nexec /usr/lib/llvm-16/bin/${name} "$@"\n`, {
        mode: 0o755,
      });
    const c = await findClang(null, dir);
    expect([c.clang, c.clangxx]).toEqual([join(dir, 'clang'), join(dir, 'clang++')]);
    expect(c.lld).toBe('/usr/lib/llvm-16/bin/ld.lld');
    expect(c.lldMajor).toBe(16);
  });

  it('a clang with no lld beside it takes ld.lld-N from PATH first', async () => {
    const dir = join(work, 'script-versioned');
    mkdirp(dir);
    for (const name of ['clang', 'clang++'])
      writeFileSync(join(dir, name), `#!/bin/sh\nexec /usr/lib/llvm-16/bin/${name} "$@"\n`, {
        mode: 0o755,
      });
    symlinkSync('/usr/bin/ld.lld-16', join(dir, 'ld.lld-16'));
    const c = await findClang(null, dir);
    expect([c.lld, c.lldMajor]).toEqual([join(dir, 'ld.lld-16'), 16]);
  });
});
