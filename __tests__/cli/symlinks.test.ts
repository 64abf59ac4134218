/** Symlinks named or found are followed to a regular file and reported; a loop is a loop. */
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';

let dir: string;
let real: string;

beforeAll(() => {
  dir = join(realpathSync(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-links-'))), 'bin');
  mkdirSync(join(dir, 'lib'), { recursive: true });
  real = join(dir, 'lib', 'app-1.0');
  copyFileSync(fixture('amd64-nocgo'), real);
  symlinkSync('lib/app-1.0', join(dir, 'app'));
  symlinkSync('loop-b', join(dir, 'loop-a'));
  symlinkSync('loop-a', join(dir, 'loop-b'));
  symlinkSync('gone', join(dir, 'dangling'));
});

const ARGS = ['--target', 'linux/amd64', '--libc', 'none'];

describe('symlinks', () => {
  it('follows a named link to its file and reports both', () => {
    const { status, binaries } = verifyJson([...ARGS, join(dir, 'app')]);
    expect(status).toBe(0);
    expect(binaries).toMatchObject([{ path: join(dir, 'app'), linkTarget: real, verdict: 'pass' }]);
    const text = runCli(['verify', ...ARGS, join(dir, 'app')]);
    expect(text.stdout).toContain(`PASS  ${join(dir, 'app')} -> ${real} (linux/amd64/v1)`);
  });

  it('follows links found in a directory, and reports a loop there as such', () => {
    const { status, binaries } = verifyJson([...ARGS, dir]);
    const byPath = new Map(binaries.map((b) => [b.path, b]));
    expect(byPath.get(join(dir, 'app'))).toMatchObject({ verdict: 'pass', linkTarget: real });
    expect(byPath.get(join(dir, 'loop-a'))?.error).toBe(
      'cannot be judged: a symlink loop (too many levels of symbolic links)',
    );
    expect(byPath.has(join(dir, 'dangling'))).toBe(false);
    expect(status).toBe(2);
  });

  it('follows links matched by a glob', () => {
    const { status, binaries } = verifyJson([...ARGS, join(dir, 'a*')]);
    expect(binaries).toMatchObject([{ path: join(dir, 'app'), linkTarget: real, verdict: 'pass' }]);
    expect(status).toBe(0);
  });

  it('names a loop or a dangling link given on the command line', () => {
    const r = runCli(['verify', ...ARGS, join(dir, 'loop-a'), join(dir, 'dangling')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'loop-a')}: cannot be judged: a symlink loop`);
    expect(r.stderr).toContain(
      `${join(dir, 'dangling')}: cannot be judged: a symlink to gone, which cannot be opened (ENOENT)`,
    );
  });
});
