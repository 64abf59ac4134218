/**
 * Which host clang and lld to drive, as GitHub's runner images lay them out: `clang-N` and
 * `lld-N` for several N, an alternatives link for `clang` only, `ld.lld` only as `ld.lld-N` and
 * inside `/usr/lib/llvm-N/bin`. Pure: the adapter lists PATH and asks the programs.
 */

/**
 * The clang program to use among the names found on PATH: `clang-<want>` when a major is asked
 * for; else `clang` (the image's default); else the newest `clang-N`. Null: none fits.
 */
export function pickClangName(names: readonly string[], want: number | null): string | null {
  if (want !== null) return names.includes(`clang-${want}`) ? `clang-${want}` : null;
  if (names.includes('clang')) return 'clang';
  const majors = names
    .map((n) => /^clang-(\d+)$/.exec(n)?.[1])
    .filter((v) => v !== undefined)
    .map(Number)
    .sort((a, b) => b - a);
  return majors[0] === undefined ? null : `clang-${majors[0]}`;
}

/** The major of `clang -dumpversion` (`18.1.3`) or of `ld.lld --version` (`Ubuntu LLD 18.1.3 …`). */
export function majorOf(versionText: string): number | null {
  const m = /(?:^|\bLLD )(\d+)\.\d+/.exec(versionText.trim());
  return m?.[1] === undefined ? null : Number(m[1]);
}

export interface HostClang {
  /** Absolute paths, symlinks resolved: what the wrappers run. */
  clang: string;
  clangxx: string;
  lld: string;
  clangMajor: number;
  lldMajor: number;
}

export function describeClang(c: HostClang): string {
  return `clang ${c.clangMajor} (${c.clang}) with lld ${c.lldMajor} (${c.lld})`;
}
