/**
 * Extraction of an npm toolchain package: both the npm tarball and the .tar.xz inside it are
 * listed and checked before anything is written. Hostile archives are made byte by byte.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { extractNpmToolchain, sha512Integrity } from '../../src/adapters/npm-package.js';
import { tar, tempDir, type TarMember } from './helpers.js';

const { dir: work, cleanup } = await tempDir('npm-extract');
afterAll(cleanup);
let n = 0;

/** An npm-style .tgz: `package/<archive>` holding the xz-compressed tar of `members`. */
function npmTarball(members: TarMember[], outer: TarMember[] = []): { tgz: string; root: string } {
  const case_ = join(work, `case-${n++}`);
  mkdirSync(join(case_, 'src', 'package'), { recursive: true });
  writeFileSync(join(case_, 'inner.tar'), tar(members));
  execFileSync('xz', ['-z', '-k', join(case_, 'inner.tar')]);
  const xz = readFileSync(join(case_, 'inner.tar.xz'));
  writeFileSync(join(case_, 'src', 'package', 'tc.tar.xz'), xz);
  writeFileSync(join(case_, 'src', 'package', 'package.json'), '{}');
  const tgz = join(case_, 'pkg.tgz');
  if (outer.length === 0) execFileSync('tar', ['-czf', tgz, '-C', join(case_, 'src'), 'package']);
  else {
    writeFileSync(join(case_, 'outer.tar'), tar(outer));
    execFileSync('sh', ['-c', `gzip -c "$1" > "$2"`, 'sh', join(case_, 'outer.tar'), tgz]);
  }
  mkdirSync(join(case_, 'out'));
  return { tgz, root: join(case_, 'out', 'root') };
}

describe('extractNpmToolchain', () => {
  it('extracts a good archive and rewrites an absolute symlink into the tree', async () => {
    const { tgz, root } = npmTarball([
      { name: './bin/', type: 'dir' },
      { name: './bin/gcc', type: 'file', data: 'gcc' },
      { name: './bin/cc', type: 'symlink', link: '/bin/gcc' },
    ]);
    await extractNpmToolchain(tgz, 'tc.tar.xz', root);
    expect(readFileSync(join(root, 'bin', 'gcc'), 'utf8')).toBe('gcc');
    expect(readlinkSync(join(root, 'bin', 'cc'))).toBe('gcc');
    expect(await sha512Integrity(tgz)).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it.each<[string, TarMember[], RegExp]>([
    [
      'a ".." path',
      [{ name: '../evil', type: 'file', data: 'x' }],
      /\.\.\/evil: path contains "\.\."/,
    ],
    ['an absolute path', [{ name: '/tmp/evil', type: 'file', data: 'x' }], /absolute path/],
    ['a device', [{ name: './dev-null', type: 'chardev' }], /device, fifo or unrecognised entry/],
    ['a fifo', [{ name: './pipe', type: 'fifo' }], /device, fifo or unrecognised entry/],
    [
      'a symlink out of the folder',
      [{ name: './up', type: 'symlink', link: '../../..' }],
      /symlink to \.\.\/\.\.\/\.\. leaves the root/,
    ],
    [
      'a file written through a symlink',
      [
        { name: './etc', type: 'symlink', link: '/etc' },
        { name: './etc/evil', type: 'file', data: 'x' },
      ],
      /etc\/evil: written through the symlink etc/,
    ],
  ])('refuses %s in the inner .tar.xz, writing nothing', async (_what, members, reason) => {
    const { tgz, root } = npmTarball(members);
    await expect(extractNpmToolchain(tgz, 'tc.tar.xz', root)).rejects.toThrow(
      new RegExp(`refusing to extract tc\\.tar\\.xz: unsafe entry .*${reason.source}`),
    );
    expect(existsSync(root)).toBe(false);
    expect(existsSync(join(work, 'evil'))).toBe(false);
  });

  it('refuses an unsafe npm tarball before opening the archive in it', async () => {
    const { tgz, root } = npmTarball(
      [],
      [
        { name: 'package/tc.tar.xz', type: 'file', data: 'not read' },
        { name: '../outside', type: 'file', data: 'x' },
      ],
    );
    await expect(extractNpmToolchain(tgz, 'tc.tar.xz', root)).rejects.toThrow(
      /^refusing to extract .*pkg\.tgz: unsafe entry \.\.\/outside: path contains "\.\."$/,
    );
    expect(existsSync(root)).toBe(false);
  });

  it('refuses a package without the toolchain archive', async () => {
    const { tgz, root } = npmTarball([{ name: './x', type: 'file', data: 'x' }]);
    await expect(extractNpmToolchain(tgz, 'other.tar.xz', root)).rejects.toThrow(
      /has no package\/other\.tar\.xz: not the toolchain package the lock names/,
    );
    expect(lstatSync(join(root, '..')).isDirectory()).toBe(true);
  });
});
