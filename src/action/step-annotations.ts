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
import type { SmokeResult } from '../domain/toolchain/smoke.js';
import { smokeFailed, smokeMessage } from '../domain/toolchain/smoke.js';
import { staticLinkMessage } from '../domain/go/build-hints.js';
import { annotationsWritten } from './annotation-tally.js';
import type { TargetOutcome } from './build-verify.js';

const LINK_LINES = 3;

export function stepAnnotations(
  outcomes: readonly TargetOutcome[],
  smokeOf: (target: string) => readonly SmokeResult[] | null,
  smokeNotRunOf: (target: string) => string | null = () => null,
): Ranked[] {
  const out: Ranked[] = [];
  for (const o of outcomes) {
    if (o.problem !== null) {
      const link = o.link?.lines ?? [];
      const more =
        link.length > LINK_LINES
          ? [`and ${link.length - LINK_LINES} more: see the job summary`]
          : [];
      out.push({
        level: 'error',
        rank: RANK.problem,
        // Even when the build's own errors (the problem matchers) took the step's error room.
        mustShow: true,
        title: `cgo-abi-guard: ${link.length > 0 ? 'the link failed' : 'the build failed'} (${o.target})`,
        message: [o.problem, ...link.slice(0, LINK_LINES), ...more].join('\n'),
      });
    }
    for (const h of o.heldOpenBy)
      out.push({
        level: 'warning',
        rank: RANK.problem,
        title: `cgo-abi-guard: the build's output (${o.target})`,
        message: heldMessage(h),
      });
  }
  out.push(
    ...findingAnnotations(
      outcomes.flatMap((o) => o.report.binaries.map((result) => ({ target: o.target, result }))),
    ),
  );
  for (const o of outcomes) {
    const flagged = new Set(
      o.report.binaries.filter((b) => b.findings.length > 0).map((b) => b.path),
    );
    const title = `cgo-abi-guard smoke (${o.target})`;
    const unrun = smokeNotRunOf(o.target);
    if (unrun !== null)
      out.push({ level: 'error', rank: RANK.first, title, message: `not run: ${unrun}` });
    for (const r of smokeOf(o.target) ?? [])
      if (!r.passed)
        out.push({
          level: smokeFailed(r) ? 'error' : 'warning',
          // A run that fails where verify already found why adds little; one that fails alone, much.
          rank: flagged.has(r.path) ? RANK.further : RANK.first,
          title,
          message: smokeMessage(r),
        });
    if (o.staticNssLinked.length > 0)
      out.push({
        level: 'warning',
        rank: RANK.first,
        title: `cgo-abi-guard static-nss (${o.target})`,
        message: staticLinkMessage(o.staticNssLinked),
      });
  }
  return out;
}

/**
 * What is left of the step's annotations: GitHub's limit per step, less what the step already
 * wrote, less what the problem matchers made of the build's log, less the error the failed
 * step itself writes (which only why the build failed may take: it says more).
 */
export function stepBudget(outcomes: readonly TargetOutcome[], willFail: boolean): Budget {
  const written = annotationsWritten();
  const left = (level: Level): number =>
    STEP_LIMIT[level] - written[level] - outcomes.reduce((n, o) => n + o.matched[level], 0);
  return {
    error: left('error') - (willFail ? 1 : 0),
    warning: left('warning'),
    notice: left('notice'),
    spare: willFail ? 1 : 0,
  };
}
