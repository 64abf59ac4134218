/** A debug section's bytes as a reader of DWARF needs them: inflated when compressed. */
import { inflateSync } from 'node:zlib';
import type { ElfFacts } from '../domain/elf/elf-facts.js';

/** Larger debug sections are not inflated: their lines are not worth the memory. */
const INFLATED_MAX = 256 * 1024 * 1024;

/**
 * A section's bytes, inflated when SHF_COMPRESSED (Go's linker compresses DWARF with zlib: an
 * Elf_Chdr — ch_type 1 — then the zlib stream). zstd (ch_type 2) and anything that does not
 * inflate give no bytes: no lines, never a failure. A plain `.debug_line` starts with a unit
 * length, which is never 1 or 2 followed by a zlib header.
 */
export function uncompressed(
  bytes: Uint8Array,
  facts: Pick<ElfFacts, 'class' | 'endian'>,
): Uint8Array {
  const is64 = facts.class === 'ELF64';
  const header = is64 ? 24 : 12;
  if (bytes.length < header + 2) return bytes;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const le = facts.endian === 'little';
  const type = view.getUint32(0, le);
  const zlib = bytes[header] === 0x78;
  if ((type !== 1 && type !== 2) || !zlib) return bytes;
  if (type === 2) return new Uint8Array(0);
  const size = is64 ? Number(view.getBigUint64(8, le)) : view.getUint32(4, le);
  if (size > INFLATED_MAX) return new Uint8Array(0);
  try {
    return new Uint8Array(inflateSync(bytes.subarray(header), { maxOutputLength: INFLATED_MAX }));
  } catch {
    return new Uint8Array(0);
  }
}
