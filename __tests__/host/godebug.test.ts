/** GODEBUG tables parsed from the real Go sources of this machine's toolchain, and validation. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  GODEBUGS_TABLE,
  RUNTIME_DEBUG_VARS,
  godebugCheck,
  knownGodebugKeys,
} from '../../src/adapters/godebug.js';
import { findGo } from '../../src/adapters/runner.js';
import { renderGithubEnv } from '../../src/domain/go/cgo-env.js';
import {
  parseGodebugsTable,
  parseRuntimeDebugVars,
  validateGodebug,
} from '../../src/domain/go/godebug.js';
import { runCli } from '../setup/cli.js';

let goroot = '';
let table = '';
let runtime1 = '';
beforeAll(async () => {
  const go = await findGo(process.env);
  if (go === null) throw new Error('these tests need Go: put go on PATH');
  goroot = execFileSync(go, ['env', 'GOROOT'], { encoding: 'utf8' }).trim();
  table = readFileSync(join(goroot, GODEBUGS_TABLE), 'utf8');
  runtime1 = readFileSync(join(goroot, RUNTIME_DEBUG_VARS), 'utf8');
});

describe('the real internal/godebugs/table.go', () => {
  it('has every {Name: …} entry, with its fields', () => {
    const entries = parseGodebugsTable(table);
    // Independent count: one entry per line that opens with {Name: in the source (a
    // commented-out //{Name: …} line is not one).
    const lines = table.split('\n').filter((l) => /^\s*\{Name:\s*"/.test(l)).length;
    expect(entries.length).toBe(lines);
    expect(entries.length).toBeGreaterThan(40);
    const byName = new Map(entries.map((e) => [e.name, e]));
    expect(byName.get('http2client')).toMatchObject({ package: 'net/http', removed: null });
    expect(byName.get('asynctimerchan')).toEqual({
      name: 'asynctimerchan',
      package: 'time',
      changed: 23,
      old: '1',
      removed: null,
    });
    expect(byName.has('panicnil')).toBe(true);
    if (/^\s*\/\/\s*\{Name: "multipartfiles"/m.test(table))
      expect(byName.has('multipartfiles')).toBe(false);
    expect(entries.every((e) => /^[a-z0-9]+$/.test(e.name))).toBe(true);
  });
});

describe('the real runtime/runtime1.go', () => {
  it('has the runtime debug vars', () => {
    const keys = parseRuntimeDebugVars(runtime1);
    const block = runtime1.slice(runtime1.indexOf('var dbgvars'));
    const lines = block
      .slice(0, block.indexOf('\n}'))
      .split('\n')
      .filter((l) => /^\s*\{name:/.test(l)).length;
    expect(keys.length).toBe(lines + 1); // + memprofilerate, handled by name
    expect(keys.length).toBeGreaterThan(20);
    for (const k of ['gctrace', 'cgocheck', 'madvdontneed', 'asyncpreemptoff', 'memprofilerate'])
      expect(keys).toContain(k);
  });

  it('skips comments', () => {
    const src =
      'var All = []Info{\n\t{Name: "a", Package: "x"}, // {Name: "b"}\n\t//{Name: "c", Package: "y"},\n\t/* {Name: "d"} */\n}\n';
    expect(parseGodebugsTable(src).map((e) => e.name)).toEqual(['a']);
  });

  it('reads the pre-1.20 positional form too', () => {
    const old =
      'var dbgvars = []dbgVar{\n\t{"allocfreetrace", &debug.allocfreetrace},\n\t{"gctrace", &debug.gctrace},\n}\n';
    expect(parseRuntimeDebugVars(old)).toEqual(['allocfreetrace', 'gctrace']);
  });
});

describe('knownGodebugKeys and godebugCheck', () => {
  let empty = '';
  beforeAll(() => {
    empty = mkdtempSync(join(tmpdir(), 'godebug-'));
  });
  afterAll(() => {
    rmSync(empty, { recursive: true, force: true });
  });

  it('knows both tables of the real GOROOT', async () => {
    const keys = await knownGodebugKeys(goroot);
    expect(keys?.has('http2client')).toBe(true);
    expect(keys?.has('asynctimerchan')).toBe(true);
    expect(keys?.has('gctrace')).toBe(true);
    expect(keys?.has('x509sha1')).toBe(false); // removed in Go 1.24
    expect(keys?.size).toBeGreaterThan(60);
  });

  it('returns null for a GOROOT without sources', async () => {
    expect(await knownGodebugKeys(empty)).toBeNull();
  });

  it('checks against the real toolchain', async () => {
    const r = await godebugCheck('http2client=0,gctrace=1,clock_gettime64=1', goroot);
    expect(r.skipped).toBeNull();
    expect(r.errors).toEqual([]);
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/"clock_gettime64".*no clock_gettime64 GODEBUG setting/);
    expect(r.settings.map((s) => s.key)).toEqual(['http2client', 'gctrace', 'clock_gettime64']);
  });

  it('says validation was skipped when the sources are unreadable, still checks syntax', async () => {
    const r = await godebugCheck('nosuchkey=1,broken', empty);
    expect(r.skipped).toMatch(
      /^GODEBUG keys not validated against the toolchain: cannot read .*table\.go: ENOENT$/,
    );
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual(['GODEBUG entry "broken" has no "=": write key=value']);
  });
});

describe('validateGodebug', () => {
  const known = new Set(['http2client', 'gctrace', 'asynctimerchan', 'panicnil']);

  it('accepts known keys and cpu.* features', () => {
    expect(validateGodebug('gctrace=1,cpu.avx2=off,http2client=0', known)).toEqual({
      settings: [
        { key: 'gctrace', value: '1' },
        { key: 'cpu.avx2', value: 'off' },
        { key: 'http2client', value: '0' },
      ],
      warnings: [],
      errors: [],
    });
  });

  it('warns on clock_gettime64: the setting does not exist and Go ignores it', () => {
    const r = validateGodebug('clock_gettime64=1', known);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([
      expect.stringMatching(
        /^GODEBUG key "clock_gettime64" does nothing: there is no clock_gettime64 GODEBUG setting.*Go silently ignores unknown GODEBUG keys$/,
      ),
    ]);
  });

  it('warns on unknown and removed keys, suggesting near ones', () => {
    const r = validateGodebug('http2clinet=0,x509sha1=1', known, new Map([['x509sha1', 24]]));
    expect(r.warnings).toEqual([
      'GODEBUG key "http2clinet" is not known to this Go toolchain (did you mean "http2client"?): Go silently ignores unknown GODEBUG keys',
      'GODEBUG key "x509sha1" was removed in Go 1.24: this toolchain ignores it',
    ]);
  });

  it('errors on malformed entries', () => {
    const r = validateGodebug('gctrace,=1,panicnil=1, asynctimerchan=1', known);
    expect(r.errors).toEqual([
      'GODEBUG entry "gctrace" has no "=": write key=value',
      'GODEBUG entry "=1" has an empty key',
      'GODEBUG entry " asynctimerchan=1" contains whitespace: Go does not trim it, so the key " asynctimerchan" never matches',
    ]);
    expect(r.settings).toEqual([{ key: 'panicnil', value: '1' }]);
  });

  it('skips empty fields, keeps empty values, warns on a key set twice', () => {
    const r = validateGodebug('gctrace=1,,gctrace=2,panicnil=,', known);
    expect(r.errors).toEqual([]);
    expect(r.settings).toHaveLength(3);
    expect(r.warnings).toEqual(['GODEBUG sets gctrace twice (1, then 2): the last wins']);
    expect(validateGodebug('', known)).toEqual({ settings: [], warnings: [], errors: [] });
  });
});

describe('a GODEBUG value with a line break', () => {
  const injected = '\nBASH_ENV=/tmp/evil';

  it('is an error, not trimmed into a valid one', () => {
    expect(validateGodebug(injected, new Set(['gctrace'])).errors).toEqual([
      'GODEBUG holds a line break or control character: it must be one line of key=value pairs',
    ]);
  });

  it('reaches $GITHUB_ENV only inside a delimited value', () => {
    const text = renderGithubEnv({ CGO_ENABLED: '1', GODEBUG: injected });
    // The multi-line form of the runner's file protocol: BASH_ENV stays inside GODEBUG's value.
    expect(text).toBe(
      'CGO_ENABLED=1\nGODEBUG<<CGO_ABI_GUARD_EOF\n\nBASH_ENV=/tmp/evil\nCGO_ABI_GUARD_EOF\n',
    );
  });

  it('is refused by `env --godebug` before anything is installed', () => {
    const r = runCli([
      'env',
      '--target',
      'linux/arm64',
      '--glibc',
      '2.31',
      '--format',
      'github',
      '--godebug',
      injected,
    ]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^cgo-abi-guard env: --godebug holds a line break/);
  });
});
