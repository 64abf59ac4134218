/**
 * NSS entry points in a static binary's string table. glibc serves these through NSS modules it
 * dlopen()s at run time even in a static binary; musl resolves them itself, so only glibc counts.
 */

export const NSS_FUNCTIONS = [
  'getaddrinfo',
  'getnameinfo',
  'gethostbyname',
  'gethostbyname2',
  'gethostbyname_r',
  'gethostbyname2_r',
  'gethostbyaddr',
  'gethostbyaddr_r',
  'getpwnam',
  'getpwnam_r',
  'getpwuid',
  'getpwuid_r',
  'getgrnam',
  'getgrnam_r',
  'getgrgid',
  'getgrgid_r',
  'getgrouplist',
  'initgroups',
  'getspnam',
  'getspnam_r',
  'getservbyname',
  'getservbyname_r',
] as const;

/** Defined in every static glibc binary, never in musl's. */
const GLIBC_MARKERS = ['__libc_setup_tls', '_dl_relocate_static_pie', '_dl_non_dynamic_init'];
const MUSL_MARKERS = ['__init_libc', '__libc_start_init'];

export interface SymbolTable {
  /** Bytes of .symtab. */
  symtab: Uint8Array;
  /** Bytes of .strtab. */
  strtab: Uint8Array;
  is64: boolean;
  littleEndian: boolean;
}

/**
 * Names of the defined symbols in a .symtab. The table is read entry by entry: ld shares string
 * tails in .strtab (`getaddrinfo` can live inside `_C2func_getaddrinfo`), so searching the
 * string table for whole names misses symbols.
 */
export function definedSymbolNames(table: SymbolTable): Set<string> {
  return symbolNames(table).defined;
}

/** Every name of a symbol table (.symtab or .dynsym with its string table), defined or not. */
export function symbolNames(table: SymbolTable): {
  defined: Set<string>;
  undefined: Set<string>;
} {
  const { symtab, strtab, is64, littleEndian } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry = is64 ? 24 : 16;
  const shndxAt = is64 ? 6 : 14;
  const defined = new Set<string>();
  const undefinedNames = new Set<string>();
  const decoder = new TextDecoder('latin1');
  for (let off = entry; off + entry <= symtab.byteLength; off += entry) {
    const shndx = view.getUint16(off + shndxAt, littleEndian);
    const name = view.getUint32(off, littleEndian);
    if (name === 0 || name >= strtab.byteLength) continue;
    let end = name;
    while (end < strtab.byteLength && strtab[end] !== 0) end++;
    (shndx === 0 ? undefinedNames : defined).add(decoder.decode(strtab.subarray(name, end)));
  }
  return { defined, undefined: undefinedNames };
}

/** The C library a static binary's defined symbols show: musl's or glibc's own, else null. */
export function staticLibcOfSymbols(defined: ReadonlySet<string>): 'glibc' | 'musl' | null {
  if (MUSL_MARKERS.some((m) => defined.has(m))) return 'musl';
  return GLIBC_MARKERS.some((m) => defined.has(m)) ? 'glibc' : null;
}

/** NSS functions a static glibc binary defines; empty for musl and for binaries without libc. */
export function staticNssFunctions(defined: ReadonlySet<string>): string[] {
  if (staticLibcOfSymbols(defined) !== 'glibc') return [];
  return NSS_FUNCTIONS.filter((name) => defined.has(name));
}

/** Go's cgo wrappers (kept in .gopclntab even when stripped) → the NSS function they call. */
const CGO_NSS_WRAPPERS: readonly [string, string][] = [
  ['net._C2func_getaddrinfo', 'getaddrinfo'],
  ['net._C2func_getnameinfo', 'getnameinfo'],
  ['os/user._C2func_mygetpwuid_r', 'getpwuid_r'],
  ['os/user._Cfunc_mygetpwuid_r', 'getpwuid_r'],
  ['os/user._C2func_mygetpwnam_r', 'getpwnam_r'],
  ['os/user._Cfunc_mygetpwnam_r', 'getpwnam_r'],
  ['os/user._C2func_mygetgrgid_r', 'getgrgid_r'],
  ['os/user._Cfunc_mygetgrgid_r', 'getgrgid_r'],
  ['os/user._C2func_mygetgrnam_r', 'getgrnam_r'],
  ['os/user._Cfunc_mygetgrnam_r', 'getgrnam_r'],
  ['os/user._C2func_mygetgrouplist', 'getgrouplist'],
  ['os/user._Cfunc_mygetgrouplist', 'getgrouplist'],
];

/** Static glibc (2.26+) carries the string GLIBC_TUNABLES in its read-only data; musl never. */
export function hasGlibcTunables(rodata: Uint8Array): boolean {
  return new TextDecoder('latin1').decode(rodata).includes('GLIBC_TUNABLES');
}

/**
 * A stripped static binary has no .symtab: Go's function table still names the cgo wrappers
 * that call NSS (which reach NSS only where the C library is glibc: the caller checks).
 */
export function cgoNssWrappers(gopclntab: Uint8Array): string[] {
  const names = new TextDecoder('latin1').decode(gopclntab);
  return [
    ...new Set(
      CGO_NSS_WRAPPERS.filter(([wrapper]) => names.includes(`${wrapper}\0`)).map(([, fn]) => fn),
    ),
  ];
}
