/**
 * Findings → the annotations a step writes. GitHub shows at most 10 error and 10 warning
 * annotations per step (50 per job) and drops the rest silently, so they are budgeted: one per
 * binary × rule, the most important first, and one "N more: see the job summary" within the budget.
 */
import { RULES, type Finding } from '../rules/types.js';
import { explainLines } from './explain-text.js';
import type { BinaryResult } from './report.js';

export type Level = 'error' | 'warning' | 'notice';

export interface Annotation {
  level: Level;
  title: string;
  message: string;
  file?: string;
  line?: number;
}

/** An annotation and how important it is (lower first). */
export interface Ranked extends Annotation {
  rank: number;
}

/** What GitHub shows of one step, per level. */
export const STEP_LIMIT: Readonly<Record<Level, number>> = { error: 10, warning: 10, notice: 10 };

export const RANK = {
  /** A target without a verdict: its build failed, it built nothing. */
  problem: 0,
  /** A binary that cannot be judged. */
  unjudged: 1,
  /** A binary's most important finding (one per binary first). */
  first: 2,
  /** The binary's other rules. */
  further: 3,
} as const;

export interface JudgedBinary {
  /** The target of the run that produced it (`linux/arm64`). */
  target: string;
  result: BinaryResult;
}

const EXPLAIN_GROUPS = 3;

export function findingAnnotations(judged: readonly JudgedBinary[]): Ranked[] {
  const out: Ranked[] = [];
  for (const { target, result } of judged) {
    if (result.error !== null) {
      out.push({
        level: 'error',
        rank: RANK.unjudged,
        title: `cgo-abi-guard: cannot judge ${result.path}`,
        message: `${result.path}: ${result.error}`,
      });
    }
    const byRule = new Map<string, Finding[]>();
    for (const f of result.findings) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    const rules = [...byRule.keys()].sort(
      (a, b) => RULES.indexOf(a as Finding['rule']) - RULES.indexOf(b as Finding['rule']),
    );
    const firstOf = { error: true, warning: true };
    for (const rule of rules) {
      const findings = byRule.get(rule) ?? [];
      const level = findings.some((f) => f.severity === 'error') ? 'error' : 'warning';
      const [head, ...rest] = [...findings].sort((a, b) =>
        a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
      );
      if (head === undefined) continue;
      const more =
        rest.length === 0
          ? ''
          : ` (and ${rest.length} more ${rule} finding${rest.length === 1 ? '' : 's'})`;
      const why = explainLines(findings.flatMap((f) => f.explain ?? []));
      const shown = why.slice(0, EXPLAIN_GROUPS).map((w) => `From ${w}`);
      if (why.length > EXPLAIN_GROUPS)
        shown.push(`(${why.length - EXPLAIN_GROUPS} more sources in the job summary)`);
      const note = head.explainNote === undefined ? [] : [head.explainNote];
      out.push({
        level,
        rank: firstOf[level] ? RANK.first : RANK.further,
        title: `cgo-abi-guard ${rule} (${target})`,
        message: [
          `${result.path}: ${head.message}${more}`,
          ...shown,
          ...note,
          `Fix: ${head.fix}`,
        ].join('\n'),
      });
      firstOf[level] = false;
    }
  }
  return out;
}

/**
 * The annotations to write: per level, the most important ones within the budget, the last
 * place taken by "N more: see the job summary" when they do not all fit.
 */
export function withinBudget(
  candidates: readonly Ranked[],
  budget: Readonly<Record<Level, number>>,
): Annotation[] {
  const out: Annotation[] = [];
  for (const level of ['error', 'warning', 'notice'] as const) {
    const all = candidates
      .map((a, i) => ({ a, i }))
      .filter(({ a }) => a.level === level)
      .sort((x, y) => x.a.rank - y.a.rank || x.i - y.i)
      .map(({ a }) => a);
    const room = Math.max(0, budget[level]);
    if (all.length <= room) {
      out.push(...all.map(strip));
      continue;
    }
    if (room === 0) continue;
    const shown = all.slice(0, room - 1);
    out.push(...shown.map(strip));
    const left = all.length - shown.length;
    out.push({
      level,
      title: `cgo-abi-guard: ${left} more`,
      message: `${left} more ${level === 'error' ? 'errors' : level === 'warning' ? 'warnings' : 'notices'} than a step can show: see the job summary (every binary) and the JSON report (everything)`,
    });
  }
  return out;
}

function strip(a: Ranked): Annotation {
  const { level, title, message, file, line } = a;
  return {
    level,
    title,
    message,
    ...(file === undefined ? {} : { file }),
    ...(line === undefined ? {} : { line }),
  };
}

/** A process the build left behind, holding its output open. */
export function heldMessage(h: { pid: number; command: string }): string {
  return `the build command exited, but process ${h.pid} (${h.command}), which it started, still holds its output open: the step did not wait for it, and it keeps running`;
}

/** `file:line: message` (a policy file error) → an annotation on that line. */
export function fileLineAnnotation(text: string, title: string): Annotation {
  const m = /^(.+?):(\d+): (.*)$/.exec(text);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined)
    return { level: 'error', title, message: text };
  return { level: 'error', title, message: m[3], file: m[1], line: Number(m[2]) };
}
