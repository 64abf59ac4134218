/** Starts a binary for the smoke run, with a time limit; finds the sysroot's glibc and qemu. */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { maxDotted } from '../domain/version.js';
import type { SmokeCommand } from '../domain/smoke.js';

export interface RunOutcome {
  exit: number | null;
  timedOut: boolean;
  stderr: string;
}

const STDERR_CAP = 64 * 1024;

export async function runWithLimit(cmd: SmokeCommand, timeoutMs: number): Promise<RunOutcome> {
  return new Promise((resolve) => {
    const child = spawn(cmd.program, cmd.args, {
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, LC_ALL: 'C' },
    });
    let stderr = '';
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.stderr.on('data', (c: Buffer) => {
      if (stderr.length < STDERR_CAP) stderr += c.toString('utf8');
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ exit: null, timedOut: false, stderr: `${cmd.program}: ${e.code ?? e.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ exit: code, timedOut, stderr });
    });
  });
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
  const text = await new Promise<string>((resolve) => {
    execFile('readelf', ['-V', '-W', join(lib, 'libc.so.6')], { maxBuffer: 1 << 24 }, (e, out) => {
      resolve(e === null ? out : '');
    });
  });
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
