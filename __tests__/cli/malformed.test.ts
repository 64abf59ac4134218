/** Inputs that cannot be judged: exit 2, one line naming the file and the reason, no stack trace. */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';

let dir: string;
let real: Buffer;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-malformed-'));
  real = readFileSync(fixture('amd64-gcc'));
});

function file(name: string, bytes: Uint8Array | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Deterministic pseudo-random bytes (xorshift), so a failure can be reproduced. */
function randomBytes(n: number, seed = 0x2545f491): Buffer {
  const out = Buffer.alloc(n);
  let x = seed;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

describe('a file that cannot be judged', () => {
  it.each([
    ['text file', () => file('notes.txt', 'hello\n'), /not an ELF file/],
    ['empty file', () => file('empty', ''), /empty file/],
    ['random bytes', () => file('random.bin', randomBytes(4096)), /not an ELF file/],
    [
      'ELF magic then random bytes',
      () =>
        file(
          'magic.bin',
          Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), randomBytes(4088)]),
        ),
      /malformed|truncated/,
    ],
    [
      'only the ELF magic',
      () => file('magic-only', Buffer.from([0x7f, 0x45, 0x4c, 0x46])),
      /truncated ELF file/,
    ],
    ['truncated to 40 bytes', () => file('trunc40', real.subarray(0, 40)), /truncated|malformed/],
    [
      'truncated to 3000 bytes',
      () => file('trunc3000', real.subarray(0, 3000)),
      /truncated|malformed/,
    ],
    [
      'truncated to half',
      () => file('trunc-half', real.subarray(0, real.length >> 1)),
      /truncated|malformed/,
    ],
    [
      'truncated by one byte',
      () => file('trunc-1', real.subarray(0, real.length - 1)),
      /truncated|malformed/,
    ],
    ['missing file', () => join(dir, 'does-not-exist'), /no such file or directory/],
  ])('%s', (_name, make, reason) => {
    const path = make();
    const r = runCli(['verify', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(path);
    expect(r.stderr).toMatch(reason);
    expect(r.stderr + r.stdout).not.toMatch(STACK_TRACE);
    const json = verifyJson([path]);
    expect(json.status).toBe(2);
    expect(json.report.verdict).toBe('error');
    expect(json.binaries).toEqual([
      expect.objectContaining({
        path,
        verdict: 'error',
        error: expect.stringMatching(reason) as unknown,
      }),
    ]);
  });

  it('an explicitly named relocatable object is an error', () => {
    const path = file('obj.o', readFileSync(fixture('object-file')));
    const r = runCli(['verify', path]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/relocatable object/);
  });
});

describe('directories and globs', () => {
  it('skips non-ELF files inside a directory and judges the binaries', () => {
    const sub = join(dir, 'mixed');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'README'), 'not a binary');
    writeFileSync(join(sub, 'truncated-but-not-elf'), randomBytes(100));
    copyFileSync(fixture('arm64-gcc'), join(sub, 'app'));
    const { status, binaries } = verifyJson([sub]);
    expect(binaries.map((b) => b.path)).toEqual([join(sub, 'app')]);
    expect(status).toBe(0);
  });

  it('a directory without binaries is an error, not a silent pass', () => {
    const sub = join(dir, 'nothing');
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, 'a.txt'), 'x');
    const r = runCli(['verify', sub]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no ELF executables or shared libraries found/);
  });

  it('expands a glob, and a glob that matches nothing is an error', () => {
    const sub = join(dir, 'globbed');
    mkdirSync(sub, { recursive: true });
    copyFileSync(fixture('arm64-gcc'), join(sub, 'app-arm64'));
    copyFileSync(fixture('amd64-gcc'), join(sub, 'app-amd64'));
    const { binaries } = verifyJson([join(sub, 'app-*')]);
    expect(binaries.map((b) => b.path).sort()).toEqual([
      join(sub, 'app-amd64'),
      join(sub, 'app-arm64'),
    ]);
    const none = runCli(['verify', join(sub, '*.exe')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/pattern matched no files/);
  });
});

describe('usage errors', () => {
  it.each([
    [['verify', '--target', 'linux/mips', 'x'], /unknown goarch "mips"/],
    [['verify', '--glibc', '2.3x', 'x'], /--glibc "2.3x" is not a version/],
    [['verify', '--libc', 'uclibc', 'x'], /--libc "uclibc" is not one of glibc, musl, none/],
    [['verify', '--format', 'xml', 'x'], /--format "xml"/],
    [['verify', '--frobnicate', 'x'], /Unknown option '--frobnicate'/],
    [['verify'], /no files given/],
    [['explode'], /unknown command "explode"/],
  ])('%j', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('lists every bad option at once', () => {
    const r = runCli(['verify', '--target', 'linux/mips', '--glibc', 'x', '--libc', 'y', 'f']);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('cgo-abi-guard verify:'))).toHaveLength(
      3,
    );
  });

  it('a missing readelf is a clear error', () => {
    const r = runCli(['verify', '--readelf', join(dir, 'no-readelf'), fixture('amd64-gcc')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/readelf not found .*install binutils/);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a readelf missing from PATH is a clear error', () => {
    const r = runCli(['verify', fixture('amd64-gcc')], { ...process.env, PATH: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/readelf not found/);
  });

  it('a broken policy file lists its problems with line numbers', () => {
    const policy = file('bad-policy.yml', 'glibc: 2.31\nlibc: klibc\nfoo: 1\n');
    const r = runCli(['verify', '--policy', policy, fixture('amd64-gcc')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${policy}:2: libc "klibc"`);
    expect(r.stderr).toContain(`${policy}:3: unknown key "foo"`);
    const missing = runCli(['verify', '--policy', join(dir, 'nope.yml'), fixture('amd64-gcc')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/cannot read policy .*nope\.yml: ENOENT/);
  });
});

describe('a lockfile that cannot be read', () => {
  const envWith = (lock: string): ReturnType<typeof runCli> =>
    runCli(['env', '--target', 'linux/amd64', '--glibc', '2.31', '--lock', lock], {
      ...process.env,
      RUNNER_TOOL_CACHE: join(dir, 'tool-cache'),
      // Reading is bounded: a small heap is enough whatever the file holds.
      NODE_OPTIONS: '--max-old-space-size=200',
    });

  it('a 42 MB lockfile is refused unread, naming the file (parsing it took 1.4 GB)', () => {
    const entry = [
      '  - key: linux/amd64 glibc-2.31 gcc host-amd64',
      '    release: debian/bullseye',
      '    packages:',
      '      - name: libc6-amd64-cross',
      '        version: 2.31-9cross4',
      '        arch: all',
      '        filename: pool/main/c/cross-toolchain-base/libc6-amd64-cross_2.31-9cross4_all.deb',
      '        size: 1567908',
      `        sha256: ${'a'.repeat(64)}`,
      '',
    ].join('\n');
    const big = file(
      'big.lock.yml',
      `version: 1\ntoolchains:\n${entry.repeat(Math.ceil(42e6 / entry.length))}`,
    );
    const r = envWith(big);
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.stderr.trim()).toMatch(
      new RegExp(
        `^cgo-abi-guard env: ${big.replace(/[.]/g, '\\.')}: \\d+ bytes is more than a cgo-abi-guard lockfile holds`,
      ),
    );
    expect(r.status).toBe(2);
  });

  it('an alias bomb is refused, naming the file', () => {
    const lines = ['version: 1', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `a${String(i)}: &a${String(i)} [${Array(10)
          .fill(`*a${String(i - 1)}`)
          .join(', ')}]`,
      );
    const bomb = file('bomb.lock.yml', `${lines.join('\n')}\ntoolchains: []\n`);
    const r = envWith(bomb);
    expect(r.stderr.trim()).toBe(
      `cgo-abi-guard env: ${bomb}: refused: Excessive alias count indicates a resource exhaustion attack`,
    );
    expect(r.status).toBe(2);
  });
});
