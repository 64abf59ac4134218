/** The job summary: runner facts, then per target its toolchain and its binaries. */
import { renderMarkdown, type VerifyReport } from './report.js';
import type { RunnerFacts } from '../runner/runner.js';
import { smokeTable, type SmokeResult } from '../toolchain/smoke.js';

export interface TargetSection {
  target: string;
  toolchain: { release: string; mode: string; cacheHit: boolean; dir: string } | null;
  buildExit: number | null;
  report: VerifyReport;
  /** The smoke run's results (none when it was not asked for). */
  smoke?: readonly SmokeResult[];
}

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
): string {
  const out = [`## cgo-abi-guard: ${verdict}`, '', runnerTable(runner), ''];
  for (const s of sections) {
    const tc =
      s.toolchain === null
        ? 'no toolchain installed'
        : `toolchain ${s.toolchain.release} (${s.toolchain.mode}${s.toolchain.cacheHit ? ', from cache' : ''})`;
    const build = s.buildExit === null ? '' : `, build exited ${s.buildExit}`;
    out.push(`*${s.target}: ${tc}${build}*`, '', renderMarkdown(s.report, s.target));
    if (s.smoke !== undefined && s.smoke.length > 0) out.push('', smokeTable(s.smoke), '');
  }
  return out.join('\n');
}
