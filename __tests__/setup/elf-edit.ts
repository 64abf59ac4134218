/**
 * Byte edits on a copy of a real ELF64 little-endian fixture, to craft the inputs a hostile or
 * unusual toolchain produces (stripped section headers, hidden version needs, other machines).
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

export interface Section {
  name: string;
  /** Where this section's header is. */
  header: number;
  type: number;
  offset: number;
  size: number;
}

export function sections(b: Buffer): Section[] {
  const shoff = Number(b.readBigUInt64LE(0x28));
  const shentsize = b.readUInt16LE(0x3a);
  const shnum = b.readUInt16LE(0x3c);
  const shstrndx = b.readUInt16LE(0x3e);
  const at = (i: number): number => shoff + i * shentsize;
  const strOffset = Number(b.readBigUInt64LE(at(shstrndx) + 0x18));
  const out: Section[] = [];
  for (let i = 0; i < shnum; i++) {
    const h = at(i);
    const nameAt = strOffset + b.readUInt32LE(h);
    out.push({
      name: b.toString('latin1', nameAt, b.indexOf(0, nameAt)),
      header: h,
      type: b.readUInt32LE(h + 4),
      offset: Number(b.readBigUInt64LE(h + 0x18)),
      size: Number(b.readBigUInt64LE(h + 0x20)),
    });
  }
  return out;
}

export function section(b: Buffer, name: string): Section {
  const found = sections(b).find((s) => s.name === name);
  if (found === undefined) throw new Error(`no section ${name}`);
  return found;
}

/** Copies `from` to `to`, applies `edit` to its bytes, and returns `to`. */
export function craft(from: string, to: string, edit: (b: Buffer) => void): string {
  copyFileSync(from, to);
  const b = readFileSync(to);
  edit(b);
  writeFileSync(to, b);
  return to;
}

/** Renames a section in place (same length), as a toolchain that names it otherwise would. */
export function renameSection(b: Buffer, from: string, to: string): void {
  if (from.length !== to.length) throw new Error('same length only');
  const shstr = sections(b)[b.readUInt16LE(0x3e)];
  if (shstr === undefined) throw new Error('no .shstrtab');
  const at = b.indexOf(`${from}\0`, shstr.offset, 'latin1');
  if (at < 0) throw new Error(`no name ${from}`);
  b.write(to, at, 'latin1');
}

/** Drops the section header table (e_shoff, e_shnum, e_shstrndx = 0): the loader never reads it. */
export function stripSectionHeaders(b: Buffer): void {
  b.writeBigUInt64LE(0n, 0x28);
  b.writeUInt16LE(0, 0x3c);
  b.writeUInt16LE(0, 0x3e);
}

/** The Elf64_Verneed entries of .gnu.version_r, followed by vn_next like the loader does. */
export function verneeds(b: Buffer): { at: number; aux: number[] }[] {
  const s = section(b, '.gnu.version_r');
  const out: { at: number; aux: number[] }[] = [];
  let at = s.offset;
  for (;;) {
    const aux: number[] = [];
    let a = at + b.readUInt32LE(at + 8);
    for (;;) {
      aux.push(a);
      const next = b.readUInt32LE(a + 12);
      if (next === 0) break;
      a += next;
    }
    out.push({ at, aux });
    const next = b.readUInt32LE(at + 12);
    if (next === 0) return out;
    at += next;
  }
}
