/**
 * The C (and Go) source lines of a binary's code, from DWARF's line-number programs in
 * `.debug_line` (DWARF 2 to 5: gcc 12 and clang 14 write 5, Go 1.26 writes 5, 2 with
 * GOEXPERIMENT=nodwarf5). cgo's `#line` directives make a preamble's C code point at its `.go`
 * file, so the preamble's `getrandom` call reads as `main.go:8`, a `.c` file's as `helper.c:5`.
 * Only unstripped binaries hold it (`-ldflags=-s -w` drops every `.debug_*` section).
 *
 * The bytes are the section's contents as decompressed: Go's external link passes
 * `--compress-debug-sections=zlib`, so the caller inflates an SHF_COMPRESSED section first.
 *
 * Every program (unit) is run once, up front, into address ranges sorted for a binary search.
 * Hostile bytes never throw and every loop advances: a unit whose header does not hold together
 * is skipped, a unit claiming more bytes than remain is read to the section's end and ends the
 * walk, a sequence never ended (or whose addresses go back) gives no ranges. Null when no unit
 * could be read at all (an absent or empty section).
 */

export interface LineRow {
  address: number;
  file: string;
  line: number;
}

export interface LineTable {
  /**
   * The row of the sequence covering address (the last row at or before it, before the next
   * row or the sequence's end), or null when no sequence covers it. Line 0 is the producer's
   * "no source line" (compiler-generated code), returned as it is.
   */
  lineAt(address: number): { file: string; line: number } | null;
}

/** Units starting past this offset are not read: no cgo binary's line table is near it. */
const MAX_SECTION = 256 * 1024 * 1024;
/** Ranges kept at most (128 MB of them); the walk stops there, keeping what it read. */
const MAX_ROWS = 1 << 22;
/** Longest file or directory name read; one without its NUL within this is malformed. */
const NAME_MAX = 1 << 16;

/** DW_FORM_string, strp, line_strp, udata, sdata, strx, block, block1/2/4; the rest: FIXED. */
const F = { string: 0x08, strp: 0x0e, lineStrp: 0x1f, udata: 0x0f, sdata: 0x0d, strx: 0x1a };
const BLOCK: Record<number, number> = { 0x09: 0, 0x0a: 1, 0x03: 2, 0x04: 4 };
/** Fixed-size forms: data1/2/4/8 (numbers), data16, strx1..4, strp_sup (skipped; 0: offset). */
const FIXED: Record<number, number> = {
  0x0b: 1, 0x05: 2, 0x06: 4, 0x07: 8, 0x1e: 16, 0x25: 1, 0x26: 2, 0x27: 3, 0x28: 4, 0x1d: 0,
}; // prettier-ignore
const DW_LNCT_PATH = 1;
const DW_LNCT_DIRECTORY_INDEX = 2;

const utf8 = new TextDecoder('utf-8');

/** A bounded cursor: a read past `end` gives null and leaves `at` at `end`. */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public at: number,
    public end: number,
    readonly le: boolean,
  ) {}
  /** An unsigned integer of n (1 to 8) bytes; null past the end or beyond 2^53. */
  uint(n: number): number | null {
    if (this.at + n > this.end) return ((this.at = this.end), null);
    if (n === 1) return this.bytes[this.at++] ?? null;
    let value = 0;
    for (let i = 0; i < n; i++)
      value = value * 256 + (this.bytes[this.at + (this.le ? n - 1 - i : i)] ?? 0);
    this.at += n;
    return Number.isSafeInteger(value) ? value : null;
  }
  /** LEB128; a value beyond 2^53 comes out imprecise (later checks refuse it), never thrown. */
  leb(signed = false): number | null {
    let value = 0;
    for (let scale = 1; this.at < this.end; scale = Math.min(scale * 128, 2 ** 64)) {
      const b = this.bytes[this.at++] ?? 0;
      value += (b & 0x7f) * scale;
      if (b < 0x80) return signed && b & 0x40 ? value - scale * 128 : value;
    }
    return null;
  }
  skip(n: number | null): null {
    this.at = n === null || this.at + n > this.end ? this.end : this.at + n;
    return null;
  }
  /** A NUL-terminated string here. */
  cstr(): string | null {
    const s = stringAt(this.bytes.subarray(0, this.end), this.at);
    if (s === null) return this.skip(null);
    this.at += s.length;
    return s.text;
  }
}

function stringAt(bytes: Uint8Array, at: number): { text: string; length: number } | null {
  if (at < 0 || at >= bytes.byteLength) return null;
  const end = bytes.subarray(at, Math.min(at + NAME_MAX, bytes.byteLength)).indexOf(0);
  return end < 0 ? null : { text: utf8.decode(bytes.subarray(at, at + end)), length: end + 1 };
}

const join = (dir: string | undefined, name: string): string =>
  dir === undefined || dir === '' || name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)
    ? name
    : `${dir}${dir.endsWith('/') ? '' : '/'}${name}`;

type Header = NonNullable<ReturnType<typeof readHeader>>;

type Strings = Pick<Parameters<typeof parseDebugLine>[0], 'debugLineStr' | 'debugStr'>;

/** One DWARF 5 entry field: a string, a number, or null (a form not understood or skipped). */
function readForm(r: Reader, form: number, offsetSize: number, s: Strings): string | number | null {
  if (form === F.string) return r.cstr();
  if (form === F.strp || form === F.lineStrp) {
    const off = r.uint(offsetSize);
    const at = off === null ? null : stringAt(form === F.strp ? s.debugStr : s.debugLineStr, off);
    return at?.text ?? null;
  }
  if (form === F.udata || form === F.sdata) return r.leb(form === F.sdata);
  if (form === F.strx) return (r.leb(), null);
  const block = BLOCK[form];
  if (block !== undefined) return r.skip(block === 0 ? r.leb() : r.uint(block));
  const size = FIXED[form];
  if (size === undefined) return r.skip(null); // its size unknown: nothing after it reads
  return form === 0x0b || form === 0x05 || form === 0x06 || form === 0x07
    ? r.uint(size)
    : r.skip(size || offsetSize);
}

/** A DWARF 5 directory or file table: [path, directory index] per entry; null if unreadable. */
function entries5(r: Reader, offsetSize: number, s: Strings): [string, number][] | null {
  const formatCount = r.uint(1) ?? 0;
  const format: [number, number][] = [];
  for (let i = 0; i < formatCount; i++) format.push([r.leb() ?? 0, r.leb() ?? 0]);
  const count = r.leb();
  // Each entry takes a byte at least, or names nothing.
  if (count === null || count > r.end - r.at) return null;
  const out: [string, number][] = [];
  for (let i = 0; i < count; i++) {
    let path: string | null = null;
    let dir = 0;
    for (const [type, form] of format) {
      if (r.at >= r.end) return null;
      const value = readForm(r, form, offsetSize, s);
      if (type === DW_LNCT_PATH) path = typeof value === 'string' ? value : null;
      if (type === DW_LNCT_DIRECTORY_INDEX) dir = typeof value === 'number' ? value : -1;
    }
    if (path === null) return null;
    out.push([path, dir]);
  }
  return out;
}

/** The header of a unit from its minimum_instruction_length (r.end: the program's start). */
function readHeader(r: Reader, version: number, offsetSize: number, s: Strings) {
  const minInst = r.uint(1);
  const maxOps = version >= 4 ? r.uint(1) : 1;
  r.at++; // default_is_stmt
  const [lineBase, lineRange, opcodeBase] = [r.uint(1), r.uint(1), r.uint(1)];
  if (minInst === null || maxOps === null || lineBase === null || opcodeBase === null) return null;
  if (lineRange === null || lineRange === 0) return null;
  const operands = Array.from({ length: Math.max(opcodeBase - 1, 0) }, () => r.uint(1) ?? 0);
  const files: (string | null)[] = [];
  const dirs4: string[] = [];
  if (version >= 5) {
    const dirs = entries5(r, offsetSize, s);
    const names = dirs === null ? null : entries5(r, offsetSize, s);
    if (dirs === null || names === null) return null;
    // Directory 0 is the compilation directory; the others are absolute or relative to it.
    const comp = dirs[0]?.[0];
    const dir = (d: number): string | undefined =>
      d === 0 ? comp : join(comp, dirs[d]?.[0] ?? '');
    for (const [name, d] of names)
      files.push(d < 0 || d >= dirs.length ? null : join(dir(d), name));
  } else {
    // Directory 0 is the compilation directory, which only .debug_info names: left relative.
    for (let d = r.cstr(); d !== null && d !== ''; d = r.cstr()) dirs4.push(d);
    while (r.at < r.end && r.bytes[r.at] !== 0) files.push(fileEntry4(r, dirs4));
    if (r.at >= r.end) return null;
  }
  // files: full names from the file register's first (1 in DWARF ≤4, 0 in 5), null if unread;
  // operands: those of standard opcodes 1..opcodeBase-1; dirs: DWARF ≤4's, for define_file.
  const fixed = { minInst, maxOps: Math.max(maxOps, 1), lineRange, opcodeBase, operands, files };
  const signed = lineBase > 127 ? lineBase - 256 : lineBase;
  return { ...fixed, firstFile: version >= 5 ? 0 : 1, lineBase: signed, dirs: dirs4 };
}

/** A DWARF ≤4 file entry (name, directory index, time, length), as in DW_LNE_define_file. */
function fileEntry4(r: Reader, dirs: readonly string[]): string | null {
  const [name, dir] = [r.cstr(), r.leb(), r.leb(), r.leb()];
  if (name === null || dir === null || dir > dirs.length) return null;
  return dir === 0 ? name : join(dirs[dir - 1], name);
}

/** Address ranges, 4 numbers each (start, end, interned file, line), each sequence's in order. */
class Ranges {
  data = new Float64Array(1 << 12);
  length = 0;
  /** Where each sequence kept begins, in data. */
  readonly sequences: number[] = [];
  readonly names: string[] = [];
  private readonly ids = new Map<string, number>();
  constructor(readonly maxAddress: number) {}
  push(start: number, end: number, file: number, line: number): void {
    if (this.length + 4 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.length;
    this.data[at] = start;
    this.data[at + 1] = end;
    this.data[at + 2] = file;
    this.data[at + 3] = line;
    this.length += 4;
  }
  /** The name's index in names. */
  name(file: string): number {
    let id = this.ids.get(file);
    if (id === undefined) this.ids.set(file, (id = this.names.push(file) - 1));
    return id;
  }
}

/**
 * Runs one unit's program (r.at .. r.end) into out. A row whose file is unknown ends the range
 * before it but starts none.
 */
function runProgram(r: Reader, h: Header, out: Ranges): void {
  let [address, opIndex, file, line, seq, broken] = [0, 0, 1, 1, out.length, false];
  /** The last row (address -1: none); its range ends at the next row's address. */
  let [lastAddress, lastFile, lastLine] = [-1, -1, 0];
  /** Interned names by file register. */
  const ids: number[] = [];
  const advance = (ops: number): void => {
    address += h.minInst * Math.floor((opIndex + ops) / h.maxOps);
    opIndex = (opIndex + ops) % h.maxOps;
  };
  const row = (): void => {
    if (!(address >= 0 && address < out.maxAddress) || address < lastAddress) broken = true;
    if (broken) return;
    if (lastAddress >= 0 && address > lastAddress && lastFile >= 0)
      out.push(lastAddress, address, lastFile, lastLine);
    let id = ids[file];
    if (id === undefined) {
      const path = h.files[file - h.firstFile];
      id = typeof path === 'string' ? out.name(path) : -1;
      if (id >= 0) ids[file] = id; // a later DW_LNE_define_file may name it
    }
    lastAddress = address;
    lastFile = id;
    lastLine = line >>> 0; // an unsigned register: wrapped, as LLVM's
  };
  const endSequence = (): void => {
    row();
    // Gone back, or at 0: GNU ld's address for the code of a discarded section.
    if (broken || out.data[seq] === 0) out.length = seq;
    else if (out.length > seq) out.sequences.push(seq);
    [address, opIndex, file, line, seq, broken] = [0, 0, 1, 1, out.length, false];
    [lastAddress, lastFile, lastLine] = [-1, -1, 0];
  };
  while (r.at < r.end && out.length < MAX_ROWS * 4) {
    const op = r.uint(1) ?? 0;
    if (op >= h.opcodeBase) {
      const adjusted = op - h.opcodeBase;
      advance(Math.floor(adjusted / h.lineRange));
      line += h.lineBase + (adjusted % h.lineRange);
      row();
    } else if (op === 0) {
      const length = r.leb();
      const next = length === null ? r.end : Math.min(r.at + length, r.end);
      const ext = length === 0 ? 0 : r.uint(1);
      if (ext === 1) endSequence();
      else if (ext === 2) {
        const width = next - r.at;
        const value = width >= 1 && width <= 8 ? r.uint(width) : null;
        [address, opIndex, broken] = [value ?? 0, 0, broken || value === null];
      } else if (ext === 3 && h.firstFile === 1) h.files.push(fileEntry4(r, h.dirs));
      r.at = next;
    } else if (op === 1) row();
    else if (op === 2) advance(r.leb() ?? 0);
    else if (op === 3) line += r.leb(true) ?? 0;
    else if (op === 4) file = r.leb() ?? 0;
    else if (op === 8) advance(Math.floor((255 - h.opcodeBase) / h.lineRange));
    else if (op === 9) [address, opIndex] = [address + (r.uint(2) ?? 0), 0];
    else if (op < 6 || op > 11)
      // set_column, set_isa and opcodes this reader does not know: their operands skipped.
      for (let i = h.operands[op - 1] ?? 0; i > 0 && r.at < r.end; i--) r.leb();
  }
  // A sequence never ended gives nothing.
  out.length = seq;
}

/** The line table of `.debug_line`, or null when not one unit of it can be read. */
export function parseDebugLine(input: {
  debugLine: Uint8Array;
  /** DWARF 5 forms DW_FORM_line_strp / DW_FORM_strp point here; may be empty. */
  debugLineStr: Uint8Array;
  debugStr: Uint8Array;
  littleEndian: boolean;
  /** 4 or 8 (address size of the ELF class). */
  addressSize: number;
}): LineTable | null {
  const bytes = input.debugLine;
  const out = new Ranges(input.addressSize === 4 ? 2 ** 32 : Number.MAX_SAFE_INTEGER);
  let units = 0;
  for (let at = 0; at + 4 <= Math.min(bytes.byteLength, MAX_SECTION);) {
    if (out.length >= MAX_ROWS * 4) break;
    const r = new Reader(bytes, at, bytes.byteLength, input.littleEndian);
    let length = r.uint(4);
    let offsetSize = 4;
    if (length === 0xffffffff) [length, offsetSize] = [r.uint(8), 8];
    else if (length !== null && length >= 0xfffffff0) break;
    if (length === null) break;
    // A unit claiming more than remains is read to the section's end, and is the last.
    at = r.end = Math.min(r.at + length, bytes.byteLength);
    const version = r.uint(2);
    if (version === null || version < 2 || version > 5) continue;
    if (version >= 5) r.at += 2; // address_size, segment_selector_size
    const headerLength = r.uint(offsetSize);
    if (headerLength === null || r.at + headerLength > r.end) continue;
    r.end = r.at + headerLength;
    const h = readHeader(r, version, offsetSize, input);
    if (h === null) continue;
    units++;
    [r.at, r.end] = [r.end, at];
    runProgram(r, h, out);
  }
  return units === 0 ? null : lookup(out);
}

/** The ranges sorted by address (each sequence's are in order already), and a binary search. */
function lookup({ data, length, sequences, names }: Ranges): LineTable {
  const bounds = sequences.map((from, i): [number, number] => [from, sequences[i + 1] ?? length]);
  bounds.sort(([a], [b]) => (data[a] ?? 0) - (data[b] ?? 0));
  const sorted = new Float64Array(length);
  let k = 0;
  for (const [from, to] of bounds) {
    sorted.set(data.subarray(from, to), k);
    k += to - from;
  }
  const n = length / 4;
  /** The largest end of ranges 0..i: how far back an overlapping range may cover an address. */
  const reach = new Float64Array(n);
  for (let i = 0; i < n; i++) reach[i] = Math.max(sorted[i * 4 + 1] ?? 0, reach[i - 1] ?? 0);
  return {
    lineAt: (address) => {
      let [lo, hi] = [0, n];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((sorted[mid * 4] ?? 0) <= address) lo = mid + 1;
        else hi = mid;
      }
      for (let j = lo - 1; j >= 0 && (reach[j] ?? 0) > address; j--) {
        if ((sorted[j * 4 + 1] ?? 0) <= address) continue;
        const file = names[sorted[j * 4 + 2] ?? -1];
        return file === undefined ? null : { file, line: sorted[j * 4 + 3] ?? 0 };
      }
      return null;
    },
  };
}
