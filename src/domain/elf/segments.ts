/**
 * An ELF file as the kernel and the dynamic loader see it: the ELF header, the program headers,
 * and addresses mapped to file bytes through the PT_LOAD segments. Section headers are never read.
 */

/** Up to `length` bytes of the file at `offset` (fewer at its end). */
export type ByteSource = (offset: number, length: number) => Uint8Array;

export interface Segment {
  type: number;
  offset: number;
  vaddr: number;
  fileSize: number;
  memSize: number;
}

export interface ElfImage {
  is64: boolean;
  littleEndian: boolean;
  size: number;
  segments: Segment[];
  u16: (at: number) => number;
  u32: (at: number) => number;
  /** A word of the file's class (Elf64_Xword or Elf32_Word); exact below 2^53. */
  word: (at: number) => number;
  bytes: (at: number, length: number) => Uint8Array;
}

export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;

/** The loader refuses (or cannot read) the file: why, as the end of a "cannot be judged" line. */
export class LoaderProblem extends Error {}

/** The kernel reads at most 64 KiB of program headers. */
const MAX_PHDR_BYTES = 65536;

/** The ELF header and program headers; a LoaderProblem where the kernel would refuse them. */
export function openImage(source: ByteSource, size: number): ElfImage {
  const ident = source(0, 64);
  if (ident.length < 52) throw new LoaderProblem(`the file has ${size} bytes, no whole ELF header`);
  const is64 = ident[4] === 2;
  const littleEndian = ident[5] === 1;
  const cache = new Map<number, Uint8Array>();
  const bytes = (at: number, length: number): Uint8Array => {
    if (at < 0 || length < 0 || at + length > size)
      throw new LoaderProblem(`bytes ${at}–${at + length} lie outside the ${size}-byte file`);
    const got = source(at, length);
    if (got.length < length) throw new LoaderProblem(`the file ends before byte ${at + length}`);
    return got;
  };
  // Reads of a few bytes come from 4 KiB blocks (the tables are read field by field).
  const block = (at: number): Uint8Array => {
    const start = at - (at % 4096);
    let b = cache.get(start);
    if (b === undefined) {
      b = source(start, Math.min(4096, size - start));
      cache.set(start, b);
    }
    return b;
  };
  const byte = (at: number): number => {
    if (at < 0 || at >= size)
      throw new LoaderProblem(`byte ${at} lies outside the ${size}-byte file`);
    const b = block(at);
    const v = b[at % 4096];
    if (v === undefined) throw new LoaderProblem(`the file ends before byte ${at}`);
    return v;
  };
  const u16 = (at: number): number =>
    littleEndian ? byte(at) | (byte(at + 1) << 8) : (byte(at) << 8) | byte(at + 1);
  const u32 = (at: number): number =>
    littleEndian
      ? (u16(at) + u16(at + 2) * 0x10000) >>> 0
      : (u16(at) * 0x10000 + u16(at + 2)) >>> 0;
  const u64 = (at: number): number =>
    littleEndian ? u32(at) + u32(at + 4) * 2 ** 32 : u32(at) * 2 ** 32 + u32(at + 4);
  const word = is64 ? u64 : u32;
  const phoff = is64 ? u64(0x20) : u32(0x1c);
  const phentsize = u16(is64 ? 0x36 : 0x2a);
  const phnum = u16(is64 ? 0x38 : 0x2c);
  const expected = is64 ? 56 : 32;
  if (phnum > 0 && phentsize !== expected)
    throw new LoaderProblem(
      `e_phentsize is ${phentsize}; the kernel loads only program headers of ${expected} bytes`,
    );
  if (phnum * expected > MAX_PHDR_BYTES)
    throw new LoaderProblem(
      `e_phnum is ${phnum}: more than the 64 KiB of program headers the kernel reads`,
    );
  if (phnum > 0 && phoff + phnum * expected > size)
    throw new LoaderProblem(`the program headers end past the end of the ${size}-byte file`);
  const segments: Segment[] = [];
  for (let i = 0; i < phnum; i++) {
    const h = phoff + i * expected;
    segments.push(
      is64
        ? {
            type: u32(h),
            offset: u64(h + 8),
            vaddr: u64(h + 0x10),
            fileSize: u64(h + 0x20),
            memSize: u64(h + 0x28),
          }
        : {
            type: u32(h),
            offset: u32(h + 4),
            vaddr: u32(h + 8),
            fileSize: u32(h + 0x10),
            memSize: u32(h + 0x14),
          },
    );
  }
  return { is64, littleEndian, size, segments, u16, u32, word, bytes };
}

const hex = (n: number): string => `0x${n.toString(16)}`;

/**
 * The file offset of `length` bytes at address `vaddr`, as the loader maps them: inside the file
 * bytes of exactly one PT_LOAD segment (bytes past p_filesz are zeros, not the file's).
 */
export function fileOffset(image: ElfImage, vaddr: number, length: number, what: string): number {
  const hits = image.segments.filter(
    (s) => s.type === PT_LOAD && vaddr >= s.vaddr && vaddr < s.vaddr + Math.max(s.memSize, 1),
  );
  const [load] = hits;
  if (load === undefined) throw new LoaderProblem(`${what} at ${hex(vaddr)} maps into no segment`);
  if (hits.length > 1)
    throw new LoaderProblem(`${what} at ${hex(vaddr)} lies in ${hits.length} overlapping segments`);
  if (vaddr + length > load.vaddr + load.fileSize)
    throw new LoaderProblem(
      `${what} at ${hex(vaddr)} (${length} bytes) runs past the file bytes of its segment`,
    );
  const offset = load.offset + (vaddr - load.vaddr);
  if (offset + length > image.size)
    throw new LoaderProblem(`${what} at ${hex(vaddr)} lies past the end of the file`);
  return offset;
}

/** A NUL-terminated string at a file offset, at most `max` bytes, or a LoaderProblem. */
export function cString(image: ElfImage, offset: number, max: number, what: string): string {
  const chunks: Uint8Array[] = [];
  let at = offset;
  let total = 0;
  while (total < max) {
    const length = Math.min(256, max - total, image.size - at);
    if (length <= 0) break;
    const b = image.bytes(at, length);
    const nul = b.indexOf(0);
    if (nul >= 0) {
      chunks.push(b.subarray(0, nul));
      return utf8(chunks);
    }
    chunks.push(b);
    total += length;
    at += length;
  }
  throw new LoaderProblem(`${what} has no terminating NUL within ${max} bytes`);
}

const decoder = new TextDecoder();

/** As readelf's bytes read as UTF-8 (its output is decoded so), so both views compare equal. */
function utf8(chunks: readonly Uint8Array[]): string {
  if (chunks.length === 1 && chunks[0] !== undefined) return decoder.decode(chunks[0]);
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    all.set(c, at);
    at += c.length;
  }
  return decoder.decode(all);
}
