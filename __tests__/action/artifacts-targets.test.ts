/**
 * A release pipeline's step: `artifacts` (goreleaser's dist, not what the run changed), `packages`
 * and two targets, through the action on the runner protocol, with libpcap from the Debian
 * registry and gopacket from the Go module proxy. Each target judges every artifact but keeps its
 * own binaries: its heading in the job summary is their verdict (it said fail on a passing step,
 * from the other target's binaries judged without their packages), and `depends` is each target's
 * own (amd64's cgo binary needs an older glibc than 2.17, where arm64's start).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { compareDotted } from '../../src/domain/version.js';
import { ROOT } from '../setup/paths.js';
import { Runner, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

describe('artifacts, packages and two targets', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-artifacts-'));
  cpSync(join(ROOT, 'examples', 'target-packages'), dir, { recursive: true });
  let main: StepRun;
  let report: RunReport;

  beforeAll(async () => {
    main = await new Runner(TOOL_CACHE).run('main', {
      target: 'linux/amd64,linux/arm64',
      glibc: '2.31',
      packages: 'libpcap-dev',
      run: 'mkdir -p dist/$GOARCH && go build -o dist/$GOARCH/pcapver ./pcapver',
      artifacts: 'dist/**',
      'working-directory': dir,
      lockfile: join(dir, 'lock.yml'),
      cache: 'false',
    });
    if (main.report === null) throw new Error(`no report: ${main.stdout}`);
    report = main.report;
  }, 900_000);
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes, and the summary says so for the step and for each target', () => {
    expect(main.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    expect(report.targets.map((t) => t.binaries.map((b) => b.verdict))).toEqual([
      ['pass'],
      ['pass'],
    ]);
    const headings = main.summary.split('\n').filter((l) => /^##+ /.test(l));
    expect(headings).toEqual([
      '## cgo-abi-guard: pass',
      expect.stringMatching(/^### linux\/amd64(\/v1)?: pass$/),
      '### linux/arm64: pass',
    ]);
  });

  it("gives depends per target, each with its own binary's glibc", () => {
    const depends = JSON.parse(main.outputs.depends ?? '') as Record<string, string>;
    expect(Object.keys(depends)).toEqual(['linux/amd64', 'linux/arm64']);
    const glibc = (i: number): string =>
      report.targets[i]?.binaries[0]?.facts?.versions.GLIBC ?? '';
    // gopacket's cgo needs less of amd64's glibc than arm64's first version, 2.17.
    expect(compareDotted(glibc(0), '2.17')).toBeLessThan(0);
    expect(glibc(1)).toBe('2.17');
    const own = (v: string): RegExp =>
      new RegExp(`^libc6 \\(>= ${v.replace(/\./g, '\\.')}\\), libpcap0\\.8 \\(>= [\\d.]+\\)$`);
    expect(depends['linux/amd64']).toMatch(own(glibc(0)));
    expect(depends['linux/arm64']).toMatch(own('2.17'));
    // Each is its binary's own line, as the report gives it.
    expect(depends['linux/amd64']).toBe(report.targets[0]?.binaries[0]?.runtime?.depends);
    expect(depends['linux/arm64']).toBe(report.targets[1]?.binaries[0]?.runtime?.depends);
    // And each target's own in the report.
    expect(report.targets.map((t) => t.depends)).toEqual([
      depends['linux/amd64'],
      depends['linux/arm64'],
    ]);
  });
});
