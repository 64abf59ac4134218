/**
 * The parts of a DWARF line-number program's unit that are not the program: a bounded byte
 * cursor, the DWARF 5 entry forms, the header with its directory and file tables (DWARF 2–5).
 * Used by dwarf-lines.ts; hostile bytes give null, never a throw.
 */

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
export class Reader {
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

export function stringAt(bytes: Uint8Array, at: number): { text: string; length: number } | null {
  if (at < 0 || at >= bytes.byteLength) return null;
  const end = bytes.subarray(at, Math.min(at + NAME_MAX, bytes.byteLength)).indexOf(0);
  return end < 0 ? null : { text: utf8.decode(bytes.subarray(at, at + end)), length: end + 1 };
}

export const join = (dir: string | undefined, name: string): string =>
  dir === undefined || dir === '' || name.startsWith('/') || /^[A-Za-z]:[\\/]/.test(name)
    ? name
    : `${dir}${dir.endsWith('/') ? '' : '/'}${name}`;

export type Header = NonNullable<ReturnType<typeof readHeader>>;

export interface Strings {
  /** DWARF 5 forms DW_FORM_line_strp / DW_FORM_strp point here; may be empty. */
  debugLineStr: Uint8Array;
  debugStr: Uint8Array;
}

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
export function readHeader(r: Reader, version: number, offsetSize: number, s: Strings) {
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
export function fileEntry4(r: Reader, dirs: readonly string[]): string | null {
  const [name, dir] = [r.cstr(), r.leb(), r.leb(), r.leb()];
  if (name === null || dir === null || dir > dirs.length) return null;
  return dir === 0 ? name : join(dirs[dir - 1], name);
}
