/** The policy both front ends verify with: the policy file (if any) with their own settings on top. */
import { readFile } from 'node:fs/promises';
import { mergePolicy, parsePolicyFile, type PolicyOverrides } from '../domain/rules/policy-file.js';
import type { Policy } from '../domain/rules/types.js';

export type LoadedPolicy =
  | { policy: Policy }
  /** `failure`: one line; `errors`: the `file:line: message` lines of a broken file. */
  | { failure: string; errors: string[] };

export async function loadPolicy(
  path: string | null,
  overrides: PolicyOverrides,
): Promise<LoadedPolicy> {
  if (path === null) return { policy: mergePolicy({}, overrides) };
  const text = await readFile(path, 'utf8').catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { failure: `cannot read policy ${path}: ${code}`, errors: [] };
  });
  if (typeof text !== 'string') return text;
  const { policy, errors } = parsePolicyFile(text, path);
  if (errors.length === 0) return { policy: mergePolicy(policy, overrides) };
  return { failure: `the policy file ${path} has ${errors.length} problem(s)`, errors };
}
