/**
 * One view of a matrix: four legs' reports (real verify runs on real builds for amd64, arm64,
 * armhf and 386, one failing) merged by `merge` and by a step with `reports`, into one summary and
 * one verdict; a leg that is missing or not a report is an error, never a pass; a step with
 * `reports` refuses what would install or build.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { Runner } from '../setup/runner.js';

const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-merge-'));
const LEGS = [
  ['linux/amd64', 'amd64-clang-bullseye', '2.31'],
  ['linux/arm64', 'arm64-clang-bullseye', '2.31'],
  ['linux/arm/v7', 'armhf-gcc', '2.36'],
  // Needs GLIBC_2.34 at a 2.31 floor: the failing leg.
  ['linux/amd64', 'amd64-gcc', '2.31'],
] as const;

beforeAll(() => {
  LEGS.forEach(([target, name, glibc], i) => {
    const r = runCli([
      'verify',
      '--format',
      'json',
      '--target',
      target,
      '--glibc',
      glibc,
      fixture(name),
    ]);
    expect(r.stdout).toMatch(/"schemaVersion": 3/);
    writeFileSync(join(dir, `leg-${i}.json`), r.stdout);
  });
});

describe('merge', () => {
  it('gives one table of every leg, and the worst verdict', () => {
    const r = runCli(['merge', join(dir, 'leg-*.json'), '--format', 'markdown']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^## cgo-abi-guard: fail \(4 reports\)$/m);
    const rows = r.stdout.split('\n').filter((l) => /^\| linux\//.test(l));
    expect(rows).toHaveLength(4);
    expect(rows.map((l) => l.split('|')[1]?.trim())).toEqual([
      'linux/amd64/v1',
      'linux/arm64',
      'linux/arm/v7',
      'linux/amd64/v1',
    ]);
    expect(rows[3]).toMatch(/amd64-gcc` \| ❌ fail \| GLIBC 2\.34/);
    expect(rows[1]).toMatch(/✅ pass \| GLIBC 2\.\d+/);
    const json = JSON.parse(
      runCli(['merge', join(dir, 'leg-*.json'), '--format', 'json']).stdout,
    ) as {
      verdict: string;
      binaries: unknown[];
    };
    expect(json).toMatchObject({ verdict: 'fail' });
    expect(json.binaries).toHaveLength(4);
    expect(runCli(['merge', join(dir, 'leg-0.json'), join(dir, 'leg-1.json')]).status).toBe(0);
  });

  it('counts a leg that is missing or not a report as an error', () => {
    writeFileSync(join(dir, 'broken.json'), '{"schemaVersion": 2, "verdict": "pa');
    const r = runCli([
      'merge',
      join(dir, 'leg-0.json'),
      join(dir, 'broken.json'),
      join(dir, 'none-*.json'),
    ]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/broken\.json: not JSON/);
    expect(r.stderr).toMatch(/none-\*\.json: pattern matched no files/);
  });
});

describe('the command lines of merge and diff', () => {
  it('say what is wrong in one line, with the usage, and exit 2', () => {
    for (const [args, why] of [
      [
        ['merge', '--format', 'xml', 'a.json'],
        /^cgo-abi-guard merge: --format "xml" is not one of text, json, markdown$/m,
      ],
      [['merge'], /^cgo-abi-guard merge: give the reports to merge$/m],
      [['merge', '--fail', 'a.json'], /^cgo-abi-guard merge: Unknown option '--fail'/m],
      [
        ['diff', join(dir, 'leg-0.json')],
        /^cgo-abi-guard diff: give two reports, the base and the head$/m,
      ],
    ] as const) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(why);
      expect(r.stderr).toMatch(/^usage: cgo-abi-guard (merge|diff) /m);
      expect(r.stdout).toBe('');
    }
    expect(runCli(['diff', '--help']).stdout).toMatch(/^usage: cgo-abi-guard diff /);
  });
});

describe('a step with reports', () => {
  it('writes the merged summary and fails when a leg failed', async () => {
    const main = await new Runner().run('main', {
      reports: 'leg-*.json',
      'working-directory': dir,
    });
    expect(main.status).toBe(1);
    expect(main.outputs.verdict).toBe('fail');
    expect(main.summary).toMatch(/^## cgo-abi-guard: fail \(4 reports\)$/m);
    expect(main.summary.split('\n').filter((l) => /^\| linux\//.test(l))).toHaveLength(4);
    expect(main.stdout).toMatch(/^::error::cgo-abi-guard: a merged report failed/m);
    const passing = await new Runner().run('main', {
      reports: 'leg-0.json\nleg-1.json\nleg-2.json',
      'working-directory': dir,
    });
    expect(passing.status).toBe(0);
    expect(passing.outputs.verdict).toBe('pass');
  });

  it('refuses inputs that would install, build or verify', async () => {
    const main = await new Runner().run('main', {
      reports: 'leg-*.json',
      run: 'go build',
      glibc: '2.17',
      'working-directory': dir,
    });
    expect(main.status).toBe(1);
    const errors = main.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(errors.some((e) => /input "run": does not go with reports/.test(e))).toBe(true);
    expect(errors.some((e) => /input "glibc": does not go with reports/.test(e))).toBe(true);
  });
});
