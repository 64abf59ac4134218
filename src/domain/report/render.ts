/** The RunReport → text for people, JSON for tools, Markdown (a job summary's tables). */
import { hardeningSummary } from '../elf/hardening.js';
import { describeRuntime, type BinaryRuntime } from '../toolchain/runtime-needs.js';
import { explainLines } from './explain-text.js';
import type { Verdict } from './report.js';
import { allBinaries, type BinaryReport, type FactsReport, type RunReport } from './run-report.js';

/** The report as a file or stdout holds it. */
export function renderJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

const ORDER: Record<Verdict, number> = { error: 0, fail: 1, pass: 2 };

function sorted(results: readonly BinaryReport[]): BinaryReport[] {
  return [...results].sort(
    (a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.path.localeCompare(b.path),
  );
}

function summaryLine(results: readonly BinaryReport[]): string {
  const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  return `${n} binar${n === 1 ? 'y' : 'ies'}: ${count('pass')} passed, ${count('fail')} failed, ${count('error')} could not be judged`;
}

const STATIC_LIBC_MARKS = {
  glibc: "glibc's __libc_setup_tls",
  musl: "musl's __init_libc",
} as const;

export function factLine(facts: FactsReport): string {
  const parts = [`${facts.class} ${facts.machine}`, facts.type];
  if (facts.floatAbi !== null) parts.push(`${facts.floatAbi}-float ABI`);
  parts.push(facts.interpreter === null ? 'no interpreter' : `interpreter ${facts.interpreter}`);
  // How a static binary's C library is known: the start-up functions only it defines.
  if (facts.interpreter === null && facts.staticLibc !== null)
    parts.push(`static ${facts.staticLibc} (${STATIC_LIBC_MARKS[facts.staticLibc]} defined in it)`);
  if (facts.needed.length > 0) parts.push(`NEEDED ${facts.needed.join(' ')}`);
  const versions = Object.entries(facts.versions).map(([p, v]) => `${p} ${v}`);
  if (versions.length > 0) parts.push(`needs ${versions.join(', ')}`);
  if (facts.goBuild !== null) {
    const s = facts.goBuild.settings;
    parts.push(
      `${facts.goBuild.goVersion} CGO_ENABLED=${s.CGO_ENABLED ?? '?'} GOARCH=${s.GOARCH ?? '?'}`,
    );
  } else if (facts.goBuildError === null) {
    parts.push(
      facts.goBinary ? 'a Go binary without build info' : 'no Go build info (not a Go binary)',
    );
  }
  const [warning] = facts.warnings;
  if (warning !== undefined) {
    const more = facts.warnings.length - 1;
    parts.push(`readelf warns: ${warning}${more > 0 ? ` (and ${more} more)` : ''}`);
  }
  return parts.join(', ');
}

function runtimeLines(runtime: BinaryRuntime): string[] {
  // Only where target packages are involved: a libc6 line under every binary is noise.
  const libs = runtime.libraries.map(describeRuntime);
  if (libs.length === 0) return [];
  return [
    `  loads: ${libs.join(', ')} — the target must have them`,
    `  Depends: ${runtime.depends}`,
  ];
}

/** Every binary of the report, worst first, then one line counting them. */
export function renderText(report: RunReport): string {
  const binaries = allBinaries(report);
  const out: string[] = [];
  for (const r of sorted(binaries)) {
    const label = r.verdict.toUpperCase().padEnd(5);
    if (r.verdict === 'error') {
      out.push(`${label} ${r.path}: ${r.error ?? 'could not be judged'}`);
      continue;
    }
    const link = r.linkTarget === null ? '' : ` -> ${r.linkTarget}`;
    out.push(`${label} ${r.path}${link} (${r.target ?? 'unknown target'})`);
    const ordered = [...r.findings].sort((a, b) =>
      a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1,
    );
    for (const f of ordered) {
      out.push(`  ${f.severity.padEnd(7)} ${f.rule}: ${f.message}`);
      out.push(`          fix: ${f.fix}`);
      for (const line of explainLines(f.explain ?? [])) out.push(`          from ${line}`);
      if (f.explainNote !== undefined) out.push(`          note: ${f.explainNote}`);
    }
    if (r.facts !== null) out.push(`  facts: ${factLine(r.facts)}`);
    if (r.facts !== null) out.push(`  hardening: ${hardeningSummary(r.facts.hardening)}`);
    if (r.runtime !== null) out.push(...runtimeLines(r.runtime));
  }
  out.push(summaryLine(binaries));
  return `${out.join('\n')}\n`;
}

/** Text for a Markdown table cell or list item: no column breaks, no stray code spans. */
function cell(text: string): string {
  return text.replace(/[|`]/g, '\\$&').replace(/[\r\n]/g, ' ');
}

/** A code span that holds any path: a fence longer than any backtick run in it. */
export function code(text: string): string {
  const flat = text.replace(/\|/g, '\\|').replace(/[\r\n]/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const ICON: Record<Verdict, string> = { pass: '✅ pass', fail: '❌ fail', error: '⚠️ error' };

/** The whole report as one table (`verify --format markdown`). */
export function renderMarkdown(report: RunReport): string {
  return binariesMarkdown(allBinaries(report), {
    title: 'cgo-abi-guard',
    verdict: report.verdict,
    floor: report.policy.glibcFloor,
  });
}

/** A heading with the verdict, a row per binary, its findings (with explanations: `details`). */
export function binariesMarkdown(
  binaries: readonly BinaryReport[],
  o: { title: string; verdict: Verdict; floor: string | null; details?: boolean },
): string {
  const details = o.details ?? true;
  const out = [
    `### ${o.title}: ${o.verdict}`,
    '',
    '| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict | hardening |',
    '|---|---|---|---|---|---|---|',
  ];
  const ordered = sorted(binaries);
  for (const r of ordered) {
    const f = r.facts;
    const glibc = `${f?.versions.GLIBC ?? '—'} (${o.floor ?? 'no floor'})`;
    out.push(
      `| ${code(r.path)} | ${r.target ?? '—'} | ${f === null ? '—' : cell(f.interpreter ?? 'static')} | ${glibc} | ${
        f === null ? '—' : cell(f.needed.join(', ') || '—')
      } | ${ICON[r.verdict]} | ${f === null ? '—' : hardeningSummary(f.hardening)} |`,
    );
  }
  const problems = ordered.filter((r) => r.verdict !== 'pass' || r.findings.length > 0);
  if (problems.length > 0) out.push('');
  for (const r of problems) {
    if (r.error !== null) out.push(`- ${code(r.path)}: ${cell(r.error)}`);
    for (const f of r.findings) {
      out.push(
        `- ${code(r.path)} **${f.severity}** \`${f.rule}\`: ${cell(f.message)} — *fix:* ${cell(f.fix)}`,
      );
      if (!details) continue;
      for (const line of explainLines(f.explain ?? [])) out.push(`  - from ${cell(line)}`);
      if (f.explainNote !== undefined) out.push(`  - ${cell(f.explainNote)}`);
    }
  }
  const loads = ordered.filter((r) => (r.runtime?.libraries.length ?? 0) > 0);
  if (loads.length > 0) out.push('');
  for (const r of loads)
    out.push(
      `- ${code(r.path)} loads ${cell(r.runtime?.libraries.map(describeRuntime).join(', ') ?? '')} — the target must have them; Depends: ${code(r.runtime?.depends ?? '')}`,
    );
  out.push('', summaryLine(binaries));
  return `${out.join('\n')}\n`;
}
