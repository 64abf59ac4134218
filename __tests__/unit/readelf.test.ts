/**
 * readelf's text → facts, on text recorded from readelf 2.40 (Debian 12) for a cgo program built
 * with the host gcc 12 (the amd64-gcc fixture; sections and the dynamic symbols shortened), and on
 * single lines of other binaries.
 */
import { describe, expect, it } from 'vitest';
import { parseReadelf } from '../../src/domain/elf/readelf.js';
import {
  leadingInt,
  readDynamicLine,
  readDynsymLine,
  readNoteLine,
} from '../../src/domain/elf/readelf-lines.js';
import { READELF_ARGS, READELF_FAST_ARGS } from '../../src/domain/elf/readelf-views.js';

const HOST_GCC = `ELF Header:
  Magic:   7f 45 4c 46 02 01 01 00 00 00 00 00 00 00 00 00
  Class:                             ELF64
  Data:                              2's complement, little endian
  Version:                           1 (current)
  OS/ABI:                            UNIX - System V
  ABI Version:                       0
  Type:                              EXEC (Executable file)
  Machine:                           Advanced Micro Devices X86-64
  Version:                           0x1
  Entry point address:               0x4023d0
  Start of program headers:          64 (bytes into file)
  Start of section headers:          3346560 (bytes into file)
  Flags:                             0x0
  Size of this header:               64 (bytes)
  Size of program headers:           56 (bytes)
  Number of program headers:         14
  Size of section headers:           64 (bytes)
  Number of section headers:         51
  Section header string table index: 50

Section Headers:
  [Nr] Name              Type            Address          Off    Size   ES Flg Lk Inf Al
  [ 0]                   NULL            0000000000000000 000000 000000 00      0   0  0
  [ 1] .interp           PROGBITS        0000000000400350 000350 00001c 00   A  0   0  1
  [ 8] .dynstr           STRTAB          0000000000400a68 000a68 000331 00   A  0   0  1
  [10] .gnu.version_r    VERNEED         0000000000400e20 000e20 000070 00   A  8   2  8
  [30] .go.buildinfo     PROGBITS        0000000000627740 226740 000330 00  WA  0   0 16

Program Headers:
  Type           Offset   VirtAddr           PhysAddr           FileSiz  MemSiz   Flg Align
  PHDR           0x000040 0x0000000000400040 0x0000000000400040 0x000310 0x000310 R   0x8
  INTERP         0x000350 0x0000000000400350 0x0000000000400350 0x00001c 0x00001c R   0x1
      [Requesting program interpreter: /lib64/ld-linux-x86-64.so.2]
  LOAD           0x000000 0x0000000000400000 0x0000000000400000 0x001430 0x001430 R   0x1000
  LOAD           0x002000 0x0000000000402000 0x0000000000402000 0x0eb77d 0x0eb77d R E 0x1000
  LOAD           0x0ee000 0x00000000004ee000 0x00000000004ee000 0x131068 0x131068 R   0x1000
  LOAD           0x21fde0 0x0000000000620de0 0x0000000000620de0 0x00bce2 0x041ce0 RW  0x1000
  DYNAMIC        0x21fdf0 0x0000000000620df0 0x0000000000620df0 0x0001e0 0x0001e0 RW  0x8
  NOTE           0x000370 0x0000000000400370 0x0000000000400370 0x000020 0x000020 R   0x8
  NOTE           0x000390 0x0000000000400390 0x0000000000400390 0x0000a8 0x0000a8 R   0x4
  TLS            0x21fde0 0x0000000000620de0 0x0000000000620de0 0x000000 0x000008 R   0x8
  GNU_PROPERTY   0x000370 0x0000000000400370 0x0000000000400370 0x000020 0x000020 R   0x8
  GNU_EH_FRAME   0x21e608 0x000000000061e608 0x000000000061e608 0x0001d4 0x0001d4 R   0x4
  GNU_STACK      0x000000 0x0000000000000000 0x0000000000000000 0x000000 0x000000 RW  0x10
  GNU_RELRO      0x21fde0 0x0000000000620de0 0x0000000000620de0 0x000220 0x000220 R   0x1

Dynamic section at offset 0x21fdf0 contains 25 entries:
  Tag        Type                         Name/Value
 0x0000000000000001 (NEEDED)             Shared library: [libm.so.6]
 0x0000000000000001 (NEEDED)             Shared library: [libc.so.6]
 0x000000000000000c (INIT)               0x402000
 0x000000000000000d (FINI)               0x4ed774
 0x0000000000000019 (INIT_ARRAY)         0x620de0
 0x000000000000001b (INIT_ARRAYSZ)       8 (bytes)
 0x000000000000001a (FINI_ARRAY)         0x620de8
 0x000000000000001c (FINI_ARRAYSZ)       8 (bytes)
 0x000000006ffffef5 (GNU_HASH)           0x400438
 0x0000000000000005 (STRTAB)             0x400a68
 0x0000000000000006 (SYMTAB)             0x400468
 0x000000000000000a (STRSZ)              817 (bytes)
 0x000000000000000b (SYMENT)             24 (bytes)
 0x0000000000000015 (DEBUG)              0x0
 0x0000000000000003 (PLTGOT)             0x620fe8
 0x0000000000000002 (PLTRELSZ)           1368 (bytes)
 0x0000000000000014 (PLTREL)             RELA
 0x0000000000000017 (JMPREL)             0x400ed8
 0x0000000000000007 (RELA)               0x400e90
 0x0000000000000008 (RELASZ)             72 (bytes)
 0x0000000000000009 (RELAENT)            24 (bytes)
 0x000000006ffffffe (VERNEED)            0x400e20
 0x000000006fffffff (VERNEEDNUM)         2
 0x000000006ffffff0 (VERSYM)             0x400d9a
 0x0000000000000000 (NULL)               0x0

Version needs section '.gnu.version_r' contains 2 entries:
 Addr: 0x0000000000400e20  Offset: 0x00000e20  Link: 8 (.dynstr)
  000000: Version: 1  File: libm.so.6  Cnt: 1
  0x0010:   Name: GLIBC_2.2.5  Flags: none  Version: 6
  0x0020: Version: 1  File: libc.so.6  Cnt: 4
  0x0030:   Name: GLIBC_2.32  Flags: none  Version: 5
  0x0040:   Name: GLIBC_2.3.2  Flags: none  Version: 4
  0x0050:   Name: GLIBC_2.2.5  Flags: none  Version: 3
  0x0060:   Name: GLIBC_2.34  Flags: none  Version: 2

Displaying notes found in: .note.gnu.property
  Owner                Data size \tDescription
  GNU                  0x00000010\tNT_GNU_PROPERTY_TYPE_0\t      Properties: x86 ISA needed: x86-64-baseline

Displaying notes found in: .note.ABI-tag
  Owner                Data size \tDescription
  GNU                  0x00000010\tNT_GNU_ABI_TAG (ABI version tag)\t    OS: Linux, ABI: 3.2.0

Symbol table '.dynsym' contains 64 entries:
   Num:    Value          Size Type    Bind   Vis      Ndx Name
     0: 0000000000000000     0 NOTYPE  LOCAL  DEFAULT  UND
     1: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND res_search@GLIBC_2.34 (2)
     2: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND free@GLIBC_2.2.5 (3)
     3: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND __libc_start_main@GLIBC_2.34 (2)
     4: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND abort@GLIBC_2.2.5 (3)
`;

describe('parseReadelf on a whole recording', () => {
  const facts = parseReadelf(HOST_GCC);

  it('reads the header', () => {
    expect(facts).toMatchObject({
      class: 'ELF64',
      endian: 'little',
      machine: 'Advanced Micro Devices X86-64',
      osabi: 'UNIX - System V',
      type: 'EXEC',
      floatAbi: null,
    });
    expect(facts.layout).toMatchObject({
      sectionHeaderOffset: 3346560,
      sectionHeaderCount: 51,
      programHeaderOffset: 64,
      programHeaderCount: 14,
    });
  });

  it('reads the interpreter, the libraries and the dynamic flags', () => {
    expect(facts.interpreter).toBe('/lib64/ld-linux-x86-64.so.2');
    expect(facts.hasDynamicSection).toBe(true);
    expect(facts.needed).toEqual(['libm.so.6', 'libc.so.6']);
    expect(facts).toMatchObject({ rpath: [], runpath: [], pie: false });
    expect(facts.layout.dynamicVerneedCount).toBe(2);
    expect(facts.layout.dynamicVerneedAddress).toBe(0x400e20);
  });

  it('reads every version need, its file, and the highest version per prefix', () => {
    expect(facts.versionNeeds).toEqual([
      { file: 'libm.so.6', name: 'GLIBC_2.2.5', weak: false },
      { file: 'libc.so.6', name: 'GLIBC_2.32', weak: false },
      { file: 'libc.so.6', name: 'GLIBC_2.3.2', weak: false },
      { file: 'libc.so.6', name: 'GLIBC_2.2.5', weak: false },
      { file: 'libc.so.6', name: 'GLIBC_2.34', weak: false },
    ]);
    expect(facts.versions).toEqual({ GLIBC: '2.34' });
    expect(facts.layout.verneedFrom).toBe('version-info');
    expect(facts.layout.verneedEntries).toEqual([
      { file: 'libm.so.6', count: 1, listed: 1 },
      { file: 'libc.so.6', count: 4, listed: 4 },
    ]);
  });

  it('reads the notes, the Go sections and who needs which version', () => {
    expect(facts.abiTag).toBe('3.2.0');
    expect(facts.isaNeeded).toEqual(['x86-64-baseline']);
    expect(facts.goBinary).toBe(true);
    expect(facts.symbolVersions).toEqual([
      { symbol: 'res_search', version: 'GLIBC_2.34' },
      { symbol: 'free', version: 'GLIBC_2.2.5' },
      { symbol: '__libc_start_main', version: 'GLIBC_2.34' },
      { symbol: 'abort', version: 'GLIBC_2.2.5' },
    ]);
    expect(facts.layout.sections).toHaveLength(5);
    expect(facts.layout.sections.find((s) => s.name === '.go.buildinfo')).toEqual({
      name: '.go.buildinfo',
      type: 'PROGBITS',
      address: 0x627740,
      offset: 0x226740,
      size: 0x330,
    });
    expect(facts.layout.segments.map((s) => s.type)).toContain('DYNAMIC');
  });
});

describe('parseReadelf on what other binaries print', () => {
  it('an ARM hard-float header', () => {
    const facts = parseReadelf(
      [
        'ELF Header:',
        '  Class:                             ELF32',
        "  Data:                              2's complement, little endian",
        '  Machine:                           ARM',
        '  Flags:                             0x5000400, Version5 EABI, hard-float ABI',
      ].join('\n'),
    );
    expect(facts).toMatchObject({ class: 'ELF32', machine: 'ARM', floatAbi: 'hard' });
  });

  it('a static binary: no dynamic section, no interpreter', () => {
    const facts = parseReadelf('\nThere is no dynamic section in this file.\n');
    expect(facts).toMatchObject({ hasDynamicSection: false, interpreter: null, needed: [] });
  });

  it('a weak version need', () => {
    const facts = parseReadelf(
      [
        "Version needs section '.gnu.version_r' contains 1 entry:",
        ' Addr: 0x0000000000400e20  Offset: 0x00000e20  Link: 8 (.dynstr)',
        '  000000: Version: 1  File: libc.so.6  Cnt: 1',
        '  0x0010:   Name: GLIBC_2.34  Flags: WEAK  Version: 2',
      ].join('\n'),
    );
    expect(facts.versionNeeds).toEqual([{ file: 'libc.so.6', name: 'GLIBC_2.34', weak: true }]);
  });
});

describe('the line readers', () => {
  it('read RUNPATH, PIE, the ISA levels and versioned symbols', () => {
    const facts = parseReadelf('');
    readDynamicLine(
      ' 0x000000000000001d (RUNPATH)            Library runpath: [/opt/leak/lib:$ORIGIN/lib]',
      facts,
    );
    readDynamicLine(' 0x000000006ffffffb (FLAGS_1)            Flags: PIE', facts);
    readNoteLine(
      '  GNU                  0x00000010\tNT_GNU_PROPERTY_TYPE_0\t      Properties: x86 ISA needed: x86-64-baseline, x86-64-v2, x86-64-v3',
      facts,
    );
    expect(facts.runpath).toEqual(['/opt/leak/lib', '$ORIGIN/lib']);
    expect(facts.pie).toBe(true);
    expect(facts.isaNeeded).toEqual(['x86-64-baseline', 'x86-64-v2', 'x86-64-v3']);
    const symbols: { symbol: string; version: string }[] = [];
    readDynsymLine(
      '     7: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND fcntl64@GLIBC_2.28 (4)',
      symbols,
    );
    readDynsymLine('     9: 0000000000401000    10 FUNC    GLOBAL DEFAULT   12 main', symbols);
    expect(symbols).toEqual([{ symbol: 'fcntl64', version: 'GLIBC_2.28' }]);
  });

  it('read a leading number, and 0 for none', () => {
    expect(leadingInt('3346560 (bytes into file)')).toBe(3346560);
    expect(leadingInt(undefined)).toBe(0);
  });

  it('the fast view asks for the version needs as dumps, the complete one with -V', () => {
    expect(READELF_ARGS).toContain('-V');
    expect(READELF_FAST_ARGS).not.toContain('-V');
    expect(READELF_FAST_ARGS.join(' ')).toContain('-x .gnu.version_r -p .dynstr');
  });
});
