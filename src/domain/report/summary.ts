/** The job summary: runner facts, then per target its toolchain and its binaries. */
import { overallVerdict, renderMarkdown, type Verdict, type VerifyReport } from './report.js';
import type { RunnerFacts } from '../runner/runner.js';
import { smokeFailed, smokeTable, type SmokeResult } from '../toolchain/smoke.js';

export interface TargetSection {
  target: string;
  toolchain: { release: string; mode: string; cacheHit: boolean; dir: string } | null;
  buildExit: number | null;
  report: VerifyReport;
  /** Why this target has no verdict of its own (its build failed, built nothing); null: it has. */
  problem: string | null;
  /** Why the link failed, one line per cause. */
  link?: readonly string[];
  /** Processes the build left holding its output open. */
  heldOpenBy?: readonly string[];
  /** The smoke run's results: undefined when not asked for, null when nothing was run. */
  smoke?: readonly SmokeResult[] | null;
  /** Why nothing was run though something was built (the run could not be set up). */
  smokeNotRun?: string;
  /** `fail-on: warning`: a warning fails the target as it fails the step. */
  failOnWarning?: boolean;
}

/**
 * A target's heading: what its section shows — no verdict of its own (error), else its binaries'
 * verdict, and a failed smoke run fails it — never a verdict reached over other targets' binaries.
 */
export function sectionVerdict(s: TargetSection): Verdict {
  if (s.problem !== null) return 'error';
  const binaries = overallVerdict(s.report.binaries);
  if (binaries !== 'pass') return binaries;
  if (s.smokeNotRun !== undefined || (s.smoke ?? []).some(smokeFailed)) return 'fail';
  return s.failOnWarning === true && hasWarnings(s.report.binaries) ? 'fail' : 'pass';
}

/** Whether any binary has a warning finding (what `fail-on: warning` fails on). */
export function hasWarnings(binaries: VerifyReport['binaries']): boolean {
  return binaries.some((b) => b.findings.some((f) => f.severity === 'warning'));
}

/** GitHub refuses a step summary above 1 MiB. */
export const SUMMARY_LIMIT = 1024 * 1024;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

export function runnerTable(r: RunnerFacts): string {
  const go =
    'missing' in r.go
      ? `missing: ${r.go.missing}`
      : `${r.go.goversion} (${r.go.goos}/${r.go.goarch})`;
  const rows: [string, string][] = [
    ['kernel', r.kernel],
    ['C library', `${r.libc.family} ${r.libc.version ?? ''}`.trim()],
    ['distribution', r.distro.prettyName ?? r.distro.id],
    ['architecture', r.hostArch.machine],
    ['Go', go],
  ];
  return ['| runner | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${cell(v)} |`)].join('\n');
}

export function renderSummary(
  runner: RunnerFacts,
  sections: readonly TargetSection[],
  verdict: string,
  limit = SUMMARY_LIMIT,
): string {
  const full = render(runner, sections, verdict, true);
  if (bytes(full) <= limit) return full;
  // Too large with every explanation: every binary still gets its row and its findings.
  const brief = render(runner, sections, verdict, false);
  if (bytes(brief) <= limit) return brief;
  const note =
    '\n\n*The summary is cut here to fit the job summary: the JSON report (`report` output) has everything.*\n';
  const lines = brief.split('\n');
  let size = bytes(note);
  const kept: string[] = [];
  for (const line of lines) {
    size += bytes(line) + 1;
    if (size > limit) break;
    kept.push(line);
  }
  return `${kept.join('\n')}${note}`;
}

const encoder = new TextEncoder();
const bytes = (text: string): number => encoder.encode(text).length;

function render(
  runner: RunnerFacts,
  sections: readonly TargetSection[],
  verdict: string,
  details: boolean,
): string {
  const out = [`## cgo-abi-guard: ${verdict}`, '', runnerTable(runner), ''];
  for (const s of sections) {
    const tc =
      s.toolchain === null
        ? 'no toolchain installed'
        : `toolchain ${s.toolchain.release} (${s.toolchain.mode}${s.toolchain.cacheHit ? ', from cache' : ''})`;
    const build = s.buildExit === null ? '' : `, build exited ${s.buildExit}`;
    out.push(`*${s.target}: ${tc}${build}*`, '');
    if (s.problem !== null) out.push(`- ${cell(s.problem)}`, '');
    if ((s.link ?? []).length > 0)
      out.push('**The link failed:**', '', ...(s.link ?? []).map((l) => `- ${cell(l)}`), '');
    for (const h of s.heldOpenBy ?? []) out.push(`- ${cell(h)}`);
    out.push(renderMarkdown({ ...s.report, verdict: sectionVerdict(s) }, s.target, { details }));
    if (s.smokeNotRun !== undefined)
      out.push('', `*smoke run: not run: ${cell(s.smokeNotRun)}*`, '');
    else if (s.smoke === null) out.push('', '*smoke run: not run (nothing was built to run)*', '');
    else if (s.smoke !== undefined && s.smoke.length === 0)
      out.push('', '*smoke run: no executables to run*', '');
    else if (s.smoke !== undefined) out.push('', smokeTable(s.smoke), '');
  }
  return out.join('\n');
}
