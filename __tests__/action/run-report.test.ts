/**
 * One report for both front ends: the action's `report` output and `verify --format json` on the
 * same binaries (a passing and a failing cgo build, paths as given) are the same RunReport apart
 * from what only the front end knows — who wrote it, the runner, the commit, what drift does,
 * the toolchain it installed and the build it ran — and both are valid against docs/report.schema.json (the helpers check).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { verifyJson } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { Runner } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

/** The report without the front end's own fields. */
function shared(r: RunReport): unknown {
  return {
    ...r,
    frontEnd: undefined,
    runner: undefined,
    // The commit built and what drift does are the action's (the CLI compares in `diff`).
    git: undefined,
    policy: { ...r.policy, drift: undefined },
    targets: r.targets.map((t) => ({ ...t, toolchain: undefined, build: undefined })),
  };
}

describe("the action's report and verify --format json", () => {
  it('are one document on the same binaries, apart from the front-end fields', async () => {
    const binaries = [fixture('amd64-clang-bullseye'), fixture('amd64-gcc')];
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-run-report-'));
    const main = await new Runner(TOOL_CACHE).run('main', {
      target: 'linux/amd64',
      libc: 'glibc',
      glibc: '2.31',
      artifacts: binaries.join('\n'),
      lockfile: join(dir, 'lock.yml'),
      cache: 'false',
    });
    expect(main.status).toBe(1);
    const action = main.report;
    if (action === null) throw new Error(`the action wrote no report: ${main.stdout}`);
    const cli = verifyJson([
      ...['--target', 'linux/amd64', '--libc', 'glibc', '--glibc', '2.31'],
      ...binaries,
    ]);
    expect(cli.status).toBe(1);

    expect(shared(action)).toEqual(shared(cli.report));
    // Not equal by being empty: a passing and a failing binary, the failure explained.
    expect(cli.binaries.map((b) => [b.path, b.verdict])).toEqual([
      [binaries[0], 'pass'],
      [binaries[1], 'fail'],
    ]);
    expect(cli.binaries[1]?.findings[0]?.explain?.length).toBeGreaterThan(0);
    expect(cli.report.targets[0]?.depends).toMatch(/^libc6 \(>= 2\.34\)$/);
    // What only the action knows is there, and only there.
    expect(action.frontEnd).toBe('action');
    expect(action.runner?.kernel).not.toBe('');
    expect(action.targets[0]?.toolchain).toMatchObject({ kind: 'release', floor: '2.31' });
    expect(action.targets[0]?.build).toBeNull();
    expect(cli.report).toMatchObject({ frontEnd: 'cli', runner: null, git: null, drift: null });
    expect(cli.report.policy.drift).toBe('off');
    expect(action.policy.drift).toBe('warn');
    expect(cli.report.targets[0]?.toolchain).toBeNull();
  }, 900_000);
});
