/**
 * readelf (the reader of record) against the loader's view read from the bytes: where they
 * disagree on anything a rule judges, the section headers (which readelf trusts and the loader
 * never reads) are lying or broken, and the file cannot be judged.
 */
import type { ReadelfFacts, VersionNeed } from './elf-facts.js';
import { readLoaderView, type LoaderView } from './loader-view.js';
import type { ByteSource } from './segments.js';
import { highestVersions } from '../version.js';

const list = (items: readonly string[]): string => (items.length === 0 ? 'none' : items.join(', '));

const need = (n: VersionNeed): string => `${n.file} ${n.name}${n.weak ? ' (weak)' : ''}`;

/** Sorted, so that the order of entries (which no rule reads) is no disagreement. */
const needs = (items: readonly VersionNeed[]): string[] => items.map(need).sort();

const same = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export function viewsDisagree(readelf: ReadelfFacts, loader: LoaderView): string | null {
  const differ = (what: string, shown: string, read: string): string =>
    `cannot be judged: readelf and the loader disagree on ${what}: readelf shows ${shown}, the dynamic segment (as the loader reads it) has ${read}; the section headers do not describe the file`;
  if (readelf.interpreter !== loader.interpreter)
    return differ(
      'the program interpreter',
      readelf.interpreter ?? 'none',
      loader.interpreter ?? 'none',
    );
  if (readelf.hasDynamicSection !== loader.dynamic)
    return differ(
      'whether the file is dynamically linked',
      readelf.hasDynamicSection ? 'a dynamic section' : 'none',
      loader.dynamic ? 'a PT_DYNAMIC segment' : 'none',
    );
  const pairs: [string, readonly string[], readonly string[]][] = [
    ['NEEDED', readelf.needed, loader.needed],
    ['RPATH', readelf.rpath, loader.rpath],
    ['RUNPATH', readelf.runpath, loader.runpath],
  ];
  for (const [what, shown, read] of pairs)
    if (!same(shown, read)) return differ(what, list(shown), list(read));
  if (readelf.pie !== loader.pie)
    return differ('FLAGS_1 PIE', readelf.pie ? 'PIE' : 'no PIE', loader.pie ? 'PIE' : 'no PIE');
  const shown = needs(readelf.versionNeeds);
  const read = needs(loader.versionNeeds);
  if (!same(shown, read)) return differ('the version needs', list(shown), list(read));
  return null;
}

/**
 * readelf's facts with the loader's values in their place, read from the file's bytes; or why the
 * file cannot be judged (the loader could not read it, or the two views disagree).
 */
export function loaderFacts(
  parsed: ReadelfFacts,
  source: ByteSource,
  size: number,
): { facts: ReadelfFacts } | { error: string } {
  const read = readLoaderView(source, size);
  if ('problem' in read) return { error: `cannot be judged: ${read.problem}` };
  const view = read.view;
  const disagreement = viewsDisagree(parsed, view);
  if (disagreement !== null) return { error: disagreement };
  return {
    facts: {
      ...parsed,
      interpreter: view.interpreter,
      needed: view.needed,
      rpath: view.rpath,
      runpath: view.runpath,
      pie: view.pie,
      versionNeeds: view.versionNeeds,
      versions: highestVersions(view.versionNeeds),
    },
  };
}
