/**
 * The step's annotations, ranked and budgeted: build failures (with why the link failed) first,
 * then one per binary × rule (each binary's most important rule before anyone's second), smoke
 * failures, and within what GitHub still shows of this step.
 */
import {
  findingAnnotations,
  heldMessage,
  RANK,
  STEP_LIMIT,
  type Budget,
  type Level,
  type Ranked,
} from '../domain/report/annotations.js';
import type { RunReport } from '../domain/report/run-report.js';
import { smokeFailed, smokeMessage } from '../domain/toolchain/smoke.js';
import { staticLinkMessage } from '../domain/go/build-hints.js';
import { annotationsWritten } from './annotation-tally.js';

const LINK_LINES = 3;

/** The step's annotations, from its report. */
export function stepAnnotations(report: RunReport): Ranked[] {
  const out: Ranked[] = [];
  const nameOf = (target: string | null): string => target ?? 'no target';
  for (const t of report.targets) {
    if (t.problem !== null) {
      const link = t.build?.link?.lines ?? [];
      const more =
        link.length > LINK_LINES
          ? [`and ${link.length - LINK_LINES} more: see the job summary`]
          : [];
      out.push({
        level: 'error',
        rank: RANK.problem,
        // Even when the build's own errors (the problem matchers) took the step's error room.
        mustShow: true,
        title: `cgo-abi-guard: ${link.length > 0 ? 'the link failed' : 'the build failed'} (${nameOf(t.target)})`,
        message: [t.problem, ...link.slice(0, LINK_LINES), ...more].join('\n'),
      });
    }
    for (const h of t.build?.heldOpenBy ?? [])
      out.push({
        level: 'warning',
        rank: RANK.problem,
        title: `cgo-abi-guard: the build's output (${nameOf(t.target)})`,
        message: heldMessage(h),
      });
  }
  out.push(
    ...findingAnnotations(
      report.targets.flatMap((t) =>
        t.binaries.map((result) => ({ target: nameOf(t.target), result })),
      ),
    ),
  );
  for (const t of report.targets) {
    const flagged = new Set(t.binaries.filter((b) => b.findings.length > 0).map((b) => b.path));
    const title = `cgo-abi-guard smoke (${nameOf(t.target)})`;
    if (t.smoke.status === 'error')
      out.push({
        level: 'error',
        rank: RANK.first,
        title,
        message: `not run: ${t.smoke.reason ?? ''}`,
      });
    for (const r of t.smoke.results)
      if (!r.passed)
        out.push({
          level: smokeFailed(r) ? 'error' : 'warning',
          // A run that fails where verify already found why adds little; one that fails alone, much.
          rank: flagged.has(r.path) ? RANK.further : RANK.first,
          title,
          message: smokeMessage(r),
        });
    const nss = t.build?.staticNssLinked ?? [];
    if (nss.length > 0)
      out.push({
        level: 'warning',
        rank: RANK.first,
        title: `cgo-abi-guard static-nss (${nameOf(t.target)})`,
        message: staticLinkMessage(nss),
      });
  }
  return out;
}

/**
 * What is left of the step's annotations: GitHub's limit per step, less what the step already
 * wrote, less what the problem matchers made of the build's log, less the error the failed
 * step itself writes (which only why the build failed may take: it says more).
 */
export function stepBudget(
  /** Per target, what the problem matchers made of its build's log. */
  matched: readonly Readonly<Record<Level, number>>[],
  willFail: boolean,
): Budget {
  const written = annotationsWritten();
  const left = (level: Level): number =>
    STEP_LIMIT[level] - written[level] - matched.reduce((n, m) => n + m[level], 0);
  return {
    error: left('error') - (willFail ? 1 : 0),
    warning: left('warning'),
    notice: left('notice'),
    spare: willFail ? 1 : 0,
  };
}
