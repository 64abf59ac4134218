/**
 * `LC_ALL=C readelf` text (any view of readelf-views.ts) → facts. One pass over the lines,
 * switching on the block headers readelf prints; nothing outside the named blocks is read.
 */
import type { ElfFacts, SectionInfo, SegmentInfo, SymbolVersion } from './elf-facts.js';
import { highestVersions } from './version.js';
import { decodeVerneed, emptyDumps, readHexLine, readStringLine } from './verneed.js';

export type ReadelfFacts = Omit<ElfFacts, 'goBuild' | 'goBuildError' | 'staticSymbols'>;

type Block =
  | 'none'
  | 'header'
  | 'sections'
  | 'program'
  | 'dynamic'
  | 'dynsym'
  | 'verneed'
  | 'notes'
  | 'hexdump'
  | 'strdump';

const BLOCK_STARTS: readonly [string, Block][] = [
  ['ELF Header:', 'header'],
  ['Section Headers:', 'sections'],
  ['Program Headers:', 'program'],
  [' Section to Segment mapping:', 'none'],
  ['Dynamic section at offset', 'dynamic'],
  ["Symbol table '.dynsym'", 'dynsym'],
  ['Symbol table', 'none'],
  // Any name: the loader finds version needs by DT_VERNEED, whatever the section is called.
  ['Version needs section ', 'verneed'],
  ['Version symbols section', 'none'],
  ['Version definition section', 'none'],
  ['Displaying notes found', 'notes'],
  ["Hex dump of section '.gnu.version_r'", 'hexdump'],
  ["String dump of section '.dynstr'", 'strdump'],
  ['Key to Flags:', 'none'],
];

const GO_SECTIONS = new Set(['.go.buildinfo', '.gopclntab', '.go.module', '.note.go.buildid']);

export function parseReadelf(text: string): ReadelfFacts {
  const facts = emptyFacts();
  const header = new Map<string, string>();
  const dumps = emptyDumps();
  let block: Block = 'none';
  let currentFile = '';
  for (const line of text.split('\n')) {
    if (line.length === 0) continue;
    const first = line.charCodeAt(0);
    // Block headers start at column 0 (or column 1 for the segment mapping).
    if (first !== 32 || line.startsWith(' Section to Segment')) {
      const next = BLOCK_STARTS.find(([prefix]) => line.startsWith(prefix));
      if (next !== undefined) {
        block = next[1];
        continue;
      }
      if (line.startsWith('There is no dynamic section')) facts.hasDynamicSection = false;
    }
    switch (block) {
      case 'header':
        readHeaderLine(line, header);
        break;
      case 'sections':
        readSectionLine(line, facts.layout.sections);
        break;
      case 'program':
        readProgramLine(line, facts);
        break;
      case 'dynamic':
        facts.hasDynamicSection = true;
        readDynamicLine(line, facts);
        break;
      case 'dynsym':
        readDynsymLine(line, facts.symbolVersions);
        break;
      case 'verneed':
        currentFile = readVerneedLine(line, currentFile, facts);
        break;
      case 'notes':
        readNoteLine(line, facts);
        break;
      case 'hexdump':
        readHexLine(line, dumps);
        break;
      case 'strdump':
        readStringLine(line, dumps);
        break;
      case 'none':
        break;
    }
  }
  applyHeader(header, facts);
  if (facts.layout.verneedEntries.length > 0) facts.layout.verneedFrom = 'version-info';
  else if (dumps.bytes !== null) {
    const decoded = decodeVerneed(dumps, facts.endian !== 'big');
    facts.layout.verneedFrom = 'dump';
    if ('error' in decoded) facts.layout.verneedProblem = decoded.error;
    else {
      facts.versionNeeds = decoded.needs;
      facts.layout.verneedEntries = decoded.entries;
    }
  }
  facts.goBinary = facts.layout.sections.some((s) => GO_SECTIONS.has(s.name));
  facts.versions = highestVersions(facts.versionNeeds);
  return facts;
}

function emptyFacts(): ReadelfFacts {
  return {
    class: '',
    endian: 'unknown',
    machine: '',
    osabi: '',
    type: '',
    flags: '',
    floatAbi: null,
    goBinary: false,
    interpreter: null,
    hasDynamicSection: false,
    needed: [],
    rpath: [],
    runpath: [],
    pie: false,
    versionNeeds: [],
    versions: {},
    symbolVersions: [],
    abiTag: null,
    isaNeeded: [],
    layout: {
      sectionHeaderOffset: 0,
      sectionHeaderSize: 0,
      sectionHeaderCount: 0,
      programHeaderOffset: 0,
      programHeaderSize: 0,
      programHeaderCount: 0,
      sections: [],
      segments: [],
      dynamicVerneedCount: null,
      dynamicVerneedAddress: null,
      verneedEntries: [],
      verneedFrom: null,
      verneedProblem: null,
    },
  };
}

function readHeaderLine(line: string, header: Map<string, string>): void {
  const colon = line.indexOf(':');
  if (colon < 0) return;
  const key = line.slice(0, colon).trim();
  // "Version" appears twice; the first (file version) is enough.
  if (!header.has(key)) header.set(key, line.slice(colon + 1).trim());
}

function leadingInt(text: string | undefined): number {
  if (text === undefined) return 0;
  const m = /^(0x[0-9a-fA-F]+|\d+)/.exec(text);
  return m?.[1] === undefined ? 0 : Number(m[1]);
}

function applyHeader(header: Map<string, string>, facts: ReadelfFacts): void {
  facts.class = header.get('Class') ?? '';
  const data = header.get('Data') ?? '';
  facts.endian = data.includes('little endian')
    ? 'little'
    : data.includes('big endian')
      ? 'big'
      : 'unknown';
  facts.machine = header.get('Machine') ?? '';
  facts.osabi = header.get('OS/ABI') ?? '';
  facts.type = (header.get('Type') ?? '').split(' ')[0] ?? '';
  facts.flags = header.get('Flags') ?? '';
  if (facts.flags.includes('hard-float ABI')) facts.floatAbi = 'hard';
  else if (facts.flags.includes('soft-float ABI')) facts.floatAbi = 'soft';
  const layout = facts.layout;
  layout.sectionHeaderOffset = leadingInt(header.get('Start of section headers'));
  layout.sectionHeaderSize = leadingInt(header.get('Size of section headers'));
  layout.sectionHeaderCount = leadingInt(header.get('Number of section headers'));
  layout.programHeaderOffset = leadingInt(header.get('Start of program headers'));
  layout.programHeaderSize = leadingInt(header.get('Size of program headers'));
  layout.programHeaderCount = leadingInt(header.get('Number of program headers'));
}

const SECTION_LINE = /^\s*\[\s*\d+\]\s+(\S*)\s+(\S+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s+([0-9a-f]+)\s/;

function readSectionLine(line: string, sections: SectionInfo[]): void {
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

function readProgramLine(line: string, facts: ReadelfFacts): void {
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
}

function bracketed(line: string): string {
  const open = line.indexOf('[');
  const close = line.lastIndexOf(']');
  return open >= 0 && close > open ? line.slice(open + 1, close) : '';
}

function readDynamicLine(line: string, facts: ReadelfFacts): void {
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

function readDynsymLine(line: string, out: SymbolVersion[]): void {
  // "    3: 0000000000000000     0 FUNC    GLOBAL DEFAULT  UND __libc_start_main@GLIBC_2.34 (2)"
  const und = line.indexOf(' UND ');
  if (und < 0) return;
  const rest = line.slice(und + 5).trim();
  const at = rest.indexOf('@');
  if (at <= 0) return;
  const symbol = rest.slice(0, at);
  const version =
    rest
      .slice(at + 1)
      .replace(/^@/, '')
      .split(' ')[0] ?? '';
  if (version.length > 0) out.push({ symbol, version });
}

function readVerneedLine(line: string, currentFile: string, facts: ReadelfFacts): string {
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

function readNoteLine(line: string, facts: ReadelfFacts): void {
  const tag = /OS: Linux, ABI: (\d+(?:\.\d+)*)/.exec(line);
  if (tag?.[1] !== undefined) facts.abiTag = tag[1];
  const isa = line.indexOf('x86 ISA needed: ');
  if (isa >= 0) {
    for (const token of line.slice(isa + 16).split(/,\s*/)) {
      const level = token.trim();
      if (!/^x86-64-(baseline|v\d)$/.test(level)) break;
      facts.isaNeeded.push(level);
    }
  }
}
