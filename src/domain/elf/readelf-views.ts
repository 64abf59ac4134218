/** The readelf command lines the verifier runs: a fast view, the complete one, the symbols. */

/** Every table the verifier reads, `-V` and `--dyn-syms` included: the slow, complete view. */
export const READELF_ARGS = ['-h', '-l', '-S', '-d', '-V', '-n', '-W', '--dyn-syms'] as const;

/**
 * The fast view: version needs from the dumps of `.gnu.version_r` and `.dynstr` instead of
 * `-V`, whose per-symbol table takes most of readelf's time on large libraries.
 */
export const READELF_FAST_ARGS = [
  '-h',
  '-l',
  '-S',
  '-d',
  '-n',
  '-W',
  '-x',
  '.gnu.version_r',
  '-p',
  '.dynstr',
] as const;

/** Only the dynamic symbols: who needs which version, asked when a finding wants names. */
export const READELF_DYNSYM_ARGS = ['-W', '--dyn-syms'] as const;
