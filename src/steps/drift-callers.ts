/**
 * Who caused each raised need, read from the head binary: the callers of the symbols behind it
 * (explain.ts: decoded calls named by `.symtab`, else Go's function names), then for a cgo call
 * the Go lines that make it (`.gopclntab`, kept by `-s -w` builds), and for a dependency's code
 * the `require` line of go.mod. A file is named only when it is in the checkout; the standard
 * library and runtime/cgo are never pointed into.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { withFileBytes } from '../adapters/files.js';
import { librarySymbols } from '../adapters/sysroot-libs.js';
import type { DriftCaller, DriftChange, DriftReport } from '../domain/drift/drift.js';
import {
  cgoWrapperNames,
  moduleOf,
  requireLine,
  workspaceFile,
  type Checkout,
} from '../domain/drift/lines.js';
import type { ElfFacts, SymbolVersion } from '../domain/elf/elf-facts.js';
import type { ByteSource } from '../domain/elf/segments.js';
import { explainSymbols, type SymbolExplanation } from '../domain/explain/explain.js';
import { cLines, goLines, type SourceLine } from './source-lines.js';
import { WEAK_BY_CONVENTION } from '../domain/rules/musl-exports.js';
import { versionOf } from '../domain/drift/surface.js';
import { compareDotted } from '../domain/version.js';
import { readSymbolVersions } from './read-facts.js';

export interface HeadBinary {
  target: string;
  path: string;
  facts: ElfFacts;
  /** The target's sysroot, where a new NEEDED library's symbols are looked up. */
  sysroot: { dir: string; triplet: string } | null;
}

/** The drift with each raised version or NEEDED change's callers filled in. */
export async function attachCallers(
  drift: DriftReport,
  head: readonly HeadBinary[],
  checkout: Omit<Checkout, 'modulePath'>,
): Promise<DriftReport> {
  const goMod = await readFile(join(checkout.moduleDir, 'go.mod'), 'utf8').catch(() => null);
  const changes: DriftChange[] = [];
  const complete = new Map<HeadBinary, ElfFacts | null>();
  for (const original of drift.changes) {
    const c = { ...original };
    const found = head.find((h) => h.target === c.target && h.path === c.binary);
    // Verify reads per-symbol versions only when a finding needs them: read them now.
    const facts =
      found === undefined || c.direction !== 'raised' ? null : await withSymbols(found, complete);
    const bin = found === undefined || facts === null ? undefined : { ...found, facts };
    if (bin !== undefined && c.kind === 'version' && c.symbols.length === 0)
      c.symbols = symbolsAt(bin.facts, c.subject, c.head);
    const defined =
      bin?.sysroot === null || bin === undefined || c.kind !== 'needed' || c.direction !== 'raised'
        ? null
        : await librarySymbols(bin.sysroot.dir, bin.sysroot.triplet, c.subject);
    const wanted = bin === undefined ? [] : wantedOf(c, bin.facts, defined);
    if (bin === undefined || wanted.length === 0) {
      changes.push(c);
      continue;
    }
    const modulePath = bin.facts.goBuild?.module ?? null;
    const where: Checkout = { ...checkout, modulePath: modulePath === '' ? null : modulePath };
    try {
      const callers = withFileBytes(bin.path, (read) =>
        callersOf(bin.facts, read, wanted, where, goMod),
      );
      changes.push({ ...c, callers });
    } catch {
      changes.push(c);
    }
  }
  return { ...drift, changes };
}

async function withSymbols(
  h: HeadBinary,
  cache: Map<HeadBinary, ElfFacts | null>,
): Promise<ElfFacts | null> {
  if (cache.has(h)) return cache.get(h) ?? null;
  let facts: ElfFacts | null = h.facts;
  if (h.facts.symbolVersions.length === 0 && h.facts.interpreter !== null) {
    const read = await readSymbolVersions(h.path, { readelf: 'readelf', concurrency: 1 });
    facts = 'error' in read ? null : { ...h.facts, symbolVersions: read };
  }
  cache.set(h, facts);
  return facts;
}

/** The symbols needed at exactly `version` of `prefix`. */
function symbolsAt(facts: ElfFacts, prefix: string, version: string | null): string[] {
  const names = facts.symbolVersions.filter((s) => {
    const v = versionOf(s.version);
    return (
      v !== null &&
      v.prefix === prefix &&
      version !== null &&
      compareDotted(v.version, version) === 0
    );
  });
  return [...new Set(names.map((s) => s.symbol))].sort();
}

/** The symbols behind a change: those at the raised version, or those a new library gives. */
function wantedOf(
  c: DriftChange,
  facts: ElfFacts,
  /** What the new library defines, read from the sysroot; null: not read. */
  defined: ReadonlySet<string> | null,
): SymbolVersion[] {
  if (c.direction !== 'raised') return [];
  if (c.kind === 'version') {
    const names = new Set(c.symbols);
    return facts.symbolVersions.filter((s) => names.has(s.symbol));
  }
  if (c.kind !== 'needed') return [];
  if (defined !== null) return facts.symbolVersions.filter((s) => defined.has(s.symbol));
  // A symbol's version names the library only when no other library is needed at that name
  // (GLIBC_2.2.5 is libc's and libresolv's alike); unversioned ones are the library's or none's.
  const files = new Map<string, Set<string>>();
  for (const v of facts.versionNeeds)
    files.set(v.name, (files.get(v.name) ?? new Set()).add(v.file));
  const only = (version: string): boolean => {
    const f = files.get(version);
    return f !== undefined && f.size === 1 && f.has(c.subject);
  };
  return facts.symbolVersions.filter(
    (s) =>
      only(s.version) ||
      (s.version === '' && s.weak !== true && !WEAK_BY_CONVENTION.includes(s.symbol)),
  );
}

function callersOf(
  facts: ElfFacts,
  read: ByteSource,
  wanted: readonly SymbolVersion[],
  checkout: Checkout,
  goMod: string | null,
): DriftCaller[] {
  const explained = explainSymbols({ facts, read, wanted, floor: null, history: null });
  const lines = goLines(facts, read);
  let c: ReturnType<typeof cLines> | undefined;
  const cLinesOf = (addresses: readonly number[]): SourceLine[] =>
    addresses.length === 0 ? [] : ((c ??= cLines(facts, read))?.(addresses, checkout) ?? []);
  const sitesOf = (from: string): number[] =>
    explained.entries.flatMap((x) =>
      x.from === from ? (explained.sites?.get(`${x.symbol}\0${x.from}`) ?? []) : [],
    );
  const mainPath = facts.goBuild?.path ?? null;
  const modules = Object.keys(facts.goBuild?.deps ?? {});
  const out = new Map<string, DriftCaller>();
  const add = (c: DriftCaller): void => {
    out.set(`${c.file ?? ''}:${c.line ?? 0}:${c.from}`, c);
  };
  for (const e of dedupe(explained.entries)) {
    const placed =
      e.package !== undefined && e.detail?.startsWith('C.') === true && lines !== null
        ? lines(new Set(cgoWrapperNames(e.package, e.detail, mainPath)), checkout)
        : [];
    // C of the checkout (a cgo preamble, a .c file): the call's own line, from DWARF — also
    // when the compiler inlined a preamble function into the wrapper Go calls (both lines).
    const cPlaced = e.kind === 'your-code' || e.kind === 'c-code' ? cLinesOf(sitesOf(e.from)) : [];
    const fn = e.detail;
    for (const p of cPlaced)
      add({ from: e.from, ...(fn === undefined ? {} : { function: fn }), ...p });
    for (const p of placed) add({ from: e.from, ...p });
    if (placed.length > 0 || cPlaced.length > 0) continue;
    const module =
      e.kind === 'dependency' && e.package !== undefined ? moduleOf(e.package, modules) : null;
    const line = module === null || goMod === null ? null : requireLine(goMod, module);
    if (module !== null && line !== null) {
      const file = workspaceFile(join(checkout.moduleDir, 'go.mod'), {
        ...checkout,
        modulePath: null,
      });
      add(file === null ? { from: e.from } : { from: `${e.from}, required here`, file, line });
    } else add({ from: e.from });
  }
  return [...out.values()];
}

function dedupe(entries: readonly SymbolExplanation[]): SymbolExplanation[] {
  const seen = new Map<string, SymbolExplanation>();
  for (const e of entries) seen.set(`${e.from}\0${e.detail ?? ''}\0${e.package ?? ''}`, e);
  return [...seen.values()];
}
