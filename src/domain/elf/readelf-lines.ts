/** One reader per block of `LC_ALL=C readelf -W` text, each taking a line of its block. */
import type { ReadelfFacts, SectionInfo, SegmentInfo, SymbolVersion } from './elf-facts.js';
import { featuresOfNoteLine } from './hardening.js';

const SECTION_LINE = /^\s*\[\s*\d+\]\s+(\S*)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s/;

export function readSectionLine(line: string, sections: SectionInfo[]): void {
  // Section 0 has an empty name: the regexp then takes NULL as the name, which is harmless.
  const m = SECTION_LINE.exec(line);
  const [, name, type, address, offset, size] = m ?? [];
  if (
    name === undefined ||
    type === undefined ||
    address === undefined ||
    offset === undefined ||
    size === undefined
  )
    return;
  sections.push({
    name,
    type,
    address: parseInt(address, 16),
    offset: parseInt(offset, 16),
    size: parseInt(size, 16),
  });
}

const SEGMENT_LINE =
  /^\s+([A-Z_0-9+]+|LOOS\+0x[0-9a-f]+)\s+0x([0-9a-f]+)\s+0x[0-9a-f]+\s+0x[0-9a-f]+\s+0x([0-9a-f]+)\s/;

export function readProgramLine(line: string, facts: ReadelfFacts): void {
  const interp = /\[Requesting program interpreter: (.*)\]$/.exec(line);
  if (interp?.[1] !== undefined) {
    facts.interpreter = interp[1];
    return;
  }
  const m = SEGMENT_LINE.exec(line);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return;
  const segment: SegmentInfo = {
    type: m[1],
    offset: parseInt(m[2], 16),
    fileSize: parseInt(m[3], 16),
  };
  facts.layout.segments.push(segment);
  if (m[1] === 'GNU_RELRO') facts.marks.gnuRelro = true;
  // "  GNU_STACK  0x000000 0x… 0x… 0x000000 0x000000 RW  0x10": the flags before the alignment.
  if (m[1] === 'GNU_STACK')
    facts.marks.gnuStack = (/\s([RWE ]+?)\s+0x[0-9a-f]+\s*$/.exec(line)?.[1] ?? '').trim();
}

function bracketed(line: string): string {
  const open = line.indexOf('[');
  const close = line.lastIndexOf(']');
  return open >= 0 && close > open ? line.slice(open + 1, close) : '';
}

export function readDynamicLine(line: string, facts: ReadelfFacts): void {
  const tag = /\(([A-Z_0-9]+)\)/.exec(line)?.[1];
  switch (tag) {
    case 'NEEDED':
      facts.needed.push(bracketed(line));
      break;
    case 'RPATH':
      facts.rpath.push(...bracketed(line).split(':'));
      break;
    case 'RUNPATH':
      facts.runpath.push(...bracketed(line).split(':'));
      break;
    case 'FLAGS_1':
      if (/\bPIE\b/.test(line)) facts.pie = true;
      if (/\bNOW\b/.test(line)) facts.marks.bindNow = true;
      break;
    case 'FLAGS':
      if (/\bBIND_NOW\b/.test(line)) facts.marks.bindNow = true;
      break;
    case 'BIND_NOW':
      facts.marks.bindNow = true;
      break;
    case 'VERNEED':
      facts.layout.dynamicVerneedAddress = leadingInt(line.slice(line.indexOf(')') + 1).trim());
      break;
    case 'VERNEEDNUM':
      facts.layout.dynamicVerneedCount = leadingInt(line.slice(line.indexOf(')') + 1).trim());
      break;
    default:
      break;
  }
}

export function readDynsymLine(line: string, out: SymbolVersion[]): void {
  // "    3: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND __libc_start_main@GLIBC_2.34 (2)"
  const und = line.indexOf(' UND ');
  if (und < 0) return;
  const rest = line.slice(und + 5).trim();
  const at = rest.indexOf('@');
  // The Bind column: a weak reference the loader may leave unbound (musl's floor skips it).
  const weak = /\sWEAK\s/.test(line.slice(0, und)) ? { weak: true } : {};
  // An unversioned import (a library without symbol versions): its name, version ''.
  if (at < 0) {
    const symbol = rest.split(' ')[0] ?? '';
    if (symbol !== '') out.push({ symbol, version: '', ...weak });
    return;
  }
  if (at === 0) return;
  const symbol = rest.slice(0, at);
  const version =
    rest
      .slice(at + 1)
      .replace(/^@/, '')
      .split(' ')[0] ?? '';
  if (version.length > 0) out.push({ symbol, version, ...weak });
}

export function readVerneedLine(line: string, currentFile: string, facts: ReadelfFacts): string {
  const entries = facts.layout.verneedEntries;
  const file = /\bFile: (\S+)(?:\s+Cnt: (\d+))?/.exec(line);
  if (file?.[1] !== undefined) {
    entries.push({ file: file[1], count: Number(file[2] ?? 0), listed: 0 });
    return file[1];
  }
  const need = /\bName: (\S+)\s+Flags: (.*?)\s+Version:/.exec(line);
  if (need?.[1] !== undefined && need[2] !== undefined) {
    facts.versionNeeds.push({ file: currentFile, name: need[1], weak: need[2].includes('WEAK') });
    const entry = entries.at(-1);
    if (entry !== undefined) entry.listed++;
  }
  return currentFile;
}

export function readNoteLine(line: string, facts: ReadelfFacts): void {
  const tag = /OS: Linux, ABI: (\d+(?:\.\d+)*)/.exec(line);
  if (tag?.[1] !== undefined) facts.abiTag = tag[1];
  facts.marks.features.push(...featuresOfNoteLine(line));
  const isa = line.indexOf('x86 ISA needed: ');
  if (isa >= 0) {
    for (const token of line.slice(isa + 16).split(/,\s*/)) {
      const level = token.trim();
      if (!/^x86-64-(baseline|v\d)$/.test(level)) break;
      facts.isaNeeded.push(level);
    }
  }
}

export function leadingInt(text: string | undefined): number {
  if (text === undefined) return 0;
  const m = /^(0x[0-9a-fA-F]+|\d+)/.exec(text);
  return m?.[1] === undefined ? 0 : Number(m[1]);
}
