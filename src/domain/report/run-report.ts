/**
 * The one report of a run, typed and versioned: the action's `report` output and
 * `verify --format json` are this document; the job summary, the annotations and the text and
 * Markdown reports are rendered from it. Its JSON Schema is docs/report.schema.json (a test
 * validates every report the suite produces against it). Changing the shape — a field added,
 * removed, renamed or retyped — means a new `schemaVersion`, in the schema and here.
 */
import type { DriftMode, DriftReport } from '../drift/drift.js';
import type { AbiSurface } from '../drift/surface.js';
import type { ElfFacts } from '../elf/elf-facts.js';
import type { LinkExplanation } from '../explain/link-explain.js';
import type { Libc } from '../platform.js';
import type { Finding, HardeningRequirement, RuleId, SeveritySetting } from '../rules/types.js';
import type { RunnerFacts } from '../runner/runner.js';
import type { KindId, Mode } from '../toolchain/kinds.js';
import type { Compiler } from '../toolchain/compiler.js';
import type { BinaryRuntime } from '../toolchain/runtime-needs.js';
import type { SmokeResult } from '../toolchain/smoke.js';
import type { Verdict } from './report.js';

export const SCHEMA_VERSION = 3;

/** The tool that wrote a report (the version is package.json's: a test keeps them equal). */
export const TOOL = { name: 'cgo-abi-guard', version: '0.1.0' } as const;

export type FailOn = 'error' | 'warning' | 'never';

export interface RunReport {
  schemaVersion: typeof SCHEMA_VERSION;
  tool: { name: string; version: string };
  /** Who wrote it: the GitHub Action's main step, or the CLI. */
  frontEnd: 'action' | 'cli';
  /** The runner the action ran on; null from the CLI (it does not look). */
  runner: RunnerFacts | null;
  policy: PolicyReport;
  /**
   * The run's verdict: `error` when a target or a binary could not be judged, else `fail` when
   * any target failed (a violation, a failed smoke run, a warning under `failOn: warning`), else
   * `pass`. The action's `verdict` output is `pass` or `fail` (`error` is a fail there).
   */
  verdict: Verdict;
  targets: TargetReport[];
  /** The commit and ref the binaries were built from (the action's GITHUB_SHA, GITHUB_REF). */
  git: { sha: string | null; ref: string | null } | null;
  /** The ABI changes against a baseline; null: none compared (`drift: off`, no baseline). */
  drift: DriftReport | null;
}

/** What the binaries were judged by: the inputs or flags and the policy file on top. */
export interface PolicyReport {
  libc: Libc;
  /** The highest GLIBC_ version a binary may need; null: no ceiling. */
  glibcFloor: string | null;
  /** The oldest kernel the binaries must start on; null: not checked. */
  kernel: string | null;
  /** Ceilings of other version prefixes (GLIBCXX, CXXABI, GCC). */
  versions: Record<string, string>;
  allowNeeded: string[];
  allowRpath: string[];
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** What the `hardening` rule requires of every binary; empty: the rule is off. */
  hardening: HardeningRequirement[];
  /** The binaries are also run: what a run cannot show is an error then (the `cgo-off` rule). */
  smoke: boolean;
  /** What fails the run: errors (the CLI always), warnings too, or nothing (action `fail-on`). */
  failOn: FailOn;
  /** What a raised need against the baseline does: a warning, a failure, or nothing. */
  drift: DriftMode;
}

export interface TargetReport {
  /** `linux/arm64`; null: files `verify` could not judge against any target (no `--target`). */
  target: string | null;
  /** This target's own verdict: its binaries', its smoke run's, `fail-on`; never another's. */
  verdict: Verdict;
  /** Why it has no verdict of its own (its build failed, built nothing, no artifact is for it). */
  problem: string | null;
  /** The toolchain installed for it (the action with libc glibc); null: none. */
  toolchain: ToolchainReport | null;
  /** The build command run for it (the action's `run`); null: none was run. */
  build: BuildReport | null;
  binaries: BinaryReport[];
  smoke: SmokeReport;
  /** Its binaries' run-time packages as one Debian `Depends:` value; empty: none. */
  depends: string;
}

/** The plan's kind (domain/toolchain/kinds.ts); docs/report.schema.json lists the same. */
export type ToolchainKind = KindId;

export interface ToolchainReport {
  /** A release as it is, a release capped at the floor, or the npm crosstool-ng toolchains. */
  kind: ToolchainKind;
  /** `debian/bullseye`, `npm/crosstool-ng` */
  release: string;
  /** The glibc floor it was installed for. */
  floor: string;
  compiler: Compiler;
  mode: Mode;
  /** Its lockfile entry's `key:`. */
  lockKey: string;
  /** 12 hex digits of the locked content's identity (what the install id ends in). */
  contentHash: string;
  /** The install in the tool cache, and its sysroot. */
  dir: string;
  sysroot: string;
  /** Found in the tool cache or restored from the Actions cache: nothing was installed. */
  cacheHit: boolean;
}

export interface BuildReport {
  /** The `run` script as given. */
  command: string;
  exit: number;
  /** Why the link failed, symbol by symbol; null: it did not, or the linker named no symbols. */
  link: LinkExplanation | null;
  /** Processes the build left holding its output open (not waited for, not killed). */
  heldOpenBy: { pid: number; command: string }[];
  /**
   * Functions glibc's linker warned about in a static link (NSS at run time) that no verified
   * binary shows (a stripped C caller): what the static-nss rule cannot see.
   */
  staticNssLinked: string[];
}

/** The facts of a binary the report keeps (not the raw layout readelf gave). */
export type FactsReport = Pick<
  ElfFacts,
  | 'class'
  | 'endian'
  | 'machine'
  | 'osabi'
  | 'type'
  | 'flags'
  | 'floatAbi'
  | 'interpreter'
  | 'needed'
  | 'rpath'
  | 'runpath'
  | 'pie'
  | 'versions'
  | 'versionNeeds'
  | 'abiTag'
  | 'isaNeeded'
  | 'goBinary'
  | 'goBuild'
  | 'goBuildError'
  | 'staticLibc'
  | 'buildPaths'
  | 'warnings'
  | 'hardening'
>;

export interface BinaryReport {
  /** As given or found (a glob's match, a file the build made). */
  path: string;
  /** `path` is a symlink: the file that was read. */
  linkTarget: string | null;
  /** The target it was judged against; null: it could not be judged. */
  target: string | null;
  verdict: Verdict;
  /** Why it could not be judged (verdict `error`). */
  error: string | null;
  /** Each with its fix, and for a version finding the symbols and who pulled them in. */
  findings: Finding[];
  facts: FactsReport | null;
  /** A dynamically linked binary's run-time needs (target packages' libraries, Depends). */
  runtime: BinaryRuntime | null;
  /** What a system must offer it (what drift compares); null: it could not be read. */
  surface: AbiSurface | null;
}

export type SmokeStatus = 'pass' | 'fail' | 'error' | 'not-run' | 'not-asked';

/**
 * The smoke run of a target: `not-asked`; `not-run`, nothing to start (`reason`: nothing was
 * built, no executables, none that can be started here); `error`, there was something to start
 * but the run could not be set up (`reason`: qemu-user or the floor's glibc could not be
 * installed, e.g. not in a frozen lockfile) — it vouches for nothing and fails the target; or it
 * ran: each executable's result (one not started says why: `notRun`), `fail` when any failed.
 */
export interface SmokeReport {
  status: SmokeStatus;
  /** Why nothing ran (`not-run`, `error`); null otherwise. */
  reason: string | null;
  results: SmokeResult[];
}

/** Every binary of every target, in the report's order. */
export function allBinaries(report: Pick<RunReport, 'targets'>): BinaryReport[] {
  return report.targets.flatMap((t) => t.binaries);
}
