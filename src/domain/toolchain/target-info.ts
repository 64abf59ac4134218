/**
 * What the sysroot records of its target packages (`usr/share/cgo-abi-guard/target-packages.json`
 * inside the tree, so the tree digest covers it): each package with its shlibs and symbols file,
 * and what a verify reads back of it — the shared libraries the packages ship.
 */
import { parseShlibsFile, parseSymbolsFile, type SharedLibrary } from './shlibs.js';

export const TARGET_INFO_PATH = 'usr/share/cgo-abi-guard/target-packages.json';

export interface TargetPackageInfo {
  name: string;
  version: string;
  arch: string;
  shlibs: string | null;
  symbols: string | null;
}

export function renderTargetInfo(packages: readonly TargetPackageInfo[]): string {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ version: 1, packages: sorted }, null, 1)}\n`;
}

export function parseTargetInfo(
  text: string,
  where: string,
): TargetPackageInfo[] | { error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: `${where}: not JSON` };
  }
  const list = (raw as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(list)) return { error: `${where}: no packages list` };
  const out: TargetPackageInfo[] = [];
  for (const p of list as unknown[]) {
    const r = p as Partial<Record<keyof TargetPackageInfo, unknown>>;
    const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);
    if (typeof r.name !== 'string' || typeof r.version !== 'string' || typeof r.arch !== 'string')
      return { error: `${where}: a package without name, version or arch` };
    out.push({
      name: r.name,
      version: r.version,
      arch: r.arch,
      shlibs: text(r.shlibs),
      symbols: text(r.symbols),
    });
  }
  return out;
}

/** Every shared library the packages describe (symbols files first, then shlibs), by soname. */
export function sharedLibraries(packages: readonly TargetPackageInfo[]): SharedLibrary[] {
  const bySoname = new Map<string, SharedLibrary>();
  for (const p of packages) {
    for (const s of p.symbols === null ? [] : parseSymbolsFile(p.symbols))
      bySoname.set(s.soname, {
        soname: s.soname,
        package: p.name,
        version: p.version,
        template: s.template,
        alternatives: s.alternatives,
        symbols: s.symbols,
        smallest: s.smallest,
        shlibs: null,
      });
    const shlibs = p.shlibs === null ? new Map<string, string>() : parseShlibsFile(p.shlibs);
    for (const [soname, dependency] of shlibs) {
      const known = bySoname.get(soname);
      if (known !== undefined) known.shlibs = dependency;
      else if (soname.includes('.so.') || soname.endsWith('.so'))
        bySoname.set(soname, {
          soname,
          package: p.name,
          version: p.version,
          template: null,
          symbols: new Map(),
          shlibs: dependency,
        });
    }
  }
  return [...bySoname.values()].sort((a, b) => a.soname.localeCompare(b.soname));
}
