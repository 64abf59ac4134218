/**
 * readelf → facts, fast first: the section dumps instead of `-V` (its per-symbol table costs
 * most of readelf's time), the complete view when the dumps cannot account for the version
 * needs, and the dynamic symbols only when a finding wants their names.
 */
import { runReadelf, type ReadelfOutput } from '../adapters/readelf.js';
import type { SymbolVersion } from '../domain/elf/elf-facts.js';
import type { ReadelfFacts } from '../domain/elf/elf-facts.js';
import { parseReadelf } from '../domain/elf/readelf.js';
import {
  ABSENT_DUMP,
  READELF_ARGS,
  READELF_DYNSYM_ARGS,
  READELF_FAST_ARGS,
} from '../domain/elf/readelf-views.js';

export interface ReadOptions {
  readelf: string;
  timeoutMs?: number;
}

/** Facts, or why the file cannot be judged (the error line of its result). */
export type Read = { facts: ReadelfFacts } | { error: string };

export async function readFacts(path: string, o: ReadOptions): Promise<Read> {
  const fast = await runReadelf(o.readelf, READELF_FAST_ARGS, path, o.timeoutMs);
  const failed = failure(fast);
  if (failed !== null) return { error: failed };
  const warnings = warningsOf(fast).filter((line) => !ABSENT_DUMP.test(line));
  const parsed = parseReadelf(fast.stdout);
  const { dynamicVerneedCount: declared, verneedFrom, verneedProblem } = parsed.layout;
  const unaccounted = verneedFrom === null && declared !== null && declared > 0;
  if (warnings.length === 0 && verneedProblem === null && !unaccounted) return { facts: parsed };
  // Renamed or retyped sections, a broken chain, a warning: ask for the complete view.
  const full = await runReadelf(o.readelf, READELF_ARGS, path, o.timeoutMs);
  const fullFailed = failure(full);
  if (fullFailed !== null) return { error: fullFailed };
  const warning = warningsOf(full)[0];
  if (warning !== undefined)
    return { error: `cannot be judged: readelf warns about the file (${warning})` };
  return { facts: parseReadelf(full.stdout) };
}

/** The versions the undefined dynamic symbols are bound to (who needs what). */
export async function readSymbolVersions(
  path: string,
  o: ReadOptions,
): Promise<SymbolVersion[] | { error: string }> {
  const out = await runReadelf(o.readelf, READELF_DYNSYM_ARGS, path, o.timeoutMs);
  const failed = failure(out, false);
  if (failed !== null) return { error: failed };
  return parseReadelf(out.stdout).symbolVersions;
}

function warningsOf(out: ReadelfOutput): string[] {
  return out.stderr
    .split('\n')
    .filter((line) => line.includes('Warning:'))
    .map((line) => line.replace(/^readelf: /, '').trim());
}

/** A tool failure or a malformed file, as the result's error line; null when readelf read it. */
function failure(out: ReadelfOutput, withHeader = true): string | null {
  if (out.toolFailure !== null) return `readelf failed: ${out.toolFailure}`;
  const stderr = out.stderr.split('\n');
  const readelfError = stderr.find((line) => line.includes('Error:'));
  const printed = !withHeader || out.stdout.startsWith('ELF Header:');
  if (out.exitCode !== 0 || readelfError !== undefined) {
    if (readelfError === undefined && !printed)
      return `readelf failed: exited with ${out.exitCode}: ${stderr[0] ?? ''}`;
    const reason = (readelfError ?? stderr[0] ?? '').replace(/^readelf: /, '').trim();
    return `malformed ELF: ${reason || `readelf exited with ${out.exitCode}`}`;
  }
  if (!printed) return 'readelf failed: its output has no ELF header: is it GNU readelf?';
  return null;
}
