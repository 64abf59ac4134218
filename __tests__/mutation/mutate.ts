/**
 * Random, reproducible mutants of real ELF files (ELF32/ELF64, either byte order): header,
 * section and segment fields, dynamic entries, version-need records, offsets and counts, bit
 * flips and truncation. Each mutant says what was changed, so a failure names it.
 */
import { Elf } from '../setup/elf-lies.js';

/** mulberry32: a small seeded generator, so a failing mutant can be made again. */
export function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutant {
  bytes: Buffer;
  what: string;
}

type Field = [name: string, at: number, size: 1 | 2 | 4 | 8];

export class Mutator {
  constructor(private readonly random: () => number) {}

  private int(n: number): number {
    return Math.floor(this.random() * n);
  }
  private pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('nothing to pick from');
    return item;
  }

  /** A value worth trying in a field of `size` bytes that holds `old`. */
  private value(old: number, size: number): number {
    const max = size >= 8 ? 2 ** 53 - 1 : 2 ** (size * 8) - 1;
    const choices = [
      0,
      1,
      max,
      Math.max(0, old - 1),
      Math.min(max, old + 1),
      Math.min(max, old + 8),
      Math.max(0, old - 16),
      Math.min(max, old * 2),
      Math.min(max, old + 0x1000),
      this.int(Math.min(max, 2 ** 32)),
    ];
    return this.pick(choices);
  }

  private set(elf: Elf, b: Buffer, field: Field): string {
    const [name, at, size] = field;
    if (at < 0 || at + size > b.length) return `${name}: out of file, unchanged`;
    const read = (): number =>
      size === 1
        ? (b[at] ?? 0)
        : size === 2
          ? elf.u16(at, b)
          : size === 4
            ? elf.u32(at, b)
            : elf.word(at, b);
    const old = read();
    const v = this.value(old, size);
    if (size === 1) b[at] = v & 0xff;
    else if (size === 2) {
      if (elf.le) b.writeUInt16LE(v & 0xffff, at);
      else b.writeUInt16BE(v & 0xffff, at);
    } else if (size === 4) elf.setU32(at, v >>> 0, b);
    else if (elf.is64) {
      if (elf.le) b.writeBigUInt64LE(BigInt(v), at);
      else b.writeBigUInt64BE(BigInt(v), at);
    } else elf.setU32(at, v >>> 0, b);
    return `${name} 0x${old.toString(16)} -> 0x${read().toString(16)}`;
  }

  mutate(original: Buffer): Mutant {
    const b = Buffer.from(original);
    const elf = new Elf(b);
    const op = this.pick(['ehdr', 'shdr', 'phdr', 'dyn', 'verneed', 'bits', 'truncate', 'dynstr']);
    switch (op) {
      case 'ehdr':
        return { bytes: b, what: `ELF header ${this.set(elf, b, this.pick(ehdrFields(elf)))}` };
      case 'shdr': {
        const sections = elf.sections().filter((s) => s.name !== '');
        const wanted = sections.filter((s) => INTERESTING_SECTIONS.has(s.name));
        const s = this.pick(this.random() < 0.7 && wanted.length > 0 ? wanted : sections);
        return {
          bytes: b,
          what: `section ${s.name} ${this.set(elf, b, this.pick(shdrFields(elf, s.header)))}`,
        };
      }
      case 'phdr': {
        const phdrs = programHeaders(elf);
        if (phdrs.length === 0) return this.truncate(b);
        const p = this.pick(phdrs);
        return {
          bytes: b,
          what: `segment ${p.type} ${this.set(elf, b, this.pick(phdrFields(elf, p.at)))}`,
        };
      }
      case 'dyn': {
        const entries = dynamicEntries(elf);
        if (entries.length === 0) return this.bits(b);
        const e = this.pick(entries);
        const size = elf.is64 ? 8 : 4;
        const field: Field =
          this.random() < 0.3
            ? [`d_tag of tag ${e.tag}`, e.at, size]
            : [`d_val of tag ${e.tag}`, e.at + size, size];
        return { bytes: b, what: `dynamic ${this.set(elf, b, field)}` };
      }
      case 'verneed': {
        const fields = verneedFields(elf);
        if (fields.length === 0) return this.bits(b);
        return { bytes: b, what: `version needs ${this.set(elf, b, this.pick(fields))}` };
      }
      case 'bits':
        return this.bits(b);
      case 'truncate':
        return this.truncate(b);
      default: {
        // The issue's case: .dynstr's sh_offset moved (the loader does not care).
        const s = elf.sections().find((x) => x.name === '.dynstr');
        if (s === undefined) return this.bits(b);
        return {
          bytes: b,
          what: `section .dynstr ${this.set(elf, b, [`sh_offset`, s.header + (elf.is64 ? 0x18 : 0x10), elf.is64 ? 8 : 4])}`,
        };
      }
    }
  }

  private bits(b: Buffer): Mutant {
    const n = 1 + this.int(8);
    const near = this.random() < 0.5 ? Math.min(b.length, 64 * 1024) : b.length;
    const flipped: string[] = [];
    for (let i = 0; i < n; i++) {
      const at = this.int(near);
      const bit = this.int(8);
      b[at] = (b[at] ?? 0) ^ (1 << bit);
      flipped.push(`${at}:${bit}`);
    }
    return { bytes: b, what: `bit flips at ${flipped.join(' ')}` };
  }

  private truncate(b: Buffer): Mutant {
    const length = this.random() < 0.5 ? this.int(Math.min(b.length, 8192)) : this.int(b.length);
    return { bytes: b.subarray(0, length), what: `truncated to ${length} of ${b.length} bytes` };
  }
}

const INTERESTING_SECTIONS = new Set([
  '.dynamic',
  '.dynstr',
  '.dynsym',
  '.gnu.version',
  '.gnu.version_r',
  '.interp',
  '.note.ABI-tag',
  '.note.gnu.property',
  '.go.buildinfo',
  '.shstrtab',
]);

function ehdrFields(elf: Elf): Field[] {
  const w: 4 | 8 = elf.is64 ? 8 : 4;
  const o = elf.is64
    ? [0x20, 0x28, 0x34, 0x36, 0x38, 0x3a, 0x3c, 0x3e]
    : [0x1c, 0x20, 0x28, 0x2a, 0x2c, 0x2e, 0x30, 0x32];
  return [
    ['EI_CLASS', 4, 1],
    ['EI_DATA', 5, 1],
    ['e_type', 16, 2],
    ['e_machine', 18, 2],
    ['e_phoff', o[0] ?? 0, w],
    ['e_shoff', o[1] ?? 0, w],
    ['e_ehsize', o[2] ?? 0, 2],
    ['e_phentsize', o[3] ?? 0, 2],
    ['e_phnum', o[4] ?? 0, 2],
    ['e_shentsize', o[5] ?? 0, 2],
    ['e_shnum', o[6] ?? 0, 2],
    ['e_shstrndx', o[7] ?? 0, 2],
  ];
}

function shdrFields(elf: Elf, h: number): Field[] {
  const w: 4 | 8 = elf.is64 ? 8 : 4;
  return elf.is64
    ? [
        ['sh_name', h, 4],
        ['sh_type', h + 4, 4],
        ['sh_addr', h + 0x10, w],
        ['sh_offset', h + 0x18, w],
        ['sh_size', h + 0x20, w],
        ['sh_link', h + 0x28, 4],
        ['sh_info', h + 0x2c, 4],
        ['sh_entsize', h + 0x38, w],
      ]
    : [
        ['sh_name', h, 4],
        ['sh_type', h + 4, 4],
        ['sh_addr', h + 0xc, w],
        ['sh_offset', h + 0x10, w],
        ['sh_size', h + 0x14, w],
        ['sh_link', h + 0x18, 4],
        ['sh_info', h + 0x1c, 4],
        ['sh_entsize', h + 0x24, w],
      ];
}

function phdrFields(elf: Elf, h: number): Field[] {
  const w: 4 | 8 = elf.is64 ? 8 : 4;
  return elf.is64
    ? [
        ['p_type', h, 4],
        ['p_offset', h + 8, w],
        ['p_vaddr', h + 0x10, w],
        ['p_filesz', h + 0x20, w],
        ['p_memsz', h + 0x28, w],
      ]
    : [
        ['p_type', h, 4],
        ['p_offset', h + 4, w],
        ['p_vaddr', h + 8, w],
        ['p_filesz', h + 0x10, w],
        ['p_memsz', h + 0x14, w],
      ];
}

const PT_NAMES: Record<number, string> = {
  1: 'PT_LOAD',
  2: 'PT_DYNAMIC',
  3: 'PT_INTERP',
  4: 'PT_NOTE',
};

export function programHeaders(
  elf: Elf,
): { at: number; type: string; offset: number; vaddr: number; filesz: number }[] {
  const phoff = elf.word(elf.is64 ? 0x20 : 0x1c);
  const count = elf.u16(elf.is64 ? 0x38 : 0x2c);
  const size = elf.is64 ? 56 : 32;
  return Array.from({ length: count }, (_, i) => {
    const at = phoff + i * size;
    const type = elf.u32(at);
    return {
      at,
      type: PT_NAMES[type] ?? `0x${type.toString(16)}`,
      offset: elf.word(at + (elf.is64 ? 8 : 4)),
      vaddr: elf.word(at + (elf.is64 ? 0x10 : 8)),
      filesz: elf.word(at + (elf.is64 ? 0x20 : 0x10)),
    };
  });
}

/** The dynamic segment's entries in the file (PT_DYNAMIC's p_offset), up to DT_NULL. */
function dynamicEntries(elf: Elf): { at: number; tag: number }[] {
  const dynamic = programHeaders(elf).find((p) => p.type === 'PT_DYNAMIC');
  if (dynamic === undefined) return [];
  const size = elf.is64 ? 16 : 8;
  const out: { at: number; tag: number }[] = [];
  for (let at = dynamic.offset; at + size <= dynamic.offset + dynamic.filesz; at += size) {
    const tag = elf.word(at);
    out.push({ at, tag });
    if (tag === 0) break;
  }
  return out;
}

/** Every field of the version-need records, found through .gnu.version_r as built. */
function verneedFields(elf: Elf): Field[] {
  const s = elf.sections().find((x) => x.name === '.gnu.version_r');
  if (s === undefined) return [];
  const out: Field[] = [];
  for (let at = s.offset, n = 0; n < 64; n++) {
    out.push(
      ['vn_version', at, 2],
      ['vn_cnt', at + 2, 2],
      ['vn_file', at + 4, 4],
      ['vn_aux', at + 8, 4],
      ['vn_next', at + 12, 4],
    );
    for (let aux = at + elf.u32(at + 8), m = 0; m < 64; m++) {
      out.push(['vna_flags', aux + 4, 2], ['vna_name', aux + 8, 4], ['vna_next', aux + 12, 4]);
      const next = elf.u32(aux + 12);
      if (next === 0) break;
      aux += next;
    }
    const next = elf.u32(at + 12);
    if (next === 0) break;
    at += next;
  }
  return out;
}
