/**
 * Where code calls a dynamic symbol, decoded from the bytes without a disassembler: the PLT
 * stubs are decoded to the GOT slot each one jumps through (so no section order is assumed),
 * the relocations name the symbol in each slot, and the code is searched for the instructions
 * that reach a stub or a slot.
 *
 * - x86-64: `call`/`jmp rel32` to a stub; `call`/`jmp *slot(%rip)` (`-fno-plt`, crt1.o's call of
 *   `__libc_start_main`); `mov slot(%rip), %reg` (a function's address loaded from the GOT).
 *   x86 instructions have no alignment, so every byte offset is tried: a match must land exactly
 *   on a stub or a slot of a wanted symbol, which stray bytes almost never do.
 * - arm64: `bl`/`b imm26` to a stub; `adrp` + `ldr` of a slot. Instructions are 4-byte words.
 */

export type CodeArch = 'x86-64' | 'arm64';

export interface CodeBytes {
  /** The virtual address of bytes[0]. */
  address: number;
  bytes: Uint8Array;
}

export interface CallSiteInput {
  arch: CodeArch;
  /** The PLT sections (`.plt`, `.plt.sec`, `.plt.got`). */
  plt: readonly CodeBytes[];
  /** The code to search (the functions that may call C). */
  code: readonly CodeBytes[];
  /** GOT slot address → the symbol its relocation binds there. */
  slots: ReadonlyMap<number, string>;
  /** The symbols to find callers of. */
  wanted: ReadonlySet<string>;
}

export interface Site {
  address: number;
  /** A branch to the symbol's PLT stub, or an instruction that reads its GOT slot. */
  via: 'stub' | 'slot';
}

/** Symbol → the instructions that call or load it. */
export type CallSites = Map<string, Site[]>;

const ENDBR64 = [0xf3, 0x0f, 0x1e, 0xfa];
const BTI_C = 0xd503245f;
const BTI = 0xd503241f;

export function findCallSites(input: CallSiteInput): CallSites {
  const wantedSlots = new Map<number, string>();
  for (const [slot, name] of input.slots) if (input.wanted.has(name)) wantedSlots.set(slot, name);
  const stubs = input.arch === 'x86-64' ? x86Stubs(input.plt) : arm64Stubs(input.plt);
  const wantedStubs = new Map<number, string>();
  for (const [stub, slot] of stubs) {
    const name = wantedSlots.get(slot);
    if (name !== undefined) wantedStubs.set(stub, name);
  }
  const out: CallSites = new Map();
  const add: Add = (name, address, via) => {
    if (name === undefined) return;
    const sites = out.get(name) ?? [];
    sites.push({ address, via });
    out.set(name, sites);
  };
  for (const code of input.code) {
    if (input.arch === 'x86-64') x86Calls(code, wantedStubs, wantedSlots, add);
    else arm64Calls(code, wantedStubs, wantedSlots, add);
  }
  return out;
}

const int32 = (b: Uint8Array, i: number): number =>
  (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24) | 0;

const word = (b: Uint8Array, i: number): number => int32(b, i) >>> 0;

/** Stub entry address → its GOT slot: `[endbr64] [bnd] jmp *slot(%rip)`. */
function x86Stubs(plt: readonly CodeBytes[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const { address, bytes } of plt) {
    for (let i = 0; i + 6 <= bytes.length; i++) {
      if (bytes[i] !== 0xff || bytes[i + 1] !== 0x25) continue;
      const slot = address + i + 6 + int32(bytes, i + 2);
      let start = i;
      if (bytes[start - 1] === 0xf2) start--;
      if (ENDBR64.every((b, k) => bytes[start - 4 + k] === b)) start -= 4;
      out.set(address + i, slot);
      out.set(address + start, slot);
    }
  }
  return out;
}

type Add = (name: string | undefined, address: number, via: Site['via']) => void;

function x86Calls(
  { address, bytes }: CodeBytes,
  stubs: ReadonlyMap<number, string>,
  slots: ReadonlyMap<number, string>,
  add: Add,
): void {
  for (let i = 0; i + 5 <= bytes.length; i++) {
    const op = bytes[i];
    if (op === 0xe8 || op === 0xe9) {
      add(stubs.get(address + i + 5 + int32(bytes, i + 1)), address + i, 'stub');
    } else if (op === 0x0f && ((bytes[i + 1] ?? 0) & 0xf0) === 0x80 && i + 6 <= bytes.length) {
      // jcc rel32: a conditional tail call.
      add(stubs.get(address + i + 6 + int32(bytes, i + 2)), address + i, 'stub');
    } else if (op === 0xff && i + 6 <= bytes.length) {
      // call/jmp *disp32(%rip): ModRM 0x15 / 0x25.
      const modrm = bytes[i + 1];
      if (modrm === 0x15 || modrm === 0x25)
        add(slots.get(address + i + 6 + int32(bytes, i + 2)), address + i, 'slot');
    } else if ((op === 0x48 || op === 0x4c) && bytes[i + 1] === 0x8b && i + 7 <= bytes.length) {
      // mov disp32(%rip), %r64: ModRM mod 00, r/m 101.
      if (((bytes[i + 2] ?? 0) & 0xc7) === 0x05)
        add(slots.get(address + i + 7 + int32(bytes, i + 3)), address + i, 'slot');
    }
  }
}

interface Adrp {
  reg: number;
  page: number;
}

function adrp(insn: number, pc: number): Adrp | null {
  if ((insn & 0x9f000000) >>> 0 !== 0x90000000) return null;
  const immlo = (insn >>> 29) & 3;
  const immhi = (insn >>> 5) & 0x7ffff;
  let imm = immhi * 4 + immlo;
  if (imm >= 2 ** 20) imm -= 2 ** 21;
  return { reg: insn & 31, page: Math.floor(pc / 4096) * 4096 + imm * 4096 };
}

/** `ldr xT, [xN, #imm]` (64-bit, unsigned offset): the base register and the offset. */
function ldr64(insn: number): { base: number; offset: number } | null {
  if ((insn & 0xffc00000) >>> 0 !== 0xf9400000) return null;
  return { base: (insn >>> 5) & 31, offset: ((insn >>> 10) & 0xfff) * 8 };
}

/** Stub entry address → its GOT slot: `[bti c] adrp x16, page; ldr x17, [x16, #off]; …`. */
function arm64Stubs(plt: readonly CodeBytes[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const { address, bytes } of plt) {
    for (let i = 0; i + 8 <= bytes.length; i += 4) {
      const a = adrp(word(bytes, i), address + i);
      const l = ldr64(word(bytes, i + 4));
      if (a?.reg !== 16 || l?.base !== 16) continue;
      const slot = a.page + l.offset;
      out.set(address + i, slot);
      const before = i >= 4 ? word(bytes, i - 4) : 0;
      if (before === BTI_C || before === BTI) out.set(address + i - 4, slot);
    }
  }
  return out;
}

function arm64Calls(
  { address, bytes }: CodeBytes,
  stubs: ReadonlyMap<number, string>,
  slots: ReadonlyMap<number, string>,
  add: Add,
): void {
  for (let i = 0; i + 4 <= bytes.length; i += 4) {
    const insn = word(bytes, i);
    const pc = address + i;
    const top = (insn & 0xfc000000) >>> 0;
    if (top === 0x94000000 || top === 0x14000000) {
      let imm = insn & 0x3ffffff;
      if (imm >= 2 ** 25) imm -= 2 ** 26;
      add(stubs.get(pc + imm * 4), pc, 'stub');
      continue;
    }
    if ((insn & 0xff000010) >>> 0 === 0x54000000 || (insn & 0x7e000000) >>> 0 === 0x34000000) {
      // b.cond / cbz / cbnz imm19: a conditional tail call.
      let imm = (insn >>> 5) & 0x7ffff;
      if (imm >= 2 ** 18) imm -= 2 ** 19;
      add(stubs.get(pc + imm * 4), pc, 'stub');
      continue;
    }
    const a = adrp(insn, pc);
    if (a === null || i + 8 > bytes.length) continue;
    const l = ldr64(word(bytes, i + 4));
    if (l?.base === a.reg) add(slots.get(a.page + l.offset), pc, 'slot');
  }
}
