/**
 * Hardening facts of a binary: PIE, RELRO, BIND_NOW, a non-executable stack, the stack
 * protector, FORTIFY and the CPU's control-flow marks (x86 CET, AArch64 BTI/PAC). Read from what
 * readelf prints (the marks) and the names of a symbol table; what cannot be known is `unknown`
 * or null, never a guess. Pure: the caller reads the files.
 */

/** What readelf's text shows that hardening is judged from (filled by readelf-lines.ts). */
export interface HardeningMarks {
  /** PT_GNU_RELRO is present. */
  gnuRelro: boolean;
  /** PT_GNU_STACK's flags as readelf prints them (`RW`, `RWE`); null: no PT_GNU_STACK. */
  gnuStack: string | null;
  /** DT_BIND_NOW, DT_FLAGS with BIND_NOW, or DT_FLAGS_1 with NOW. */
  bindNow: boolean;
  /** `x86 feature:` and `AArch64 feature:` words of .note.gnu.property (`IBT`, `SHSTK`, `BTI`, `PAC`). */
  features: string[];
}

export function emptyMarks(): HardeningMarks {
  return { gnuRelro: false, gnuStack: null, bindNow: false, features: [] };
}

/** The names of a symbol table: the dynamic one of a dynamic file, .symtab of a static one. */
export interface SymbolNames {
  from: '.dynsym' | '.symtab';
  /** Every name, defined or not. */
  all: ReadonlySet<string>;
  /** The undefined ones (what the file calls from elsewhere). */
  undefined: ReadonlySet<string>;
}

export type Known = 'yes' | 'no' | 'unknown';

export interface Hardening {
  /** A position-independent executable: ET_DYN with DF_1_PIE or a program interpreter. */
  pie: boolean;
  /** none; partial (PT_GNU_RELRO); full (PT_GNU_RELRO and BIND_NOW). */
  relro: 'none' | 'partial' | 'full';
  bindNow: boolean;
  /** PT_GNU_STACK without E. Without PT_GNU_STACK the loader maps the stack executable. */
  nxStack: boolean;
  /**
   * `__stack_chk_fail`, `__stack_chk_fail_local` or `__stack_chk_guard` in the symbol table;
   * unknown: no symbol table to tell (a stripped static binary).
   */
  stackProtector: Known;
  /** The `__*_chk` functions (FORTIFY_SOURCE) it calls, sorted; null: no symbol table to tell. */
  fortified: string[] | null;
  /** x86 CET: IBT and SHSTK in .note.gnu.property; null: not an x86 file. */
  cet: boolean | null;
  /** AArch64 BTI in .note.gnu.property; null: not an AArch64 file. */
  bti: boolean | null;
  /** AArch64 PAC in .note.gnu.property; null: not an AArch64 file. */
  pac: boolean | null;
}

export interface HardeningInput {
  machine: string;
  /** EXEC, DYN, … */
  type: string;
  interpreter: string | null;
  /** DT_FLAGS_1 has PIE. */
  pieFlag: boolean;
  marks: HardeningMarks;
  /** null: the file has no symbol table this can read. */
  symbols: SymbolNames | null;
}

const CANARY = ['__stack_chk_fail', '__stack_chk_fail_local', '__stack_chk_guard'];
const FORTIFIED = /^__\w+_chk$/;

export function isX86(machine: string): boolean {
  return machine === 'Advanced Micro Devices X86-64' || machine === 'Intel 80386';
}

export function isAarch64(machine: string): boolean {
  return machine === 'AArch64';
}

export function hardeningOf(input: HardeningInput): Hardening {
  const { marks, symbols, machine } = input;
  const x86 = isX86(machine);
  const arm64 = isAarch64(machine);
  return {
    pie: input.type === 'DYN' && (input.pieFlag || input.interpreter !== null),
    relro: !marks.gnuRelro ? 'none' : marks.bindNow ? 'full' : 'partial',
    bindNow: marks.bindNow,
    nxStack: marks.gnuStack !== null && !marks.gnuStack.includes('E'),
    stackProtector: stackProtectorOf(symbols),
    fortified: fortifiedOf(symbols),
    cet: x86 ? marks.features.includes('IBT') && marks.features.includes('SHSTK') : null,
    bti: arm64 ? marks.features.includes('BTI') : null,
    pac: arm64 ? marks.features.includes('PAC') : null,
  };
}

function stackProtectorOf(symbols: SymbolNames | null): Known {
  if (symbols === null || symbols.all.size === 0) return 'unknown';
  return CANARY.some((name) => symbols.all.has(name)) ? 'yes' : 'no';
}

/**
 * A dynamic file calls the `__*_chk` it imports; a static one has libc's copies of those it
 * calls linked in (the linker takes only the objects something refers to).
 */
function fortifiedOf(symbols: SymbolNames | null): string[] | null {
  if (symbols === null || symbols.all.size === 0) return null;
  const pool = symbols.from === '.dynsym' ? symbols.undefined : symbols.all;
  return [...pool].filter((name) => FORTIFIED.test(name) && !CANARY.includes(name)).sort();
}

/** The `x86 feature:` / `AArch64 feature:` words on a line of readelf's notes. */
export function featuresOfNoteLine(line: string): string[] {
  const m = /(?:x86|AArch64) feature: ([A-Z0-9_, -]+)/.exec(line);
  if (m?.[1] === undefined) return [];
  return m[1]
    .split(',')
    .map((word) => word.trim())
    .filter((word) => /^[A-Z0-9_-]+$/.test(word));
}

/** A compact line: `PIE, RELRO full, NX, SSP, FORTIFY 3, CET` — what is missing marked `no-`. */
export function hardeningSummary(h: Hardening): string {
  const parts = [
    h.pie ? 'PIE' : 'no-PIE',
    `RELRO ${h.relro}`,
    h.nxStack ? 'NX' : 'exec-stack',
    h.stackProtector === 'yes' ? 'SSP' : h.stackProtector === 'no' ? 'no-SSP' : 'SSP?',
    h.fortified === null
      ? 'FORTIFY?'
      : h.fortified.length > 0
        ? `FORTIFY ${h.fortified.length}`
        : 'no-FORTIFY',
  ];
  if (h.cet !== null) parts.push(h.cet ? 'CET' : 'no-CET');
  if (h.bti !== null) parts.push(h.bti ? 'BTI' : 'no-BTI');
  if (h.pac !== null) parts.push(h.pac ? 'PAC' : 'no-PAC');
  return parts.join(', ');
}
