/**
 * The proof by running: each verified executable started against the floor's own glibc from the
 * installed sysroot, through that glibc's loader (same architecture) or qemu-user with `-L`
 * (another one); a static one by itself or under qemu-user. Pure: the command, and what a run's
 * outcome says.
 */
import { ARCHITECTURES } from '../data/architectures.js';
import { loaderFor, type GoArch, type Libc, type Target } from '../platform.js';

/** qemu-user's name for each Go architecture (`qemu-<name>`), from data/architectures.ts. */
export const QEMU_ARCH: Readonly<Record<GoArch, string>> = Object.fromEntries(
  ARCHITECTURES.map((a) => [a.goarch, a.qemu]),
) as Record<GoArch, string>;

export const SMOKE_TIMEOUT_MS = 30_000;

/**
 * Whether the host's kernel starts the target's programs itself. An x86-64 kernel runs 386
 * programs when it has ia32 emulation (the hosted runners' kernels do; some virtual machines'
 * do not): `kernelRuns386` is what the kernel said when asked (adapters/ia32.ts). qemu-i386 7.2
 * (bookworm's) crashes Go's 386 runtime (SIGSEGV in mallocgc); qemu 10 (trixie's) runs it.
 * arm64 runners cannot run 32-bit arm (their cores have no AArch32), so arm stays with qemu.
 */
export function runsNatively(target: GoArch, host: GoArch, kernelRuns386: boolean): boolean {
  return target === host || (target === '386' && host === 'amd64' && kernelRuns386);
}

export interface SmokeCommand {
  program: string;
  args: string[];
  /** How the binary is started, for the report: `loader` or `qemu-aarch64`. */
  via: string;
}

/**
 * `glibcRoot` is the directory that stands for `/` to the binary: the npm sysroot, or
 * `<root>/usr/<triplet>` of the Debian cross packages. Both keep the loader and libc in `lib`.
 */
export function smokeCommand(o: {
  target: Target;
  /** The host starts the target's programs itself (`runsNatively`). */
  native: boolean;
  glibcRoot: string;
  /** The qemu-user binary for the target; needed for a foreign architecture only. */
  qemu: string | null;
  binary: string;
  args: readonly string[];
  /** More library directories: the target packages' multiarch ones in the sysroot. */
  libraryDirs?: readonly string[];
  /** The C library under `glibcRoot` (musl: its loader in `lib`, as for glibc); default glibc. */
  libc?: 'glibc' | 'musl';
}): SmokeCommand | { error: string } {
  const extra = o.libraryDirs ?? [];
  const libc = o.libc ?? 'glibc';
  const loader = loaderFor(o.target, libc);
  if (loader === null) return { error: `no ${libc} loader is known for ${o.target.goarch}` };
  if (o.native) {
    const base = loader.split('/').at(-1) ?? loader;
    return {
      program: `${o.glibcRoot}/lib/${base}`,
      args: [
        '--library-path',
        [`${o.glibcRoot}/lib`, `${o.glibcRoot}/usr/lib`, ...extra].join(':'),
        o.binary,
        ...o.args,
      ],
      via: 'loader',
    };
  }
  if (o.qemu === null) return { error: `qemu-${QEMU_ARCH[o.target.goarch]} is not installed` };
  return {
    program: o.qemu,
    // The guest loader looks under -L first, then at the path itself: host paths work.
    args: [
      '-L',
      o.glibcRoot,
      ...(extra.length === 0 ? [] : ['-E', `LD_LIBRARY_PATH=${extra.join(':')}`]),
      o.binary,
      ...o.args,
    ],
    via: `qemu-${QEMU_ARCH[o.target.goarch]}`,
  };
}

/**
 * A static executable: its C library is linked in, nothing of a sysroot is used. Started by
 * itself on the host's architecture (or one it runs natively), under qemu-user otherwise.
 */
export function staticCommand(o: {
  target: Target;
  /** The host starts the target's programs itself (`runsNatively`). */
  native: boolean;
  qemu: string | null;
  binary: string;
  args: readonly string[];
}): SmokeCommand | { error: string } {
  if (o.native) return { program: o.binary, args: [...o.args], via: 'direct' };
  if (o.qemu === null) return { error: `qemu-${QEMU_ARCH[o.target.goarch]} is not installed` };
  return {
    program: o.qemu,
    args: [o.binary, ...o.args],
    via: `qemu-${QEMU_ARCH[o.target.goarch]}`,
  };
}

/** What a result's `glibc` says of a static executable: it ran on the C library linked into it. */
export const STATIC_LIBC = 'static';

/** Why a dynamically linked executable is not started where there is no sysroot to start it on. */
export function noSysrootReason(libc: Libc): string {
  if (libc === 'musl')
    return "dynamically linked against musl, and there is no musl sysroot to start it on (the CLI's --sysroot, as `env --libc musl` exports it in PKG_CONFIG_SYSROOT_DIR; a static musl build is run without one)";
  if (libc === 'none')
    return 'dynamically linked, and libc: none installs no sysroot to start it on';
  return 'dynamically linked, and there is no sysroot with its glibc to start it on';
}

export interface SmokeResult {
  path: string;
  /** The glibc the binary ran against (`2.17`), as the floor's sysroot carries it; `static`: its own. */
  glibc: string;
  via: string;
  passed: boolean;
  exit: number | null;
  /** Set when the run did not end by itself within the time limit. */
  timedOut: boolean;
  /** The first lines of stderr (the loader's message when it refused the binary). */
  stderr: string[];
  /** The command that ran it, as one shell-like line (empty when it could not be started). */
  command?: string;
  /** The first lines of what it printed on stdout. */
  stdout?: string[];
  /** What the run proves no more than (a capped floor run on its release's newer glibc). */
  note?: string;
  /** Why it was not started (nothing here can start it): neither a pass nor a failure. */
  notRun?: string;
}

/** A run that failed; one that was not started is not a failure (and no pass either). */
export function smokeFailed(r: SmokeResult): boolean {
  return !r.passed && r.notRun === undefined;
}

export const STDERR_LINES = 5;

export function firstLines(text: string, n = STDERR_LINES): string[] {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .filter((l) => l !== '')
    .slice(0, n);
}

/** One line for an annotation or a log: why a run failed, quoting the loader. */
export function smokeMessage(r: SmokeResult): string {
  if (r.notRun !== undefined) return `${r.path} was not run: ${r.notRun}`;
  const on =
    r.glibc === STATIC_LIBC
      ? 'as a static binary'
      : r.glibc.startsWith('musl')
        ? `on ${r.glibc}`
        : `on glibc ${r.glibc}`;
  const how = r.timedOut
    ? `did not finish within ${SMOKE_TIMEOUT_MS / 1000} s`
    : `exited ${r.exit ?? 'on a signal'}`;
  const said = r.stderr.length === 0 ? '' : `: ${r.stderr.join(' / ')}`;
  const note = r.note === undefined ? '' : ` [${r.note}]`;
  return `${r.path} ${r.passed ? 'runs' : `${how} when run`} ${on} (${r.via})${r.passed ? '' : said}${note}`;
}

/** The command as a log line: `<loader> --library-path … ./app --version`. */
export function commandLine(cmd: SmokeCommand): string {
  const quote = (w: string): string =>
    /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
  return [cmd.program, ...cmd.args].map(quote).join(' ');
}

/** Executables only: a shared library (no interpreter, type DYN) is not started. */
export function isRunnable(facts: { type: string; interpreter: string | null }): boolean {
  return facts.type.startsWith('EXEC') || facts.interpreter !== null;
}

/** Markdown rows for the job summary. */
export function smokeTable(results: readonly SmokeResult[]): string {
  if (results.length === 0) return '';
  const rows = results.map((r) => {
    const cell = (t: string): string => t.replace(/\|/g, '\\|');
    if (r.notRun !== undefined)
      return `| ${cell(r.path)} | ${r.glibc} | ${r.via} | not run | ${cell(r.notRun)} |`;
    const said = r.passed ? '' : cell(r.stderr.slice(0, 2).join(' / '));
    return `| ${cell(r.path)} | ${r.glibc} | ${r.via} | ${r.passed ? 'runs' : r.timedOut ? 'timed out' : `exit ${r.exit ?? 'signal'}`} | ${said} |`;
  });
  // What a run could not prove (a capped floor run on a newer glibc), once below the table.
  const notes = [...new Set(results.flatMap((r) => (r.note === undefined ? [] : [r.note])))];
  return [
    '| smoke run | glibc | via | result | stderr |',
    '|---|---|---|---|---|',
    ...rows,
    ...(notes.length === 0 ? [] : ['', ...notes.map((n) => `Note: ${n}.`)]),
  ].join('\n');
}

/** Arguments from one string (`--version`, `-v --quiet`): split on whitespace. */
export function smokeArgs(text: string): string[] {
  return text.split(/\s+/).filter((a) => a !== '');
}
