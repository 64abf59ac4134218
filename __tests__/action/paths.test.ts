/**
 * Paths the action does not choose: a working directory with glob characters, and several steps
 * of one job sharing RUNNER_TEMP. Verify-only (libc none: nothing is installed).
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { Runner, type StepRun } from '../setup/runner.js';

function project(name: string): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-paths-')), name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(fixture('amd64-nocgo'), join(dir, 'app'));
  return dir;
}

const inputs = (dir: string, artifacts: string): Record<string, string> => ({
  target: 'linux/amd64',
  libc: 'none',
  artifacts,
  'working-directory': dir,
  cache: 'false',
});

function judgedPaths(step: StepRun): string[] {
  const report = JSON.parse(readFileSync(step.outputs.report ?? '', 'utf8')) as {
    targets: { binaries: { path: string }[] }[];
  };
  return report.targets.flatMap((t) => t.binaries.map((b) => b.path));
}

describe('action paths', () => {
  it('finds artifacts under a working directory named with glob characters', async () => {
    const dir = project('we[i]rd {x,y} *');
    const step = await new Runner().run('main', inputs(dir, 'app*'));
    expect(step.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(step.outputs.verdict).toBe('pass');
    expect(judgedPaths(step)).toEqual([join(dir, 'app')]);
  });

  it('writes one report per step, though the steps share RUNNER_TEMP', async () => {
    const runner = new Runner();
    const one = project('one');
    const two = project('two');
    const first = await runner.run('main', inputs(one, 'app'));
    const second = await runner.run('main', inputs(two, 'app'));
    expect(first.outputs.report).not.toBe(second.outputs.report);
    for (const step of [first, second])
      expect(step.outputs.report?.startsWith(runner.temp)).toBe(true);
    expect(existsSync(first.outputs.report ?? '')).toBe(true);
    expect(judgedPaths(first)).toEqual([join(one, 'app')]);
    expect(judgedPaths(second)).toEqual([join(two, 'app')]);
  });
});
