/** A prepared toolchain as the RunReport names it. */
import { sysrootDir } from '../domain/go/cgo-env.js';
import type { ToolchainKind, ToolchainReport } from '../domain/report/run-report.js';
import { contentHash, contentIdentity } from '../domain/toolchain/lockfile.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import type { Installed } from './install-options.js';

/**
 * Which kind of toolchain a plan installs: the npm crosstool-ng toolchains, a release capped at
 * the floor, or a release as it is. The one place the report reads it off the plan's flags (until
 * plans carry their kind).
 */
export function toolchainKind(plan: ToolchainPlan): ToolchainKind {
  if (plan.npm !== null) return 'crosstool-ng';
  return plan.cap !== null ? 'capped' : 'release';
}

export function toolchainReport(plan: ToolchainPlan, installed: Installed): ToolchainReport {
  return {
    kind: toolchainKind(plan),
    release: installed.entry.release,
    floor: plan.floor,
    compiler: plan.compiler,
    mode: plan.mode,
    lockKey: plan.lockKey,
    contentHash: contentHash(contentIdentity(installed.entry)),
    dir: installed.dir,
    sysroot: sysrootDir(plan, installed.dir),
    cacheHit: installed.cacheHit,
  };
}
