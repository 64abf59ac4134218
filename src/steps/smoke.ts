/**
 * The smoke run of verified binaries: every executable is started against the glibc of the
 * floor's sysroot — also when verify already found problems, whose loader message confirms them.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TARGET_INFO_PATH } from '../domain/toolchain/target-info.js';
import {
  capMarkerOf,
  glibcRootOf,
  glibcVersionOf,
  qemuIn,
  runWithLimit,
} from '../adapters/smoke-run.js';
import { noRuntimeNote } from '../domain/toolchain/capping.js';
import { abiOf, type GoArch, type Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import {
  commandLine,
  firstLines,
  isRunnable,
  QEMU_ARCH,
  SMOKE_TIMEOUT_MS,
  runsNatively,
  smokeCommand,
  type SmokeResult,
} from '../domain/toolchain/smoke.js';

export interface SmokeOptions {
  target: Target;
  hostGoarch: GoArch;
  /** The toolchain's sysroot (PKG_CONFIG_SYSROOT_DIR of its env). */
  sysroot: string;
  args: readonly string[];
  /** Installs (or finds) the target's qemu (`aarch64`); called only for a foreign architecture. */
  qemuDir: (qemuArch: string) => Promise<string>;
  /**
   * A real glibc 2.17 (its root) for the target, for a sysroot capped at 2.17; null when there
   * is none for it. Called only for such a sysroot.
   */
  glibc217?: () => Promise<string | null>;
  timeoutMs?: number;
}

export async function smokeRun(
  binaries: readonly BinaryResult[],
  o: SmokeOptions,
): Promise<SmokeResult[]> {
  const triplet = abiOf(o.target).triplet;
  let glibcRoot = glibcRootOf(o.sysroot, triplet);
  // The target packages' libraries (`packages`), where the sysroot has any.
  const libraryDirs = existsSync(join(o.sysroot, TARGET_INFO_PATH))
    ? [`${o.sysroot}/lib/${triplet}`, `${o.sysroot}/usr/lib/${triplet}`]
    : [];
  // A capped sysroot's glibc is its release's, newer than the floor: the floor's own, where there
  // is one here (2.17 for amd64 and arm64), else the release's, and the results say so.
  const cap = await capMarkerOf(o.sysroot);
  let note: string | undefined;
  if (cap !== null) {
    const real = cap.glibc === '2.17' && o.glibc217 !== undefined ? await o.glibc217() : null;
    if (real !== null) glibcRoot = real;
    else note = noRuntimeNote(cap);
  }
  const glibc = (await glibcVersionOf(glibcRoot)) ?? 'unknown';
  let qemu: string | null = null;
  if (!runsNatively(o.target.goarch, o.hostGoarch))
    qemu = qemuIn(await o.qemuDir(QEMU_ARCH[o.target.goarch]), QEMU_ARCH[o.target.goarch]);
  const results: SmokeResult[] = [];
  for (const b of binaries) {
    if (b.facts === null || !isRunnable(b.facts)) continue;
    const cmd = smokeCommand({
      target: o.target,
      hostGoarch: o.hostGoarch,
      glibcRoot,
      qemu,
      binary: resolve(b.path),
      args: o.args,
      libraryDirs,
    });
    if ('error' in cmd) {
      results.push({
        path: b.path,
        glibc,
        via: '-',
        passed: false,
        exit: null,
        timedOut: false,
        stderr: [cmd.error],
      });
      continue;
    }
    const run = await runWithLimit(cmd, o.timeoutMs ?? SMOKE_TIMEOUT_MS);
    results.push({
      path: b.path,
      glibc,
      via: cmd.via,
      passed: run.exit === 0 && !run.timedOut,
      exit: run.exit,
      timedOut: run.timedOut,
      stderr: firstLines(run.stderr),
      command: commandLine(cmd),
      stdout: firstLines(run.stdout),
      ...(note === undefined ? {} : { note }),
    });
  }
  return results;
}
