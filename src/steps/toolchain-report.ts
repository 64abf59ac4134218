/** A prepared toolchain as the RunReport names it. */
import type { ToolchainReport } from '../domain/report/run-report.js';
import { contentHash, contentIdentity } from '../domain/toolchain/lockfile.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import type { Installed } from './install-options.js';
import { sysrootOf } from './kinds/registry.js';

export function toolchainReport(plan: ToolchainPlan, installed: Installed): ToolchainReport {
  return {
    kind: plan.kind,
    release: installed.entry.release,
    floor: plan.floor,
    compiler: plan.compiler,
    mode: plan.mode,
    lockKey: plan.lockKey,
    contentHash: contentHash(contentIdentity(installed.entry)),
    dir: installed.dir,
    sysroot: sysrootOf(plan, installed.dir),
    cacheHit: installed.cacheHit,
  };
}
