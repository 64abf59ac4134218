/**
 * The install fails closed: a tampered package, lock entry or installed tree is detected, an
 * unreachable mirror is a clear error, and missing host tools are named. Uses the smallest real
 * toolchain (linux/amd64 at 2.31 with clang: the bullseye sysroot packages only).
 */
import { execFile } from 'node:child_process';
import {
  appendFileSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLockfile, type LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { STACK_TRACE } from '../setup/cli.js';
import { CLI } from '../setup/paths.js';
import {
  envJson,
  runEnv,
  TOOL_CACHE,
  UNREACHABLE_MIRROR,
  type EnvJson,
} from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-integrity-'));
const lock = join(work, 'lock.yml');
const ARGS = ['--target', 'linux/amd64', '--glibc', '2.31', '--compiler', 'clang'];
let installed: EnvJson;
let entry: LockedToolchain;

beforeAll(() => {
  installed = envJson([...ARGS, '--lock', lock]);
  const parsed = parseLockfile(readFileSync(lock, 'utf8'), lock);
  if ('error' in parsed) throw new Error(parsed.error);
  const found = parsed.toolchains[0];
  if (found === undefined) throw new Error('no toolchain in the written lock');
  entry = found;
});

/** Async, so an in-process HTTP server can answer while the CLI runs. */
function runCliAsync(
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
      (error, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function freshCache(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

function lockWith(change: (e: LockedToolchain) => LockedToolchain, name: string): string {
  const path = join(work, name);
  const text = readFileSync(lock, 'utf8');
  const changed = change(structuredClone(entry));
  let out = text;
  for (const [i, p] of entry.packages.entries()) {
    const q = changed.packages[i];
    if (q !== undefined && q.sha256 !== p.sha256) out = out.replace(p.sha256, q.sha256);
  }
  if (changed.tree !== entry.tree && entry.tree !== undefined && changed.tree !== undefined)
    out = out.replace(entry.tree, changed.tree);
  writeFileSync(path, out);
  return path;
}

describe('tampering', () => {
  let server: Server;
  let mirror = '';
  let clean = '';
  const served = join(work, 'mirror');
  const debs = join(TOOL_CACHE, '.cgo-abi-guard-state', 'debs');

  beforeAll(async () => {
    // A mirror that serves the real packages, one of them with a byte flipped.
    for (const p of entry.packages) {
      const dest = join(served, p.filename);
      mkdirSync(dirname(dest), { recursive: true });
      copyFileSync(join(debs, p.filename.split('/').at(-1) ?? ''), dest);
    }
    const victim = entry.packages[0];
    if (victim === undefined) throw new Error('empty lock entry');
    const bytes = readFileSync(join(served, victim.filename));
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(join(served, victim.filename), bytes);
    server = createServer((req, res) => {
      // /debian/… serves the tampered copy, /clean/… the packages as the mirror has them.
      const url = decodeURIComponent(req.url ?? '');
      const file = url.startsWith('/clean/')
        ? join(debs, url.split('/').at(-1) ?? '')
        : join(served, url.replace(/^\/debian\//, ''));
      try {
        res.end(readFileSync(file));
      } catch {
        res.statusCode = 404;
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    mirror = `${base}/debian`;
    clean = `${base}/clean`;
  });

  afterAll(() => {
    server.close();
  });

  it('a package whose bytes differ from the lock is refused, naming it', async () => {
    const victim = entry.packages[0]?.name ?? '';
    const r = await runCliAsync(
      ['env', ...ARGS, '--lock', lock, '--mirror', mirror, '--no-host-mirrors'],
      {
        RUNNER_TOOL_CACHE: freshCache('tc-deb'),
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `package ${esc(victim)} \\S+ \\(pool/\\S+\\) was not found with its locked SHA-256 on any mirror; tried ${esc(mirror)}/pool/\\S+: SHA-256 mismatch`,
      ),
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('a mirror with wrong bytes is passed over for the next one, which has the right ones', async () => {
    const r = await runCliAsync(
      ['env', ...ARGS, '--lock', lock, '--mirror', mirror, '--mirror', clean, '--no-host-mirrors'],
      { RUNNER_TOOL_CACHE: freshCache('tc-failover') },
    );
    expect(r.status).toBe(0);
    const victim = entry.packages[0]?.filename ?? '';
    expect(r.stderr).toContain(`passed over ${mirror}/${victim}: SHA-256 mismatch`);
    // The mirror that served the right bytes goes first for every later package.
    expect(r.stderr).toMatch(
      new RegExp(`downloaded ${entry.packages.length} packages from ${esc(clean)}$`, 'm'),
    );
    expect(r.stderr).not.toContain(`from ${mirror}\n`);
    expect(r.stdout).toContain(join(work, 'tc-failover'));
  });

  it('a lock entry of another release than the plan is refused before any download', () => {
    const path = join(work, 'other-release.yml');
    writeFileSync(
      path,
      readFileSync(lock, 'utf8').replace('release: debian/bullseye', 'release: debian/bookworm'),
    );
    const r = runEnv(
      [...ARGS, '--lock', path, '--mirror', UNREACHABLE_MIRROR, '--no-host-mirrors'],
      {
        RUNNER_TOOL_CACHE: freshCache('tc-release'),
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /other-release\.yml: the entry for "linux\/amd64 glibc-2\.31 clang host-amd64" is from debian\/bookworm, but glibc 2\.31 is planned from debian\/bullseye: delete that entry and run again to re-resolve it$/,
    );
  });

  it('a lock entry whose hash was edited is refused, naming the package', async () => {
    const victim = entry.packages[1];
    const edited = lockWith((e) => {
      const p = e.packages[1];
      if (p !== undefined) p.sha256 = p.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
      return e;
    }, 'edited-hash.yml');
    const r = await runCliAsync(
      ['env', ...ARGS, '--lock', edited, '--mirror', clean, '--no-host-mirrors'],
      {
        RUNNER_TOOL_CACHE: freshCache('tc-lock'),
      },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `package ${esc(victim?.name ?? '')} .* on any mirror; tried ${esc(clean)}/\\S+: SHA-256 mismatch`,
      ),
    );
  });

  it('a lock entry whose tree digest was edited is refused, and nothing is marked complete', () => {
    const edited = lockWith((e) => ({ ...e, tree: 'f'.repeat(64) }), 'edited-tree.yml');
    const cache = freshCache('tc-tree');
    const r = runEnv([...ARGS, '--lock', edited], { RUNNER_TOOL_CACHE: cache });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/extracted to a different tree than .*edited-tree\.yml records/);
    const tools = readdirSync(cache).filter((n) => !n.startsWith('.'));
    const inTools = tools.flatMap((t) =>
      readdirSync(join(cache, t), { recursive: true, encoding: 'utf8' }),
    );
    expect(inTools.filter((p) => p.endsWith('.complete'))).toEqual([]);
  });

  it('a modified file in the installed tree is detected, and the tree is reinstalled from the cached packages', () => {
    const header = join(installed.toolchain.sysroot, 'usr/x86_64-linux-gnu/include/stdio.h');
    const original = readFileSync(header, 'utf8');
    appendFileSync(header, '\n#define EVIL 1\n');
    const r = runEnv([
      ...ARGS,
      '--lock',
      lock,
      '--frozen',
      '--mirror',
      UNREACHABLE_MIRROR,
      '--no-host-mirrors',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(
      /was modified \(changed: root\/usr\/x86_64-linux-gnu\/include\/stdio\.h \(size\)\); reinstalling/,
    );
    expect((JSON.parse(r.stdout) as EnvJson).toolchain.cacheHit).toBe(false);
    expect(readFileSync(header, 'utf8')).toBe(original);
  });

  it('--frozen never rewrites the lockfile, not even to record a missing tree digest', () => {
    const noTree = join(work, 'no-tree.yml');
    const text = readFileSync(lock, 'utf8').replace(/^\s*tree: [0-9a-f]{64}\n/m, '');
    expect(text).not.toMatch(/tree:/);
    writeFileSync(noTree, text);
    const r = runEnv([...ARGS, '--lock', noTree, '--frozen', '--mirror', UNREACHABLE_MIRROR]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(noTree, 'utf8')).toBe(text);
    expect(r.stderr).toMatch(
      /records no tree digest .* the lockfile is frozen, so it is left as it is/,
    );
  });

  it('a malformed lockfile is a clear error', () => {
    const bad = join(work, 'bad.yml');
    writeFileSync(
      bad,
      'version: 1\ntoolchains:\n  - key: x\n    release: debian/bullseye\n    packages:\n      - name: libc6\n        sha256: nothex\n',
    );
    const r = runEnv([...ARGS, '--lock', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toMatch(
      /bad\.yml: toolchains\[0\] \(x\): package libc6: needs version, arch and filename$/,
    );
  });
});

describe('network and host tools', () => {
  it('an unreachable mirror is one clear line, not a stack trace', () => {
    const r = runEnv(
      [
        ...ARGS,
        '--lock',
        join(work, 'new-lock.yml'),
        '--mirror',
        UNREACHABLE_MIRROR,
        '--no-host-mirrors',
      ],
      { RUNNER_TOOL_CACHE: freshCache('tc-unreachable') },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /apt could not update http:\/\/127\.0\.0\.1:9\/debian suite bullseye: .*Connection refused/,
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });

  it('--frozen without an entry fails before any download', () => {
    const r = runEnv([
      ...ARGS,
      '--lock',
      join(work, 'absent.yml'),
      '--frozen',
      '--mirror',
      UNREACHABLE_MIRROR,
      '--no-host-mirrors',
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /absent\.yml has no entry for "linux\/amd64 glibc-2\.31 clang host-amd64" and the lockfile is frozen/,
    );
  });

  it('says clearly when clang is missing', () => {
    const bin = freshCache('bin-without-clang');
    symlinkSync('/bin/sh', join(bin, 'sh'));
    const r = runEnv([...ARGS, '--lock', lock], { PATH: bin });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /clang not found on PATH: install clang \(apt-get install clang lld\)/,
    );
  });

  // Every floor from 2.17 on can be met (a release capped at it): below it, nothing can.
  it('rejects a floor no toolchain can meet, naming the lowest', () => {
    const r = runEnv(['--target', 'linux/arm64', '--glibc', '2.16', '--lock', lock]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(
      'cgo-abi-guard env: no toolchain meets glibc 2.16 for linux/arm64: the lowest floor there is 2.17',
    );
  });

  it('rejects another target with the npm toolchains, naming the targets there are', () => {
    const r = runEnv([
      '--target',
      'linux/arm/v7',
      '--glibc',
      '2.28',
      '--release',
      'crosstool-ng',
      '--lock',
      lock,
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(
      /^cgo-abi-guard env: floor 2\.28 for linux\/arm: below the host's distribution releases there is only glibc 2\.17 .* for linux\/amd64 and linux\/arm64/m,
    );
  });

  it('lists every bad option at once', () => {
    const r = runEnv(['--target', 'linux/mips', '--glibc', '2.3x', '--compiler', 'icc']);
    expect(r.status).toBe(2);
    expect(r.stderr.split('\n').filter((l) => l.startsWith('cgo-abi-guard env:'))).toHaveLength(3);
  });
});

describe('--godebug', () => {
  it('exports GODEBUG, warning that Go ignores an unknown key', () => {
    const r = runEnv([
      ...ARGS,
      '--lock',
      lock,
      '--frozen',
      '--godebug',
      'http2client=0,clock_gettime64=1',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    expect((JSON.parse(r.stdout) as EnvJson).env.GODEBUG).toBe('http2client=0,clock_gettime64=1');
    expect(r.stderr).toMatch(/warning: .*clock_gettime64/);
    expect(r.stderr).not.toMatch(/warning: .*http2client/);
  });

  it('refuses a malformed setting', () => {
    const r = runEnv([...ARGS, '--lock', lock, '--frozen', '--godebug', 'http2client']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cgo-abi-guard env: .*http2client/);
  });
});

describe('the tool cache', () => {
  it('is laid out so @actions/tool-cache find() finds the toolchain', async () => {
    const tc = await import('@actions/tool-cache');
    process.env.RUNNER_TOOL_CACHE = TOOL_CACHE;
    const [name, version, arch] = installed.toolchain.dir.slice(TOOL_CACHE.length + 1).split('/');
    expect(tc.find(name ?? '', version ?? '', arch)).toBe(installed.toolchain.dir);
  });
});
