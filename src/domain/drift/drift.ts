/**
 * Drift: how the ABI surfaces of a head build differ from a base build's (the base branch's
 * latest, or an earlier report). A need raised — a higher GLIBC, a new NEEDED library, another
 * loader, static ↔ dynamic, a higher ISA level or kernel tag, a new `Depends:` package — is
 * drift; a need lowered is good news, shown and never failed on; a Go module's new version is
 * told (it is often the cause) and judged by what it changes, not by itself.
 */
import { compareDotted } from '../version.js';
import { isaRank, type AbiSurface } from './surface.js';

export type DriftMode = 'warn' | 'fail' | 'off';
export const DRIFT_MODES: readonly DriftMode[] = ['warn', 'fail', 'off'];

export type ChangeKind =
  'version' | 'needed' | 'interpreter' | 'linkage' | 'isa' | 'kernel' | 'depends' | 'module';

/** Who needs what changed, as far as the binary tells: a Go line, a go.mod line, a package. */
export interface DriftCaller {
  /** `runtime/cgo (…)`, `your cgo code (C.getrandom in example.com/app)` */
  from: string;
  /** The Go function that makes the call, when a line is known (`main.main`). */
  function?: string;
  /** Relative to the workspace, and present in the checkout. */
  file?: string;
  /** 1-based. */
  line?: number;
}

export interface DriftChange {
  target: string;
  binary: string;
  kind: ChangeKind;
  /** raised: needs more (drift); lowered: needs less (good news); changed: a module's version. */
  direction: 'raised' | 'lowered' | 'changed';
  /** `GLIBC`, `libsqlite3.so.0`, a module path; '' for linkage, loader, ISA and kernel. */
  subject: string;
  base: string | null;
  head: string | null;
  /** The symbols behind a raised version (those the head needs above the base's highest). */
  symbols: string[];
  callers: DriftCaller[];
}

export interface BaselineRef {
  /** Where it came from: the Actions cache (a key) or a file (a path). */
  source: 'cache' | 'file';
  where: string;
  /** The commit and ref the base report was made at, when it says. */
  sha: string | null;
  ref: string | null;
}

export interface DriftReport {
  base: BaselineRef;
  changes: DriftChange[];
  /** Head binaries with no counterpart in the base (`target path`), and base binaries gone. */
  added: string[];
  removed: string[];
}

export interface SurfaceEntry {
  target: string;
  path: string;
  surface: AbiSurface;
}

/** Pairs head with base binaries: same target and path, else the same target and file name. */
export function pairBinaries(
  base: readonly SurfaceEntry[],
  head: readonly SurfaceEntry[],
): { pairs: [SurfaceEntry, SurfaceEntry][]; added: SurfaceEntry[]; removed: SurfaceEntry[] } {
  const left = [...base];
  const pairs: [SurfaceEntry, SurfaceEntry][] = [];
  const added: SurfaceEntry[] = [];
  const take = (pred: (b: SurfaceEntry) => boolean): SurfaceEntry | null => {
    const found = left.filter(pred);
    if (found.length !== 1 || found[0] === undefined) return null;
    left.splice(left.indexOf(found[0]), 1);
    return found[0];
  };
  for (const h of head) {
    const b =
      take((x) => x.target === h.target && x.path === h.path) ??
      take((x) => x.target === h.target && baseName(x.path) === baseName(h.path));
    if (b === null) added.push(h);
    else pairs.push([b, h]);
  }
  return { pairs, added, removed: left };
}

const baseName = (path: string): string => path.slice(path.lastIndexOf('/') + 1);

export function diffSurfaces(
  target: string,
  binary: string,
  b: AbiSurface,
  h: AbiSurface,
): DriftChange[] {
  const out: DriftChange[] = [];
  const change = (
    c: Omit<DriftChange, 'target' | 'binary' | 'symbols' | 'callers'> & { symbols?: string[] },
  ): void => {
    out.push({ target, binary, symbols: [], callers: [], ...c });
  };
  const prefixes = [...new Set([...Object.keys(b.versions), ...Object.keys(h.versions)])].sort();
  for (const prefix of prefixes) {
    const was = b.versions[prefix]?.version ?? null;
    const now = h.versions[prefix]?.version ?? null;
    if (was === now) continue;
    const raised = was === null || (now !== null && compareDotted(now, was) > 0);
    change({
      kind: 'version',
      direction: raised ? 'raised' : 'lowered',
      subject: prefix,
      base: was,
      head: now,
      symbols: raised ? (h.versions[prefix]?.symbols ?? []) : [],
    });
  }
  for (const lib of h.needed.filter((n) => !b.needed.includes(n)))
    change({ kind: 'needed', direction: 'raised', subject: lib, base: null, head: lib });
  for (const lib of b.needed.filter((n) => !h.needed.includes(n)))
    change({ kind: 'needed', direction: 'lowered', subject: lib, base: lib, head: null });
  if (b.interpreter !== h.interpreter && b.linkage === h.linkage)
    change({
      kind: 'interpreter',
      direction: 'raised',
      subject: '',
      base: b.interpreter,
      head: h.interpreter,
    });
  if (b.linkage !== h.linkage)
    change({
      kind: 'linkage',
      // Dynamic needs a loader and libraries a static binary did not: more to ask of a system.
      direction: h.linkage === 'dynamic' ? 'raised' : 'lowered',
      subject: '',
      base: b.linkage,
      head: h.linkage,
    });
  if (b.isa !== h.isa)
    change({
      kind: 'isa',
      direction: isaRank(h.isa) > isaRank(b.isa) ? 'raised' : 'lowered',
      subject: '',
      base: b.isa,
      head: h.isa,
    });
  if (b.kernel !== h.kernel) {
    const raised =
      h.kernel !== null && (b.kernel === null || compareDotted(h.kernel, b.kernel) > 0);
    change({
      kind: 'kernel',
      direction: raised ? 'raised' : 'lowered',
      subject: '',
      base: b.kernel,
      head: h.kernel,
    });
  }
  for (const p of h.depends.filter((n) => !b.depends.includes(n)))
    change({ kind: 'depends', direction: 'raised', subject: p, base: null, head: p });
  for (const p of b.depends.filter((n) => !h.depends.includes(n)))
    change({ kind: 'depends', direction: 'lowered', subject: p, base: p, head: null });
  const modules = [...new Set([...Object.keys(b.modules), ...Object.keys(h.modules)])].sort();
  for (const m of modules) {
    const was = Object.hasOwn(b.modules, m) ? (b.modules[m] ?? null) : null;
    const now = Object.hasOwn(h.modules, m) ? (h.modules[m] ?? null) : null;
    if (was !== now)
      change({ kind: 'module', direction: 'changed', subject: m, base: was, head: now });
  }
  return out;
}

export function diffEntries(
  base: readonly SurfaceEntry[],
  head: readonly SurfaceEntry[],
  ref: BaselineRef,
): DriftReport {
  const { pairs, added, removed } = pairBinaries(base, head);
  return {
    base: ref,
    changes: pairs.flatMap(([b, h]) => diffSurfaces(h.target, h.path, b.surface, h.surface)),
    added: added.map((e) => `${e.target} ${e.path}`),
    removed: removed.map((e) => `${e.target} ${e.path}`),
  };
}

/** The changes that count as drift (what `drift: fail` fails on). */
export function raised(report: Pick<DriftReport, 'changes'>): DriftChange[] {
  return report.changes.filter((c) => c.direction === 'raised');
}

const KIND_WORD: Record<ChangeKind, string> = {
  version: '',
  needed: 'NEEDED',
  interpreter: 'loader',
  linkage: 'linkage',
  isa: 'x86 ISA level',
  kernel: 'kernel ABI tag',
  depends: 'Depends',
  module: 'module',
};

/** `GLIBC 2.17 → 2.25 on linux/arm64: getrandom`, `NEEDED + libsqlite3.so.0 on linux/amd64`. */
export function changeLine(c: DriftChange): string {
  const on = ` on ${c.target}`;
  const syms =
    c.symbols.length === 0
      ? ''
      : `: ${c.symbols.slice(0, 5).join(', ')}${c.symbols.length > 5 ? ` and ${c.symbols.length - 5} more` : ''}`;
  if (c.kind === 'version')
    return `${c.subject} ${c.base ?? 'none'} → ${c.head ?? 'none'}${on}${syms}`;
  if (c.kind === 'needed' || c.kind === 'depends')
    return `${KIND_WORD[c.kind]} ${c.head === null ? '−' : '+'} ${c.subject}${on}`;
  if (c.kind === 'module') return `module ${c.subject} ${c.base ?? 'none'} → ${c.head ?? 'none'}`;
  return `${KIND_WORD[c.kind]} ${c.base ?? 'none'} → ${c.head ?? 'none'}${on}`;
}
