/**
 * The machine's own C and C++ runtime libraries, as the record of when each symbol appeared:
 * the newest glibc and libstdc++ here define every symbol at every version it ever had
 * (`mtx_lock@GLIBC_2.28`, `mtx_lock@@GLIBC_2.34`). Read once per process, and only when a
 * finding or a failed link asks.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { GCC_RUNTIME, GLIBC_NEEDED, GLIBC_OTHER } from '../domain/data/allowlists.js';
import { ARCHITECTURES } from '../domain/data/architectures.js';
import { definedVersions, type SymbolHistory } from '../domain/explain/symbol-history.js';
import { runReadelf } from './readelf.js';

const isCxx = (soname: string): boolean => soname.startsWith('libstdc++');
/** glibc's libraries and libgcc_s. */
const LIBRARIES = [...GLIBC_NEEDED, ...GLIBC_OTHER, ...GCC_RUNTIME.filter((l) => !isCxx(l))];
/** C++ names are matched as the linker prints them too (demangled). */
const CXX_LIBRARIES = GCC_RUNTIME.filter(isCxx);

function find(name: string): string | null {
  const triplet = ARCHITECTURES.find((a) => a.node === process.arch)?.glibc.multiarch;
  const dirs = [
    ...(triplet === undefined ? [] : [`/lib/${triplet}`, `/usr/lib/${triplet}`]),
    '/lib64',
    '/usr/lib64',
    '/lib',
    '/usr/lib',
  ];
  for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return null;
}

const cached = new Map<string, Promise<Map<string, string[]>>>();

/**
 * Symbol → every version the host's libraries define it at: glibc's libraries, and with `cxx`
 * libstdc++ too (as mangled and as demangled names). Empty when none could be read.
 */
export async function hostSymbolHistory(
  readelf = 'readelf',
  { cxx = false }: { cxx?: boolean } = {},
): Promise<SymbolHistory> {
  const load = (key: string, names: readonly string[], demangle: boolean) => {
    let p = cached.get(key);
    if (p === undefined) {
      p = read(readelf, names, demangle);
      cached.set(key, p);
    }
    return p;
  };
  const parts = [await load('c', LIBRARIES, false)];
  if (cxx)
    parts.push(
      await load('c++', CXX_LIBRARIES, false),
      await load('c++ demangled', CXX_LIBRARIES, true),
    );
  if (parts.length === 1) return parts[0] ?? new Map();
  const merged = new Map<string, string[]>();
  for (const part of parts)
    for (const [k, v] of part) merged.set(k, [...(merged.get(k) ?? []), ...v]);
  return merged;
}

async function read(
  readelf: string,
  names: readonly string[],
  demangle: boolean,
): Promise<Map<string, string[]>> {
  const history = new Map<string, string[]>();
  const args = demangle ? ['-W', '-C', '--dyn-syms'] : ['-W', '--dyn-syms'];
  for (const name of names) {
    const path = find(name);
    if (path === null) continue;
    const out = await runReadelf(readelf, args, path, 60_000).catch(() => null);
    if (out?.exitCode === 0 && out.toolFailure === null) definedVersions(out.stdout, history);
  }
  return history;
}
