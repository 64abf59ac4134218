/**
 * Findings → the annotations a step writes. GitHub shows at most 10 error and 10 warning
 * annotations per step (50 per job) and drops the rest silently, so they are budgeted: one per
 * binary × rule, the most important first, and one "N more: see the job summary" within the budget.
 */
import { RULES, type Finding } from '../rules/types.js';
import { explainLines } from './explain-text.js';
import type { BinaryReport } from './run-report.js';

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
  /**
   * Shown whatever else took its level's room (why a build or link failed): at its level if
   * there is room, in the room kept for the step's own failure line, else at a lower level.
   */
  mustShow?: boolean;
}

/** What is left of a step's annotations; `spare` errors are kept for must-show ones alone. */
export type Budget = Readonly<Record<Level, number>> & { readonly spare?: number };

const LEVELS: readonly Level[] = ['error', 'warning', 'notice'];

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
  result: Pick<BinaryReport, 'path' | 'error' | 'findings'>;
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
 * The annotations to write: the must-show ones first, each where there is room (its level, then
 * a lower one, saying so); then per level the most important ones within what is left, the last
 * place taken by "N more: see the job summary" when they do not all fit.
 */
export function withinBudget(candidates: readonly Ranked[], budget: Budget): Annotation[] {
  const used: Record<Level, number> = { error: 0, warning: 0, notice: 0 };
  const total = (level: Level): number =>
    budget[level] + (level === 'error' ? Math.max(0, budget.spare ?? 0) : 0);
  const out: Annotation[] = [];
  for (const a of byRank(candidates.filter((c) => c.mustShow === true))) {
    const level = LEVELS.slice(LEVELS.indexOf(a.level)).find((l) => total(l) - used[l] > 0);
    if (level === undefined) continue;
    used[level]++;
    out.push(
      level === a.level
        ? strip(a)
        : {
            ...strip(a),
            level,
            message: `${a.message}\n(a${a.level === 'error' ? 'n' : ''} ${a.level} shown as a ${level}: the build's own log lines took this step's ${a.level} annotations)`,
          },
    );
  }
  const rest = candidates.filter((c) => c.mustShow !== true);
  for (const level of LEVELS) {
    const all = byRank(rest.filter((a) => a.level === level));
    const room = Math.max(0, budget[level] - used[level]);
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

/** Most important first; equals in the order they came. */
function byRank(list: readonly Ranked[]): Ranked[] {
  return list
    .map((a, i) => ({ a, i }))
    .sort((x, y) => x.a.rank - y.a.rank || x.i - y.i)
    .map(({ a }) => a);
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
