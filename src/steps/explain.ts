/**
 * The explanation of version findings, only for the binaries that have one: who calls each
 * symbol (decoded from the file's own bytes) and what to change. Passing binaries cost nothing.
 */
import { withFileBytes } from '../adapters/files.js';
import { hostSymbolHistory } from '../adapters/host-libs.js';
import {
  explainSymbols,
  type Explanation,
  type SymbolExplanation,
} from '../domain/explain/explain.js';
import { fixFor, fixNeedsHistory } from '../domain/explain/fixes.js';
import { addedIn, type SymbolHistory } from '../domain/explain/symbol-history.js';
import { sysrootDefinitions } from '../adapters/sysroot-libs.js';
import type { UndefinedSymbol } from '../domain/explain/link-errors.js';
import { explainLink, type LinkExplanation } from '../domain/explain/link-explain.js';
import type { BinaryResult } from '../domain/report/report.js';
import type { Finding } from '../domain/rules/types.js';

const EXPLAINED = new Set<string>(['glibc-version', 'library-versions']);

const wantsExplaining = (f: Finding): boolean =>
  EXPLAINED.has(f.rule) && (f.symbols?.length ?? 0) > 0;

export async function explainAll(
  results: readonly (BinaryResult | null)[],
  floor: string | null,
  readelf: string,
): Promise<(BinaryResult | null)[]> {
  const explained = results.map((r) => {
    if (r === null || r.facts === null || !r.findings.some(wantsExplaining)) return null;
    const facts = r.facts;
    const names = new Set(r.findings.filter(wantsExplaining).flatMap((f) => f.symbols ?? []));
    const wanted = facts.symbolVersions.filter((s) => names.has(s.symbol));
    try {
      return withFileBytes(r.path, (read) =>
        explainSymbols({ facts, read, wanted, floor, history: null }),
      );
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { entries: [], note: `callers could not be read: ${why}` };
    }
  });
  // When glibc added a symbol matters only for what plain C code calls: read the host's
  // libraries for that alone.
  const all = explained.flatMap((e) => e?.entries ?? []);
  const history = all.some((e) => fixNeedsHistory(e, e.version, floor))
    ? await hostSymbolHistory(readelf)
    : null;
  return results.map((r, i) => {
    const e = explained[i];
    if (r === null || e === null || e === undefined) return r;
    const entries = history === null ? e.entries : e.entries.map((x) => refix(x, floor, history));
    return { ...r, findings: r.findings.map((f) => withExplanation(f, { ...e, entries })) };
  });
}

function refix(
  e: SymbolExplanation,
  floor: string | null,
  history: SymbolHistory,
): SymbolExplanation {
  if (!fixNeedsHistory(e, e.version, floor)) return e;
  const fix = fixFor(e, e.symbol, e.version, { floor, history });
  const rest = { ...e };
  delete rest.fix;
  return fix === undefined ? rest : { ...rest, fix };
}

function withExplanation(f: Finding, e: Explanation): Finding {
  if (!wantsExplaining(f)) return f;
  const symbols = new Set(f.symbols);
  const entries = e.entries.filter((x) => symbols.has(x.symbol));
  return {
    ...f,
    ...(entries.length === 0 ? {} : { explain: entries }),
    ...(e.note === null ? {} : { explainNote: e.note }),
  };
}

/**
 * A failed link's undefined symbols, placed by the glibc (or libstdc++) version that added them;
 * those no C runtime library has, by the sysroot's library that defines them.
 */
export async function explainLinkFailure(
  symbols: readonly UndefinedSymbol[],
  floor: string | null,
  readelf = 'readelf',
  sysroot: { dir: string; triplet: string } | null = null,
): Promise<LinkExplanation | null> {
  if (symbols.length === 0) return null;
  const history = await hostSymbolHistory(readelf, { cxx: true });
  const unplaced = symbols.map((s) => s.symbol).filter((s) => addedIn(history, s) === null);
  const defined =
    sysroot === null || unplaced.length === 0
      ? new Map()
      : await sysrootDefinitions(sysroot.dir, sysroot.triplet, unplaced, readelf);
  return explainLink(symbols, floor, history, defined);
}
