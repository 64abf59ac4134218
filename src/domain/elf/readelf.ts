/**
 * `LC_ALL=C readelf` text (any view of readelf-views.ts) → facts. One pass over the lines,
 * switching on the block headers readelf prints; nothing outside the named blocks is read.
 */
import type { ReadelfFacts } from './elf-facts.js';
import { highestVersions } from '../version.js';
import { emptyMarks } from './hardening.js';
import { decodeVerneed, emptyDumps, readHexLine, readStringLine } from './verneed.js';
import {
  readSectionLine,
  readProgramLine,
  readDynamicLine,
  readDynsymLine,
  readVerneedLine,
  readNoteLine,
  leadingInt,
} from './readelf-lines.js';

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
    warnings: [],
    marks: emptyMarks(),
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
