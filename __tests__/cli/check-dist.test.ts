/**
 * dist/ is committed: it must be exactly what the sources bundle to, run on this Node, and carry
 * the licence texts of every third-party package that went into it.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../setup/cli.js';
import { ROOT } from '../setup/paths.js';

let scratch: string;
let check: SpawnSyncReturns<string>;
let inputs: string[];

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-dist-'));
  const metafile = join(scratch, 'meta.json');
  check = spawnSync(
    process.execPath,
    [join(ROOT, 'scripts', 'bundle.mjs'), '--check', '--metafile', metafile],
    { encoding: 'utf8' },
  );
  const meta = existsSync(metafile)
    ? (JSON.parse(readFileSync(metafile, 'utf8')) as {
        outputs: Record<string, { inputs: Record<string, unknown> }>;
      })
    : { outputs: {} };
  inputs = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

/** `name version` → the text under its heading in dist/licenses.txt. */
function licenceEntries(): Map<string, { licence: string; text: string }> {
  const text = readFileSync(join(ROOT, 'dist', 'licenses.txt'), 'utf8');
  const entries = new Map<string, { licence: string; text: string }>();
  for (const block of text.split(/^={78}\n/m).slice(1)) {
    const [heading = '', licenceLine = '', ...rest] = block.split('\n');
    entries.set(heading, { licence: licenceLine, text: rest.join('\n').trim() });
  }
  return entries;
}

describe('dist', () => {
  it('matches the sources (npm run bundle is deterministic), licenses.txt included', () => {
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
    expect(existsSync(join(ROOT, 'dist', 'licenses.txt'))).toBe(true);
  });

  it('runs on the Node here', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: cgo-abi-guard <command>/);
  });

  it('lists every package esbuild bundled, with its licence text, and no other', () => {
    // The package folder of every input that went into an output, read here independently of
    // scripts/licenses.mjs: the innermost node_modules/<name> or node_modules/@scope/<name>.
    const dirs = new Set(
      inputs
        .map((i) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(i)?.[1])
        .filter((d): d is string => d !== undefined),
    );
    expect(inputs.length).toBeGreaterThan(100);
    expect(dirs.size).toBeGreaterThan(10);
    const entries = licenceEntries();
    const bundled = new Set<string>();
    for (const dir of dirs) {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8')) as {
        name: string;
        version: string;
      };
      const key = `${pkg.name} ${pkg.version}`;
      bundled.add(key);
      const entry = entries.get(key);
      expect(entry, `${key} (${dir}) has no entry in dist/licenses.txt`).toBeDefined();
      expect(entry?.licence, key).toMatch(/^License: \S/);
      expect(entry?.text.length ?? 0, `${key}: empty licence text`).toBeGreaterThan(100);
      // The text is the package's own licence file where it ships one.
      const file = readdirSync(join(ROOT, dir)).find((n) => /^licen[cs]e/i.test(n));
      if (file === undefined) expect(entry?.text, key).toMatch(/^Copyright \(c\) \S/m);
      else {
        const first = readFileSync(join(ROOT, dir, file), 'utf8')
          .split(/\r?\n/)
          .map((l) => l.trim())
          .find((l) => l !== '');
        expect(entry?.text, `${key}: not the text of ${dir}/${file}`).toContain(first);
      }
    }
    expect([...entries.keys()].filter((k) => !bundled.has(k))).toEqual([]);
    // Built from what went in, not from package.json: no build or test tool is listed.
    const dev = Object.keys(
      (
        JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
          devDependencies: Record<string, string>;
        }
      ).devDependencies,
    );
    expect([...entries.keys()].filter((k) => dev.includes(k.split(' ')[0] ?? ''))).toEqual([]);
  });
});
