/**
 * The functions of a `.symtab`: which are C (compiled by the C compiler, the only code that calls
 * libc through the PLT) and which are Go, which function holds an address, and which object
 * file a function came from (the STT_FILE entry its locals follow).
 */
import { STT_FILE, STT_FUNC, STT_OBJECT, type ElfSymbol } from '../elf/symbol-table.js';

/** gcc's and clang's suffixes on C function names: `foo.part.0`, `foo.cold`, `foo.isra.0`. */
const C_SUFFIX =
  /^[A-Za-z_$][\w$]*(?:\.(?:part|isra|constprop|cold|lto_priv|localalias|clone|llvm)(?:\.\d+)?|\.\d+)*$/;

/** Go names its functions `pkg.Name` (`runtime.main`, `net.(*Resolver).lookup`); C names have no dot. */
export function isCName(name: string): boolean {
  return name !== '' && C_SUFFIX.test(name);
}

export interface CFunction {
  name: string;
  start: number;
  end: number;
  /** The object's source file (`gcc_libinit.c`), for locals; globals are placed by address. */
  file: string | null;
  /** Which STT_FILE entry it follows (an object), -1 for none. */
  object: number;
}

export interface FunctionMap {
  /** C functions by address. */
  functions: CFunction[];
  /** Per STT_FILE entry: its name and the address span of its local functions. */
  objects: { file: string; start: number; end: number }[];
  /** Go variables `pkg._cgo_<hash>_…`: a cgo hash → its Go package. */
  cgoPackages: Map<string, string>;
}

const GO_CGO_VAR = /^(.+)\._cgo_([0-9a-f]{12})_/;
/** Functions the linker gathers away from their object (`.text.unlikely`, `.text.startup`). */
const ELSEWHERE = /\.cold|^main$|^_GLOBAL__sub_[ID]_/;
/** Functions of size 0 (assembly, _init) are taken to run up to the next one, at most this far. */
const UNSIZED = 4096;

export function functionMap(symbols: readonly ElfSymbol[]): FunctionMap {
  const objects: FunctionMap['objects'] = [];
  const cgoPackages = new Map<string, string>();
  const raw: CFunction[] = [];
  let object = -1;
  for (const s of symbols) {
    if (s.type === STT_FILE) {
      objects.push({ file: s.name, start: Infinity, end: -Infinity });
      object = objects.length - 1;
      continue;
    }
    if (s.type === STT_OBJECT) {
      const m = GO_CGO_VAR.exec(s.name);
      if (m?.[1] !== undefined && m[2] !== undefined) cgoPackages.set(m[2], m[1]);
      continue;
    }
    if (s.type !== STT_FUNC || s.shndx === 0 || !isCName(s.name)) continue;
    const local = s.file !== null;
    raw.push({
      name: s.name,
      start: s.value,
      end: s.value + s.size,
      file: local ? s.file : null,
      object: local ? object : -1,
    });
    const o = objects[object];
    if (local && o !== undefined && s.size > 0 && !ELSEWHERE.test(s.name)) {
      o.start = Math.min(o.start, s.value);
      o.end = Math.max(o.end, s.value + s.size);
    }
  }
  const functions = raw.sort((a, b) => a.start - b.start);
  for (let i = 0; i < functions.length; i++) {
    const f = functions[i];
    if (f === undefined || f.end > f.start) continue;
    let j = i + 1;
    while ((functions[j]?.start ?? Infinity) <= f.start) j++;
    f.end = Math.min(functions[j]?.start ?? Infinity, f.start + UNSIZED);
  }
  placeGlobals(functions, objects);
  return { functions, objects, cgoPackages };
}

/** A global function lies in the object whose span of local functions holds it, if only one does. */
function placeGlobals(functions: CFunction[], objects: FunctionMap['objects']): void {
  const spans = objects
    .map((o, i) => ({ ...o, i }))
    .filter((o) => o.end > o.start)
    .sort((a, b) => a.start - b.start);
  const reach: number[] = [];
  spans.forEach((s, k) => reach.push(Math.max(reach[k - 1] ?? -Infinity, s.end)));
  for (const f of functions) {
    if (f.object >= 0) continue;
    let k = lastAtOrBefore(spans, f.start);
    const holders: number[] = [];
    for (; k >= 0 && (reach[k] ?? -Infinity) > f.start; k--) {
      const s = spans[k];
      if (s !== undefined && f.start < s.end) holders.push(s.i);
    }
    const [only] = holders;
    if (holders.length === 1 && only !== undefined) {
      f.object = only;
      f.file = objects[only]?.file ?? null;
    }
  }
}

function lastAtOrBefore(spans: readonly { start: number }[], address: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((spans[mid]?.start ?? Infinity) <= address) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** The C function that holds `address`, or null. */
export function functionAt(map: FunctionMap, address: number): CFunction | null {
  const fs = map.functions;
  let lo = 0;
  let hi = fs.length - 1;
  let best: CFunction | null = null;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const f = fs[mid];
    if (f === undefined) break;
    if (f.start <= address) {
      best = f;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (best === null || address >= best.end) return null;
  return best;
}

/** The address ranges of the C functions, adjacent ones merged (few, large reads). */
export function cCodeRanges(map: FunctionMap, gap = 64): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const f of map.functions) {
    const last = out.at(-1);
    if (last !== undefined && f.start <= last.end + gap) last.end = Math.max(last.end, f.end);
    else out.push({ start: f.start, end: f.end });
  }
  return out;
}

/** The cgo wrapper hashes whose functions lie in an object: the object's Go package. */
export function objectPackage(map: FunctionMap, object: number): string | null {
  const o = map.objects[object];
  if (o === undefined) return null;
  for (const f of map.functions) {
    if (f.start < o.start || f.start >= o.end) continue;
    const hash = /^_cgo_([0-9a-f]{12})_C2?func_/.exec(f.name)?.[1];
    const pkg = hash === undefined ? undefined : map.cgoPackages.get(hash);
    if (pkg !== undefined) return pkg;
  }
  return null;
}
