/**
 * What the step does with a baseline, from the `baseline` input and the runner's event: on a
 * push to the default branch (or with `baseline: save`) the post step saves this run's report to
 * the Actions cache; on a pull request the step restores the base branch's latest and compares;
 * `baseline: <path>` compares with an earlier report. Keys name the workflow, job, targets and
 * branch; a pull request may read its base branch's entries, and a prefix restores the newest.
 */

export type BaselineInput = { mode: 'auto' } | { mode: 'save' } | { mode: 'file'; path: string };

export type BaselinePlan =
  | { kind: 'none'; why: string }
  | { kind: 'save'; key: string; prefix: string }
  | { kind: 'restore'; prefix: string; branch: string }
  | { kind: 'file'; path: string };

export interface RunnerEvent {
  /** GITHUB_EVENT_NAME */
  name: string;
  /** GITHUB_REF (`refs/heads/main`, `refs/pull/7/merge`) */
  ref: string;
  /** GITHUB_BASE_REF: a pull request's base branch. */
  baseRef: string;
  sha: string;
  workflow: string;
  job: string;
  runId: string;
  runAttempt: string;
  /** The event payload's repository.default_branch; null: not known. */
  defaultBranch: string | null;
}

export const BASELINE_KEY_VERSION = 'v1';

/** What a cache key may hold of a name: no commas, no spaces, bounded. */
function part(text: string, max = 60): string {
  const clean = text.replace(/[^A-Za-z0-9._/-]+/g, '_');
  return clean.length > max ? clean.slice(0, max) : clean;
}

/** `cgo-abi-guard-baseline-v1-<workflow>-<job>-<targets>-<branch>-`: what every key of the leg starts with. */
export function baselinePrefix(e: RunnerEvent, targets: readonly string[], branch: string): string {
  const t = targets.map((x) => part(x, 40)).join('+');
  return `cgo-abi-guard-baseline-${BASELINE_KEY_VERSION}-${part(e.workflow)}-${part(e.job)}-${t}-${part(branch, 120)}-`;
}

const PULL_EVENTS = new Set(['pull_request', 'pull_request_target', 'merge_group']);

export function baselinePlan(
  input: BaselineInput,
  e: RunnerEvent,
  targets: readonly string[],
): BaselinePlan {
  if (input.mode === 'file') return { kind: 'file', path: input.path };
  const branch = e.ref.startsWith('refs/heads/') ? e.ref.slice('refs/heads/'.length) : null;
  const key = (b: string): string =>
    `${baselinePrefix(e, targets, b)}${part(e.sha, 40)}-${part(e.runId, 20)}-${part(e.runAttempt, 6)}`;
  if (input.mode === 'save') {
    if (branch === null)
      return { kind: 'none', why: `baseline: save needs a branch, and GITHUB_REF is "${e.ref}"` };
    return { kind: 'save', key: key(branch), prefix: baselinePrefix(e, targets, branch) };
  }
  if (PULL_EVENTS.has(e.name)) {
    if (e.baseRef === '')
      return {
        kind: 'none',
        why: `a ${e.name} event without GITHUB_BASE_REF: no base branch to compare with`,
      };
    return { kind: 'restore', prefix: baselinePrefix(e, targets, e.baseRef), branch: e.baseRef };
  }
  if (e.name === 'push' && branch !== null) {
    if (e.defaultBranch === null)
      return {
        kind: 'none',
        why: 'the event payload does not name the default branch: no baseline saved (set baseline: save)',
      };
    if (branch === e.defaultBranch)
      return { kind: 'save', key: key(branch), prefix: baselinePrefix(e, targets, branch) };
    return { kind: 'none', why: `a push to ${branch}, not the default branch ${e.defaultBranch}` };
  }
  return {
    kind: 'none',
    why: `a ${e.name === '' ? 'run outside GitHub Actions' : `${e.name} event`}`,
  };
}

/** The `baseline` input: empty → auto, `save`, or the path of a report. */
export function readBaselineInput(text: string | undefined): BaselineInput {
  const t = (text ?? '').trim();
  if (t === '' || t === 'auto') return { mode: 'auto' };
  if (t === 'save') return { mode: 'save' };
  return { mode: 'file', path: t };
}
