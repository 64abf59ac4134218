/**
 * A baseline file is input from outside: one of another schema version, a truncated one, and one
 * whose strings carry `%0A`, `::` and line breaks each give one notice and never fail the step
 * or inject a workflow command; a hostile one is still compared, its strings made one line.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { runCli } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { Runner } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-drift-baseline-'));
const binary = (): string => fixture('amd64-clang-bullseye');
let good = '';

beforeAll(() => {
  const r = runCli(['verify', '--format', 'json', '--target', 'linux/amd64', binary()]);
  expect(r.status).toBe(0);
  good = r.stdout;
});

const lines = (stdout: string, level: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith(`::${level}`));

const HOSTILE = 'x%0A::error::injected\n::error::injected';

function hostile(): string {
  const r = JSON.parse(good) as RunReport;
  const surface = r.targets[0]?.binaries[0]?.surface;
  if (surface === null || surface === undefined) throw new Error('no surface in the report');
  // A NEEDED entry only the base has (a lowered need the summary shows), a symbol, a module.
  surface.needed.push('lib%0A::warning::x\r\n::error::y.so');
  for (const v of Object.values(surface.versions)) v.symbols.push(HOSTILE);
  surface.modules[HOSTILE] = `v1.0.0\n::error::z`;
  return JSON.stringify(r);
}

describe('a baseline file that is not a good report', () => {
  for (const [name, text, problem] of [
    [
      'of another schema version',
      () => JSON.stringify({ ...(JSON.parse(good) as object), schemaVersion: 9 }),
      /schemaVersion is 9/,
    ],
    ['truncated', () => good.slice(0, 500), /not JSON/],
    ['with hostile strings', hostile, /has 3 strings with line breaks or control characters/],
  ] as const)
    it(`${name}: one notice, never a failure or an injected command`, async () => {
      const path = join(work, `baseline-${name.replace(/\W/g, '-')}.json`);
      writeFileSync(path, text());
      const main = await new Runner(TOOL_CACHE).run('main', {
        target: 'linux/amd64',
        glibc: '2.31',
        artifacts: binary(),
        baseline: path,
        lockfile: join(work, 'lock.yml'),
        cache: 'false',
      });
      expect(main.status, main.stdout).toBe(0);
      expect(main.stdout).not.toMatch(/^::error::(injected|y|z)|^::warning::x/m);
      expect(lines(main.stdout, 'error')).toEqual([]);
      // The drift's notices (the first run also says it wrote the lockfile).
      const notices = lines(main.stdout, 'notice title=cgo-abi-guard drift');
      expect(notices).toHaveLength(1);
      expect(notices[0]).toMatch(problem);
      if (name === 'with hostile strings') {
        // Compared all the same, each string one line.
        expect(main.summary).toContain('lib%0A::warning::x ::error::y.so');
        expect(main.report?.drift?.changes.map((c) => [c.kind, c.direction])).toEqual([
          ['needed', 'lowered'],
          ['module', 'changed'],
        ]);
      } else expect(main.outputs.drift).toBe('');
    }, 300_000);
});
