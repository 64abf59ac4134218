/**
 * Drift as people read it: the summary section "ABI changes against <base>" (a table per target,
 * lowered needs as good news), the text and Markdown of the CLI's `diff`, and the annotations —
 * on the Go line or go.mod `require` line that caused a change when one is known, else the step.
 */
import type { Level, Ranked } from '../report/annotations.js';
import {
  changeLine,
  raised,
  type DriftCaller,
  type DriftChange,
  type DriftMode,
  type DriftReport,
} from './drift.js';

/** After every finding of verify (RANK.further is 3): drift is told once the violations are. */
export const DRIFT_RANK = 4;

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/</g, '&lt;');

export function baseName(d: Pick<DriftReport, 'base'>): string {
  const b = d.base;
  const sha = b.sha === null ? '' : b.sha.slice(0, 12);
  const ref = b.ref === null ? '' : b.ref.replace(/^refs\/heads\//, '');
  const at = [ref, sha].filter((x) => x !== '').join(' @ ');
  return at !== '' ? at : b.source === 'file' ? b.where : 'the baseline';
}

export function callerText(c: DriftCaller): string {
  const where = c.file === undefined ? '' : `${c.file}${c.line === undefined ? '' : `:${c.line}`}`;
  const fn = c.function === undefined ? '' : ` in ${c.function}`;
  return where === '' ? c.from : `${where}${fn} (${c.from})`;
}

const ICON: Record<DriftChange['direction'], string> = {
  raised: '⚠️ raised',
  lowered: '✅ lowered',
  changed: 'ℹ️ changed',
};

export function driftMarkdown(d: DriftReport, mode: DriftMode): string {
  const up = raised(d).length;
  const out = [`### ABI changes against ${cell(baseName(d))}`, ''];
  const counted = d.changes.filter((c) => c.kind !== 'module');
  if (counted.length === 0) out.push('No binary needs more or less than in the base.', '');
  else
    out.push(
      `${up} need${up === 1 ? '' : 's'} raised${up > 0 ? (mode === 'fail' ? ' (drift: fail)' : ' (drift: warn)') : ''}, ${counted.length - up} lowered.`,
      '',
    );
  const targets = [...new Set(d.changes.map((c) => c.target))];
  for (const t of targets) {
    const rows = d.changes.filter((c) => c.target === t);
    out.push(`*${cell(t)}*`, '', '| binary | change | | caused by |', '|---|---|---|---|');
    for (const c of rows)
      out.push(
        `| \`${cell(c.binary)}\` | ${cell(changeLine(c))} | ${ICON[c.direction]} | ${cell(c.callers.map(callerText).join('; '))} |`,
      );
    out.push('');
  }
  if (d.added.length > 0)
    out.push(
      `New binaries (no base to compare): ${d.added.map((a) => `\`${cell(a)}\``).join(', ')}`,
      '',
    );
  if (d.removed.length > 0)
    out.push(`Gone since the base: ${d.removed.map((a) => `\`${cell(a)}\``).join(', ')}`, '');
  return out.join('\n');
}

export function driftText(d: DriftReport): string {
  const lines = [`ABI changes against ${baseName(d)}:`];
  if (d.changes.length === 0) lines.push('  none');
  for (const c of d.changes) {
    lines.push(`  ${c.direction.padEnd(7)} ${c.binary}: ${changeLine(c)}`);
    for (const x of c.callers) lines.push(`          caused by ${callerText(x)}`);
  }
  for (const a of d.added) lines.push(`  new     ${a} (no base to compare)`);
  for (const r of d.removed) lines.push(`  gone    ${r}`);
  return `${lines.join('\n')}\n`;
}

/** One annotation per raised change and line that caused it; one on the step where none is known. */
export function driftAnnotations(d: DriftReport, mode: DriftMode): Ranked[] {
  if (mode === 'off') return [];
  const level: Level = mode === 'fail' ? 'error' : 'warning';
  const out: Ranked[] = [];
  const seen = new Set<string>();
  for (const c of raised(d)) {
    const title = `cgo-abi-guard drift (${c.target})`;
    const base = `${c.binary}: ${changeLine(c)} against ${baseName(d)}`;
    const placed = c.callers.filter((x) => x.file !== undefined && x.line !== undefined);
    for (const x of placed) {
      const key = `${x.file ?? ''}:${x.line ?? 0}:${changeLine(c)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        level,
        rank: DRIFT_RANK,
        title,
        message: `${base}\nCaused by ${callerText(x)}`,
        ...(x.file === undefined ? {} : { file: x.file }),
        ...(x.line === undefined ? {} : { line: x.line }),
      });
    }
    if (placed.length === 0) {
      const why = c.callers.map((x) => `Caused by ${callerText(x)}`);
      out.push({ level, rank: DRIFT_RANK, title, message: [base, ...why].join('\n') });
    }
  }
  return out;
}
