/**
 * The kinds, by id: a plan's module (kindOf), an installed sysroot's (kindOfSysroot, for the CLI's
 * `verify --smoke --sysroot DIR`, which has no plan). Adding a kind is one line here and one
 * member of the union in domain/toolchain/kinds.ts (src/README.md, "Adding a toolchain kind").
 */
import type { Target } from '../../domain/platform.js';
import { sysrootDir } from '../../domain/go/cgo-env.js';
import type { KindId, PlanOf, ToolchainPlan } from '../../domain/toolchain/kinds.js';
import type { LockedToolchain } from '../../domain/toolchain/lockfile.js';
import type { ToolchainLayout } from '../../domain/toolchain/pkg-config-wrapper.js';
import { cappedKind } from './capped.js';
import { crosstoolKind } from './crosstool-ng.js';
import type { SmokeInstalls, SmokeRuntime, ToolchainKind } from './kind.js';
import { muslKind } from './musl.js';
import { releaseKind } from './release.js';

export const KINDS: { readonly [K in KindId]: ToolchainKind<PlanOf<K>> } = {
  release: releaseKind,
  capped: cappedKind,
  'crosstool-ng': crosstoolKind,
  musl: muslKind,
};

/**
 * The order an installed sysroot is recognised in: by its own marker first (capped), then by its
 * layout; the last kind takes any sysroot (glibc at its top).
 */
const BY_SYSROOT: readonly KindId[] = ['capped', 'musl', 'release', 'crosstool-ng'];

/**
 * The module of a plan's kind. Its methods are to be given this plan (they take their own kind's
 * plan; the registry pairs each kind with its module).
 */
export function kindOf(plan: ToolchainPlan): ToolchainKind<ToolchainPlan> {
  return KINDS[plan.kind];
}

export function layoutOf(plan: ToolchainPlan): ToolchainLayout {
  return kindOf(plan).layout(plan);
}

/** The sysroot of a plan's install in `dir` (`<dir>/root`, or a directory in it). */
export function sysrootOf(plan: ToolchainPlan, dir: string): string {
  return sysrootDir(dir, layoutOf(plan));
}

/** Why a lock entry found under the plan's key is not its toolchain, or null. */
export function toolchainRefusal(plan: ToolchainPlan, entry: LockedToolchain): string | null {
  return kindOf(plan).refusal(plan, entry);
}

/** The kind an installed sysroot is of, read from the tree (its marker, else its layout). */
export async function kindOfSysroot(sysroot: string, target: Target): Promise<KindId> {
  for (const id of BY_SYSROOT) if (await KINDS[id].isSysroot(sysroot, target)) return id;
  return 'crosstool-ng';
}

/** Where a smoke run starts the sysroot's dynamic executables, as its kind says. */
export async function smokeRuntimeOf(
  sysroot: string,
  target: Target,
  installs: SmokeInstalls,
): Promise<SmokeRuntime> {
  return KINDS[await kindOfSysroot(sysroot, target)].smokeRuntime(sysroot, target, installs);
}
