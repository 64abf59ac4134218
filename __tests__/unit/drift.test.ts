/**
 * Drift's pure parts: surfaces compared (raised, lowered, changed), binaries paired, a baseline
 * read back with every string made one line and every problem one sentence, the baseline plan
 * per event, Go file names and go.mod lines, and the verdict a drift gives.
 */
import { describe, expect, it } from 'vitest';
import { parseBaseline, oneLine } from '../../src/domain/drift/baseline.js';
import { baselinePlan, type RunnerEvent } from '../../src/domain/drift/baseline-plan.js';
import { diffEntries, diffSurfaces, raised } from '../../src/domain/drift/drift.js';
import {
  cgoWrapperNames,
  moduleOf,
  requireLine,
  workspaceFile,
} from '../../src/domain/drift/lines.js';
import { driftAnnotations } from '../../src/domain/drift/render.js';
import {
  RANK,
  STEP_LIMIT,
  withinBudget,
  type Ranked,
} from '../../src/domain/report/annotations.js';
import { muslNeed, surfaceOf, type AbiSurface } from '../../src/domain/drift/surface.js';
import { muslExportVersions } from '../../src/domain/rules/musl-exports.js';
import { cgoFacts } from '../setup/facts.js';

const surface = (over: Partial<AbiSurface> = {}): AbiSurface => ({
  versions: { GLIBC: { version: '2.17', symbols: ['clock_gettime'] } },
  needed: ['libc.so.6'],
  interpreter: '/lib64/ld-linux-x86-64.so.2',
  linkage: 'dynamic',
  isa: 'x86-64-baseline',
  kernel: '3.2.0',
  depends: ['libc6'],
  modules: { 'github.com/mattn/go-sqlite3': 'v1.14.22' },
  ...over,
});

describe('surfaces compared', () => {
  it('says every raised need, every lowered one, and a module that moved', () => {
    const head = surface({
      versions: {
        GLIBC: { version: '2.25', symbols: ['getrandom'] },
        GLIBCXX: { version: '3.4.21', symbols: ['_ZNSt7__cxx11'] },
      },
      needed: ['libc.so.6', 'libsqlite3.so.0'],
      isa: 'x86-64-v3',
      kernel: '3.2.0',
      depends: ['libc6', 'libsqlite3-0'],
      modules: { 'github.com/mattn/go-sqlite3': 'v1.14.24' },
    });
    const changes = diffSurfaces('linux/amd64/v1', 'app', surface(), head);
    expect(changes.map((c) => [c.kind, c.direction, c.subject, c.base, c.head])).toEqual([
      ['version', 'raised', 'GLIBC', '2.17', '2.25'],
      ['version', 'raised', 'GLIBCXX', null, '3.4.21'],
      ['needed', 'raised', 'libsqlite3.so.0', null, 'libsqlite3.so.0'],
      ['isa', 'raised', '', 'x86-64-baseline', 'x86-64-v3'],
      ['depends', 'raised', 'libsqlite3-0', null, 'libsqlite3-0'],
      ['module', 'changed', 'github.com/mattn/go-sqlite3', 'v1.14.22', 'v1.14.24'],
    ]);
    expect(changes[0]?.symbols).toEqual(['getrandom']);
    // Backwards: the same changes, lowered (good news), nothing raised.
    const back = diffSurfaces('linux/amd64/v1', 'app', head, surface());
    expect(raised({ changes: back })).toEqual([]);
    expect(back.filter((c) => c.direction === 'lowered')).toHaveLength(5);
  });

  it('compares dotted versions as numbers (2.3.2 < 2.17), and sees linkage and loader', () => {
    const base = surface({ versions: { GLIBC: { version: '2.17', symbols: [] } } });
    const older = surface({ versions: { GLIBC: { version: '2.3.2', symbols: [] } } });
    expect(diffSurfaces('t', 'a', base, older)[0]?.direction).toBe('lowered');
    const loader = diffSurfaces('t', 'a', base, {
      ...base,
      interpreter: '/lib/ld-musl-x86_64.so.1',
    });
    expect(loader.map((c) => [c.kind, c.direction])).toEqual([['interpreter', 'raised']]);
    const statik = surface({ interpreter: null, needed: [], linkage: 'static', depends: [] });
    const dyn = diffSurfaces('t', 'a', statik, base).filter((c) => c.kind === 'linkage');
    expect(dyn.map((c) => c.direction)).toEqual(['raised']);
  });

  it('pairs by target and path, else by file name, and lists the rest', () => {
    const s = surface();
    const d = diffEntries(
      [
        { target: 'linux/arm64', path: '/a/run1/dist/app', surface: s },
        { target: 'linux/arm64', path: '/a/run1/dist/gone', surface: s },
      ],
      [
        { target: 'linux/arm64', path: '/b/run2/dist/app', surface: surface({ kernel: '4.4.0' }) },
        { target: 'linux/amd64/v1', path: '/b/run2/dist/app', surface: s },
      ],
      { source: 'file', where: 'base.json', sha: null, ref: null },
    );
    expect(d.changes.map((c) => [c.target, c.kind])).toEqual([['linux/arm64', 'kernel']]);
    expect(d.added).toEqual(['linux/amd64/v1 /b/run2/dist/app']);
    expect(d.removed).toEqual(['linux/arm64 /a/run1/dist/gone']);
  });
});

describe('the surface of a binary', () => {
  it('keeps the symbols at each maximum, the ISA level and the Depends names', () => {
    const f = cgoFacts({
      symbolVersions: [
        { symbol: 'getrandom', version: 'GLIBC_2.25' },
        { symbol: 'free', version: 'GLIBC_2.2.5' },
      ],
      versions: { GLIBC: '2.25' },
      isaNeeded: ['x86-64-baseline', 'x86-64-v2'],
    });
    const s = surfaceOf(f, 'libc6 (>= 2.25), libpcap0.8 (>= 1.0) | libpcap0.8t64');
    expect(s.versions).toEqual({ GLIBC: { version: '2.25', symbols: ['getrandom'] } });
    expect(s.isa).toBe('x86-64-v2');
    expect(s.depends).toEqual(['libc6', 'libpcap0.8', 'libpcap0.8t64']);
  });
});

describe("a dynamic musl binary's need", () => {
  it('is the oldest musl exporting each import, the highest of them', () => {
    const [oldest] = muslExportVersions();
    const plain = muslNeed([{ symbol: 'malloc', version: '' }], 'amd64');
    expect(plain).toEqual({ version: oldest, symbols: ['malloc'] });
    // qsort_r came with musl 1.2.3; a glibc-versioned, a weak and an unknown name do not count.
    const need = muslNeed(
      [
        { symbol: 'malloc', version: '' },
        { symbol: 'qsort_r', version: '' },
        { symbol: 'qsort_r', version: 'GLIBC_2.8' },
        { symbol: 'sqlite3_open', version: '' },
        { symbol: '__cxa_finalize', version: '', weak: true },
      ],
      'amd64',
    );
    expect(need).toEqual({ version: '1.2.3', symbols: ['qsort_r'] });
    expect(muslNeed([{ symbol: 'sqlite3_open', version: '' }], 'amd64')).toBeNull();
  });
});

describe('a baseline read back', () => {
  const report = (binaries: unknown[], version = 2): string =>
    JSON.stringify({
      schemaVersion: version,
      git: { sha: 'abc', ref: 'refs/heads/main' },
      targets: [{ target: 'linux/amd64/v1', binaries }],
    });

  it('says in one sentence why a file is not one, and never throws', () => {
    for (const [text, why] of [
      ['', /not JSON \(empty\)/],
      ['{"schemaVersion": 2, "targets": [', /not JSON/],
      ['[]', /not a JSON object/],
      ['{"schemaVersion": 4, "targets": []}', /schemaVersion is 4/],
      ['{"targets": []}', /schemaVersion is missing/],
      ['{"schemaVersion": 2, "targets": {}}', /targets is not a list/],
      [report([{ path: 'a', surface: { versions: 1 } }]), /surface\.versions is not an object/],
      [report([{ path: 7, surface: null }]), /path is not a string/],
    ] as const) {
      const r = parseBaseline(text);
      expect('problem' in r && r.problem, text).toMatch(why);
    }
  });

  it('makes every string one printable line', () => {
    const hostile = 'x%0A::error::y\n::error::z\r\u2028';
    const r = parseBaseline(
      report([{ path: hostile, surface: { ...surface(), needed: [hostile] } }]),
    );
    if ('problem' in r) throw new Error(r.problem);
    const e = r.baseline.entries[0];
    expect(e?.path).toBe('x%0A::error::y ::error::z ');
    expect(e?.surface.needed[0]).not.toMatch(/[\n\r\u2028]/);
    expect(oneLine('a'.repeat(300))).toHaveLength(201);
  });

  it('reads a schema 1 report from its facts', () => {
    const r = parseBaseline(
      report(
        [
          {
            path: 'app',
            facts: {
              versions: { GLIBC: '2.17' },
              needed: ['libc.so.6'],
              interpreter: '/lib64/ld-linux-x86-64.so.2',
              isaNeeded: ['x86-64-baseline'],
              abiTag: '3.2.0',
              goBuild: { deps: { 'example.com/dep': 'v1.0.0' } },
            },
            runtime: { depends: 'libc6 (>= 2.17)' },
          },
        ],
        1,
      ),
    );
    if ('problem' in r) throw new Error(r.problem);
    expect(r.baseline.entries[0]?.surface).toEqual(
      surface({
        versions: { GLIBC: { version: '2.17', symbols: [] } },
        modules: { 'example.com/dep': 'v1.0.0' },
      }),
    );
    expect(r.baseline.sha).toBe('abc');
  });
});

describe('the baseline plan', () => {
  const e = (over: Partial<RunnerEvent>): RunnerEvent => ({
    name: 'push',
    ref: 'refs/heads/main',
    baseRef: '',
    sha: 'f'.repeat(40),
    workflow: 'Release, all',
    job: 'build',
    runId: '42',
    runAttempt: '1',
    defaultBranch: 'main',
    ...over,
  });
  const t = ['linux/arm64'];

  it('saves on a push to the default branch, restores on a pull request, else nothing', () => {
    const save = baselinePlan({ mode: 'auto' }, e({}), t);
    expect(save).toEqual({
      kind: 'save',
      key: `cgo-abi-guard-baseline-v1-Release_all-build-linux/arm64-main-${'f'.repeat(40)}-42-1`,
      prefix: 'cgo-abi-guard-baseline-v1-Release_all-build-linux/arm64-main-',
    });
    const pr = baselinePlan(
      { mode: 'auto' },
      e({ name: 'pull_request', ref: 'refs/pull/1/merge', baseRef: 'main' }),
      t,
    );
    expect(pr).toEqual({
      kind: 'restore',
      prefix: save.kind === 'save' ? save.prefix : '',
      branch: 'main',
    });
    expect(baselinePlan({ mode: 'auto' }, e({ ref: 'refs/heads/topic' }), t).kind).toBe('none');
    expect(baselinePlan({ mode: 'auto' }, e({ defaultBranch: null }), t)).toMatchObject({
      kind: 'none',
      why: /does not name the default branch/,
    });
    expect(baselinePlan({ mode: 'auto' }, e({ name: 'schedule' }), t).kind).toBe('none');
    expect(baselinePlan({ mode: 'save' }, e({ ref: 'refs/heads/release-1' }), t).kind).toBe('save');
    expect(baselinePlan({ mode: 'file', path: 'r.json' }, e({}), t)).toEqual({
      kind: 'file',
      path: 'r.json',
    });
  });
});

describe('lines in the checkout', () => {
  const c = { workspace: '/w', moduleDir: '/w/app', modulePath: 'example.com/app' };
  it('maps plain and -trimpath file names, and nothing outside the main module', () => {
    expect(workspaceFile('/w/app/cmd/x.go', c)).toBe('app/cmd/x.go');
    expect(workspaceFile('example.com/app/cmd/x.go', c)).toBe('app/cmd/x.go');
    expect(workspaceFile('/_/example.com/app/x.go', c)).toBe('app/x.go');
    expect(workspaceFile('/_/example.com/other/x.go', c)).toBeNull();
    expect(workspaceFile('github.com/x/y@v1.0.0/y.go', c)).toBeNull();
    expect(workspaceFile('runtime/cgo/gcc_linux_amd64.c', c)).toBeNull();
    expect(workspaceFile('/usr/local/go/src/net/cgo_unix.go', c)).toBeNull();
    expect(workspaceFile('/w/app/../../etc/passwd', c)).toBeNull();
    expect(workspaceFile('_cgo_gotypes.go', c)).toBeNull();
  });

  it('finds a require line, in a block or alone, and a package module', () => {
    const mod = [
      'module example.com/app',
      '',
      'go 1.22',
      '',
      'require (',
      '\tgithub.com/confluentinc/confluent-kafka-go/v2 v2.3.0 // indirect',
      '\tgithub.com/mattn/go-sqlite3 v1.14.22',
      ')',
      '',
      'require golang.org/x/sys v0.20.0',
    ].join('\n');
    expect(requireLine(mod, 'github.com/mattn/go-sqlite3')).toBe(7);
    expect(requireLine(mod, 'golang.org/x/sys')).toBe(10);
    expect(requireLine(mod, 'github.com/mattn')).toBeNull();
    expect(
      moduleOf('github.com/confluentinc/confluent-kafka-go/v2/kafka', [
        'github.com/confluentinc/confluent-kafka-go/v2',
        'github.com/confluentinc',
      ]),
    ).toBe('github.com/confluentinc/confluent-kafka-go/v2');
  });

  it('names cgo wrappers as the linker does', () => {
    expect(cgoWrapperNames('example.com/app', 'C.getrandom', 'example.com/app')).toEqual([
      'main._Cfunc_getrandom',
      'main._C2func_getrandom',
    ]);
    expect(cgoWrapperNames('gopkg.in/x.v1', 'C.f', 'example.com/app')[0]).toBe(
      'gopkg.in/x%2ev1._Cfunc_f',
    );
  });
});

describe('drift annotations', () => {
  it('go on each caused line, on the step when none is known, none with drift off', () => {
    const d = diffEntries(
      [{ target: 'linux/arm64', path: 'app', surface: surface() }],
      [
        {
          target: 'linux/arm64',
          path: 'app',
          surface: surface({ versions: { GLIBC: { version: '2.25', symbols: ['getrandom'] } } }),
        },
      ],
      { source: 'cache', where: 'k', sha: 'a'.repeat(40), ref: 'refs/heads/main' },
    );
    const change = d.changes[0];
    if (change === undefined) throw new Error('no change');
    expect(driftAnnotations(d, 'warn')).toMatchObject([{ level: 'warning' }]);
    expect(driftAnnotations(d, 'warn')[0]?.file).toBeUndefined();
    change.callers = [{ from: 'your cgo code', function: 'main.fill', file: 'fill.go', line: 12 }];
    expect(driftAnnotations(d, 'fail')).toMatchObject([
      { level: 'error', file: 'fill.go', line: 12 },
    ]);
    expect(driftAnnotations(d, 'fail')[0]?.message).toMatch(
      /^app: GLIBC 2\.17 → 2\.25 on linux\/arm64: getrandom against main @ a{12}\nCaused by fill\.go:12 in main\.fill/,
    );
    expect(driftAnnotations(d, 'off')).toEqual([]);
  });
});

describe("drift within the step's annotations", () => {
  it('comes after every finding of verify: what does not fit is drift, told in the summary', () => {
    const findings: Ranked[] = Array.from({ length: 9 }, (_, i) => ({
      level: 'error',
      rank: i === 0 ? RANK.first : RANK.further,
      title: `cgo-abi-guard glibc-version (linux/arm64)`,
      message: `app-${i}: needs GLIBC_2.34`,
    }));
    const d = diffEntries(
      [{ target: 'linux/arm64', path: 'app', surface: surface() }],
      [
        {
          target: 'linux/arm64',
          path: 'app',
          surface: surface({
            versions: { GLIBC: { version: '2.25', symbols: ['getrandom'] } },
            needed: ['libc.so.6', 'libz.so.1'],
            kernel: '4.4.0',
          }),
        },
      ],
      { source: 'cache', where: 'k', sha: null, ref: null },
    );
    // Drift first in the list: the rank, not the order, decides.
    const shown = withinBudget([...driftAnnotations(d, 'fail'), ...findings], STEP_LIMIT);
    expect(shown).toHaveLength(10);
    expect(shown.slice(0, 9).map((a) => a.message)).toEqual(findings.map((f) => f.message));
    expect(shown[9]?.title).toBe('cgo-abi-guard: 3 more');
  });
});
