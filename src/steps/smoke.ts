/**
 * The smoke run of verified binaries: every executable is started against the glibc of the
 * floor's sysroot — also when verify already found problems, whose loader message confirms them;
 * a static one by itself (or under qemu-user), with no sysroot at all.
 */
import { kernelRuns386 } from '../adapters/ia32.js';
import { resolve } from 'node:path';
import { glibcVersionOf, qemuIn, runWithLimit } from '../adapters/smoke-run.js';
import type { GoArch, Libc, Target } from '../domain/platform.js';
import type { BinaryResult } from '../domain/report/report.js';
import {
  commandLine,
  firstLines,
  isRunnable,
  noSysrootReason,
  QEMU_ARCH,
  SMOKE_TIMEOUT_MS,
  runsNatively,
  smokeCommand,
  STATIC_LIBC,
  staticCommand,
  type SmokeCommand,
  type SmokeResult,
} from '../domain/toolchain/smoke.js';
import { smokeRuntimeOf } from './kinds/registry.js';

/** What the run needed could not be installed (qemu-user, the floor's glibc): nothing ran. */
export class SmokeSetupFailed extends Error {}

export interface SmokeOptions {
  target: Target;
  hostGoarch: GoArch;
  /** The toolchain's sysroot (PKG_CONFIG_SYSROOT_DIR of its env); null: none (static runs only). */
  sysroot: string | null;
  /** The libc the binaries were verified for: says why a dynamic one cannot run without a sysroot. */
  libc: Libc;
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
  const runnable = binaries.filter((b) => b.facts !== null && isRunnable(b.facts));
  const isStatic = (b: BinaryResult): boolean => b.facts?.interpreter === null;
  const onSysroot =
    o.sysroot !== null && runnable.some((b) => !isStatic(b))
      ? await sysrootRun(o, o.sysroot)
      : null;
  const started = runnable.filter((b) => isStatic(b) || onSysroot !== null);
  let qemu: string | null = null;
  const native = runsNatively(
    o.target.goarch,
    o.hostGoarch,
    o.target.goarch === '386' && (await kernelRuns386()),
  );
  if (started.length > 0 && !native) {
    const arch = QEMU_ARCH[o.target.goarch];
    qemu = qemuIn(await setUp(() => o.qemuDir(arch)), arch);
  }
  const results: SmokeResult[] = [];
  for (const b of runnable) {
    const binary = resolve(b.path);
    const base = { target: o.target, native, qemu, binary, args: o.args };
    const glibc = isStatic(b) ? STATIC_LIBC : (onSysroot?.glibc ?? '-');
    if (!isStatic(b) && onSysroot === null) {
      const why = noSysrootReason(o.libc);
      results.push({ ...notStarted(b.path, glibc), notRun: why });
      continue;
    }
    const cmd: SmokeCommand | { error: string } =
      onSysroot === null || isStatic(b)
        ? staticCommand(base)
        : smokeCommand({
            ...base,
            glibcRoot: onSysroot.root,
            libraryDirs: onSysroot.libraryDirs,
            libc: onSysroot.libc ?? 'glibc',
          });
    if ('error' in cmd) {
      results.push({ ...notStarted(b.path, glibc), stderr: [cmd.error] });
      continue;
    }
    const run = await runWithLimit(cmd, o.timeoutMs ?? SMOKE_TIMEOUT_MS);
    const note = isStatic(b) ? undefined : onSysroot?.note;
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

function notStarted(path: string, glibc: string): SmokeResult {
  return { path, glibc, via: '-', passed: false, exit: null, timedOut: false, stderr: [] };
}

/** An install the run needs; its failure is the run's, said in one line (`SmokeSetupFailed`). */
async function setUp<T>(install: () => Promise<T>): Promise<T> {
  try {
    return await install();
  } catch (error) {
    throw new SmokeSetupFailed(error instanceof Error ? error.message : String(error));
  }
}

interface SysrootRun {
  /** The directory that stands for `/` to the binary: its loader and libc in `lib`. */
  root: string;
  glibc: string;
  libraryDirs: string[];
  note?: string;
  libc?: 'glibc' | 'musl';
}

/** Where a dynamic executable runs: the sysroot's glibc, or as its kind says (a capped one's). */
async function sysrootRun(o: SmokeOptions, sysroot: string): Promise<SysrootRun> {
  const { glibc217 } = o;
  const run = await smokeRuntimeOf(
    sysroot,
    o.target,
    glibc217 === undefined ? {} : { glibc217: () => setUp(glibc217) },
  );
  const glibc =
    run.libc === 'musl'
      ? `musl ${run.version ?? 'unknown'}`
      : ((await glibcVersionOf(run.root)) ?? 'unknown');
  return { ...run, glibc };
}
