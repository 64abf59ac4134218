/**
 * The sysroot's shared libraries as a failed link's explanation reads them: which one defines an
 * undefined symbol (libbpf.so.1 defines `bpf_object__open`), and the `-l` name the sysroot lets
 * the link use for it (`-lbpf`, when its -dev package put `libbpf.so` beside it).
 */

/** A library of the sysroot that defines symbols a failed link wanted. */
export interface DefiningLibrary {
  /** Its soname (`libbpf.so.1`), or its file name when it has none. */
  file: string;
  /** `bpf` when the sysroot has `libbpf.so` to link it by; null when it has only the library. */
  link: string | null;
}

/** Symbol name → the library of the sysroot that defines it. */
export type SysrootDefinitions = ReadonlyMap<string, DefiningLibrary>;

const DYNSYM = /^\s*\d+:\s+[0-9a-fA-F]+\s+\S+\s+(\S+)\s+(\S+)\s+\S+\s+(\S+)\s+(\S+)/;

/**
 * `readelf -W -d --dyn-syms` of a library → its soname and the names it defines (functions and
 * objects, global or weak, versions dropped).
 */
export function libraryDefinitions(text: string): { soname: string | null; defined: string[] } {
  const soname = /\(SONAME\)\s+Library soname: \[([^\]]+)\]/.exec(text)?.[1] ?? null;
  const defined = new Set<string>();
  for (const line of text.split('\n')) {
    const m = DYNSYM.exec(line);
    if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined || m[4] === undefined)
      continue;
    if (m[3] === 'UND' || m[2] === 'LOCAL' || !/^(FUNC|OBJECT|IFUNC|TLS|COMMON)$/.test(m[1]))
      continue;
    defined.add(m[4].replace(/@.*$/, ''));
  }
  return { soname, defined: [...defined] };
}

/** `libbpf.so` → `bpf`; `libfoo-1.2.so` → `foo-1.2`; anything else → null. */
export function linkNameOf(file: string): string | null {
  return /^lib(.+)\.so$/.exec(file)?.[1] ?? null;
}
