/**
 * Which shared library of the sysroot's multiarch directories (the target packages') defines the
 * symbols a failed link wanted, and whether the sysroot has its `lib<name>.so` to link it by.
 * Read only when a link failed on symbols no C runtime library has.
 */
import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import {
  libraryDefinitions,
  linkNameOf,
  type DefiningLibrary,
} from '../domain/explain/sysroot-libraries.js';
import { runReadelf } from './readelf.js';

const SHARED = /^lib.+\.so(\.\d+)*$/;

export async function sysrootDefinitions(
  sysroot: string,
  triplet: string,
  wanted: readonly string[],
  readelf = 'readelf',
): Promise<Map<string, DefiningLibrary>> {
  // Real file → the names it goes by in the library directories.
  const names = new Map<string, string[]>();
  const root = await realpath(sysroot).catch(() => sysroot);
  for (const dir of [join(root, 'usr', 'lib', triplet), join(root, 'lib', triplet)]) {
    const entries = await readdir(dir).catch(() => []);
    for (const name of entries.filter((n) => SHARED.test(n)).sort()) {
      const real = await realpath(join(dir, name)).catch(() => null);
      // A link out of the sysroot would name the host's library, not the target's.
      if (real === null || !real.startsWith(`${root}/`)) continue;
      names.set(real, [...(names.get(real) ?? []), name]);
    }
  }
  const want = new Set(wanted);
  const out = new Map<string, DefiningLibrary>();
  for (const [real, aliases] of names) {
    if (want.size === 0) break;
    const r = await runReadelf(readelf, ['-W', '-d', '--dyn-syms'], real).catch(() => null);
    if (r === null || r.exitCode !== 0 || r.toolFailure !== null) continue;
    const { soname, defined } = libraryDefinitions(r.stdout);
    const hits = defined.filter((d) => want.has(d));
    if (hits.length === 0) continue;
    const linkName = aliases.map(linkNameOf).find((l) => l !== null) ?? null;
    const file =
      soname ?? aliases.find((a) => a !== `lib${linkName ?? ''}.so`) ?? aliases[0] ?? real;
    for (const symbol of hits) {
      out.set(symbol, { file, link: linkName });
      want.delete(symbol);
    }
  }
  return out;
}

/**
 * The symbols the sysroot's library `soname` defines: a target package's (multiarch directories)
 * or the C library's (the cross layout, `usr/<triplet>/lib`); null: no such file.
 */
export async function librarySymbols(
  sysroot: string,
  triplet: string,
  soname: string,
  readelf = 'readelf',
): Promise<Set<string> | null> {
  if (!SHARED.test(soname) || soname.includes('/')) return null;
  const root = await realpath(sysroot).catch(() => sysroot);
  const dirs = [
    join(root, 'usr', 'lib', triplet),
    join(root, 'lib', triplet),
    join(root, 'usr', triplet, 'lib'),
  ];
  for (const dir of dirs) {
    const real = await realpath(join(dir, soname)).catch(() => null);
    if (real === null || !real.startsWith(`${root}/`)) continue;
    const r = await runReadelf(readelf, ['-W', '-d', '--dyn-syms'], real).catch(() => null);
    if (r === null || r.exitCode !== 0 || r.toolFailure !== null) continue;
    return new Set(libraryDefinitions(r.stdout).defined);
  }
  return null;
}
