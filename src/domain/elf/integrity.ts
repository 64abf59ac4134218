/** Does the file hold everything its own headers say it has? A truncated file does not. */
import type { ElfLayout } from './elf-facts.js';

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
