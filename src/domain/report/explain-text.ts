/**
 * A finding's explanation as people read it: the symbols grouped by who pulled them in and what
 * to change, most fundamental first (start files, runtime/cgo, standard packages, your code).
 */
import { KIND_ORDER, type SymbolExplanation } from '../explain/explain.js';

export interface ExplainGroup {
  /** `runtime/cgo (_cgo_try_pthread_create, x_cgo_getstackbound and 2 more)`. */
  label: string;
  symbols: string[];
  fix?: string;
}

const DETAILS = 3;

export function groupExplanation(entries: readonly SymbolExplanation[]): ExplainGroup[] {
  const groups = new Map<string, SymbolExplanation[]>();
  for (const e of entries) {
    const key = `${e.source}\n${e.fix ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  const rank = (g: readonly SymbolExplanation[]): number =>
    KIND_ORDER.indexOf(g[0]?.kind ?? 'unknown');
  return [...groups.values()]
    .sort((a, b) => rank(a) - rank(b))
    .map((group) => {
      const first = group[0];
      const details = [
        ...new Set(group.flatMap((e) => (e.detail === undefined ? [] : [e.detail]))),
      ];
      const source = first?.source ?? '';
      const more = details.length > DETAILS ? ` and ${details.length - DETAILS} more` : '';
      const inner = `${details.slice(0, DETAILS).join(', ')}${more}`;
      const label =
        details.length === 0
          ? source
          : source.endsWith(')')
            ? `${source.slice(0, -1)}: ${inner})`
            : `${source} (${inner})`;
      return {
        label,
        symbols: [...new Set(group.map((e) => e.symbol))],
        ...(first?.fix === undefined ? {} : { fix: first.fix }),
      };
    });
}

export function symbolList(symbols: readonly string[], max = 6): string {
  const more = symbols.length > max ? ` and ${symbols.length - max} more` : '';
  return `${symbols.slice(0, max).join(', ')}${more}`;
}

/** `runtime/cgo (…): pthread_create, … — only the sysroot helps: …`, one line per group. */
export function explainLines(
  entries: readonly SymbolExplanation[],
  maxGroups = Infinity,
): string[] {
  const groups = groupExplanation(entries);
  const lines = groups
    .slice(0, maxGroups)
    .map((g) => `${g.label}: ${symbolList(g.symbols)}${g.fix === undefined ? '' : ` — ${g.fix}`}`);
  if (groups.length > maxGroups)
    lines.push(`and ${groups.length - maxGroups} more (see the summary)`);
  return lines;
}
