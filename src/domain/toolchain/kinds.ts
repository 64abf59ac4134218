/**
 * The kinds of toolchain a plan installs, as one union discriminated by `kind`. Pure: what every
 * kind has (PlanBase), and what only one has — the floor a capped release is capped at, the npm
 * toolchain of crosstool-ng. Each kind's choices and effects live in its own module
 * (`steps/kinds/`); a plan is asked for its kind there, never tested for a flag elsewhere.
 */
import type { GoArch, Target } from '../platform.js';
import type { RunnerLimit } from './compiler-host.js';
import type { Compiler } from './compiler.js';
import type { NpmToolchain } from './npm-toolchains.js';
import type { Family, Release } from './releases.js';

export type Mode = 'cross-gcc' | 'host-gcc' | 'clang';

export interface HostInfo {
  family: Family;
  /** dpkg architecture of the host (amd64, arm64). */
  debianArch: string;
  goarch: GoArch;
  /** GNU multiarch triplet of the host (x86_64-linux-gnu): where extracted host libraries live. */
  multiarch: string;
  /** The runner's glibc (`getconf GNU_LIBC_VERSION`): what a release's cross gcc needs; null: unknown. */
  glibc: string | null;
}

/** What a plan of every kind has. */
export interface PlanBase {
  /** The key of its lockfile entry: `linux/arm64 glibc-2.31 gcc host-amd64`. */
  lockKey: string;
  release: Release;
  floor: string;
  target: Target;
  triplet: string;
  targetDebianArch: string;
  host: HostInfo;
  compiler: Compiler;
  mode: Mode;
  /** Tool name for the tool cache (`@actions/tool-cache` layout). */
  toolName: string;
  /** The target's own -dev packages for the sysroot (`libpcap-dev`), sorted; none: empty. */
  packages: string[];
  /** The floor's own release, when the runner's glibc cannot run its cross gcc (an older one is taken). */
  runnerLimited: RunnerLimit | null;
}

/** A Debian or Ubuntu release's own toolchain, its glibc at or below the floor. */
export interface ReleasePlan extends PlanBase {
  kind: 'release';
}

/** A release newer than the floor, its glibc capped at the floor (capping.ts). */
export interface CappedPlan extends PlanBase {
  kind: 'capped';
  /** The floor the release's glibc is capped at. */
  cap: string;
}

/** The npm toolchain installed instead of packages (`release: crosstool-ng`, glibc 2.17). */
export interface CrosstoolPlan extends PlanBase {
  kind: 'crosstool-ng';
  npm: NpmToolchain;
}

/** How a musl binary is linked: static (no loader), or on musl's loader. */
export type MuslLink = 'static' | 'dynamic';

/**
 * A musl toolchain (musl.ts): a release's musl-dev and musl for the target, with the compiler of
 * `release` (the same release, unless the runner is older than its gcc needs). `floor` is the
 * musl version.
 */
export interface MuslPlan extends PlanBase {
  kind: 'musl';
  /** The release the musl packages come from (its musl is the floor). */
  muslRelease: Release;
  link: MuslLink;
  /** musl's triplet (clang's --target) and Debian's directory for it. */
  muslTriplet: string;
  muslMultiarch: string;
}

export type ToolchainPlan = ReleasePlan | CappedPlan | CrosstoolPlan | MuslPlan;

export type KindId = ToolchainPlan['kind'];

/** The plan of one kind. */
export type PlanOf<K extends KindId> = Extract<ToolchainPlan, { kind: K }>;

/** The floor a plan's glibc is capped at, for what `env --format json` prints; null: not capped. */
export function capOf(plan: ToolchainPlan): string | null {
  return plan.kind === 'capped' ? plan.cap : null;
}
