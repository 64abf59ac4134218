/**
 * Source lines in a binary, for drift's annotations: the Go lines that call given Go functions
 * (`.gopclntab` and the code, kept by `-s -w` builds) and the C lines of given addresses (DWARF
 * `.debug_line`, in builds that keep it; cgo's `#line` directives make a preamble's C point into
 * its `.go` file). Each is a path in the checkout that exists, or nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceFile, type Checkout } from '../domain/drift/lines.js';
import { parseDebugLine } from '../domain/elf/dwarf-lines.js';
import type { ElfFacts } from '../domain/elf/elf-facts.js';
import { moduleTextStart, parsePclntab, type Pclntab } from '../domain/elf/gopclntab.js';
import type { ByteSource } from '../domain/elf/segments.js';
import { readSymbols } from '../domain/elf/symbol-table.js';
import { codeArchOf } from '../domain/explain/explain.js';
import { goCallSites } from '../domain/explain/go-calls.js';
import { uncompressed } from './debug-sections.js';

export interface SourceLine {
  function?: string;
  file: string;
  line: number;
}

export type LineFinder = (callees: ReadonlySet<string>, checkout: Checkout) => SourceLine[];

/** A finder of the Go lines that call given functions; null when the binary cannot say. */
export function goLines(facts: ElfFacts, read: ByteSource): LineFinder | null {
  const arch = codeArchOf(facts);
  const sections = facts.layout.sections.filter((s) => s.type !== 'NOBITS' && s.size > 0);
  const section = (name: string): (typeof sections)[number] | undefined =>
    sections.find((s) => s.name === name);
  const pcln = section('.gopclntab');
  if (arch === null || pcln === undefined) return null;
  const le = facts.endian === 'little';
  const pclnBytes = read(pcln.offset, pcln.size);
  const textStart =
    runtimeText(facts, read) ??
    moduleTextStart({
      pclntab: pclnBytes,
      pclntabAddress: pcln.address,
      data: ['.go.module', '.noptrdata', '.data', '.data.rel.ro']
        .map(section)
        .flatMap((s) =>
          s === undefined ? [] : [{ address: s.address, bytes: read(s.offset, s.size) }],
        ),
      littleEndian: le,
    });
  if (textStart === null) return null;
  const table: Pclntab | null = parsePclntab(pclnBytes, le, textStart);
  if (table === null) return null;
  const text = sections
    .filter((s) => s.name === '.text')
    .map((s) => ({ address: s.address, bytes: read(s.offset, s.size) }));
  return (callees, checkout) =>
    goCallSites({ arch, text, pclntab: table, callees }).flatMap((site) => {
      const file = workspaceFile(site.file, checkout);
      if (file === null || site.line < 1 || !existsSync(join(checkout.workspace, file))) return [];
      return [{ function: site.caller, file, line: site.line }];
    });
}

/** `runtime.text` from `.symtab`, when the binary keeps one. */
function runtimeText(facts: ElfFacts, read: ByteSource): number | null {
  const symtab = facts.layout.sections.find((s) => s.name === '.symtab');
  const strtab = facts.layout.sections.find((s) => s.name === '.strtab');
  if (symtab === undefined || strtab === undefined) return null;
  const symbols = readSymbols({
    symtab: read(symtab.offset, symtab.size),
    strtab: read(strtab.offset, strtab.size),
    is64: facts.class === 'ELF64',
    littleEndian: facts.endian === 'little',
  });
  return symbols.find((s) => s.name === 'runtime.text')?.value ?? null;
}

/** The C lines of addresses, from DWARF; null when the binary keeps no line table. */
export function cLines(
  facts: ElfFacts,
  read: ByteSource,
): ((addresses: readonly number[], checkout: Checkout) => SourceLine[]) | null {
  const section = (name: string): Uint8Array => {
    const s = facts.layout.sections.find((x) => x.name === name && x.type !== 'NOBITS');
    return s === undefined ? new Uint8Array(0) : uncompressed(read(s.offset, s.size), facts);
  };
  const debugLine = section('.debug_line');
  if (debugLine.length === 0) return null;
  const table = parseDebugLine({
    debugLine,
    debugLineStr: section('.debug_line_str'),
    debugStr: section('.debug_str'),
    littleEndian: facts.endian === 'little',
    addressSize: facts.class === 'ELF64' ? 8 : 4,
  });
  if (table === null) return null;
  return (addresses, checkout) =>
    addresses.flatMap((a) => {
      const at = table.lineAt(a);
      if (at === null || at.line < 1) return [];
      const file = workspaceFile(at.file, checkout);
      if (file === null || !existsSync(join(checkout.workspace, file))) return [];
      return [{ file, line: at.line }];
    });
}
