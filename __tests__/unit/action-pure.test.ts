import { describe, expect, it } from 'vitest';
import {
  fileLineAnnotation,
  findingAnnotations,
  withinBudget,
} from '../../src/domain/report/annotations.js';
import { buildFailureHint } from '../../src/domain/go/build-hints.js';
import type { BinaryResult } from '../../src/domain/report/report.js';
import { listInput, readInputs } from '../../src/action/inputs.js';
import { stepAnnotations, stepBudget } from '../../src/action/step-annotations.js';
import { runReport } from '../../src/domain/report/build-report.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { checkedReport } from '../setup/report-schema.js';

function binary(path: string, rules: string[]): BinaryResult {
  return {
    path,
    target: 'linux/amd64',
    verdict: 'fail',
    facts: null,
    error: null,
    findings: rules.map((rule) => ({
      rule: rule as 'needed',
      severity: 'error',
      message: `m ${rule}`,
      fix: 'f',
    })),
  };
}

describe('annotations', () => {
  const judged = Array.from({ length: 12 }, (_, i) => ({
    target: 'linux/amd64',
    result: binary(`b${String(i).padStart(2, '0')}`, ['needed', 'glibc-version', 'glibc-version']),
  }));

  it('writes one per binary and rule, merging the findings of a rule', () => {
    const all = findingAnnotations(judged);
    expect(all).toHaveLength(24);
    expect(all[0]).toMatchObject({
      level: 'error',
      title: 'cgo-abi-guard glibc-version (linux/amd64)',
      message: 'b00: m glibc-version (and 1 more glibc-version finding)\nFix: f',
    });
  });

  it("puts every binary's most important rule before anyone's second, then one N more", () => {
    const out = withinBudget(findingAnnotations(judged), { error: 9, warning: 10, notice: 10 });
    expect(out).toHaveLength(9);
    expect(out.slice(0, 8).map((a) => `${a.title} ${a.message.split(':')[0] ?? ''}`)).toEqual(
      judged.slice(0, 8).map((_, i) => `cgo-abi-guard glibc-version (linux/amd64) b0${i}`),
    );
    expect(out[8]).toEqual({
      level: 'error',
      title: 'cgo-abi-guard: 16 more',
      message:
        '16 more errors than a step can show: see the job summary (every binary) and the JSON report (everything)',
    });
  });

  it('writes all when they fit, and nothing where no room is left', () => {
    const few = findingAnnotations(judged.slice(0, 2));
    expect(withinBudget(few, { error: 4, warning: 10, notice: 10 })).toHaveLength(4);
    expect(withinBudget(few, { error: 0, warning: 10, notice: 10 })).toEqual([]);
  });

  describe('why a link failed, when the build log took the room', () => {
    const failed: RunReport = checkedReport(
      runReport({
        frontEnd: 'action',
        runner: null,
        policy: { ...defaultPolicy(), glibc: '2.36' },
        failOn: 'error',
        targets: [
          {
            target: 'linux/amd64/v1',
            toolchain: null,
            build: {
              command: 'go build',
              exit: 1,
              link: {
                symbols: [],
                lines: ['bpf_object__open and 40 more: not in the link. Fix: add -lbpf'],
              },
              heldOpenBy: [],
              staticNssLinked: [],
            },
            binaries: [],
            problem:
              'the build command for linux/amd64/v1 exited with status 1: the link failed (below)',
            smoke: { asked: false },
          },
        ],
      }),
      'a failed build',
    );
    const shown = (matched: { error: number; warning: number }) =>
      withinBudget(stepAnnotations(failed), stepBudget([{ ...matched, notice: 0 }], true));

    it('is an error in the room kept for the step’s own failure line', () => {
      // 9 of the log's undefined references made error annotations: one place is left.
      const [a, ...rest] = shown({ error: 9, warning: 0 });
      expect(rest).toEqual([]);
      expect(a).toMatchObject({
        level: 'error',
        title: 'cgo-abi-guard: the link failed (linux/amd64/v1)',
      });
      expect(a?.message).toContain('Fix: add -lbpf');
    });

    it('is a warning, saying so, when the log took every error place; a notice after that', () => {
      const [warning] = shown({ error: 40, warning: 0 });
      expect(warning?.level).toBe('warning');
      expect(warning?.message).toMatch(
        /Fix: add -lbpf\n\(an error shown as a warning: the build's own log lines took this step's error annotations\)$/,
      );
      expect(shown({ error: 40, warning: 12 })[0]?.level).toBe('notice');
    });
  });

  it('puts a policy error on its file and line', () => {
    expect(fileLineAnnotation('p.yml:3: bad', 't')).toEqual({
      level: 'error',
      title: 't',
      message: 'bad',
      file: 'p.yml',
      line: 3,
    });
    expect(fileLineAnnotation('no line here', 't')).toEqual({
      level: 'error',
      title: 't',
      message: 'no line here',
    });
  });
});

describe('build failure hints', () => {
  it.each([
    ['go: build constraints exclude all Go files in /x', /cgo was off/],
    [
      'runtime/main_main·f: function main is undeclared in the main package',
      /imports "C", cgo was off/,
    ],
    [
      '# runtime/cgo\ngcc_arm64.S: Assembler messages:\ngcc_arm64.S:30: Error: no such instruction',
      /does not target this GOARCH/,
    ],
    [
      'cgo: C compiler "aarch64-linux-gnu-gcc" not found: exec: not found',
      /not installed or not on PATH/,
    ],
    ['/usr/bin/ld: cannot find -lsqlite3', /not in the target sysroot/],
  ])('%j', (output, hint) => {
    expect(buildFailureHint(output)).toMatch(hint);
  });

  it('says nothing about an unknown failure', () => {
    expect(buildFailureHint('main.go:3:2: undefined: foo')).toBeNull();
  });
});

describe('action inputs', () => {
  const get = (values: Record<string, string>) => (name: string) => values[name] ?? '';

  it('reads defaults, lists and booleans', () => {
    const inputs = readInputs(
      get({ target: 'linux/amd64, linux/arm/v6\nlinux/arm64', run: 'make', 'export-env': 'FALSE' }),
    );
    expect(inputs).toMatchObject({
      targets: [
        { goarch: 'amd64', variant: 'v1' },
        { goarch: 'arm', variant: 'v6' },
        { goarch: 'arm64', variant: null },
      ],
      glibc: '2.31',
      libc: 'glibc',
      compiler: { compiler: 'gcc', clangMajor: null },
      mirrors: [],
      hostMirrors: true,
      workingDirectory: '.',
      lockfile: '.github/cgo-abi-guard.lock.yml',
      frozenLockfile: false,
      failOn: 'error',
      cache: true,
      exportEnv: false,
    });
  });

  it('accepts neither run nor artifacts (install and export only), and rejects a target listed twice', () => {
    expect(readInputs(get({}))).toMatchObject({ run: null, artifacts: [], targets: [] });
    expect(
      readInputs(get({ target: 'linux/arm64,linux/arm64', run: 'x', cache: 'maybe' })),
    ).toEqual({
      errors: [
        'input "cache": "maybe" is not true or false',
        'input "target": linux/arm64 is listed twice',
      ],
    });
  });

  it('reads clang-N and mirrors, and rejects what is neither', () => {
    expect(
      readInputs(
        get({
          compiler: 'clang-17',
          mirror: 'http://a.example/debian,\nhttps://b.example/x/',
          'host-mirrors': 'false',
        }),
      ),
    ).toMatchObject({
      compiler: { compiler: 'clang', clangMajor: 17 },
      mirrors: ['http://a.example/debian', 'https://b.example/x/'],
      hostMirrors: false,
    });
    expect(readInputs(get({ compiler: 'clang17', mirror: 'mirror+file:/etc/apt/m.txt' }))).toEqual({
      errors: [
        'input "compiler": "clang17" is not gcc, clang or clang-<major> (like clang-18)',
        'input "mirror": mirror "mirror+file:/etc/apt/m.txt" is not an http(s) URI of a package archive (like http://host/debian)',
      ],
    });
  });

  it('splits lists on commas and newlines', () => {
    expect(listInput(' a, b\n\nc ,')).toEqual(['a', 'b', 'c']);
  });
});
