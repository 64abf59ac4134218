/**
 * Symbol tables and relocations read from their bytes (`.symtab`/`.strtab`, `.dynsym`/`.dynstr`,
 * `.rela.plt`, `.rela.dyn`): what names a function, and which GOT slot holds which symbol.
 */
import type { SymbolTable } from './static-symbols.js';

export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_FILE = 4;
export const STB_LOCAL = 0;

export interface ElfSymbol {
  name: string;
  value: number;
  size: number;
  type: number;
  bind: number;
  /** Section index; 0 = undefined. */
  shndx: number;
  /** For a local symbol, the source file of the STT_FILE entry before it (`gcc_libinit.c`). */
  file: string | null;
}

const latin1 = new TextDecoder('latin1');

function nameAt(strtab: Uint8Array, offset: number): string {
  if (offset === 0 || offset >= strtab.byteLength) return '';
  let end = offset;
  while (end < strtab.byteLength && strtab[end] !== 0) end++;
  return latin1.decode(strtab.subarray(offset, end));
}

/**
 * Every entry but the null one, in table order (entry i is out[i - 1], as relocations index
 * them); locals carry the source file of the STT_FILE entry they follow.
 */
export function readSymbols(table: SymbolTable): ElfSymbol[] {
  const { symtab, strtab, is64, littleEndian: le } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry = is64 ? 24 : 16;
  const out: ElfSymbol[] = [];
  let file: string | null = null;
  for (let off = entry; off + entry <= symtab.byteLength; off += entry) {
    const info = view.getUint8(off + (is64 ? 4 : 12));
    const type = info & 0xf;
    const bind = info >> 4;
    const name = nameAt(strtab, view.getUint32(off, le));
    if (type === STT_FILE) file = name === '' ? null : name;
    const value = is64 ? Number(view.getBigUint64(off + 8, le)) : view.getUint32(off + 4, le);
    const size = is64 ? Number(view.getBigUint64(off + 16, le)) : view.getUint32(off + 8, le);
    const shndx = view.getUint16(off + (is64 ? 6 : 14), le);
    out.push({ name, value, size, type, bind, shndx, file: bind === STB_LOCAL ? file : null });
  }
  return out;
}

/** The names of the file symbols (STT_FILE), each once: only their names are decoded. */
export function fileSymbolNames(table: SymbolTable): string[] {
  const { symtab, strtab, is64, littleEndian: le } = table;
  const view = new DataView(symtab.buffer, symtab.byteOffset, symtab.byteLength);
  const entry = is64 ? 24 : 16;
  const out = new Set<string>();
  for (let off = entry; off + entry <= symtab.byteLength; off += entry)
    if ((view.getUint8(off + (is64 ? 4 : 12)) & 0xf) === STT_FILE)
      out.add(nameAt(strtab, view.getUint32(off, le)));
  out.delete('');
  return [...out];
}

export interface Relocation {
  /** The address the relocation writes (a GOT slot for JUMP_SLOT / GLOB_DAT). */
  offset: number;
  /** Index into the symbol table the section links to (`.dynsym`). */
  symbol: number;
}

/** A `.rela.*` (with addends) or `.rel.*` section's entries. */
export function readRelocations(
  bytes: Uint8Array,
  is64: boolean,
  littleEndian: boolean,
  withAddend: boolean,
): Relocation[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = is64 ? (withAddend ? 24 : 16) : withAddend ? 12 : 8;
  const out: Relocation[] = [];
  for (let off = 0; off + size <= bytes.byteLength; off += size) {
    if (is64) {
      const offset = Number(view.getBigUint64(off, littleEndian));
      const info = view.getBigUint64(off + 8, littleEndian);
      out.push({ offset, symbol: Number(info >> 32n) });
    } else {
      const offset = view.getUint32(off, littleEndian);
      out.push({ offset, symbol: view.getUint32(off + 4, littleEndian) >>> 8 });
    }
  }
  return out;
}

/**
 * GOT slot address → the dynamic symbol its relocation binds there. `dynsym` is indexed as the
 * relocations index it: entry 0 is the null symbol, so names[i - 1] is symbol i.
 */
export function slotSymbols(
  relocations: readonly Relocation[],
  dynsym: readonly ElfSymbol[],
): Map<number, string> {
  const out = new Map<number, string>();
  for (const r of relocations) {
    const name = r.symbol === 0 ? undefined : dynsym[r.symbol - 1]?.name;
    if (name !== undefined && name !== '') out.set(r.offset, name);
  }
  return out;
}
