/**
 * A baseline: an earlier JSON report (the base branch's, restored from the Actions cache, or a
 * release's, downloaded by an earlier step) read back into surfaces. It is input from outside:
 * every field is checked, every string is made one printable line (a newline in a symbol name
 * must not start a workflow command in the log), and anything unexpected is one clear problem,
 * never a throw. Schema 2 reports carry surfaces; schema 1 reports are read from their facts
 * (without the symbols behind each maximum).
 */
import type { SurfaceEntry } from './drift.js';
import {
  dependsPackages,
  highestIsa,
  type AbiSurface,
  type VersionNeedSurface,
} from './surface.js';

export interface Baseline {
  entries: SurfaceEntry[];
  sha: string | null;
  ref: string | null;
  schemaVersion: number;
  /** How many of its strings held control characters (made one line): a sign of tampering. */
  sanitized: number;
}

export type BaselineResult = { baseline: Baseline } | { problem: string };

/** What a report's strings may become: one line, no control characters, bounded. */
export function oneLine(text: string, max = 200): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

class Bad extends Error {}

const str = (v: unknown, what: string): string => {
  if (typeof v !== 'string') throw new Bad(`${what} is not a string`);
  return oneLine(v);
};
const strOrNull = (v: unknown, what: string): string | null =>
  v === null || v === undefined ? null : str(v, what);
const strings = (v: unknown, what: string): string[] => {
  if (!Array.isArray(v)) throw new Bad(`${what} is not a list`);
  return v.map((x, i) => str(x, `${what}[${i}]`));
};
const stringMap = (v: unknown, what: string): Record<string, string> => {
  if (v === undefined || v === null) return {};
  if (!isObject(v)) throw new Bad(`${what} is not an object`);
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [oneLine(k), str(x, `${what}.${k}`)]),
  );
};

export function parseBaseline(text: string): BaselineResult {
  let doc: unknown;
  let sanitized = 0;
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  try {
    doc = JSON.parse(text, (key, value: unknown) => {
      if (control.test(key) || (typeof value === 'string' && control.test(value))) sanitized++;
      return value;
    });
  } catch {
    return {
      problem: `it is not JSON (${text.length === 0 ? 'empty' : 'truncated or not a report'})`,
    };
  }
  if (!isObject(doc)) return { problem: 'it is not a cgo-abi-guard report (not a JSON object)' };
  const version = doc.schemaVersion;
  if (version !== 1 && version !== 2 && version !== 3)
    return {
      problem: `its schemaVersion is ${typeof version === 'number' ? String(version) : 'missing'}, and this version reads reports of schema 1 to 3`,
    };
  try {
    if (!Array.isArray(doc.targets)) throw new Bad('targets is not a list');
    const entries = doc.targets.flatMap((t: unknown, i) =>
      targetEntries(t, `targets[${i}]`, version),
    );
    const git = isObject(doc.git) ? doc.git : {};
    return {
      baseline: {
        entries,
        sha: strOrNull(git.sha, 'git.sha'),
        ref: strOrNull(git.ref, 'git.ref'),
        schemaVersion: version,
        sanitized,
      },
    };
  } catch (error) {
    if (error instanceof Bad)
      return { problem: `it is not a report this version reads: ${error.message}` };
    throw error;
  }
}

function targetEntries(t: unknown, at: string, version: 1 | 2 | 3): SurfaceEntry[] {
  if (!isObject(t)) throw new Bad(`${at} is not an object`);
  if (t.target === null) return [];
  const target = str(t.target, `${at}.target`);
  if (!Array.isArray(t.binaries)) throw new Bad(`${at}.binaries is not a list`);
  return t.binaries.flatMap((b: unknown, i): SurfaceEntry[] => {
    const where = `${at}.binaries[${i}]`;
    if (!isObject(b)) throw new Bad(`${where} is not an object`);
    const path = str(b.path, `${where}.path`);
    // A binary that could not be judged has no surface to compare with.
    if (b.facts === null && (b.surface === null || b.surface === undefined)) return [];
    const surface =
      version !== 1 ? readSurface(b.surface, `${where}.surface`) : fromFacts(b, where);
    return [{ target, path, surface }];
  });
}

function readSurface(v: unknown, at: string): AbiSurface {
  if (!isObject(v)) throw new Bad(`${at} is not an object`);
  if (!isObject(v.versions)) throw new Bad(`${at}.versions is not an object`);
  const versions: Record<string, VersionNeedSurface> = {};
  for (const [k, x] of Object.entries(v.versions)) {
    if (!isObject(x)) throw new Bad(`${at}.versions.${oneLine(k)} is not an object`);
    versions[oneLine(k)] = {
      version: str(x.version, `${at}.versions.${k}.version`),
      symbols: strings(x.symbols, `${at}.versions.${k}.symbols`),
    };
  }
  const linkage = v.linkage;
  if (linkage !== 'static' && linkage !== 'dynamic')
    throw new Bad(`${at}.linkage is not static or dynamic`);
  return {
    versions,
    needed: strings(v.needed, `${at}.needed`),
    interpreter: strOrNull(v.interpreter, `${at}.interpreter`),
    linkage,
    isa: strOrNull(v.isa, `${at}.isa`),
    kernel: strOrNull(v.kernel, `${at}.kernel`),
    depends: strings(v.depends, `${at}.depends`),
    modules: stringMap(v.modules, `${at}.modules`),
  };
}

/** A schema 1 report has no surface: its facts give all of one but the symbols at each maximum. */
function fromFacts(b: Json, at: string): AbiSurface {
  const f = b.facts;
  if (!isObject(f)) throw new Bad(`${at}.facts is not an object`);
  const versions = stringMap(f.versions, `${at}.facts.versions`);
  const needed = strings(f.needed, `${at}.facts.needed`);
  const interpreter = strOrNull(f.interpreter, `${at}.facts.interpreter`);
  const runtime = isObject(b.runtime) ? b.runtime : {};
  const build = isObject(f.goBuild) ? f.goBuild : {};
  return {
    versions: Object.fromEntries(
      Object.entries(versions).map(([k, v]) => [k, { version: v, symbols: [] }]),
    ),
    needed,
    interpreter,
    linkage: interpreter === null && needed.length === 0 ? 'static' : 'dynamic',
    isa: highestIsa(strings(f.isaNeeded ?? [], `${at}.facts.isaNeeded`)),
    kernel: strOrNull(f.abiTag, `${at}.facts.abiTag`),
    depends: dependsPackages(strOrNull(runtime.depends, `${at}.runtime.depends`) ?? ''),
    modules: stringMap(build.deps, `${at}.facts.goBuild.deps`),
  };
}
