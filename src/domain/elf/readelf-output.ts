/**
 * readelf's stdout and stderr as the verifier takes them: a batch's text split per file, and its
 * warnings told apart — those about what a verdict rests on, and those about what no rule reads.
 */

/** What readelf says when the fast view's dumps name a section the file does not have. */
export const ABSENT_DUMP =
  /Warning: Section '(\.gnu\.version_r|\.dynstr)' was not dumped because it does not exist/;

/**
 * Warnings about parts of a file no rule reads. Everything else readelf warns about may touch
 * what a verdict rests on (program headers, the dynamic segment, version sections, dynamic symbols
 * and strings, the ABI-tag and ISA notes), so it makes the file unjudgeable: the list is short on
 * purpose, each entry seen on a real binary.
 */
const HARMLESS: readonly RegExp[] = [
  // annobin's build-attribute notes (Red Hat and Fedora gcc, manylinux images; Node.js's own
  // builds): readelf checks that they cover the code, which says nothing of the ABI.
  /^Warning: Gap in build notes detected from /,
];

export interface Warnings {
  /** Warnings that make the file unjudgeable. */
  blocking: string[];
  /** Warnings shown with the facts that change no verdict (each distinct text once). */
  shown: string[];
}

export function classifyWarnings(stderr: string): Warnings {
  const blocking: string[] = [];
  const shown = new Set<string>();
  for (const raw of stderr.split('\n')) {
    if (!raw.includes('Warning:') || ABSENT_DUMP.test(raw)) continue;
    const line = raw.replace(/^readelf: /, '').trim();
    if (HARMLESS.some((pattern) => pattern.test(line))) shown.add(line.replace(/^Warning: /, ''));
    else blocking.push(line);
  }
  return { blocking, shown: [...shown] };
}

/** Anything on stderr but what any file may print harmlessly (the fast view's absent dumps). */
export function stderrOfNote(stderr: string): boolean {
  return stderr.split('\n').some((line) => line.trim() !== '' && !ABSENT_DUMP.test(line));
}

/**
 * A batch's stdout split per file, by the `File: PATH` line readelf prints before each file when
 * it reads several; null when the text does not hold every path in order.
 */
export function splitByFile(stdout: string, paths: readonly string[]): string[] | null {
  if (paths.length === 1) return [stdout];
  const bounds: { at: number; start: number }[] = [];
  let from = 0;
  for (const path of paths) {
    if (path.includes('\n')) return null;
    const marker = `\nFile: ${path}\n`;
    const at = stdout.indexOf(marker, from);
    if (at < 0) return null;
    from = at + marker.length;
    bounds.push({ at, start: from });
  }
  return bounds.map(({ start }, i) => stdout.slice(start, bounds[i + 1]?.at ?? stdout.length));
}
