/** The host programs a planned toolchain runs: checked before anything is installed. */
import { findClang } from '../adapters/clang.js';
import { missingPrograms } from '../adapters/host-tools.js';
import type { HostClang } from '../domain/toolchain/clang.js';
import type { CompilerChoice } from '../domain/toolchain/compiler.js';
import type { ToolchainPlan } from '../domain/toolchain/toolchain-plan.js';
import { clangCaveat, hostProgramsFor } from '../domain/toolchain/wrappers.js';

export class HostCompilerError extends Error {}

export interface HostCompiler {
  clang: HostClang | null;
  /** A target this clang/lld is known not to link, to warn about before the build. */
  caveat: string | null;
}

export async function hostCompilerFor(
  plan: ToolchainPlan,
  choice: CompilerChoice,
): Promise<HostCompiler> {
  const missing = await missingPrograms(hostProgramsFor(plan));
  if (missing.length > 0) throw new HostCompilerError(missing.join('; '));
  if (plan.mode !== 'clang') return { clang: null, caveat: null };
  const clang = await findClang(choice.clangMajor);
  return { clang, caveat: clangCaveat(plan, clang.lldMajor) };
}
