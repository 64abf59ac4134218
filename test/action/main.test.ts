/** dist/main.js on the runner protocol: inputs in, annotations, outputs and summary out. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { runStep } from '../setup/runner.js';

describe('action main step (verify)', () => {
  it('fails the step on a glibc floor violation with an ::error annotation naming GLIBC_2.34', () => {
    const r = runStep('main', {
      artifacts: fixture('amd64-gcc'),
      glibc: '2.31',
      target: 'linux/amd64',
      libc: 'glibc',
    });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(
      /^::error title=cgo-abi-guard glibc-version::.*amd64-gcc: needs GLIBC_2\.34 \(floor 2\.31\): .*__libc_start_main/m,
    );
    expect(r.outputs.verdict).toBe('fail');
    expect(r.outputs['max-glibc']).toBe('2.34');
    const report = JSON.parse(readFileSync(r.outputs.report ?? '', 'utf8')) as { verdict: string };
    expect(report.verdict).toBe('fail');
    expect(r.summary).toContain(
      '| binary | target | interpreter | highest GLIBC (floor) | NEEDED | verdict |',
    );
  });

  it('passes a binary built against the bullseye sysroot at floor 2.31', () => {
    const r = runStep('main', {
      artifacts: fixture('arm64-clang-bullseye'),
      glibc: '2.31',
      target: 'linux/arm64',
      libc: 'glibc',
    });
    expect(r.stdout).not.toMatch(/^::error/m);
    expect(r.status).toBe(0);
    expect(r.outputs.verdict).toBe('pass');
    expect(r.summary).toMatch(/✅ pass/);
  });

  it('lists every bad input at once and judges nothing', () => {
    const r = runStep('main', {
      artifacts: fixture('amd64-gcc'),
      glibc: '2.3x',
      target: 'linux/mips',
      libc: 'uclibc',
    });
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toEqual([
      expect.stringContaining('input "target": target "linux/mips": unknown goarch "mips"'),
      expect.stringContaining('input "glibc": "2.3x" is not a version like 2.31'),
      expect.stringContaining('input "libc": "uclibc" is not one of glibc, musl, none'),
      expect.stringContaining('invalid inputs: 3 problem(s)'),
    ]);
    expect(r.outputs.verdict).toBeUndefined();
  });
});
