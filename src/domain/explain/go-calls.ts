/**
 * Where Go code calls given Go functions — cgo's wrappers, `<import path>._Cfunc_<C name>` —
 * and the source line of each call, from the code bytes and `.gopclntab` alone, so a stripped
 * (`-ldflags=-s -w`) binary still says which line of Go calls a C function.
 *
 * Go calls a cgo wrapper directly: the wrapper (`main._Cfunc_getrandom`, `.abi0` in `.symtab`
 * but not in `.gopclntab`) is an ABI0 function and ABI0 callers reach it with no ABI wrapper in
 * between (checked on Go 1.26, amd64 and arm64).
 *
 * - x86-64: `call rel32` (E8). x86 instructions have no alignment, so every byte offset is
 *   tried; a match must land exactly on a wanted callee's entry and lie wholly inside a Go
 *   function, which stray bytes practically never do.
 * - arm64: `bl imm26` on 4-byte aligned words.
 *
 * A site's line is the innermost position the tables record: a call in code inlined from
 * another function gives the inlined body's line, while the caller is the function whose code
 * holds it.
 */
import type { Pclntab } from '../elf/gopclntab.js';
import type { CodeArch, CodeBytes } from './call-sites.js';

export interface GoCallSite {
  /** The called function, as `.gopclntab` names it (`main._Cfunc_getrandom`). */
  callee: string;
  /** The Go function whose code holds the call (`main.fill`). */
  caller: string;
  /** The address of the call instruction. */
  pc: number;
  /** The call's source file and line; '' and 0 when the tables say nothing for pc. */
  file: string;
  line: number;
}

export interface GoCallInput {
  arch: CodeArch;
  /** The code (`.text`); only the part Go functions occupy is searched. */
  text: readonly CodeBytes[];
  pclntab: Pclntab;
  /** The functions to find the calls of, by `.gopclntab` name. */
  callees: ReadonlySet<string>;
}

/** Every call of a wanted callee from another Go function, by pc then callee, once each. */
export function goCallSites(input: GoCallInput): GoCallSite[] {
  const { pclntab } = input;
  const wanted = new Map<number, string>();
  for (const f of pclntab.funcs) if (input.callees.has(f.name)) wanted.set(f.entry, f.name);
  const first = pclntab.funcs[0];
  const last = pclntab.funcs[pclntab.funcs.length - 1];
  if (wanted.size === 0 || first === undefined || last === undefined) return [];
  const found = new Map<string, GoCallSite>();
  const add = (pc: number, size: number, target: number): void => {
    const callee = wanted.get(target);
    if (callee === undefined) return;
    const f = pclntab.funcAt(pc);
    if (f === null || pc + size > f.end || f.name === callee) return;
    const at = pclntab.lineAt(pc);
    found.set(`${pc} ${callee}`, {
      callee,
      caller: f.name,
      pc,
      file: at?.file ?? '',
      line: at?.line ?? 0,
    });
  };
  for (const { address, bytes } of input.text) {
    // Only the bytes Go's functions occupy.
    const from = Math.max(0, first.entry - address);
    const to = Math.min(bytes.byteLength, last.end - address);
    if (from >= to) continue;
    if (input.arch === 'x86-64') x86(address, bytes, from, to, add);
    else arm64(address, bytes, from, to, add);
  }
  return [...found.values()].sort((a, b) => a.pc - b.pc || (a.callee < b.callee ? -1 : 1));
}

type Add = (pc: number, size: number, target: number) => void;

const int32 = (b: Uint8Array, i: number): number =>
  (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16) | ((b[i + 3] ?? 0) << 24) | 0;

function x86(address: number, bytes: Uint8Array, from: number, to: number, add: Add): void {
  for (let i = from; i + 5 <= to; i++)
    if (bytes[i] === 0xe8) add(address + i, 5, address + i + 5 + int32(bytes, i + 1));
}

function arm64(address: number, bytes: Uint8Array, from: number, to: number, add: Add): void {
  const start = from + ((4 - ((address + from) % 4)) % 4);
  for (let i = start; i + 4 <= to; i += 4) {
    const insn = int32(bytes, i) >>> 0;
    if ((insn & 0xfc000000) >>> 0 !== 0x94000000) continue;
    let imm = insn & 0x3ffffff;
    if (imm >= 2 ** 25) imm -= 2 ** 26;
    add(address + i, 4, address + i + imm * 4);
  }
}
