/**
 * The call-site decoder against binutils' objdump on real binaries: every branch to a PLT stub
 * and (x86-64) every instruction that reads a GOT slot, found at the same addresses for the
 * same symbols; and the calling function named as objdump names it.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseReadelf } from '../../src/domain/elf/readelf.js';
import { readRelocations, readSymbols, slotSymbols } from '../../src/domain/elf/symbol-table.js';
import { findCallSites, type CodeArch } from '../../src/domain/explain/call-sites.js';
import { functionAt, functionMap } from '../../src/domain/explain/functions.js';
import { isElfBinary } from '../setup/corpus.js';
import { fixture } from '../setup/fixtures.js';

const OBJDUMP: Record<CodeArch, string> = {
  'x86-64': 'objdump',
  arm64: 'aarch64-linux-gnu-objdump',
};

interface Decoded {
  /** `address symbol` of every site. */
  sites: Set<string>;
  slots: Map<number, string>;
  /** site address → the C function that holds it (by .symtab). */
  callers: Map<number, string>;
}

function decode(path: string, arch: CodeArch): Decoded | null {
  const facts = parseReadelf(
    execFileSync('readelf', ['-hlSdnW', path], { encoding: 'utf8', maxBuffer: 1 << 28 }),
  );
  const file = readFileSync(path);
  const section = (name: string) => facts.layout.sections.find((s) => s.name === name);
  const bytes = (s: { offset: number; size: number }): Uint8Array =>
    new Uint8Array(file.buffer, file.byteOffset + s.offset, s.size);
  const dynsym = section('.dynsym');
  const dynstr = section('.dynstr');
  if (dynsym === undefined || dynstr === undefined) return null;
  const table = (symtab: Uint8Array, strtab: Uint8Array) =>
    readSymbols({ symtab, strtab, is64: true, littleEndian: true });
  const dyn = table(bytes(dynsym), bytes(dynstr));
  const relocations = facts.layout.sections
    .filter((s) => /^\.rela\.(?:plt|dyn)$/.test(s.name))
    .flatMap((s) => readRelocations(bytes(s), true, true, true));
  const slots = slotSymbols(relocations, dyn);
  const of = (re: RegExp) =>
    facts.layout.sections
      .filter((s) => re.test(s.name) && s.type !== 'NOBITS')
      .map((s) => ({ address: s.address, bytes: bytes(s) }));
  const found = findCallSites({
    arch,
    plt: of(/^\.plt(?:\.sec|\.got)?$/),
    code: of(/^\.text|^\.init$|^\.fini$/),
    slots,
    wanted: new Set(dyn.map((d) => d.name).filter((n) => n !== '')),
  });
  const symtab = section('.symtab');
  const strtab = section('.strtab');
  const map =
    symtab === undefined || strtab === undefined
      ? null
      : functionMap(table(bytes(symtab), bytes(strtab)));
  const sites = new Set<string>();
  const callers = new Map<number, string>();
  for (const [name, list] of found)
    for (const s of list) {
      // objdump names no GOT slot an arm64 adrp/ldr pair reads: compare the branches there.
      if (arch === 'x86-64' || s.via === 'stub') sites.add(`${s.address.toString(16)} ${name}`);
      const f = map === null ? null : functionAt(map, s.address);
      if (f !== null) callers.set(s.address, f.name);
    }
  return { sites, slots, callers };
}

const BRANCH = /^(?:call|jmp|j[a-z]{1,3}|bl|b|b\.[a-z]{2}|cbn?z)$/;

/** The same, as objdump disassembles it: branches to `<sym@plt>`, and GOT reads by address. */
function objdump(path: string, arch: CodeArch, slots: ReadonlyMap<number, string>) {
  const text = execFileSync(
    OBJDUMP[arch],
    ['-d', '-w', '--no-show-raw-insn', '-j', '.text', '-j', '.init', '-j', '.fini', path],
    { encoding: 'utf8', maxBuffer: 1 << 30 },
  );
  const sites = new Set<string>();
  const functions = new Map<number, string>();
  let current = '';
  for (const line of text.split('\n')) {
    const head = /^[0-9a-f]+ <([^>]+)>:$/.exec(line);
    if (head?.[1] !== undefined) current = head[1];
    const m = /^\s*([0-9a-f]+):\s+(\S+)\s+(.*)$/.exec(line);
    if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) continue;
    const [, at, op, rest] = m;
    let name: string | undefined;
    const plt = /<([^<>+]+)@plt>$/.exec(rest);
    if (plt?.[1] !== undefined && BRANCH.test(op) && !rest.startsWith('*')) name = plt[1];
    const got = /^\*?-?0x[0-9a-f]+\(%rip\)(?:,%r\w+)?\s+# ([0-9a-f]+)/.exec(rest);
    const reads =
      (/^(?:call|jmp)$/.test(op) && rest.startsWith('*')) ||
      (op === 'mov' && /^-?0x[0-9a-f]+\(%rip\),%r(?:[a-z]{2}|\d+)\s/.test(rest));
    if (arch === 'x86-64' && got?.[1] !== undefined && reads)
      name = slots.get(Number.parseInt(got[1], 16));
    if (name === undefined) continue;
    sites.add(`${at} ${name.replace(/@.*$/, '')}`);
    functions.set(Number.parseInt(at, 16), current);
  }
  return { sites, functions };
}

function elfFiles(dir: string, limit: number, machine: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    try {
      const s = statSync(path);
      if (!s.isFile() || s.size > 20 * 1024 * 1024 || !isElfBinary(path)) continue;
    } catch {
      continue;
    }
    const header = execFileSync('readelf', ['-h', path], { encoding: 'utf8' });
    if (header.includes('ELF64') && machine.test(header)) out.push(path);
    if (out.length >= limit) break;
  }
  return out;
}

describe.each([
  {
    arch: 'x86-64' as const,
    fixtures: ['amd64-gcc', 'amd64-pie', 'amd64-cxx', 'amd64-clang-bullseye', 'amd64-cshared'],
    corpus: () => elfFiles('/usr/lib/x86_64-linux-gnu', 60, /X86-64/),
  },
  {
    arch: 'arm64' as const,
    fixtures: ['arm64-gcc', 'arm64-clang-bullseye'],
    corpus: () => elfFiles('/usr/aarch64-linux-gnu/lib', 40, /AArch64/),
  },
])('$arch', ({ arch, fixtures, corpus }) => {
  const files = [...fixtures.map((f) => fixture(f)), ...corpus()];

  it('finds the call sites objdump finds, and no others', () => {
    let total = 0;
    for (const path of files) {
      const mine = decode(path, arch);
      if (mine === null) continue;
      const theirs = objdump(path, arch, mine.slots);
      expect(
        [...mine.sites].filter((s) => !theirs.sites.has(s)),
        path,
      ).toEqual([]);
      expect(
        [...theirs.sites].filter((s) => !mine.sites.has(s)),
        path,
      ).toEqual([]);
      total += mine.sites.size;
    }
    expect(total).toBeGreaterThan(arch === 'x86-64' ? 20_000 : 5_000);
  });

  it('names the calling function as objdump does (from .symtab)', () => {
    let named = 0;
    for (const name of fixtures) {
      const path = fixture(name);
      const mine = decode(path, arch);
      if (mine === null) continue;
      const theirs = objdump(path, arch, mine.slots);
      for (const [at, fn] of mine.callers) {
        const expected = theirs.functions.get(at);
        if (expected === undefined) continue; // an arm64 GOT read, which objdump does not name
        expect(fn, `${name} at ${at.toString(16)}`).toBe(expected);
        named++;
      }
    }
    expect(named).toBeGreaterThan(20);
  });
});
