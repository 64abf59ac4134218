/**
 * One view of a matrix: the reports of its legs (separate jobs, each its own report, downloaded
 * as artifacts) merged into one table of targets × binaries × verdict × highest needs × drift,
 * and one verdict, the worst. A leg's report is input from outside: every field read is checked
 * and every string made one line (baseline.ts's rules); a report that is not one is named, and
 * counts as an error (a leg that cannot be read vouches for nothing).
 */
import { oneLine } from '../drift/baseline.js';
import { changeLine } from '../drift/drift.js';
import type { Verdict } from './report.js';

export interface MergedBinary {
  target: string;
  path: string;
  verdict: Verdict;
  /** `GLIBC 2.31`, `GLIBCXX 3.4.28`: the highest version needed per prefix. */
  needs: string[];
  /** The leg's drift lines about this binary (raised needs). */
  drift: string[];
}

export interface MergedLeg {
  /** The report file. */
  source: string;
  verdict: Verdict;
  /** Why it could not be read (verdict `error`). */
  problem: string | null;
}

export interface MergedReport {
  verdict: Verdict;
  legs: MergedLeg[];
  binaries: MergedBinary[];
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const VERDICTS: readonly Verdict[] = ['pass', 'fail', 'error'];
const verdictOf = (v: unknown): Verdict | null =>
  typeof v === 'string' && (VERDICTS as readonly string[]).includes(v) ? (v as Verdict) : null;
const text = (v: unknown): string => (typeof v === 'string' ? oneLine(v) : '?');

/** One leg's report → its binaries, or why it is not a report this version reads. */
export function readLeg(
  source: string,
  json: string,
): { leg: MergedLeg; binaries: MergedBinary[] } {
  const bad = (problem: string): { leg: MergedLeg; binaries: MergedBinary[] } => ({
    leg: { source: oneLine(source), verdict: 'error', problem },
    binaries: [],
  });
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return bad('not JSON (truncated, or not a report)');
  }
  if (!isObject(doc)) return bad('not a cgo-abi-guard report');
  if (doc.schemaVersion !== 1 && doc.schemaVersion !== 2 && doc.schemaVersion !== 3)
    return bad(
      `schemaVersion ${doc.schemaVersion === undefined ? 'missing' : oneLine(JSON.stringify(doc.schemaVersion), 40)}: this version reads 1 to 3`,
    );
  const verdict = verdictOf(doc.verdict);
  if (verdict === null || !Array.isArray(doc.targets)) return bad('no verdict or no targets');
  const drift = isObject(doc.drift) && Array.isArray(doc.drift.changes) ? doc.drift.changes : [];
  const binaries: MergedBinary[] = [];
  for (const t of doc.targets) {
    if (!isObject(t) || !Array.isArray(t.binaries)) return bad('a target without binaries');
    const target = t.target === null ? 'no target' : text(t.target);
    for (const b of t.binaries) {
      if (!isObject(b)) return bad('a binary that is not an object');
      const path = text(b.path);
      binaries.push({
        target,
        path,
        verdict: verdictOf(b.verdict) ?? 'error',
        needs: needsOf(b),
        drift: drift.flatMap((c: unknown) => driftLine(c, target, path)),
      });
    }
  }
  return { leg: { source: oneLine(source), verdict, problem: null }, binaries };
}

function needsOf(b: Json): string[] {
  const versions =
    isObject(b.surface) && isObject(b.surface.versions)
      ? Object.entries(b.surface.versions).map(([k, v]) => [k, isObject(v) ? v.version : undefined])
      : isObject(b.facts) && isObject(b.facts.versions)
        ? Object.entries(b.facts.versions)
        : [];
  return versions
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, v]) => `${oneLine(k, 40)} ${oneLine(v, 20)}`)
    .sort();
}

function driftLine(c: unknown, target: string, path: string): string[] {
  if (
    !isObject(c) ||
    c.direction !== 'raised' ||
    text(c.target) !== target ||
    text(c.binary) !== path
  )
    return [];
  const kinds = [
    'version',
    'needed',
    'interpreter',
    'linkage',
    'isa',
    'kernel',
    'depends',
    'module',
  ] as const;
  const kind = kinds.find((k) => k === c.kind);
  if (kind === undefined) return [];
  const line = changeLine({
    target,
    binary: path,
    kind,
    direction: 'raised',
    subject: text(c.subject ?? ''),
    base: typeof c.base === 'string' ? oneLine(c.base) : null,
    head: typeof c.head === 'string' ? oneLine(c.head) : null,
    symbols: Array.isArray(c.symbols) ? c.symbols.map(text) : [],
    callers: [],
  });
  return [line];
}

const WORST: readonly Verdict[] = ['error', 'fail'];

export function mergeLegs(
  legs: readonly { leg: MergedLeg; binaries: MergedBinary[] }[],
): MergedReport {
  const all = legs.map((l) => l.leg);
  return {
    verdict: WORST.find((v) => all.some((l) => l.verdict === v)) ?? 'pass',
    legs: all,
    binaries: legs.flatMap((l) => l.binaries),
  };
}

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');
const ICON: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error' };

export function mergedMarkdown(m: MergedReport): string {
  const out = [
    `## cgo-abi-guard: ${m.verdict === 'pass' ? 'pass' : 'fail'} (${m.legs.length} reports)`,
    '',
  ];
  for (const l of m.legs.filter((x) => x.problem !== null))
    out.push(`- \`${cell(l.source)}\` could not be read: ${cell(l.problem ?? '')}`);
  out.push('', '| target | binary | verdict | highest needs | drift |', '|---|---|---|---|---|');
  for (const b of m.binaries)
    out.push(
      `| ${cell(b.target)} | \`${cell(b.path)}\` | ${ICON[b.verdict]} | ${cell(b.needs.join(', '))} | ${cell(b.drift.join('; '))} |`,
    );
  return `${out.join('\n')}\n`;
}

export function mergedText(m: MergedReport): string {
  const lines = [`cgo-abi-guard: ${m.verdict} (${m.legs.length} reports)`];
  for (const l of m.legs.filter((x) => x.problem !== null))
    lines.push(`  ${l.source}: could not be read: ${l.problem ?? ''}`);
  for (const b of m.binaries) {
    lines.push(`  ${b.verdict.padEnd(5)} ${b.target} ${b.path}  ${b.needs.join(', ')}`);
    for (const d of b.drift) lines.push(`        drift: ${d}`);
  }
  return `${lines.join('\n')}\n`;
}
