/**
 * Hardening facts from readelf's text and a symbol table's names (domain/elf/hardening.ts): each
 * mark read from the lines readelf 2.40 prints, and what cannot be known stays unknown.
 */
import { describe, expect, it } from 'vitest';
import {
  emptyMarks,
  featuresOfNoteLine,
  hardeningOf,
  hardeningSummary,
  type HardeningInput,
  type SymbolNames,
} from '../../src/domain/elf/hardening.js';
import { parseReadelf } from '../../src/domain/elf/readelf.js';

const X86 = 'Advanced Micro Devices X86-64';

function names(from: SymbolNames['from'], defined: string[], undef: string[]): SymbolNames {
  return { from, all: new Set([...defined, ...undef]), undefined: new Set(undef) };
}

function input(change: Partial<HardeningInput> = {}): HardeningInput {
  return {
    machine: X86,
    type: 'DYN',
    interpreter: '/lib64/ld-linux-x86-64.so.2',
    pieFlag: true,
    marks: { ...emptyMarks(), gnuRelro: true, gnuStack: 'RW', bindNow: true },
    symbols: names('.dynsym', [], ['__stack_chk_fail', '__memcpy_chk', 'printf']),
    ...change,
  };
}

describe('readelf text → hardening marks', () => {
  const text = (program: string, dynamic: string, notes = '') =>
    `ELF Header:\n  Type:                              DYN (Position-Independent Executable file)\n\nProgram Headers:\n  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align\n${program}\n\nDynamic section at offset 0x2dc8 contains 27 entries:\n  Tag        Type                         Name/Value\n${dynamic}\n${notes}`;
  const stack = (flags: string) =>
    `  GNU_STACK      0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x000000 ${flags} 0x10`;
  const relro =
    '  GNU_RELRO      0x002dc8 0x0000000000003dc8 0x0000000000003dc8 0x000238 0x000238 R   0x1';

  it('reads PT_GNU_RELRO, PT_GNU_STACK flags and each way of saying BIND_NOW', () => {
    for (const dyn of [
      ' 0x0000000000000018 (BIND_NOW)                           ',
      ' 0x000000000000001e (FLAGS)              BIND_NOW',
      ' 0x000000006ffffffb (FLAGS_1)            Flags: NOW PIE',
    ]) {
      const { marks } = parseReadelf(text(`${relro}\n${stack('RW ')}`, dyn));
      expect(marks).toEqual({ gnuRelro: true, gnuStack: 'RW', bindNow: true, features: [] });
    }
  });

  it('reads an executable stack and no RELRO, and FLAGS_1 without NOW', () => {
    const { marks, pie } = parseReadelf(
      text(stack('RWE'), ' 0x000000006ffffffb (FLAGS_1)            Flags: PIE'),
    );
    expect(pie).toBe(true);
    expect(marks).toEqual({ gnuRelro: false, gnuStack: 'RWE', bindNow: false, features: [] });
  });

  it('leaves gnuStack null without PT_GNU_STACK', () => {
    expect(parseReadelf(text(relro, '')).marks.gnuStack).toBeNull();
  });

  it('reads the x86 and AArch64 feature words of .note.gnu.property', () => {
    expect(
      featuresOfNoteLine(
        '  GNU                  0x00000030	NT_GNU_PROPERTY_TYPE_0	      Properties: x86 feature: IBT, SHSTK',
      ),
    ).toEqual(['IBT', 'SHSTK']);
    expect(featuresOfNoteLine('      Properties: AArch64 feature: BTI, PAC')).toEqual([
      'BTI',
      'PAC',
    ]);
    expect(featuresOfNoteLine('      Properties: x86 ISA needed: x86-64-baseline')).toEqual([]);
    const notes =
      'Displaying notes found in: .note.gnu.property\n  Owner                Data size 	Description\n  GNU                  0x00000030	NT_GNU_PROPERTY_TYPE_0	      Properties: x86 feature: IBT, SHSTK\n';
    expect(parseReadelf(text('', '', notes)).marks.features).toEqual(['IBT', 'SHSTK']);
  });
});

describe('hardeningOf', () => {
  it('a fully hardened PIE', () => {
    const h = hardeningOf(input({ marks: { ...input().marks, features: ['IBT', 'SHSTK'] } }));
    expect(h).toEqual({
      pie: true,
      relro: 'full',
      bindNow: true,
      nxStack: true,
      stackProtector: 'yes',
      fortified: ['__memcpy_chk'],
      cet: true,
      bti: null,
      pac: null,
    });
    expect(hardeningSummary(h)).toBe('PIE, RELRO full, NX, SSP, FORTIFY 1, CET');
  });

  it('PIE: ET_DYN with DF_1_PIE or an interpreter; not ET_EXEC, not a shared library', () => {
    expect(hardeningOf(input({ pieFlag: false })).pie).toBe(true);
    expect(hardeningOf(input({ interpreter: null })).pie).toBe(true);
    expect(hardeningOf(input({ interpreter: null, pieFlag: false })).pie).toBe(false);
    expect(hardeningOf(input({ type: 'EXEC', pieFlag: false })).pie).toBe(false);
  });

  it('RELRO partial without BIND_NOW, none without PT_GNU_RELRO even with BIND_NOW', () => {
    const marks = input().marks;
    expect(hardeningOf(input({ marks: { ...marks, bindNow: false } })).relro).toBe('partial');
    const none = hardeningOf(input({ marks: { ...marks, gnuRelro: false } }));
    expect([none.relro, none.bindNow]).toEqual(['none', true]);
  });

  it('an executable stack: PT_GNU_STACK with E, or no PT_GNU_STACK', () => {
    const marks = input().marks;
    expect(hardeningOf(input({ marks: { ...marks, gnuStack: 'RWE' } })).nxStack).toBe(false);
    expect(hardeningOf(input({ marks: { ...marks, gnuStack: null } })).nxStack).toBe(false);
  });

  it('a stripped static binary: stack protector and FORTIFY unknown, never no', () => {
    const h = hardeningOf(
      input({ type: 'EXEC', interpreter: null, pieFlag: false, symbols: null }),
    );
    expect(h.stackProtector).toBe('unknown');
    expect(h.fortified).toBeNull();
    expect(hardeningSummary(h)).toContain('SSP?, FORTIFY?');
    // An empty table says nothing either.
    expect(hardeningOf(input({ symbols: names('.symtab', [], []) })).stackProtector).toBe(
      'unknown',
    );
  });

  it('a static binary with .symtab: the canary and the __*_chk it has linked in', () => {
    const h = hardeningOf(
      input({
        type: 'EXEC',
        interpreter: null,
        pieFlag: false,
        symbols: names('.symtab', ['main', '__stack_chk_fail', '__strcpy_chk'], []),
      }),
    );
    expect([h.stackProtector, h.fortified]).toEqual(['yes', ['__strcpy_chk']]);
    const none = hardeningOf(input({ symbols: names('.symtab', ['main'], []) }));
    expect([none.stackProtector, none.fortified]).toEqual(['no', []]);
  });

  it('a dynamic file: only the __*_chk it imports are calls; __stack_chk_guard is a canary', () => {
    const h = hardeningOf(
      input({ symbols: names('.dynsym', ['__memcpy_chk'], ['__stack_chk_guard', 'puts']) }),
    );
    expect([h.stackProtector, h.fortified]).toEqual(['yes', []]);
  });

  it('CET only on x86, BTI and PAC only on AArch64', () => {
    const marks = { ...input().marks, features: ['BTI', 'PAC'] };
    const arm = hardeningOf(input({ machine: 'AArch64', marks }));
    expect([arm.cet, arm.bti, arm.pac]).toEqual([null, true, true]);
    const ibtOnly = hardeningOf(input({ marks: { ...marks, features: ['IBT'] } }));
    expect([ibtOnly.cet, ibtOnly.bti]).toEqual([false, null]);
    const ppc = hardeningOf(input({ machine: 'PowerPC64' }));
    expect([ppc.cet, ppc.bti, ppc.pac]).toEqual([null, null, null]);
  });
});
