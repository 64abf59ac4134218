/** Does the file hold everything its own headers say it has? A truncated file does not. */
import type { ElfLayout, SectionInfo, SymbolVersion, VersionNeed } from './elf-facts.js';

export function layoutProblem(layout: ElfLayout, fileSize: number): string | null {
  const tables: [string, number, number, number][] = [
    [
      'program headers',
      layout.programHeaderOffset,
      layout.programHeaderSize,
      layout.programHeaderCount,
    ],
    [
      'section headers',
      layout.sectionHeaderOffset,
      layout.sectionHeaderSize,
      layout.sectionHeaderCount,
    ],
  ];
  for (const [what, offset, size, count] of tables) {
    const end = offset + size * count;
    if (count > 0 && end > fileSize) return truncated(`its ${what} end at byte ${end}`, fileSize);
  }
  for (const segment of layout.segments) {
    const end = segment.offset + segment.fileSize;
    if (end > fileSize)
      return truncated(`its ${segment.type} segment ends at byte ${end}`, fileSize);
  }
  for (const section of layout.sections) {
    if (section.type === 'NOBITS' || section.type === 'NULL') continue;
    const end = section.offset + section.size;
    if (end > fileSize) return truncated(`section ${section.name} ends at byte ${end}`, fileSize);
  }
  return null;
}

function truncated(what: string, fileSize: number): string {
  return `truncated or malformed ELF: ${what}, but the file has ${fileSize} bytes`;
}

/** The section readelf's version needs came from. */
function verneedSection(layout: ElfLayout): SectionInfo | undefined {
  if (layout.verneedFrom === 'dump')
    return layout.sections.find((s) => s.name === '.gnu.version_r');
  if (layout.verneedFrom === 'version-info')
    return layout.sections.find((s) => s.type === 'VERNEED');
  return undefined;
}

/**
 * The loader checks the version needs DT_VERNEED points at, following vn_next/vna_next (not the
 * counts). When readelf's section view cannot account for all of them, the floor cannot be judged.
 */
export function hiddenVersionNeeds(facts: {
  layout: ElfLayout;
  versionNeeds: readonly VersionNeed[];
  symbolVersions: readonly SymbolVersion[];
}): string | null {
  const { dynamicVerneedCount: declared, verneedEntries: entries } = facts.layout;
  const prefix = 'cannot be judged:';
  const shown = verneedSection(facts.layout);
  const at = facts.layout.dynamicVerneedAddress;
  if (shown !== undefined && at !== null && shown.address !== at) {
    return `${prefix} DT_VERNEED points at 0x${at.toString(16)}, but the version needs readelf shows (${shown.name}) are at 0x${shown.address.toString(16)}`;
  }
  if (declared !== null && declared > 0 && entries.length !== declared) {
    return `${prefix} the dynamic segment has ${declared} version need entr${declared === 1 ? 'y' : 'ies'} (DT_VERNEEDNUM), but readelf's section view shows ${entries.length}: the section headers are stripped or .gnu.version_r is hidden`;
  }
  for (const entry of entries) {
    if (entry.count === 0 || entry.listed !== entry.count) {
      return `${prefix} the version need entry of ${entry.file} has Cnt ${entry.count} and readelf lists ${entry.listed} of its versions: the loader follows vna_next, not the count`;
    }
  }
  const parsed = new Set(facts.versionNeeds.map((n) => n.name));
  const unlisted = facts.symbolVersions.find((s) => s.version !== '' && !parsed.has(s.version));
  if (unlisted !== undefined) {
    return `${prefix} .dynsym binds ${unlisted.symbol} to ${unlisted.version}, which the version needs readelf shows do not list`;
  }
  return null;
}
