/** Extraction of real and hostile packages, symlink relocation, and tamper detection. */
import {
  appendFile,
  chmod,
  lstat,
  mkdir,
  readdir,
  readFile,
  readlink,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractDeb, relocateSymlinks } from '../../src/adapters/deb.js';
import { hashTree, verifyTree } from '../../src/adapters/tree-hash.js';
import { downloadVerified } from '../../src/adapters/download.js';
import { bullseyeApt, hostMirror, tempDir, writeDeb } from './helpers.js';

let dir: string;
let cleanup: () => Promise<void>;
const debs: string[] = [];

beforeAll(async () => {
  const mirror = await hostMirror();
  ({ dir, cleanup } = await tempDir('deb'));
  const apt = await bullseyeApt(join(dir, 'apt'));
  const pkgs = await apt.resolve(['libc6-dev', 'libc6-dev-arm64-cross', 'libc6-arm64-cross']);
  for (const p of pkgs) {
    const dest = join(dir, `${p.name}.deb`);
    await downloadVerified({
      url: `${mirror.uri}/${p.filename}`,
      dest,
      sha256: p.sha256,
      size: p.size,
      name: p.name,
    });
    debs.push(dest);
  }
});

afterAll(async () => {
  await cleanup();
});

async function freshRoot(name: string): Promise<{ outer: string; root: string }> {
  const outer = join(dir, name);
  const root = join(outer, 'root');
  await mkdir(root, { recursive: true });
  return { outer, root };
}

describe('extractDeb', () => {
  it('extracts real packages and rewrites absolute symlinks into the root', async () => {
    const { root } = await freshRoot('real');
    for (const deb of debs) expect((await extractDeb(deb, root)).entries).toBeGreaterThan(10);
    const link = join(root, 'usr/lib/x86_64-linux-gnu/libresolv.so');
    expect(await readlink(link)).toBe('../../../lib/x86_64-linux-gnu/libresolv.so.2');
    expect((await lstat(join(root, 'usr/aarch64-linux-gnu/lib/libc.so.6'))).isSymbolicLink()).toBe(
      true,
    );
    expect(await readFile(join(root, 'usr/aarch64-linux-gnu/lib/libc.so'), 'utf8')).toContain(
      '/usr/aarch64-linux-gnu/lib/libc.so.6',
    );
    expect((await relocateSymlinks(root)).rewritten).toBe(0);
  });

  it('refuses a hostile package and writes nothing', async () => {
    const { outer, root } = await freshRoot('hostile');
    const deb = join(dir, 'evil.deb');
    await writeDeb(deb, 'evil', [
      { name: './', type: 'dir' },
      { name: './ok', type: 'file', data: 'fine' },
      { name: '../escape', type: 'file', data: 'bad' },
      { name: '/abs/path', type: 'file', data: 'bad' },
      { name: './x', type: 'symlink', link: '../../../../etc/passwd' },
      { name: './null', type: 'chardev' },
    ]);
    await expect(extractDeb(deb, root)).rejects.toThrow(
      /^refusing to extract evil\.deb: unsafe entry \.\.\/escape: path contains "\.\." \(and 3 more\)$/,
    );
    expect(await readdir(outer)).toEqual(['root']);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses writing through a symlink of the same package', async () => {
    const { root } = await freshRoot('through');
    const deb = join(dir, 'through.deb');
    await writeDeb(deb, 'through', [
      { name: './etc', type: 'symlink', link: '/tmp' },
      { name: './etc/planted', type: 'file', data: 'bad' },
    ]);
    await expect(extractDeb(deb, root)).rejects.toThrow(
      './etc/planted: written through the symlink etc',
    );
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a package whose directory is an escaping symlink already in the root', async () => {
    const { outer, root } = await freshRoot('existing');
    await symlink('..', join(root, 'up'));
    const deb = join(dir, 'planted.deb');
    await writeDeb(deb, 'planted', [{ name: './up/planted', type: 'file', data: 'bad' }]);
    await expect(extractDeb(deb, root)).rejects.toThrow(
      /^refusing to extract planted\.deb: up in .* leads outside it$/,
    );
    expect(await readdir(outer)).toEqual(['root']);
  });

  it('extracts hardlinks and absolute symlinks of a crafted package', async () => {
    const { root } = await freshRoot('links');
    const deb = join(dir, 'links.deb');
    await writeDeb(deb, 'links', [
      { name: './', type: 'dir' },
      { name: './usr/', type: 'dir' },
      { name: './usr/lib/', type: 'dir' },
      { name: './usr/lib/real', type: 'file', data: 'data' },
      { name: './usr/lib/hard', type: 'hardlink', link: './usr/lib/real' },
      { name: './usr/lib/abs', type: 'symlink', link: '/usr/lib/real' },
      { name: './top', type: 'symlink', link: '/../../etc/../usr/lib' },
    ]);
    await extractDeb(deb, root);
    expect(await readFile(join(root, 'usr/lib/hard'), 'utf8')).toBe('data');
    expect(await readlink(join(root, 'usr/lib/abs'))).toBe('real');
    expect(await readlink(join(root, 'top'))).toBe('usr/lib');
  });
});

describe('extractDeb with only', () => {
  it('extracts the chosen files with the directories on their way, as the package has them', async () => {
    const { root } = await freshRoot('only');
    const deb = join(dir, 'only.deb');
    await writeDeb(deb, 'only', [
      { name: './', type: 'dir' },
      { name: './usr/', type: 'dir', mode: 0o750 },
      { name: './usr/bin/', type: 'dir' },
      { name: './usr/bin/qemu-aarch64-static', type: 'file', data: 'aarch64', mode: 0o755 },
      { name: './usr/bin/qemu-riscv64-static', type: 'file', data: 'riscv64', mode: 0o755 },
      {
        name: './usr/bin/qemu-arm-static',
        type: 'hardlink',
        link: './usr/bin/qemu-riscv64-static',
      },
      { name: './usr/share/', type: 'dir' },
      { name: './usr/share/doc/', type: 'dir' },
      { name: './usr/share/doc/copyright', type: 'file', data: 'text' },
    ]);
    const keep = new Set(['usr/bin/qemu-aarch64-static', 'usr/bin/qemu-arm-static']);
    await extractDeb(deb, root, (path) => keep.has(path));
    const tree = await hashTree(root);
    expect(tree.map((e) => e.path)).toEqual([
      'usr',
      'usr/bin',
      'usr/bin/qemu-aarch64-static',
      'usr/bin/qemu-arm-static',
      // The file a kept hard link is made from comes with it.
      'usr/bin/qemu-riscv64-static',
    ]);
    expect(tree[0]).toMatchObject({ type: 'dir', mode: 0o750 });
    expect(await readFile(join(root, 'usr/bin/qemu-arm-static'), 'utf8')).toBe('riscv64');
  });

  it('still refuses a hostile package whose hostile entry it would not extract', async () => {
    const { root } = await freshRoot('only-hostile');
    const deb = join(dir, 'only-hostile.deb');
    await writeDeb(deb, 'only-hostile', [
      { name: './usr/bin/qemu-aarch64-static', type: 'file', data: 'aarch64' },
      { name: '../escape', type: 'file', data: 'bad' },
    ]);
    await expect(
      extractDeb(deb, root, (path) => path === 'usr/bin/qemu-aarch64-static'),
    ).rejects.toThrow(/unsafe entry \.\.\/escape/);
    expect(await readdir(root)).toEqual([]);
  });
});

describe('relocateSymlinks', () => {
  it('rewrites absolute links and refuses links that leave the root', async () => {
    const { root } = await freshRoot('relocate');
    await mkdir(join(root, 'a/b'), { recursive: true });
    await symlink('/a/target', join(root, 'a/b/abs'));
    await symlink('/', join(root, 'rootlink'));
    expect(await relocateSymlinks(root)).toEqual({ rewritten: 2 });
    expect(await readlink(join(root, 'a/b/abs'))).toBe('../target');
    expect(await readlink(join(root, 'rootlink'))).toBe('.');
    await symlink('..', join(root, 'a/up'));
    await symlink('up/..', join(root, 'a/sneaky'));
    await expect(relocateSymlinks(root)).rejects.toThrow(
      /^refusing symlink a\/sneaky -> up\/\.\.: it leaves /,
    );
    await rm(join(root, 'a/sneaky'));
    await symlink('../../../etc', join(root, 'a/b/out'));
    await expect(relocateSymlinks(root)).rejects.toThrow(
      'refusing symlink a/b/out -> ../../../etc',
    );
  });
});

describe('file modes', () => {
  it('drops setuid, setgid and world-writable bits on extraction, even as root', async () => {
    const { outer, root } = await freshRoot('modes');
    const deb = join(outer, 'modes.deb');
    await writeDeb(deb, 'modes', [
      { name: './usr/', type: 'dir' },
      { name: './usr/open/', type: 'dir', mode: 0o1777 },
      { name: './usr/bin/', type: 'dir' },
      { name: './usr/bin/suid', type: 'file', data: '#!/bin/sh\n', mode: 0o4755 },
      { name: './usr/bin/sgid', type: 'file', data: '#!/bin/sh\n', mode: 0o2775 },
      { name: './usr/bin/tool', type: 'file', data: '#!/bin/sh\n', mode: 0o755 },
      { name: './usr/open/any', type: 'file', data: 'x', mode: 0o666 },
    ]);
    await extractDeb(deb, root);
    const mode = async (p: string): Promise<string> =>
      ((await lstat(join(root, p))).mode & 0o7777).toString(8);
    expect(await mode('usr/open')).toBe('1775');
    expect(await mode('usr/bin/suid')).toBe('755');
    expect(await mode('usr/bin/sgid')).toBe('775');
    expect(await mode('usr/bin/tool')).toBe('755');
    expect(await mode('usr/open/any')).toBe('664');
  });

  it('are part of the tree manifest: a changed mode is a changed tree', async () => {
    const { root } = await freshRoot('mode-digest');
    await mkdir(join(root, 'bin'));
    await writeFile(join(root, 'bin/cc'), '#!/bin/sh\n');
    await chmod(join(root, 'bin/cc'), 0o755);
    const manifest = await hashTree(root);
    await chmod(join(root, 'bin/cc'), 0o4755);
    expect(await hashTree(root)).not.toEqual(manifest);
    expect((await verifyTree(root, manifest)).problems).toEqual(['changed: bin/cc (mode 4755)']);
  });
});

describe('hashTree / verifyTree', () => {
  it('detects modified, added, removed files and changed links', async () => {
    const { root } = await freshRoot('tamper');
    for (const deb of debs) await extractDeb(deb, root);
    let started = Date.now();
    const manifest = await hashTree(root);
    const hashMs = Date.now() - started;
    expect(manifest.map((e) => e.path)).toEqual([...manifest.map((e) => e.path)].sort());
    expect(await hashTree(root)).toEqual(manifest);
    started = Date.now();
    expect((await verifyTree(root, manifest)).problems).toEqual([]);
    const bytes = manifest.reduce((n, e) => n + (e.type === 'file' ? e.size : 0), 0);
    console.log(
      `hashTree ${manifest.length} entries, ${(bytes / 1e6).toFixed(1)} MB: ${hashMs} ms; verifyTree ${Date.now() - started} ms`,
    );

    const file = 'usr/aarch64-linux-gnu/include/stdio.h';
    const original = await readFile(join(root, file));
    const flipped = Buffer.from(original);
    flipped[10] = (flipped[10] ?? 0) ^ 1;
    await writeFile(join(root, file), flipped);
    await writeFile(join(root, 'usr/added'), 'x');
    await rm(join(root, 'usr/aarch64-linux-gnu/include/stdlib.h'));
    await appendFile(join(root, 'usr/aarch64-linux-gnu/include/string.h'), '\n');
    await rm(join(root, 'usr/lib/x86_64-linux-gnu/libresolv.so'));
    await symlink('/etc/passwd', join(root, 'usr/lib/x86_64-linux-gnu/libresolv.so'));
    expect((await verifyTree(root, manifest)).problems).toEqual([
      `changed: ${file} (content)`,
      'changed: usr/aarch64-linux-gnu/include/string.h (size)',
      'changed: usr/lib/x86_64-linux-gnu/libresolv.so (symlink target)',
      'extra: usr/added',
      'missing: usr/aarch64-linux-gnu/include/stdlib.h',
    ]);
  });
});
