/**
 * The house rules of src/: no import cycle (type imports included), no file over 300 lines, no
 * `any`, processes only through the exec adapter, a README in every domain folder.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/paths.js';

const SRC = join(ROOT, 'src');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const at = join(dir, name);
    if (statSync(at).isDirectory()) return tsFiles(at);
    return name.endsWith('.ts') ? [at] : [];
  });
}

const files = tsFiles(SRC);
const rel = (f: string): string => relative(ROOT, f);

/** Relative imports (`from './x.js'`, `import('./x.js')`), as the .ts files they name. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)\.js'/g)].map((m) =>
    normalize(join(dirname(file), `${m[1] ?? ''}.ts`)),
  );
}

/** Every cycle's path, found by depth-first search. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

describe('src/', () => {
  it('has no import cycle', () => {
    const graph = new Map(files.map((f) => [f, importsOf(f)]));
    expect(cycles(graph).map((c) => c.map(rel).join(' → '))).toEqual([]);
  });

  it('finds a cycle when there is one (the checker works)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
  });

  it('has every relative import resolve to a file', () => {
    const missing = files.flatMap((f) =>
      importsOf(f)
        .filter((i) => !existsSync(i))
        .map((i) => `${rel(f)} → ${rel(i)}`),
    );
    expect(missing).toEqual([]);
  });

  it('has no file over 300 lines', () => {
    const long = files
      .map((f) => ({ f: rel(f), n: readFileSync(f, 'utf8').split('\n').length - 1 }))
      .filter(({ n }) => n > 300);
    expect(long).toEqual([]);
  });

  it('has no `any` type', () => {
    const hits = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => !/^\s*(\/\/|\/?\*)/.test(line))
        .filter(({ line }) => /(:\s*any\b|\bas any\b|<any>|any\[\])/.test(line))
        .map(({ i }) => `${rel(f)}:${i + 1}`),
    );
    expect(hits).toEqual([]);
  });

  it('starts processes only in the exec adapter', () => {
    const users = files
      .filter((f) => /from 'node:child_process'|from 'child_process'/.test(readFileSync(f, 'utf8')))
      .map(rel);
    expect(users.filter((f) => f !== 'src/adapters/exec.ts')).toEqual([]);
  });

  it('opens every domain folder with a README saying what it owns', () => {
    const domain = join(SRC, 'domain');
    const folders = readdirSync(domain).filter((n) => statSync(join(domain, n)).isDirectory());
    expect(folders.sort()).toEqual([
      'data',
      'drift',
      'elf',
      'explain',
      'go',
      'report',
      'rules',
      'runner',
      'sbom',
      'toolchain',
    ]);
    for (const f of folders) expect(existsSync(join(domain, f, 'README.md')), f).toBe(true);
  });
});

describe('__tests__/unit (npm run test:unit)', () => {
  it('starts no process, builds no fixture and reaches no network: the fast tier stays fast', () => {
    const dir = join(ROOT, '__tests__', 'unit');
    const slow =
      /from 'node:(child_process|http|https|net)'|setup\/(fixtures|cli|toolchain|runner)|adapters\/(exec|readelf|apt|download|npm-package|host-tools|runner|clang|godebug|build|smoke-run|strip|cache|cache-tree)\.js/;
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && slow.test(readFileSync(join(dir, f), 'utf8')))
      .map((f) => `__tests__/unit/${f}`);
    expect(offenders).toEqual([]);
  });
});
