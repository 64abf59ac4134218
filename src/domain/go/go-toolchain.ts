/**
 * Which Go toolchain `go build` would run: Go version order (as gover.Compare), go.mod's `go` and
 * `toolchain` lines, and GOTOOLCHAIN's switching rules. Pure.
 */
import type { GoToolchain } from '../runner/runner.js';

interface GoVersion {
  major: string;
  minor: string;
  patch: string;
  kind: string;
  pre: string;
}

/**
 * Go's own version parser (internal/gover): `1.21` is the language version and sorts before
 * `1.21rc1`, which sorts before `1.21.0`; before 1.21 a missing patch means `.0`. Null when
 * malformed.
 */
function parseGoVersion(text: string): GoVersion | null {
  const num = '(0|[1-9]\\d*)';
  const m = new RegExp(`^${num}(?:\\.${num}(?:\\.${num}|([a-z]+)${num}?)?)?$`).exec(text);
  if (m?.[1] === undefined) return null;
  const [, major, minor, patch, kind, pre] = m;
  if (minor === undefined) return { major, minor: '0', patch: '0', kind: '', pre: '' };
  const oldRelease = cmpInt(minor, '21') < 0 && patch === undefined && kind === undefined;
  return {
    major,
    minor,
    patch: patch ?? (oldRelease ? '0' : ''),
    kind: kind ?? '',
    pre: pre ?? '',
  };
}

function cmpInt(x: string, y: string): number {
  if (x === y) return 0;
  if (x.length !== y.length) return x.length < y.length ? -1 : 1;
  return x < y ? -1 : 1;
}

/** Compares Go versions without the `go` prefix, as gover.Compare; malformed sorts lowest. */
export function compareGoVersions(a: string, b: string): number {
  const x = parseGoVersion(a);
  const y = parseGoVersion(b);
  if (x === null || y === null) return x === y ? 0 : x === null ? -1 : 1;
  for (const k of ['major', 'minor', 'patch'] as const) {
    const c = cmpInt(x[k], y[k]);
    if (c !== 0) return c;
  }
  if (x.kind !== y.kind) return x.kind < y.kind ? -1 : 1; // "" < alpha < beta < rc
  return cmpInt(x.pre, y.pre);
}

/** `go1.22.3`, `go1.22.3-custom`, `go1.23rc1 X:foo` → `1.22.3` / `1.23rc1`; null if not one. */
export function versionFromToolchain(name: string): string | null {
  if (!name.startsWith('go') || /[\\/]/.test(name)) return null;
  const v = name.slice(2).split(/[ \t-]/)[0] ?? '';
  return parseGoVersion(v) === null ? null : v;
}

/** The `go` and `toolchain` directives of a go.mod (comments stripped). */
export function parseGoModDirectives(text: string): {
  go: string | null;
  toolchain: string | null;
} {
  let go: string | null = null;
  let toolchain: string | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    const m = /^(go|toolchain)\s+(\S+)$/.exec(line);
    if (m?.[2] === undefined) continue;
    if (m[1] === 'go') go = m[2];
    else toolchain = m[2];
  }
  return { go, toolchain };
}

/**
 * Whether `go build` here would run another toolchain than the local one, following
 * cmd/go/internal/toolchain.Select: GOTOOLCHAIN=local never switches; `<name>` always runs
 * <name>; with `auto`, `path`, `<name>+auto` or `<name>+path` the minimum is the local (or named)
 * toolchain, raised by go.mod's `toolchain` line and then its `go` line when newer (`toolchain
 * default` keeps the minimum). go.work files are not read.
 */
export function toolchainSwitch(
  goEnv: Pick<GoToolchain, 'goversion' | 'gotoolchain'>,
  goModText: string | null,
): string | null {
  const setting = goEnv.gotoolchain.trim();
  const local = goEnv.goversion.split(' ')[0] ?? '';
  if (setting === '' || setting === 'local') return null;
  let minName = local;
  let mode: string | null = setting;
  if (setting !== 'auto' && setting !== 'path') {
    const plus = setting.indexOf('+');
    const min = plus < 0 ? setting : setting.slice(0, plus);
    mode = plus < 0 ? null : setting.slice(plus + 1);
    if (mode !== null && mode !== 'auto' && mode !== 'path')
      return `GOTOOLCHAIN=${setting} is invalid (only +auto and +path exist): go refuses to run`;
    if (min !== 'local') {
      if (versionFromToolchain(min) === null)
        return `GOTOOLCHAIN=${setting} is invalid: go refuses to run`;
      minName = min;
    }
  }
  const forced =
    minName === local ? null : `GOTOOLCHAIN=${setting} runs ${minName}, not the local ${local}`;
  if (mode === null || goModText === null) return forced;
  const mod = parseGoModDirectives(goModText);
  if (mod.toolchain === 'default') return forced;
  let minVers = versionFromToolchain(minName) ?? '';
  let target: string | null = null;
  let reason = '';
  const tv = mod.toolchain === null ? null : versionFromToolchain(mod.toolchain);
  if (tv !== null && compareGoVersions(tv, minVers) > 0) {
    target = mod.toolchain;
    minVers = tv;
    reason = `go.mod says "toolchain ${mod.toolchain ?? ''}"`;
  }
  if (mod.go !== null && compareGoVersions(mod.go, minVers) > 0) {
    const v = parseGoVersion(mod.go);
    const isLang = v !== null && v.patch === '' && v.kind === '';
    // A language version (go 1.22) selects its first release, go1.22.0 (Go 1.21 and later).
    target = `go${mod.go}${isLang && compareGoVersions(mod.go, '1.21') >= 0 ? '.0' : ''}`;
    reason = `go.mod says "go ${mod.go}"`;
  }
  if (target === null) return forced;
  const how = mode === 'path' ? 'looked up on PATH' : 'downloaded';
  return `${reason}, newer than ${minName}: with GOTOOLCHAIN=${setting} go runs ${target} (${how})`;
}
