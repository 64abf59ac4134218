/** Verification results → text for people, JSON for tools, Markdown for a job summary. */
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Finding } from '../rules/types.js';
import { describeRuntime, type BinaryRuntime } from '../toolchain/runtime-needs.js';
import { explainLines } from './explain-text.js';

export type Verdict = 'pass' | 'fail' | 'error';

export interface BinaryResult {
  path: string;
  /** The target the file was judged against (`linux/arm64`), null when it could not be judged. */
  target: string | null;
  verdict: Verdict;
  findings: Finding[];
  facts: ElfFacts | null;
  /** Why the file could not be judged (verdict error). */
  error: string | null;
  /** `path` is a symlink: the file that was read. */
  linkTarget?: string;
  /** A dynamically linked binary's run-time needs: target packages' libraries, Depends. */
  runtime?: BinaryRuntime;
}

export interface VerifyReport {
  verdict: Verdict;
  glibcFloor: string | null;
  binaries: BinaryResult[];
}

export function overallVerdict(results: readonly BinaryResult[]): Verdict {
  if (results.some((r) => r.verdict === 'error')) return 'error';
  return results.some((r) => r.verdict === 'fail') ? 'fail' : 'pass';
}

/** Exit status of the CLI: 0 pass, 1 violation, 2 a file that could not be judged. */
export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'pass' ? 0 : verdict === 'fail' ? 1 : 2;
}

const ORDER: Record<Verdict, number> = { error: 0, fail: 1, pass: 2 };

function sorted(results: readonly BinaryResult[]): BinaryResult[] {
  return [...results].sort(
    (a, b) => ORDER[a.verdict] - ORDER[b.verdict] || a.path.localeCompare(b.path),
  );
}

export function jsonFacts(facts: ElfFacts): Record<string, unknown> {
  return {
    class: facts.class,
    endian: facts.endian,
    machine: facts.machine,
    osabi: facts.osabi,
    type: facts.type,
    flags: facts.flags,
    interpreter: facts.interpreter,
    needed: facts.needed,
    rpath: facts.rpath,
    runpath: facts.runpath,
    pie: facts.pie,
    versions: facts.versions,
    versionNeeds: facts.versionNeeds,
    abiTag: facts.abiTag,
    isaNeeded: facts.isaNeeded,
    goBuild: facts.goBuild,
    staticLibc: facts.staticLibc,
    warnings: facts.warnings,
  };
}

export function renderJson(report: VerifyReport): string {
  const binaries = report.binaries.map((r) => ({
    path: r.path,
    ...(r.linkTarget === undefined ? {} : { linkTarget: r.linkTarget }),
    target: r.target,
    verdict: r.verdict,
    ...(r.error === null ? {} : { error: r.error }),
    findings: r.findings,
    facts: r.facts === null ? null : jsonFacts(r.facts),
    ...(r.runtime === undefined ? {} : { runtime: r.runtime }),
  }));
  return `${JSON.stringify({ verdict: report.verdict, glibcFloor: report.glibcFloor, binaries }, null, 2)}\n`;
}

function summaryLine(results: readonly BinaryResult[]): string {
  const count = (v: Verdict): number => results.filter((r) => r.verdict === v).length;
  const n = results.length;
  return `${n} binar${n === 1 ? 'y' : 'ies'}: ${count('pass')} passed, ${count('fail')} failed, ${count('error')} could not be judged`;
}

export function factLine(facts: ElfFacts): string {
  const parts = [`${facts.class} ${facts.machine}`, facts.type];
  if (facts.floatAbi !== null) parts.push(`${facts.floatAbi}-float ABI`);
  parts.push(facts.interpreter === null ? 'no interpreter' : `interpreter ${facts.interpreter}`);
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

export function renderText(report: VerifyReport): string {
  const out: string[] = [];
  for (const r of sorted(report.binaries)) {
    const label = r.verdict.toUpperCase().padEnd(5);
    if (r.verdict === 'error') {
      out.push(`${label} ${r.path}: ${r.error ?? 'could not be judged'}`);
      continue;
    }
    const link = r.linkTarget === undefined ? '' : ` -> ${r.linkTarget}`;
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
    if (r.runtime !== undefined) out.push(...runtimeLines(r.runtime));
  }
  out.push(summaryLine(report.binaries));
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

export function renderMarkdown(
  report: VerifyReport,
  title = 'cgo-abi-guard',
  { details = true }: { details?: boolean } = {},
): string {
  const out = [
    `### ${title}: ${report.verdict}`,
    '',
    '| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of sorted(report.binaries)) {
    const f = r.facts;
    const glibc = `${f?.versions.GLIBC ?? '—'} (${report.glibcFloor ?? 'no floor'})`;
    out.push(
      `| ${code(r.path)} | ${r.target ?? '—'} | ${f === null ? '—' : cell(f.interpreter ?? 'static')} | ${glibc} | ${
        f === null ? '—' : cell(f.needed.join(', ') || '—')
      } | ${ICON[r.verdict]} |`,
    );
  }
  const problems = sorted(report.binaries).filter(
    (r) => r.verdict !== 'pass' || r.findings.length > 0,
  );
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
  const loads = sorted(report.binaries).filter((r) => (r.runtime?.libraries.length ?? 0) > 0);
  if (loads.length > 0) out.push('');
  for (const r of loads)
    out.push(
      `- ${code(r.path)} loads ${cell(r.runtime?.libraries.map(describeRuntime).join(', ') ?? '')} — the target must have them; Depends: ${code(r.runtime?.depends ?? '')}`,
    );
  out.push('', summaryLine(report.binaries));
  return `${out.join('\n')}\n`;
}
