/** The README's inputs and outputs tables say what action.yml says: names, defaults, nothing missing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { DEFAULTS } from '../../src/action/inputs.js';
import { ENV_USAGE } from '../../src/cli/env-args.js';
import { ROOT } from '../setup/paths.js';

interface ActionYml {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { description: string }>;
  runs: { using: string; main: string; post: string; 'post-if': string };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Rows of the first table after a heading: first column (backticks stripped) → second column. */
function table(heading: string): Map<string, string> {
  const start = readme.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`README has no "${heading}"`);
  const rows = new Map<string, string>();
  let inTable = false;
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (line.startsWith('|')) {
      inTable = true;
      const cells = line.split(/(?<!\\)\|/).map((c) => c.trim());
      const name = (cells[1] ?? '').replace(/`/g, '');
      if (name !== '' && !/^-+$/.test(name) && !['input', 'output', 'option'].includes(name))
        rows.set(name, (cells[2] ?? '').replace(/`/g, ''));
    } else if (inTable) break;
  }
  return rows;
}

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

  it('the env options table lists every option `env --help` names', () => {
    const documented = [...table('## A toolchain at a glibc floor: `env`').keys()].sort();
    const options = [...ENV_USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((m) => m[1]).sort();
    expect(options).toContain('--package');
    expect(documented).toEqual(options);
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
