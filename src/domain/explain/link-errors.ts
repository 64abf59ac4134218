/**
 * A failed link's output, line by line → the undefined symbols and who referenced them. GNU ld
 * (`obj: in function 'f':` then `undefined reference to 'sym'`, in any quoting), gold
 * (`obj:src:function f: error: undefined reference to 'sym'`), and lld
 * (`undefined symbol: sym` then `>>> referenced by …` lines). Fed as the build prints, so a
 * link with thousands of errors costs one entry per symbol, not the whole text.
 */

export interface UndefinedSymbol {
  /** As the linker prints it (C++ demangled): `mtx_lock`, `std::__throw_bad_array_new_length()`. */
  symbol: string;
  /** The version the reference asks for (`memcpy@GLIBC_2.14` from a shared library), if any. */
  version: string | null;
  /** The first few objects and functions that reference it. */
  from: string[];
  count: number;
}

const MAX_SYMBOLS = 200;
const MAX_FROM = 3;
const QUOTED = String.raw`[\x60'‘"]([^'’"]+)['’"]`;
const GNU_UNDEFINED = new RegExp(String.raw`undefined reference to ${QUOTED}`);
const GNU_FUNCTION = new RegExp(
  String.raw`^(?:.*?\bld(?:\.bfd|\.gold)?: )?(.+?): [Ii]n function ${QUOTED}:?\s*$`,
);
const GNU_OBJECT =
  /^(?:.*?\bld(?:\.bfd|\.gold)?: )?([^\s:][^:]*?):\(\.[\w.]+\+0x[0-9a-f]+\): undefined reference/;
/** gold: `obj.o:src.c:function f: error: undefined reference to 'sym'`. */
const GOLD_FROM =
  /^(.+?\.(?:o|a\([^)]*\)|so[.\d]*))(?::[^:]*)?:function (.+?): error: undefined reference/;
const LLD_UNDEFINED =
  /\berror: undefined (?:symbol|reference due to --no-allow-shlib-undefined): (.+?)\s*$/;
const LLD_REFERENCED = /^>>> (?:referenced by |\s+)(.+?)\s*$/;

/** `/home/runner/go/pkg/mod/x/y@v1/lib/libz.a(a.o)` → `libz.a(a.o) in x/y@v1`. */
export function shortObject(path: string): string {
  const module = /\/pkg\/mod\/(.+?@[^/]+)\//
    .exec(path)?.[1]
    ?.replace(/!([a-z])/g, (_, c: string) => c.toUpperCase());
  const base = path.replace(/^.*\/(?=[^/]*(?:\(|$))/, '');
  return module === undefined ? base : `${base} in ${module}`;
}

export class LinkErrors {
  private readonly found = new Map<string, UndefinedSymbol>();
  private context: string | null = null;
  private lld: UndefinedSymbol | null = null;

  push(line: string): void {
    const lld = LLD_UNDEFINED.exec(line);
    if (lld?.[1] !== undefined) {
      this.lld = this.note(lld[1], null);
      return;
    }
    const ref = this.lld === null ? null : LLD_REFERENCED.exec(line);
    if (ref?.[1] !== undefined && this.lld !== null) {
      if (!ref[1].startsWith('referenced '))
        this.addFrom(
          this.lld,
          ref[1].replace(/ in archive (.+)$/, (_, a: string) => ` in ${shortObject(a)}`),
        );
      return;
    }
    this.lld = null;
    const fn = GNU_FUNCTION.exec(line);
    if (fn?.[1] !== undefined && fn[2] !== undefined) {
      this.context = `${shortObject(fn[1])} (${fn[2]})`;
      return;
    }
    const undef = GNU_UNDEFINED.exec(line);
    if (undef?.[1] === undefined) return;
    const gold = GOLD_FROM.exec(line);
    const object = GNU_OBJECT.exec(line)?.[1];
    const where =
      gold?.[1] !== undefined && gold[2] !== undefined
        ? `${shortObject(gold[1])} (${gold[2]})`
        : (this.context ?? (object === undefined ? null : shortObject(object)));
    this.note(undef[1], where);
  }

  private note(printed: string, from: string | null): UndefinedSymbol {
    const at = printed.indexOf('@');
    const symbol = at > 0 ? printed.slice(0, at) : printed;
    const version = at > 0 ? printed.slice(at).replace(/^@+/, '') : null;
    let entry = this.found.get(symbol);
    if (entry === undefined) {
      entry = { symbol, version, from: [], count: 0 };
      if (this.found.size < MAX_SYMBOLS) this.found.set(symbol, entry);
    }
    entry.count++;
    if (from !== null) this.addFrom(entry, from);
    return entry;
  }

  private addFrom(entry: UndefinedSymbol, from: string): void {
    if (entry.from.length < MAX_FROM && !entry.from.includes(from)) entry.from.push(from);
  }

  get symbols(): UndefinedSymbol[] {
    return [...this.found.values()];
  }
}

export function undefinedSymbols(output: string): UndefinedSymbol[] {
  const scan = new LinkErrors();
  for (const line of output.split('\n')) scan.push(line);
  return scan.symbols;
}
