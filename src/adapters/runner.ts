/**
 * Resolves the runner: kernel, C library, distro, host architecture, Go toolchain. Never throws:
 * every probe that fails degrades to "unknown" (or `go: { missing }`).
 */
import { constants } from 'node:fs';
import { access, readFile } from 'node:fs/promises';
import { machine, release } from 'node:os';
import { delimiter, join } from 'node:path';
import {
  hostArchOf,
  parseGetconfLibc,
  parseGoEnvJson,
  parseLddVersion,
  parseOsRelease,
  type GoToolchain,
  type HostFacts,
  type LibcFacts,
  type RunnerFacts,
} from '../domain/runner/runner.js';
import { toolchainSwitch } from '../domain/go/go-toolchain.js';
import { execQuiet, type ExecResult } from './exec.js';

export type Env = Readonly<Record<string, string | undefined>>;

export interface ResolveRunnerOptions {
  cwd: string;
  env: Env;
  /** Where to look for `go` after PATH and $GOROOT/bin (default: the official tarball's place). */
  fallbackGo?: readonly string[];
}

export const DEFAULT_FALLBACK_GO: readonly string[] = ['/usr/local/go/bin/go'];
const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
const TIMEOUT_MS = 5_000;
const GO_TIMEOUT_MS = 30_000;

/** Runs a program with LC_ALL=C and a time limit; resolves (never rejects) with what happened. */
export function runProcess(
  file: string,
  args: readonly string[],
  options: { env: Env; cwd?: string; timeoutMs?: number },
): Promise<ExecResult> {
  return execQuiet(file, args, {
    env: options.env,
    timeoutMs: options.timeoutMs ?? TIMEOUT_MS,
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
  });
}

export async function resolveRunner(options: ResolveRunnerOptions): Promise<RunnerFacts> {
  const [host, go] = await Promise.all([resolveHost(options.env), resolveGo(options)]);
  return { kernel: release(), ...host, go };
}

/**
 * Only what a toolchain install needs (one quick process, getconf; no Go): `env` on a warm cache
 * stays quick. The C library decides whether a release's cross gcc can run here.
 */
export async function resolveHost(env: Env = process.env): Promise<HostFacts> {
  const [distro, libc] = await Promise.all([resolveDistro(), resolveLibc(env)]);
  return { distro, hostArch: hostArchOf(machine()), libc };
}

async function resolveLibc(env: Env): Promise<LibcFacts> {
  const getconf = await runProcess('getconf', ['GNU_LIBC_VERSION'], { env });
  const fromGetconf = getconf.exitCode === 0 ? parseGetconfLibc(getconf.stdout) : null;
  if (fromGetconf !== null) return fromGetconf;
  // musl's ldd prints its version on stderr and exits 1.
  const ldd = await runProcess('ldd', ['--version'], { env });
  return parseLddVersion(`${ldd.stdout}\n${ldd.stderr}`) ?? { family: 'unknown', version: null };
}

async function resolveDistro(): Promise<RunnerFacts['distro']> {
  for (const file of OS_RELEASE_FILES) {
    const text = await readFile(file, 'utf8').catch(() => null);
    if (text !== null) return parseOsRelease(text);
  }
  return parseOsRelease('');
}

/** `go` on PATH, else $GOROOT/bin/go, else the fallbacks; null when none is executable. */
export async function findGo(
  env: Env,
  fallbackGo: readonly string[] = DEFAULT_FALLBACK_GO,
): Promise<string | null> {
  const candidates = (env.PATH ?? '')
    .split(delimiter)
    .filter((dir) => dir !== '')
    .map((dir) => join(dir, 'go'));
  if (env.GOROOT !== undefined && env.GOROOT !== '') candidates.push(join(env.GOROOT, 'bin', 'go'));
  candidates.push(...fallbackGo);
  for (const c of candidates) {
    const ok = await access(c, constants.X_OK).then(
      () => true,
      () => false,
    );
    if (ok) return c;
  }
  return null;
}

export async function resolveGo(options: ResolveRunnerOptions): Promise<RunnerFacts['go']> {
  const { cwd, env } = options;
  const go = await findGo(env, options.fallbackGo);
  if (go === null) {
    return {
      missing:
        'go not found on PATH: install Go (actions/setup-go), or put its bin directory on PATH',
    };
  }
  // GOTOOLCHAIN=local: report the installed toolchain and never download another one here.
  const json = await runProcess(go, ['env', '-json'], {
    env: { ...env, GOTOOLCHAIN: 'local' },
    cwd,
    timeoutMs: GO_TIMEOUT_MS,
  });
  if (json.exitCode !== 0) {
    const why = json.failure ?? firstLine(json.stderr) ?? `exit status ${String(json.exitCode)}`;
    return { missing: `"${go} env -json" failed: ${why}` };
  }
  const parsed = parseGoEnvJson(json.stdout);
  if ('error' in parsed) return { missing: `${go}: ${parsed.error}` };
  // "go env GOTOOLCHAIN" is always answered by the local go, so it is safe to ask unmodified.
  const setting = await runProcess(go, ['env', 'GOTOOLCHAIN'], {
    env,
    cwd,
    timeoutMs: GO_TIMEOUT_MS,
  });
  const gotoolchain = setting.exitCode === 0 ? setting.stdout.trim() : (env.GOTOOLCHAIN ?? '');
  const goMod = await readFile(join(cwd, 'go.mod'), 'utf8').catch(() => null);
  const toolchain: Omit<GoToolchain, 'switchable'> = { ...parsed, gotoolchain };
  return { ...toolchain, switchable: toolchainSwitch(toolchain, goMod) };
}

function firstLine(text: string): string | null {
  const line = text.split('\n').find((l) => l.trim() !== '');
  return line === undefined ? null : line.trim();
}
