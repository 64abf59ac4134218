/**
 * Real goreleaser for the tests: built once with `go install` from the Go module proxy into a
 * test-owned directory kept across runs (`.cache/goreleaser/<version>`), with the machine's own
 * Go caches (so a later clone on the same machine compiles little). And the README's goreleaser
 * recipe, read out of README.md, so that what the tests run is what users copy.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './paths.js';

export const GORELEASER_VERSION = 'v2.17.0';

/** Kept across runs like the tool cache: goreleaser and the test projects' module cache. */
export const GORELEASER_CACHE =
  process.env.CGO_ABI_GUARD_TEST_GORELEASER ?? join(ROOT, '.cache', 'goreleaser');

/** The module cache the test projects build with (test-owned; goreleaser's own is the machine's). */
export const TEST_GOMODCACHE = join(GORELEASER_CACHE, 'mod');

/** The goreleaser binary, installed first when absent (minutes, once). */
export function goreleaser(): string {
  const bin = join(GORELEASER_CACHE, GORELEASER_VERSION);
  const exe = join(bin, 'goreleaser');
  if (existsSync(exe)) return exe;
  mkdirSync(bin, { recursive: true });
  const r = spawnSync(
    'go',
    // Its source as released; compiled without optimisation or debug information (a fifth less
    // CPU than the default, and CI's machine compiles it from an empty cache every run).
    [
      'install',
      '-gcflags=all=-N -l',
      '-ldflags=-s -w',
      `github.com/goreleaser/goreleaser/v2@${GORELEASER_VERSION}`,
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
        GOBIN: bin,
        GOTOOLCHAIN: 'local',
        GOFLAGS: '-trimpath',
      },
    },
  );
  if (r.status !== 0 || !existsSync(exe))
    throw new Error(`go install goreleaser ${GORELEASER_VERSION} failed: ${r.stderr}`);
  return exe;
}

export interface WorkflowStep {
  uses: string;
  with: Record<string, string>;
}

export interface Recipe {
  /** The workflow steps of the recipe, in order. */
  steps: WorkflowStep[];
  /** `.goreleaser.yaml` as the README gives it. */
  config: string;
}

/** The two yaml blocks of the README's "## goreleaser recipe" section. */
export function readmeRecipe(): Recipe {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## goreleaser recipe\n');
  if (start < 0) throw new Error('README has no "## goreleaser recipe"');
  const end = readme.indexOf('\n## ', start + 1);
  const section = readme.slice(start, end < 0 ? undefined : end);
  const blocks = [...section.matchAll(/\n```yaml\n([\s\S]*?)\n```\n/g)].map((m) => m[1] ?? '');
  const config = blocks.find((b) => b.startsWith('# .goreleaser.yaml\n'));
  const workflow = blocks.find((b) => b.startsWith('- uses: '));
  if (config === undefined || workflow === undefined)
    throw new Error('the goreleaser recipe lacks its workflow steps or its .goreleaser.yaml');
  const steps = (parse(workflow) as { uses: string; with?: Record<string, unknown> }[]).map(
    (s) => ({
      uses: s.uses,
      with: Object.fromEntries(Object.entries(s.with ?? {}).map(([k, v]) => [k, String(v)])),
    }),
  );
  return { steps, config };
}
