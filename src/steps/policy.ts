/** The policy both front ends verify with: the policy file (if any) with their own settings on top. */
import { readFile } from 'node:fs/promises';
import { mergePolicy, parsePolicyFile, type PolicyOverrides } from '../domain/rules/policy-file.js';
import type { Policy } from '../domain/rules/types.js';

export type LoadedPolicy =
  | { policy: Policy }
  /** `failure`: one line; `errors`: the `file:line: message` lines of a broken file. */
  | { failure: string; errors: string[] };

/**
 * The runner's directories a binary must not carry: the tool cache and the temporary directory,
 * and on GitHub's runners the home (the checkout is under it: /home/runner/work).
 */
export function runnerPaths(env: NodeJS.ProcessEnv): string[] {
  const named = [env.RUNNER_TOOL_CACHE, env.RUNNER_TEMP];
  if (env.GITHUB_ACTIONS === 'true') named.push(env.HOME);
  return named.filter((p): p is string => p !== undefined && p.startsWith('/') && p !== '/');
}

export async function loadPolicy(
  path: string | null,
  given: PolicyOverrides,
): Promise<LoadedPolicy> {
  const overrides = { buildPaths: runnerPaths(process.env), ...given };
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
