/**
 * Section headers that lie, on ELF32 and ELF64 of either byte order: a section's header is
 * pointed at an edited copy of its bytes appended to the file. The loader never reads section
 * headers, so the file loads and runs as before; readelf (and any section-based reader) shows the
 * copy.
 */
export class Elf {
  readonly is64: boolean;
  readonly le: boolean;

  constructor(public b: Buffer) {
    this.is64 = b[4] === 2;
    this.le = b[5] === 1;
  }

  u16(at: number, b = this.b): number {
    return this.le ? b.readUInt16LE(at) : b.readUInt16BE(at);
  }
  u32(at: number, b = this.b): number {
    return this.le ? b.readUInt32LE(at) : b.readUInt32BE(at);
  }
  word(at: number, b = this.b): number {
    if (!this.is64) return this.u32(at, b);
    return Number(this.le ? b.readBigUInt64LE(at) : b.readBigUInt64BE(at));
  }
  setU32(at: number, v: number, b = this.b): void {
    if (this.le) b.writeUInt32LE(v, at);
    else b.writeUInt32BE(v, at);
  }
  setWord(at: number, v: number, b = this.b): void {
    if (!this.is64) {
      this.setU32(at, v, b);
      return;
    }
    if (this.le) b.writeBigUInt64LE(BigInt(v), at);
    else b.writeBigUInt64BE(BigInt(v), at);
  }

  sections(): { name: string; header: number; offset: number; size: number }[] {
    const shoff = this.word(this.is64 ? 0x28 : 0x20);
    const entsize = this.u16(this.is64 ? 0x3a : 0x2e);
    const count = this.u16(this.is64 ? 0x3c : 0x30);
    const strndx = this.u16(this.is64 ? 0x3e : 0x32);
    const offsetField = this.is64 ? 0x18 : 0x10;
    const sizeField = this.is64 ? 0x20 : 0x14;
    const names = this.word(shoff + strndx * entsize + offsetField);
    return Array.from({ length: count }, (_, i) => {
      const header = shoff + i * entsize;
      const nameAt = names + this.u32(header);
      return {
        name: this.b.toString('latin1', nameAt, this.b.indexOf(0, nameAt)),
        header,
        offset: this.word(header + offsetField),
        size: this.word(header + sizeField),
      };
    });
  }

  section(name: string): { name: string; header: number; offset: number; size: number } {
    const s = this.sections().find((x) => x.name === name);
    if (s === undefined) throw new Error(`no section ${name}`);
    return s;
  }

  /** A NUL-terminated string of the (true) .dynstr. */
  dynstr(offset: number): string {
    const at = this.section('.dynstr').offset + offset;
    return this.b.toString('latin1', at, this.b.indexOf(0, at));
  }

  /** Appends an edited copy of a section and points its header (sh_offset) at the copy. */
  relocate(name: string, edit: (copy: Buffer) => void): Elf {
    const s = this.section(name);
    const copy = Buffer.from(this.b.subarray(s.offset, s.offset + s.size));
    edit(copy);
    const pad = (8 - (this.b.length % 8)) % 8;
    const grown = Buffer.concat([this.b, Buffer.alloc(pad), copy]);
    this.setWord(s.header + (this.is64 ? 0x18 : 0x10), this.b.length + pad, grown);
    return new Elf(grown);
  }
}

/** .gnu.version_r's copy names an allowed version wherever the true one names another. */
export function lieAboutVersionNeeds(elf: Elf, allowed: (name: string) => boolean): Elf {
  return elf.relocate('.gnu.version_r', (copy) => {
    const auxes: { at: number; name: string }[] = [];
    for (let at = 0; ;) {
      for (let aux = at + elf.u32(at + 8, copy); ;) {
        auxes.push({ at: aux, name: elf.dynstr(elf.u32(aux + 8, copy)) });
        const next = elf.u32(aux + 12, copy);
        if (next === 0) break;
        aux += next;
      }
      const next = elf.u32(at + 12, copy);
      if (next === 0) break;
      at += next;
    }
    const decoy = auxes.find((a) => allowed(a.name));
    if (decoy === undefined) throw new Error('no allowed version to name instead');
    const decoyName = elf.u32(decoy.at + 8, copy);
    for (const a of auxes) if (!allowed(a.name)) elf.setU32(a.at + 8, decoyName, copy);
  });
}

/** .dynstr's copy has `from` replaced by `to` (no longer), NUL-padded, wherever it stands whole. */
export function lieAboutStrings(elf: Elf, from: string, to: string): Elf {
  if (to.length > from.length) throw new Error('the replacement must not be longer');
  return elf.relocate('.dynstr', (copy) => {
    const needle = Buffer.from(`\0${from}\0`, 'latin1');
    let found = 0;
    for (let at = copy.indexOf(needle); at >= 0; at = copy.indexOf(needle, at + 1)) {
      copy.fill(0, at + 1, at + 1 + from.length);
      copy.write(to, at + 1, 'latin1');
      found++;
    }
    if (found === 0) throw new Error(`no string ${from} in .dynstr`);
  });
}

/** .dynamic's copy lacks the DT_NEEDED entry naming `library` (the rest moved up). */
export function lieAboutNeeded(elf: Elf, library: string): Elf {
  return elf.relocate('.dynamic', (copy) => {
    const size = elf.is64 ? 16 : 8;
    const entries: Buffer[] = [];
    let dropped = false;
    for (let at = 0; at + size <= copy.length; at += size) {
      const tag = elf.word(at, copy);
      const value = elf.word(at + size / 2, copy);
      if (tag === 1 && !dropped && elf.dynstr(value) === library) dropped = true;
      else entries.push(Buffer.from(copy.subarray(at, at + size)));
    }
    if (!dropped) throw new Error(`no DT_NEEDED ${library}`);
    copy.fill(0);
    entries.forEach((e, i) => e.copy(copy, i * size));
  });
}
