/** The job summary, from the RunReport: runner facts, then per target its toolchain and binaries. */
import { driftMarkdown } from '../drift/render.js';
import { heldMessage } from './annotations.js';
import { passOrFail } from './build-report.js';
import { binariesMarkdown } from './render.js';
import type { RunReport, TargetReport } from './run-report.js';
import type { RunnerFacts } from '../runner/runner.js';
import { smokeTable } from '../toolchain/smoke.js';

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

export function renderSummary(report: RunReport, limit = SUMMARY_LIMIT): string {
  const full = render(report, true);
  if (bytes(full) <= limit) return full;
  // Too large with every explanation: every binary still gets its row and its findings.
  const brief = render(report, false);
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

function render(report: RunReport, details: boolean): string {
  const out = [`## cgo-abi-guard: ${passOrFail(report.verdict)}`, ''];
  if (report.runner !== null) out.push(runnerTable(report.runner), '');
  for (const t of report.targets) {
    // A musl target's floor is its toolchain's musl (per target: riscv64's is 1.2.5).
    const musl = report.policy.libc === 'musl' && t.toolchain !== null;
    const floor = musl ? `musl ${t.toolchain?.floor ?? ''}` : report.policy.glibcFloor;
    out.push(...section(t, floor, details));
  }
  if (report.drift !== null) out.push('', driftMarkdown(report.drift, report.policy.drift));
  return out.join('\n');
}

function section(t: TargetReport, floor: string | null, details: boolean): string[] {
  const name = t.target ?? 'no target';
  const tc =
    t.toolchain === null
      ? 'no toolchain installed'
      : `toolchain ${t.toolchain.release} (${t.toolchain.mode}${t.toolchain.cacheHit ? ', from cache' : ''})`;
  const build = t.build === null ? '' : `, build exited ${t.build.exit}`;
  const out = [`*${name}: ${tc}${build}*`, ''];
  if (t.problem !== null) out.push(`- ${cell(t.problem)}`, '');
  const link = t.build?.link?.lines ?? [];
  if (link.length > 0) out.push('**The link failed:**', '', ...link.map((l) => `- ${cell(l)}`), '');
  for (const h of t.build?.heldOpenBy ?? []) out.push(`- ${cell(heldMessage(h))}`);
  out.push(binariesMarkdown(t.binaries, { title: name, verdict: t.verdict, floor, details }));
  const smoke = t.smoke;
  if (smoke.status === 'not-run' || smoke.status === 'error')
    out.push('', `*smoke run: not run: ${cell(smoke.reason ?? 'no reason given')}*`, '');
  if (smoke.results.length > 0) out.push('', smokeTable(smoke.results), '');
  return out;
}
