/**
 * The README's inputs and outputs tables say what action.yml says (names, defaults, nothing
 * missing); the CLI's options tables in docs/cli.md list what `verify --help` and `env --help` do.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/action/inputs.js';
import { ENV_USAGE } from '../../src/cli/env-args.js';
import { VERIFY_USAGE } from '../../src/cli/verify-args.js';
import { tableAfter } from '../setup/markdown.js';
import { ROOT } from '../setup/paths.js';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

const cliDoc = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');
const table = (heading: string): Map<string, string> => tableAfter(readme, heading);

/** The options a usage text lists (`  --name …` at the start of a line). */
const optionsOf = (usage: string): string[] =>
  [...usage.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1] ?? '').sort();

describe('README and action.yml', () => {
  it('list the same inputs with the same defaults', () => {
    const documented = table('## Inputs');
    expect([...documented.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
    for (const [name, spec] of Object.entries(action.inputs)) {
      const def = spec.default ?? '';
      if (def !== '') expect(documented.get(name), name).toBe(def);
    }
  });

  it('list the same outputs', () => {
    expect([...table('## Outputs').keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it('docs/cli.md: the env options table lists every option `env --help` names', () => {
    const documented = [...tableAfter(cliDoc, '## `env`: a toolchain at a glibc floor').keys()];
    expect(optionsOf(ENV_USAGE)).toContain('--package');
    expect(documented.sort()).toEqual(optionsOf(ENV_USAGE));
  });

  it('docs/cli.md: the verify options table lists every option `verify --help` names', () => {
    const documented = [...tableAfter(cliDoc, '## `verify`: judge binaries').keys()];
    expect(optionsOf(VERIFY_USAGE)).toContain('--smoke');
    expect(documented.sort()).toEqual(optionsOf(VERIFY_USAGE));
  });

  it('action.yml defaults are the ones the code applies', () => {
    for (const [name, value] of Object.entries(DEFAULTS))
      expect(action.inputs[name]?.default, name).toBe(value);
  });

  it('runs on node24 with a post step on success', () => {
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/main.js',
      post: 'dist/post.js',
      'post-if': 'success()',
    });
  });
});
