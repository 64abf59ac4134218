/**
 * The baseline's effects: the runner's event (environment and payload), restoring the base
 * branch's report from the Actions cache or reading a report file, and — in the post step —
 * saving this run's report. Nothing here fails the step: a baseline that cannot be had is one
 * notice, and the run is judged as it would be without one.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { restoreCache, saveCache } from '../adapters/cache.js';
import { parseBaseline, oneLine, type Baseline } from '../domain/drift/baseline.js';
import type { BaselinePlan, RunnerEvent } from '../domain/drift/baseline-plan.js';
import type { BaselineRef } from '../domain/drift/drift.js';

/** What the main step hands the post step: a report to save under a key. */
export const BASELINE_STATE = 'cgo-abi-guard-baseline';

export interface PendingBaseline {
  key: string;
  path: string;
}

export function runnerEvent(env: NodeJS.ProcessEnv): RunnerEvent {
  return {
    name: env.GITHUB_EVENT_NAME ?? '',
    ref: env.GITHUB_REF ?? '',
    baseRef: env.GITHUB_BASE_REF ?? '',
    sha: env.GITHUB_SHA ?? '',
    workflow: env.GITHUB_WORKFLOW ?? '',
    job: env.GITHUB_JOB ?? '',
    runId: env.GITHUB_RUN_ID ?? '',
    runAttempt: env.GITHUB_RUN_ATTEMPT ?? '1',
    defaultBranch: defaultBranch(env.GITHUB_EVENT_PATH),
  };
}

function defaultBranch(path: string | undefined): string | null {
  if (path === undefined || path === '') return null;
  try {
    const payload: unknown = JSON.parse(readFileSync(path, 'utf8'));
    const repo = (payload as { repository?: { default_branch?: unknown } } | null)?.repository;
    return typeof repo?.default_branch === 'string' ? repo.default_branch : null;
  } catch {
    return null;
  }
}

/**
 * Where the baseline report lives on the runner: the same path for the run that saves and the
 * one that restores (the cache's entries are bound to their paths), one per key prefix.
 */
export function baselineFile(prefix: string, env: NodeJS.ProcessEnv): string {
  const dir = join(
    env.RUNNER_TEMP ?? tmpdir(),
    'cgo-abi-guard-baseline',
    prefix.replace(/[^A-Za-z0-9._-]/g, '_'),
  );
  return join(dir, 'report.json');
}

export type Loaded =
  { baseline: Baseline; ref: BaselineRef; warning: string | null } | { notice: string };

export async function loadBaseline(
  plan: Extract<BaselinePlan, { kind: 'restore' | 'file' }>,
  workdir: string,
  log: (line: string) => void,
): Promise<Loaded> {
  let text: string;
  let ref: BaselineRef;
  if (plan.kind === 'file') {
    const path = resolve(workdir, plan.path);
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
      return { notice: `no baseline: the report ${oneLine(plan.path)} cannot be read (${code})` };
    }
    ref = { source: 'file', where: oneLine(plan.path), sha: null, ref: null };
  } else {
    const path = baselineFile(plan.prefix, process.env);
    const restored = await restoreCache([path], plan.prefix, log, {
      restoreKeys: [plan.prefix],
      what: 'baseline',
    });
    if (restored.warning !== null) return { notice: `no baseline: ${restored.warning}` };
    if (!restored.hit)
      return {
        notice: `no baseline: no report of ${plan.branch} in the Actions cache yet (one is saved by a push to it)`,
      };
    text = await readFile(path, 'utf8').catch(() => '');
    ref = {
      source: 'cache',
      where: restored.matched ?? plan.prefix,
      sha: null,
      ref: `refs/heads/${plan.branch}`,
    };
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed)
    return { notice: `no baseline: ${ref.where} is not used: ${parsed.problem}` };
  const b = parsed.baseline;
  const warning =
    b.sanitized === 0
      ? null
      : `the baseline ${ref.where} has ${b.sanitized} string${b.sanitized === 1 ? '' : 's'} with line breaks or control characters (no report this tool writes has them): each was made one line before use`;
  return { baseline: b, ref: { ...ref, sha: b.sha ?? ref.sha, ref: b.ref ?? ref.ref }, warning };
}

/** The main step's half of a save: this run's report where the post step will save it from. */
export async function stageBaseline(
  plan: Extract<BaselinePlan, { kind: 'save' }>,
  reportPath: string,
): Promise<PendingBaseline> {
  const path = baselineFile(plan.prefix, process.env);
  await mkdir(join(path, '..'), { recursive: true });
  await copyFile(reportPath, path);
  return { key: plan.key, path };
}

/** The post step's half. */
export async function saveBaseline(
  pending: PendingBaseline,
  log: (line: string) => void,
): Promise<string | null> {
  const saved = await saveCache([pending.path], pending.key, log, { what: 'baseline' });
  return saved.warning;
}
