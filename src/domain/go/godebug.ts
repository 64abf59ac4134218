/**
 * GODEBUG validation against the toolchain's own sources. Go silently ignores unknown GODEBUG
 * keys, so a typo (or a setting that never existed) changes nothing and says nothing; we warn.
 * The known keys come from `$GOROOT/src/internal/godebugs/table.go` (the settings of the
 * standard library and cmd/go) and the runtime's `dbgvars` in `$GOROOT/src/runtime/runtime1.go`.
 */

export interface GodebugInfo {
  name: string;
  /** The package that reads it ("time", "net/http"); null for removed settings. */
  package: string | null;
  /** Go 1.N whose default changed it, if any. */
  changed: number | null;
  /** The value that restores the behaviour before `changed`. */
  old: string | null;
  /** Go 1.N that removed it (the `Removed` table); null while it exists. */
  removed: number | null;
}

export interface GodebugSettingKV {
  key: string;
  value: string;
}

export interface GodebugValidation {
  settings: GodebugSettingKV[];
  warnings: string[];
  errors: string[];
}

/**
 * Entries of internal/godebugs/table.go: `{Name: "asynctimerchan", Package: "time", Changed: 23,
 * Old: "1"},` in `All`, and `{Name: "x509sha1", Removed: 24},` in `Removed`.
 */
export function parseGodebugsTable(goSourceText: string): GodebugInfo[] {
  const out: GodebugInfo[] = [];
  for (const m of stripComments(goSourceText).matchAll(/\{\s*Name:\s*"([^"]+)"([^{}]*)\}/g)) {
    const name = m[1];
    const rest = m[2] ?? '';
    if (name === undefined) continue;
    const field = (key: string, pattern: string): string | null =>
      new RegExp(`\\b${key}:\\s*${pattern}`).exec(rest)?.[1] ?? null;
    const changed = field('Changed', '(\\d+)');
    const removed = field('Removed', '(\\d+)');
    out.push({
      name,
      package: field('Package', '"([^"]*)"'),
      changed: changed === null ? null : Number(changed),
      old: field('Old', '"([^"]*)"'),
      removed: removed === null ? null : Number(removed),
    });
  }
  return out;
}

/**
 * The runtime's own GODEBUG keys from runtime/runtime1.go: the `dbgvars` list
 * (`{name: "gctrace", value: &debug.gctrace}`, and the older positional `{"gctrace",
 * &debug.gctrace}`), plus keys parsegodebug handles by name (`key == "memprofilerate"`).
 */
export function parseRuntimeDebugVars(goSourceText: string): string[] {
  const keys = new Set<string>();
  const text = stripComments(goSourceText);
  const start = text.search(/\bvar dbgvars\s*=/);
  if (start >= 0) {
    const end = text.indexOf('\n}', start);
    const block = text.slice(start, end < 0 ? undefined : end);
    for (const m of block.matchAll(/\{\s*(?:name:\s*)?"([A-Za-z0-9_.]+)"/g))
      if (m[1] !== undefined) keys.add(m[1]);
  }
  for (const m of text.matchAll(/\bkey == "([A-Za-z0-9_.]+)"/g))
    if (m[1] !== undefined) keys.add(m[1]);
  return [...keys];
}

/** Go source without comments (a commented-out `//{Name: "multipartfiles", …}` is no setting). */
function stripComments(source: string): string {
  const token = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return source.replace(
    token,
    (all: string, literal: string | undefined) => literal ?? all.replace(/[^\n]/g, ''),
  );
}

/** Settings that circulate in blog posts and CI snippets but do not exist in any Go release. */
const MYTHS: Readonly<Record<string, string>> = {
  clock_gettime64:
    'there is no clock_gettime64 GODEBUG setting in any Go release (and Go never links a clock_gettime64 symbol)',
};

/** A line break or another control character: a GODEBUG value is one line (and never a command). */
export function hasControlCharacter(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x1f\x7f]/.test(text);
}

/**
 * Validates a GODEBUG value (`k=v,k2=v2`). Malformed entries are errors; unknown keys are
 * warnings. `cpu.<feature>` keys belong to internal/cpu and are accepted. `removed` (name → Go
 * minor) gives a better warning for settings Go has dropped. With `known` null (the toolchain's
 * tables were unreadable) only the syntax and the known myths are checked.
 */
export function validateGodebug(
  input: string,
  known: ReadonlySet<string> | null,
  removed: ReadonlyMap<string, number> = new Map(),
): GodebugValidation {
  const result: GodebugValidation = { settings: [], warnings: [], errors: [] };
  if (hasControlCharacter(input)) {
    result.errors.push(
      'GODEBUG holds a line break or control character: it must be one line of key=value pairs',
    );
    return result;
  }
  const seen = new Map<string, string>();
  for (const entry of input.trim().split(',')) {
    if (entry === '') continue; // Go skips empty fields ("a=1,,b=2", a trailing comma)
    const eq = entry.indexOf('=');
    if (eq < 0) {
      result.errors.push(`GODEBUG entry "${entry}" has no "=": write key=value`);
      continue;
    }
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key.trim() === '') {
      result.errors.push(`GODEBUG entry "${entry}" has an empty key`);
      continue;
    }
    if (/\s/.test(entry)) {
      result.errors.push(
        `GODEBUG entry "${entry}" contains whitespace: Go does not trim it, so the key "${key}" never matches`,
      );
      continue;
    }
    result.settings.push({ key, value });
    const before = seen.get(key);
    if (before !== undefined && before !== value)
      result.warnings.push(`GODEBUG sets ${key} twice (${before}, then ${value}): the last wins`);
    seen.set(key, value);
    if (before !== undefined) continue;
    const warning = unknownKeyWarning(key, known, removed);
    if (warning !== null) result.warnings.push(warning);
  }
  return result;
}

function unknownKeyWarning(
  key: string,
  known: ReadonlySet<string> | null,
  removed: ReadonlyMap<string, number>,
): string | null {
  const ignored = 'Go silently ignores unknown GODEBUG keys';
  const myth = MYTHS[key];
  if (myth !== undefined && known?.has(key) !== true)
    return `GODEBUG key "${key}" does nothing: ${myth}; ${ignored}`;
  if (known === null || known.has(key) || /^cpu\.[a-z0-9]+$/.test(key)) return null;
  const gone = removed.get(key);
  if (gone !== undefined)
    return `GODEBUG key "${key}" was removed in Go 1.${gone}: this toolchain ignores it`;
  const near = closest(key, known);
  const hint = near === null ? '' : ` (did you mean "${near}"?)`;
  return `GODEBUG key "${key}" is not known to this Go toolchain${hint}: ${ignored}`;
}

/** The known key within edit distance 2 of `key`, if exactly one is closest. */
function closest(key: string, known: ReadonlySet<string>): string | null {
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}
