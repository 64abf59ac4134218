/** The `compiler` input: gcc, clang, or clang-N (a clang version to take on the host). */

export type Compiler = 'gcc' | 'clang';

export interface CompilerChoice {
  compiler: Compiler;
  /** `clang-17`: that major; `clang`: the default clang, else the newest `clang-N`. */
  clangMajor: number | null;
}

export function parseCompilerChoice(text: string): CompilerChoice | { error: string } {
  if (text === 'gcc' || text === 'clang') return { compiler: text, clangMajor: null };
  const m = /^clang-(\d{1,3})$/.exec(text);
  if (m?.[1] !== undefined) return { compiler: 'clang', clangMajor: Number(m[1]) };
  return { error: `"${text}" is not gcc, clang or clang-<major> (like clang-18)` };
}
