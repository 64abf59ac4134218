/**
 * `env` when the world is against it: a mirror that trickles is left for the next one, naming
 * it; a full disk is said as such, with the directory, whether it fills while downloading, while
 * unpacking a package next to it, or while extracting into the tool directory (small tmpfs
 * mounts in a private mount namespace, so nothing outlives the run). Uses the smallest real
 * toolchain (linux/amd64 at 2.31 with clang: the bullseye sysroot packages only), served from
 * 127.0.0.1 with the bytes the host's mirror gave.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseLockfile, type LockedToolchain } from '../../src/domain/toolchain/lockfile.js';
import { fetchDebs } from '../../src/steps/fetch-debs.js';
import { STACK_TRACE } from '../setup/cli.js';
import { unshareMissing } from '../setup/namespaces.js';
import { CLI, SYSTEM_NODE } from '../setup/paths.js';
import { envJson, TOOL_CACHE } from '../setup/toolchain.js';
import { hostMirror } from './helpers.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-adverse-'));
const lock = join(work, 'lock.yml');
const ARGS = ['--target', 'linux/amd64', '--glibc', '2.31', '--compiler', 'clang'];
const debs = join(TOOL_CACHE, '.cgo-abi-guard-state', 'debs');
let entry: LockedToolchain;
let toolName: string;
let server: Server;
let base: string;

beforeAll(async () => {
  const installed = envJson([...ARGS, '--lock', lock]);
  toolName = installed.toolchain.dir.slice(TOOL_CACHE.length + 1).split('/')[0] ?? '';
  const parsed = parseLockfile(readFileSync(lock, 'utf8'), lock);
  if ('error' in parsed) throw new Error(parsed.error);
  const found = parsed.toolchains[0];
  if (found === undefined) throw new Error('no toolchain in the written lock');
  entry = found;
  // The locked packages in the shared package cache (already there after a first install).
  const mirror = await hostMirror();
  await fetchDebs(
    entry.packages,
    () => Promise.resolve([{ uri: mirror.uri, keyring: null }]),
    debs,
    () => {},
  );
  // `/clean/…` serves the packages; `/trickle/…` answers, then sends a byte every 50 ms.
  server = createServer((req, res) => {
    const name =
      decodeURIComponent(req.url ?? '')
        .split('/')
        .at(-1) ?? '';
    let bytes: Buffer;
    try {
      bytes = readFileSync(join(debs, name));
    } catch {
      res.statusCode = 404;
      res.end();
      return;
    }
    if (req.url?.startsWith('/clean/') === true) {
      res.end(bytes);
      return;
    }
    res.writeHead(200, { 'content-length': bytes.length });
    let at = 0;
    const timer = setInterval(() => res.write(bytes.subarray(at, ++at)), 50);
    res.on('close', () => {
      clearInterval(timer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** The CLI in its own process (the server here must answer meanwhile), stopped after 60 s. */
function env(
  args: readonly string[],
  extraEnv: NodeJS.ProcessEnv,
  wrap: readonly string[] = [],
): Promise<{ status: number; stdout: string; stderr: string }> {
  const [cmd = SYSTEM_NODE, ...rest] = [...wrap, SYSTEM_NODE, CLI, 'env', ...args];
  return new Promise((resolve) => {
    execFile(
      cmd,
      rest,
      // No unpack cache: the full-disk cases fill the disk the package is unpacked on.
      {
        env: { ...process.env, CGO_ABI_GUARD_UNPACK_CACHE: '', ...extraEnv },
        encoding: 'utf8',
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        resolve({
          status: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        });
      },
    );
  });
}

function freshCache(name: string): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const fromLocal = (): string[] => [
  ...[...ARGS, '--lock', lock, '--mirror', `${base}/clean`, '--no-host-mirrors'],
];

describe('a mirror that trickles', () => {
  it('is left after one window for the next mirror, and named', async () => {
    const r = await env(
      [
        ...[...ARGS, '--lock', lock, '--mirror', `${base}/trickle`, '--mirror', `${base}/clean`],
        '--no-host-mirrors',
      ],
      {
        RUNNER_TOOL_CACHE: freshCache('tc-trickle'),
        CGO_ABI_GUARD_DOWNLOAD_WINDOW: '0.3',
        CGO_ABI_GUARD_DOWNLOAD_MIN_RATE: '2000',
      },
    );
    expect(r.stderr).not.toMatch(STACK_TRACE);
    expect(r.status, r.stderr).toBe(0);
    const first = entry.packages[0]?.filename ?? '';
    expect(r.stderr).toMatch(
      new RegExp(
        `passed over ${esc(`${base}/trickle/${first}`)}: ${esc(base.slice(7))} was too slow: \\d+ bytes in 0\\.3 s, below the minimum of 2000 bytes/s`,
      ),
    );
    // The mirror that answered goes first: the slow one costs one window, not one per package.
    expect(r.stderr).toMatch(
      new RegExp(`downloaded ${entry.packages.length} packages from ${esc(base)}/clean$`, 'm'),
    );
  });
});

describe('a full disk', () => {
  const missing = unshareMissing(['-m', '--propagation', 'private']);
  /** Runs the CLI with a tmpfs of `size` at `dir`, seen only by it. */
  const mounted = (dir: string, size: string): string[] => [
    ...['unshare', '-m', '--propagation', 'private', 'sh', '-c'],
    'mkdir -p "$0" && mount -t tmpfs -o "size=$1" tmpfs "$0" && shift && exec "$@"',
    dir,
    size,
  ];

  it('is set up: root may mount in a private mount namespace', () => {
    expect(missing).toBeNull();
  });

  it.skipIf(missing !== null)(
    'while downloading: says so and where, instead of "not found on any mirror"',
    async () => {
      const tc = freshCache('tc-full-download');
      const at = join(tc, '.cgo-abi-guard-state', 'debs');
      const r = await env(fromLocal(), { RUNNER_TOOL_CACHE: tc }, mounted(at, '512k'));
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toMatch(
        new RegExp(
          `^cgo-abi-guard env: no space left on device in ${esc(at)} \\(\\d+\\.\\d MB free of 0\\.5 MB\\) while downloading \\S+ from 127\\.0\\.0\\.1:\\d+: free space there, or point RUNNER_TOOL_CACHE at a larger disk$`,
          'm',
        ),
      );
      expect(r.stderr).not.toMatch(/not found|any mirror/);
    },
  );

  it.skipIf(missing !== null)(
    'while unpacking a package next to it: says so and where, instead of "cannot read package"',
    async () => {
      const tc = freshCache('tc-full-unpack');
      const at = join(tc, '.cgo-abi-guard-state', 'debs');
      // Room for the packages, not for the data of the first one unpacked.
      const total = entry.packages.reduce(
        (sum, p) => sum + statSync(join(debs, p.filename.split('/').at(-1) ?? '')).size,
        0,
      );
      const size = `${String(Math.ceil(total / 1024) + 256)}k`;
      const r = await env(fromLocal(), { RUNNER_TOOL_CACHE: tc }, mounted(at, size));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^cgo-abi-guard env: no space left on device in ${esc(at)} \\([\\d.]+ MB free of [\\d.]+ MB\\) while unpacking \\S+\\.deb: free space there`,
          'm',
        ),
      );
      expect(r.stderr).not.toMatch(/cannot read package|dpkg-deb/);
    },
  );

  it.skipIf(missing !== null)(
    'while extracting into the tool directory: says so and where',
    async () => {
      const tc = freshCache('tc-full-extract');
      const at = join(tc, toolName);
      const r = await env(fromLocal(), { RUNNER_TOOL_CACHE: tc }, mounted(at, '1m'));
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^cgo-abi-guard env: no space left on device in ${esc(at)}/[^/]+/x64\\.partial/root \\(\\d+\\.\\d MB free of 1\\.0 MB\\) while extracting \\S+\\.deb: free space there`,
          'm',
        ),
      );
      expect(r.stderr).not.toMatch(/cannot extract|Exiting with failure/);
    },
  );
});
