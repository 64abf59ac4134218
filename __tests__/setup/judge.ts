/** Judges one real file in-process, with a policy given as overrides of the default. */
import { defaultPolicy, type Policy } from '../../src/domain/rules/types.js';
import type { BinaryResult } from '../../src/domain/report/report.js';
import { parseTarget } from '../../src/domain/platform.js';
import { verifyPaths } from '../../src/steps/verify.js';

export type PolicyOverrides = Partial<Omit<Policy, 'target'>> & { target?: string };

export async function judge(path: string, overrides: PolicyOverrides = {}): Promise<BinaryResult> {
  const { target, ...rest } = overrides;
  const policy: Policy = { ...defaultPolicy(), ...rest };
  if (target !== undefined) {
    const parsed = parseTarget(target);
    if ('error' in parsed) throw new Error(parsed.error);
    policy.target = parsed;
  }
  const report = await verifyPaths([path], { policy, readelf: 'readelf' });
  const [only] = report.binaries;
  if (only === undefined || report.binaries.length !== 1)
    throw new Error(`expected one result for ${path}`);
  return only;
}

export function rulesOf(result: BinaryResult): string[] {
  return result.findings.map((f) => f.rule);
}
