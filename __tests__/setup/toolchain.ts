/**
 * Shared state for the toolchain tests: one tool cache and package cache for the whole run (so
 * each toolchain is downloaded once), and a helper to run `env` through the bundled CLI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, type CliRun } from './cli.js';
import { GO_BUILD_CACHE, ROOT } from './paths.js';

/** Kept across runs like the fixtures: a warm run downloads nothing. */
export const TOOL_CACHE =
  process.env.CGO_ABI_GUARD_TEST_TOOL_CACHE ?? join(ROOT, '.cache', 'tool-cache');
mkdirSync(TOOL_CACHE, { recursive: true });

export interface EnvJson {
  env: Record<string, string>;
  toolchain: {
    key: string;
    release: string;
    mode: string;
    dir: string;
    sysroot: string;
    cacheHit: boolean;
    lockfile: string;
    lockWritten: boolean;
  };
}

export function runEnv(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): CliRun {
  return runCli(['env', ...args], { ...process.env, RUNNER_TOOL_CACHE: TOOL_CACHE, ...extraEnv });
}

export function envJson(args: readonly string[], extraEnv: NodeJS.ProcessEnv = {}): EnvJson {
  const r = runEnv([...args, '--format', 'json'], extraEnv);
  if (r.status !== 0)
    throw new Error(`env ${args.join(' ')} exited ${String(r.status)}: ${r.stderr}`);
  return JSON.parse(r.stdout) as EnvJson;
}

/** An address nothing listens on: a mirror that cannot be reached. */
export const UNREACHABLE_MIRROR = 'http://127.0.0.1:9/debian';

/** Runs a binary against a Debian cross sysroot's own glibc: its loader for amd64, qemu for arm64. */
export function runAgainst(
  goarch: string,
  sysroot: string,
  binary: string,
): { status: number | null; stdout: string; stderr: string } {
  const r =
    goarch === 'amd64'
      ? spawnSync(
          join(sysroot, 'usr/x86_64-linux-gnu/lib/ld-linux-x86-64.so.2'),
          ['--library-path', join(sysroot, 'usr/x86_64-linux-gnu/lib'), binary],
          { encoding: 'utf8' },
        )
      : spawnSync('qemu-aarch64', ['-L', join(sysroot, 'usr/aarch64-linux-gnu'), binary], {
          encoding: 'utf8',
        });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Builds a fixture program (`__tests__/fixtures/src/<program>`, cgoapp by default) with `env`
 * (the printed cgo environment) into `out`; must succeed quietly.
 */
export function buildCgoApp(
  env: Record<string, string>,
  out: string,
  program = 'cgoapp',
  /** More `go build` flags (before `-o`), and GOFLAGS in place of `-trimpath -buildvcs=false`. */
  options: { flags?: readonly string[]; goflags?: string } = {},
): void {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CC|CXX|CGO_|GO|PKG_CONFIG)/.test(k)),
  );
  const r = spawnSync('go', ['build', ...(options.flags ?? []), '-o', out, '.'], {
    cwd: join(ROOT, '__tests__', 'fixtures', 'src', program),
    encoding: 'utf8',
    env: {
      ...clean,
      ...env,
      PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
      GOFLAGS: options.goflags ?? '-trimpath -buildvcs=false',
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOCACHE: GO_BUILD_CACHE,
    },
  });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
}

/**
 * Hard-links the shared package cache (`debs`, `npm`) into another tool cache's state: a test of
 * what happens after a download then needs no network (downloads are checked the same either way).
 */
export function seedPackageCache(toolCache: string, kind: 'debs' | 'npm'): void {
  const from = join(TOOL_CACHE, '.cgo-abi-guard-state', kind);
  if (!existsSync(from)) return;
  const state = join(toolCache, '.cgo-abi-guard-state');
  mkdirSync(state, { recursive: true });
  execFileSync('cp', ['-al', from, join(state, kind)]);
}
