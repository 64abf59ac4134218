/** Starts a binary for the smoke run, with a time limit; finds the sysroot's glibc and qemu. */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { maxDotted } from '../domain/version.js';
import { execQuiet } from './exec.js';
import type { SmokeCommand } from '../domain/toolchain/smoke.js';
import { CAP_MARKER, type CapMarker } from '../domain/toolchain/capping.js';

/** A capped install's marker at the top of its sysroot, or null for any other sysroot. */
export async function capMarkerOf(sysroot: string): Promise<CapMarker | null> {
  const text = await readFile(join(sysroot, CAP_MARKER), 'utf8').catch(() => null);
  if (text === null) return null;
  const m = JSON.parse(text) as Partial<CapMarker>;
  const { glibc, release, releaseGlibc } = m;
  return typeof glibc === 'string' &&
    typeof release === 'string' &&
    typeof releaseGlibc === 'string'
    ? { glibc, release, releaseGlibc }
    : null;
}

export interface RunOutcome {
  exit: number | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
}

const STDERR_CAP = 64 * 1024;

export async function runWithLimit(cmd: SmokeCommand, timeoutMs: number): Promise<RunOutcome> {
  const r = await execQuiet(cmd.program, cmd.args, { timeoutMs });
  const stderr = r.stderr.slice(0, STDERR_CAP);
  const stdout = r.stdout.slice(0, STDERR_CAP);
  if (r.failure?.endsWith(': not found') === true)
    return { exit: null, timedOut: false, stdout: '', stderr: `${cmd.program}: ENOENT` };
  return {
    exit: r.exitCode,
    timedOut: r.failure?.startsWith('timed out') === true,
    stdout,
    stderr,
  };
}
/**
 * The directory that stands for `/` to a binary of the sysroot: the Debian cross packages keep
 * the target's glibc in `<sysroot>/usr/<triplet>`, the npm toolchains at the sysroot's top.
 */
export function glibcRootOf(sysroot: string, triplet: string): string {
  const debian = join(sysroot, 'usr', triplet);
  return existsSync(join(debian, 'lib')) ? debian : sysroot;
}

/** The glibc version of a sysroot: its libc-X.Y.so, else the newest GLIBC_ node libc.so.6 defines. */
export async function glibcVersionOf(glibcRoot: string): Promise<string | null> {
  const lib = join(glibcRoot, 'lib');
  const names = await readdir(lib).catch(() => [] as string[]);
  const named = maxDotted(names.flatMap((n) => /^libc-(\d+\.\d+)\.so$/.exec(n)?.slice(1, 2) ?? []));
  if (named !== null) return named;
  const r = await execQuiet('readelf', ['-V', '-W', join(lib, 'libc.so.6')], {
    timeoutMs: 60_000,
    maxOutput: 1 << 24,
  });
  const text = r.exitCode === 0 ? r.stdout : '';
  const defined = text.split('Version needs section')[0] ?? '';
  return maxDotted(
    [...defined.matchAll(/Name: GLIBC_(\d+(?:\.\d+)+)/g)].flatMap((m) => m[1] ?? []),
  );
}

/** qemu-user in an installed qemu-user-static tree: `qemu-<arch>-static` or `qemu-<arch>`. */
export function qemuIn(dir: string, qemuArch: string): string | null {
  for (const name of [`qemu-${qemuArch}-static`, `qemu-${qemuArch}`]) {
    const p = join(dir, 'root', 'usr', 'bin', name);
    if (existsSync(p)) return p;
  }
  return null;
}
