/**
 * The C (and Go) source lines of a binary's code, from DWARF's line-number programs in
 * `.debug_line` (DWARF 2 to 5: gcc 12 and clang 14 write 5, Go 1.26 writes 5, 2 with
 * GOEXPERIMENT=nodwarf5). cgo's `#line` directives make a preamble's C code point at its `.go`
 * file, so the preamble's `getrandom` call reads as `main.go:8`, a `.c` file's as `helper.c:5`.
 * Only unstripped binaries hold it (`-ldflags=-s -w` drops every `.debug_*` section).
 *
 * Names are the producer's, joined with their directory when relative. In DWARF 5 directory 0 is
 * the compilation directory (`/abs/src/helper.c`; with -trimpath `/_/example.com/app/helper.c`);
 * in DWARF ≤4 it is not in the table (only `.debug_info` names it), so such a name stays
 * relative (`helper.c`). The preamble's name is the one cgo's `#line` gave (`/abs/src/main.go`).
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
import { fileEntry4, readHeader, Reader, type Header, type Strings } from './dwarf-unit.js';

/** A row of a line-number program: the code from address on comes from file:line. */
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
/** Ranges before the one found that lineAt looks back through for one covering the address. */
const MAX_OVERLAP = 16;

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
export interface DebugLineInput extends Strings {
  debugLine: Uint8Array;
  littleEndian: boolean;
  /** 4 or 8 (address size of the ELF class). */
  addressSize: number;
}

export function parseDebugLine(input: DebugLineInput): LineTable | null {
  const out = new Ranges(input.addressSize === 4 ? 2 ** 32 : Number.MAX_SAFE_INTEGER);
  const units = eachUnit(input, (r, h) => {
    runProgram(r, h, out);
    return out.length < MAX_ROWS * 4;
  });
  return units === 0 ? null : lookup(out);
}

/**
 * The file names every unit's header lists (joined with their directories), each once, without
 * running a program: what paths of the build machine the line tables carry.
 */
export function debugLineFiles(input: DebugLineInput, max = 4096): string[] {
  const names = new Set<string>();
  eachUnit(input, (_r, h) => {
    for (const f of h.files) if (f !== null && names.size < max) names.add(f);
    return names.size < max;
  });
  return [...names];
}

/**
 * Calls visit with each unit whose header reads (r positioned at its program); visit returns
 * false to stop. Returns how many units were read.
 */
function eachUnit(input: DebugLineInput, visit: (r: Reader, h: Header) => boolean): number {
  const bytes = input.debugLine;
  let units = 0;
  for (let at = 0; at + 4 <= Math.min(bytes.byteLength, MAX_SECTION);) {
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
    if (!visit(r, h)) break;
  }
  return units;
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
      // Ranges overlap only where code was folded (or bytes lie): a few steps back at most.
      for (let j = lo - 1; j >= Math.max(lo - MAX_OVERLAP, 0) && (reach[j] ?? 0) > address; j--) {
        if ((sorted[j * 4 + 1] ?? 0) <= address) continue;
        const file = names[sorted[j * 4 + 2] ?? -1];
        return file === undefined ? null : { file, line: sorted[j * 4 + 3] ?? 0 };
      }
      return null;
    },
  };
}
