/**
 * readelf → facts, fast first: one readelf process for a batch of files (the process, not the
 * reading, is most of the cost on small files), the section dumps instead of `-V` (its per-symbol
 * table costs most of readelf's time on large libraries), the complete view for one file when
 * the dumps cannot account for its version needs, and the dynamic symbols only when a finding
 * wants their names. A batch that printed anything of note on stderr is read again file by file,
 * since readelf does not say which file a warning is about.
 */
import { runReadelf, type ReadelfOutput } from '../adapters/readelf.js';
import type { ReadelfFacts, SymbolVersion } from '../domain/elf/elf-facts.js';
import { parseReadelf } from '../domain/elf/readelf.js';
import { classifyWarnings, splitByFile, stderrOfNote } from '../domain/elf/readelf-output.js';
import {
  READELF_ARGS,
  READELF_DYNSYM_ARGS,
  READELF_FAST_ARGS,
} from '../domain/elf/readelf-views.js';
import { mapLimit } from '../util/map-limit.js';

export interface ReadOptions {
  readelf: string;
  timeoutMs?: number;
  concurrency: number;
}

/** Facts, or why the file cannot be judged (the error line of its result). */
export type Read = { facts: ReadelfFacts } | { error: string };

export interface BatchFile {
  path: string;
  size: number;
}

/** Batches small enough that one slow or odd file costs little, few enough to save processes. */
const BATCH_FILES = 64;
const BATCH_BYTES = 128 * 1024 * 1024;

export function batches(files: readonly BatchFile[], concurrency: number): string[][] {
  const perWorker = Math.ceil(files.length / Math.max(1, concurrency));
  const limit = Math.max(1, Math.min(BATCH_FILES, perWorker));
  const out: string[][] = [];
  let current: string[] = [];
  let bytes = 0;
  for (const file of files) {
    if (current.length > 0 && (current.length >= limit || bytes + file.size > BATCH_BYTES)) {
      out.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file.path);
    bytes += file.size;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Runs `one` over a batch's files through one readelf process when it can, else file by file. */
async function perFile<T>(
  files: readonly BatchFile[],
  o: ReadOptions,
  args: readonly string[],
  /** A file's text from a clean batch → its result; null to read that file alone. */
  clean: (text: string) => T | null,
  one: (path: string) => Promise<T>,
): Promise<Map<string, T>> {
  const out = new Map<string, T>();
  await mapLimit(batches(files, o.concurrency), o.concurrency, async (batch) => {
    const texts = batch.length > 1 ? await batchTexts(batch, o, args) : null;
    await Promise.all(
      batch.map(async (path, i) => {
        const text = texts?.[i];
        out.set(path, (text === undefined ? null : clean(text)) ?? (await one(path)));
      }),
    );
  });
  return out;
}

async function batchTexts(
  batch: readonly string[],
  o: ReadOptions,
  args: readonly string[],
): Promise<string[] | null> {
  const timeout = o.timeoutMs === undefined ? undefined : o.timeoutMs * batch.length;
  const out = await runReadelf(o.readelf, args, batch, timeout);
  if (out.toolFailure !== null || out.exitCode !== 0 || stderrOfNote(out.stderr)) return null;
  return splitByFile(out.stdout, batch);
}

export async function readAllFacts(
  files: readonly BatchFile[],
  o: ReadOptions,
): Promise<Map<string, Read>> {
  return perFile(files, o, READELF_FAST_ARGS, fromFast, (path) => readFacts(path, o));
}

/** A clean batch's text: no warnings, so only the dumps may send it to the complete view. */
function fromFast(text: string): Read | null {
  if (!text.startsWith('ELF Header:')) return null;
  const parsed = parseReadelf(text);
  return needsFullView(parsed) ? null : { facts: parsed };
}

function needsFullView(parsed: ReadelfFacts): boolean {
  const { dynamicVerneedCount: declared, verneedFrom, verneedProblem } = parsed.layout;
  const unaccounted = verneedFrom === null && declared !== null && declared > 0;
  return verneedProblem !== null || unaccounted;
}

export async function readFacts(path: string, o: ReadOptions): Promise<Read> {
  const fast = await runReadelf(o.readelf, READELF_FAST_ARGS, path, o.timeoutMs);
  const failed = failure(fast);
  if (failed !== null) return { error: failed };
  const warnings = classifyWarnings(fast.stderr);
  const parsed = parseReadelf(fast.stdout);
  if (warnings.blocking.length === 0 && !needsFullView(parsed))
    return { facts: { ...parsed, warnings: warnings.shown } };
  // Renamed or retyped sections, a broken chain, a warning: ask for the complete view.
  const full = await runReadelf(o.readelf, READELF_ARGS, path, o.timeoutMs);
  const fullFailed = failure(full);
  if (fullFailed !== null) return { error: fullFailed };
  const fullWarnings = classifyWarnings(full.stderr);
  const blocking = fullWarnings.blocking[0];
  if (blocking !== undefined)
    return { error: `cannot be judged: readelf warns about the file (${blocking})` };
  return { facts: { ...parseReadelf(full.stdout), warnings: fullWarnings.shown } };
}

/** The versions the undefined dynamic symbols are bound to (who needs what), per file. */
export async function readAllSymbolVersions(
  files: readonly BatchFile[],
  o: ReadOptions,
): Promise<Map<string, SymbolVersion[] | { error: string }>> {
  return perFile(
    files,
    o,
    READELF_DYNSYM_ARGS,
    (text) => parseReadelf(text).symbolVersions,
    (path) => readSymbolVersions(path, o),
  );
}

export async function readSymbolVersions(
  path: string,
  o: ReadOptions,
): Promise<SymbolVersion[] | { error: string }> {
  const out = await runReadelf(o.readelf, READELF_DYNSYM_ARGS, path, o.timeoutMs);
  const failed = failure(out, false);
  if (failed !== null) return { error: failed };
  return parseReadelf(out.stdout).symbolVersions;
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
