/**
 * Go's function table, `.gopclntab`, read from its bytes (Go 1.18 and later: pcHeader magic
 * 0xfffffff0 for 1.18/1.19, 0xfffffff1 for 1.20+). Every Go binary keeps it, stripped
 * (`-ldflags=-s -w`) or not: the runtime needs it for tracebacks. It names each Go function and,
 * per pc, the source file and line (the innermost position: in inlined code, the inlined body's).
 *
 * Only the header and the function index are read up front; `lineAt` decodes one function's
 * pcfile and pcln tables when asked, so a large binary costs little. Hostile bytes never throw:
 * every offset is bounds-checked, and a table that does not hold together gives null.
 *
 * Layout (runtime/symtab.go, cmd/link/internal/ld/pcln.go): the pcHeader — magic, two zero
 * bytes, minLC (the pc quantum), ptrSize, then ptrSize words nfunc, nfiles, textStart and the
 * offsets of funcnametab, cutab, filetab, pctab and the function index (pcln), each from the
 * header's start. The index is nfunc+1 pairs of uint32 (entry offset from textStart, offset of
 * the function's `_func` record from the index); the last entry is the end of the last function.
 */

export interface GoFunc {
  /** As the runtime names it: `main._Cfunc_getrandom` (no `.abi0` suffix, unlike `.symtab`). */
  name: string;
  /** First pc. */
  entry: number;
  /** One past the last pc: the next function's entry. */
  end: number;
}

export interface SourcePosition {
  file: string;
  line: number;
}

export interface Pclntab {
  /** The address function entries are offsets from (see parsePclntab's textStart). */
  textStart: number;
  /** Every function, sorted by entry. */
  funcs: readonly GoFunc[];
  /** The function whose code holds pc, or null. */
  funcAt(pc: number): GoFunc | null;
  /** The innermost source position of pc, or null when the tables say nothing for it. */
  lineAt(pc: number): SourcePosition | null;
}

const MAGIC_118 = 0xfffffff0;
const MAGIC_120 = 0xfffffff1;
/** Longest function or file name read; a name without its NUL within this is malformed. */
const NAME_MAX = 1 << 16;
/** `_func` fields (uint32 each) at these byte offsets, the same in 1.18 through 1.26. */
const FUNC_NAME = 4;
const FUNC_PCFILE = 20;
const FUNC_PCLN = 24;
const FUNC_CU = 32;
const FUNC_MIN = 36;

const utf8 = new TextDecoder('utf-8');

interface Header {
  ptrSize: number;
  minLC: number;
  nfunc: number;
  textStart: number;
  funcname: number;
  cu: number;
  filetab: number;
  pctab: number;
  pcln: number;
}

function readHeader(view: DataView, le: boolean): Header | null {
  if (view.byteLength < 8) return null;
  const magic = view.getUint32(0, le);
  if (magic !== MAGIC_118 && magic !== MAGIC_120) return null;
  if (view.getUint8(4) !== 0 || view.getUint8(5) !== 0) return null;
  const minLC = view.getUint8(6);
  const ptrSize = view.getUint8(7);
  if (![1, 2, 4].includes(minLC) || (ptrSize !== 4 && ptrSize !== 8)) return null;
  if (view.byteLength < 8 + 8 * ptrSize) return null;
  const words: number[] = [];
  for (let i = 0; i < 8; i++) {
    const at = 8 + i * ptrSize;
    const w = ptrSize === 8 ? Number(view.getBigUint64(at, le)) : view.getUint32(at, le);
    if (!Number.isSafeInteger(w)) return null;
    words.push(w);
  }
  const [nfunc = 0, , textStart = 0, funcname = 0, cu = 0, filetab = 0, pctab = 0, pcln = 0] =
    words;
  for (const off of [funcname, cu, filetab, pctab, pcln])
    if (off < 8 + 8 * ptrSize || off > view.byteLength) return null;
  // The index: nfunc+1 pairs of uint32.
  if (pcln + (nfunc * 2 + 1) * 4 > view.byteLength) return null;
  return { ptrSize, minLC, nfunc, textStart, funcname, cu, filetab, pctab, pcln };
}

/** The NUL-terminated string at `at` in bytes, or null when it is out of bounds or unended. */
function stringAt(bytes: Uint8Array, at: number): string | null {
  if (at < 0 || at >= bytes.byteLength) return null;
  const end = bytes.subarray(at, Math.min(at + NAME_MAX, bytes.byteLength)).indexOf(0);
  return end < 0 ? null : utf8.decode(bytes.subarray(at, at + end));
}

/**
 * The table, or null when the bytes are not a Go 1.18+ `.gopclntab` or do not hold together.
 *
 * textStart — the address function entries are offsets from (the runtime's `moduledata.text`,
 * the symbol `runtime.text`). The header's own field is used when this is not given, but Go 1.26
 * writes 0 there (cmd/link: "unused"), and where older ones wrote it, a PIE's is unrelocated
 * (debug/gosym ignores it for that reason). Nor
 * is the ELF `.text` section's address it in a cgo binary: the host linker puts crt1.o and
 * friends first (0x100 bytes on amd64 with Debian's gcc; `go tool addr2line` gets stripped cgo
 * binaries wrong for this reason). Take it from `.symtab` (`runtime.text`) or, stripped, from
 * the module data (`moduleTextStart`).
 */
export function parsePclntab(
  bytes: Uint8Array,
  littleEndian: boolean,
  textStart?: number,
): Pclntab | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = readHeader(view, littleEndian);
  if (h === null) return null;
  const base = textStart ?? h.textStart;
  const u32 = (at: number): number | null =>
    at >= 0 && at + 4 <= view.byteLength ? view.getUint32(at, littleEndian) : null;
  const funcs: GoFunc[] = [];
  /** Byte offset of each function's `_func` record, in funcs' order. */
  const records: number[] = [];
  let previous = -1;
  for (let i = 0; i < h.nfunc; i++) {
    const at = h.pcln + i * 8;
    const entryOff = view.getUint32(at, littleEndian);
    const endOff = view.getUint32(at + 8, littleEndian);
    const record = h.pcln + view.getUint32(at + 4, littleEndian);
    if (entryOff < previous || endOff < entryOff) return null;
    if (record + FUNC_MIN > view.byteLength) return null;
    if (view.getUint32(record, littleEndian) !== entryOff) return null;
    const name = stringAt(bytes, h.funcname + view.getInt32(record + FUNC_NAME, littleEndian));
    if (name === null) return null;
    funcs.push({ name, entry: base + entryOff, end: base + endOff });
    records.push(record);
    previous = entryOff;
  }

  /** The function holding pc: the last one starting at or before it, if pc is before its end. */
  const indexAt = (pc: number): number => {
    let lo = 0;
    let hi = funcs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((funcs[mid]?.entry ?? 0) <= pc) lo = mid + 1;
      else hi = mid;
    }
    const f = funcs[lo - 1];
    return f !== undefined && pc < f.end ? lo - 1 : -1;
  };

  const pcvalue = (table: number, entry: number, pc: number): number | null =>
    pcValue(bytes, h.pctab + table, h.minLC, entry, pc);

  return {
    textStart: base,
    funcs,
    funcAt: (pc) => funcs[indexAt(pc)] ?? null,
    lineAt: (pc) => {
      const i = indexAt(pc);
      const f = funcs[i];
      const record = records[i];
      if (f === undefined || record === undefined) return null;
      const pcfile = u32(record + FUNC_PCFILE);
      const pcln = u32(record + FUNC_PCLN);
      const cu = u32(record + FUNC_CU);
      if (pcfile === null || pcln === null || cu === null || pcfile === 0 || pcln === 0)
        return null;
      const fileNo = pcvalue(pcfile, f.entry, pc);
      const line = pcvalue(pcln, f.entry, pc);
      if (fileNo === null || fileNo < 0 || line === null || line < 0) return null;
      const fileOff = u32(h.cu + (cu + fileNo) * 4);
      if (fileOff === null || fileOff === 0xffffffff) return null;
      const file = stringAt(bytes, h.filetab + fileOff);
      return file === null ? null : { file, line };
    },
  };
}

/**
 * The value a pcvalue table gives pc: pairs of varints (a zig-zag value delta, a pc delta in
 * units of minLC) from the value -1 at the function's entry; a zero value delta after the first
 * pair ends the table. Null when the table ends (or leaves the bytes) before pc.
 */
function pcValue(
  bytes: Uint8Array,
  start: number,
  minLC: number,
  entry: number,
  target: number,
): number | null {
  let at = start;
  const varint = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      const b = bytes[at++];
      if (b === undefined) return null;
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value % 2 ** 32;
    }
    return null;
  };
  let value = -1;
  let pc = entry;
  for (let first = true; ; first = false) {
    const uvdelta = varint();
    if (uvdelta === null || (uvdelta === 0 && !first)) return null;
    const delta = uvdelta % 2 === 1 ? -Math.floor(uvdelta / 2) - 1 : uvdelta / 2;
    const pcdelta = varint();
    if (pcdelta === null) return null;
    // Go adds int32 deltas to an int32: wrap the same way.
    value = (value + delta) | 0;
    pc += pcdelta * minLC;
    if (target < pc) return value;
  }
}

export interface DataBytes {
  /** The virtual address of bytes[0]. */
  address: number;
  bytes: Uint8Array;
}

/**
 * `moduledata.text` for a binary without `.symtab`: the runtime's module data (Go 1.26 puts it
 * in `.go.module`, older ones in `.noptrdata`) starts with a pointer to the pcHeader, then the
 * slices funcnametab and cutab (pointer, length, capacity); `text` is the 23rd pointer-sized word
 * (after 6 slices, findfunctab, minpc and maxpc), the same from Go 1.16 to 1.26.
 *
 * Found by the header pointer and the two slices' lengths, which the header's offsets give.
 * Their pointers are not compared: in a PIE they are relative relocations, and the value written
 * in place is not always the value (aarch64 GNU ld writes the addend twice: the header plus
 * twice its offset). `text` and the header's own pointer, a symbol plus 0, read right with GNU
 * ld on amd64 and arm64. Null when no module data is found.
 */
export function moduleTextStart(input: {
  pclntab: Uint8Array;
  /** The address `.gopclntab` is loaded at. */
  pclntabAddress: number;
  /** The sections that may hold the module data. */
  data: readonly DataBytes[];
  littleEndian: boolean;
}): number | null {
  const le = input.littleEndian;
  const { pclntab } = input;
  const h = readHeader(new DataView(pclntab.buffer, pclntab.byteOffset, pclntab.byteLength), le);
  if (h === null) return null;
  const size = h.ptrSize;
  const header = input.pclntabAddress;
  /** `count` elements of `unit` bytes at `start`, ending within alignment of `next`. */
  const fits = (start: number, count: number, unit: number, next: number): boolean =>
    start + count * unit <= next && next - (start + count * unit) < 8;
  const low = header % 2 ** 32;
  const lowAt = size === 8 && !le ? 4 : 0;
  for (const { address, bytes } of input.data) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const word = (at: number): number =>
      size === 8 ? Number(view.getBigUint64(at, le)) : view.getUint32(at, le);
    const first = (size - (address % size)) % size;
    for (let at = first; at + 24 * size <= bytes.byteLength; at += size) {
      // The low 32 bits first: most words are not the header's address.
      if (view.getUint32(at + lowAt, le) !== low || word(at) !== header) continue;
      const names = word(at + 2 * size);
      const units = word(at + 5 * size);
      if (names !== word(at + 3 * size) || !fits(h.funcname, names, 1, h.cu)) continue;
      if (units !== word(at + 6 * size) || !fits(h.cu, units, 4, h.filetab)) continue;
      const text = word(at + 22 * size);
      // minpc is the first function's entry, at or after text.
      const minpc = word(at + 20 * size);
      if (text > 0 && minpc >= text && Number.isSafeInteger(text)) return text;
    }
  }
  return null;
}
