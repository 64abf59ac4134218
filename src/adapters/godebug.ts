/** Reads the toolchain's GODEBUG tables from $GOROOT/src and validates a GODEBUG value. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseGodebugsTable,
  parseRuntimeDebugVars,
  validateGodebug,
  type GodebugValidation,
} from '../domain/go/godebug.js';

export interface GodebugCatalog {
  /** Keys this toolchain acts on. */
  known: Set<string>;
  /** Keys it has dropped → the Go 1.N minor that dropped them. */
  removed: Map<string, number>;
}

export const GODEBUGS_TABLE = join('src', 'internal', 'godebugs', 'table.go');
export const RUNTIME_DEBUG_VARS = join('src', 'runtime', 'runtime1.go');

/**
 * Both tables, or `{ error }` when either file is unreadable or yields nothing (Go before 1.21
 * has no internal/godebugs; a GOROOT without sources): then we cannot tell known from unknown.
 */
export async function loadGodebugCatalog(
  goroot: string,
): Promise<GodebugCatalog | { error: string }> {
  const table = await readText(join(goroot, GODEBUGS_TABLE));
  if ('error' in table) return table;
  const runtime = await readText(join(goroot, RUNTIME_DEBUG_VARS));
  if ('error' in runtime) return runtime;
  const entries = parseGodebugsTable(table.text);
  const runtimeKeys = parseRuntimeDebugVars(runtime.text);
  if (entries.length === 0 || runtimeKeys.length === 0)
    return { error: `no GODEBUG settings found in ${join(goroot, 'src')} (unexpected format)` };
  const known = new Set<string>(runtimeKeys);
  const removed = new Map<string, number>();
  for (const e of entries) {
    if (e.removed === null) known.add(e.name);
    else removed.set(e.name, e.removed);
  }
  for (const k of known) removed.delete(k);
  return { known, removed };
}

/** The GODEBUG keys the toolchain at `goroot` knows, or null when its sources are unreadable. */
export async function knownGodebugKeys(goroot: string): Promise<Set<string> | null> {
  const catalog = await loadGodebugCatalog(goroot);
  return 'error' in catalog ? null : catalog.known;
}

export interface GodebugCheck extends GodebugValidation {
  /** Why the keys were not checked against the toolchain (syntax was still checked), or null. */
  skipped: string | null;
}

/**
 * Validates `input` (k=v,k2=v2) for the toolchain at `goroot`. When the tables cannot be read
 * the syntax is still checked and `skipped` says why key validation did not happen.
 */
export async function godebugCheck(input: string, goroot: string): Promise<GodebugCheck> {
  const catalog = await loadGodebugCatalog(goroot);
  if ('error' in catalog) {
    const skipped = `GODEBUG keys not validated against the toolchain: ${catalog.error}`;
    return { ...validateGodebug(input, null), skipped };
  }
  return { ...validateGodebug(input, catalog.known, catalog.removed), skipped: null };
}

async function readText(path: string): Promise<{ text: string } | { error: string }> {
  try {
    return { text: await readFile(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    return { error: `cannot read ${path}: ${code}` };
  }
}
