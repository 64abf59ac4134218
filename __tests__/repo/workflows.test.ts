/** The workflows lint clean with actionlint (pinned, from the Go module proxy), and pin actions by SHA. */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/paths.js';

const ACTIONLINT = 'github.com/rhysd/actionlint/cmd/actionlint@v1.7.12';
const dir = join(ROOT, '.github', 'workflows');
const workflows = readdirSync(dir)
  .filter((f) => f.endsWith('.yml'))
  .map((f) => join(dir, f));

describe('workflows', () => {
  it('include ci.yml and check-dist.yml', () => {
    expect(workflows.map((w) => w.slice(dir.length + 1)).sort()).toEqual(
      expect.arrayContaining(['check-dist.yml', 'ci.yml']),
    );
  });

  it('pass actionlint', () => {
    const env = {
      ...process.env,
      PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
      GOFLAGS: '',
    };
    const r = spawnSync('go', ['run', ACTIONLINT, ...workflows], {
      encoding: 'utf8',
      env,
      cwd: ROOT,
    });
    // actionlint's findings go to stdout; on a machine that never ran it, `go run` first says
    // what it downloads on stderr, which is no finding.
    const stderr = r.stderr
      .split('\n')
      .filter(
        (line) => line !== '' && !/^go: (downloading|finding|extracting) \S+ v\S+$/.test(line),
      );
    expect(r.stdout).toBe('');
    expect(stderr).toEqual([]);
    expect(r.status).toBe(0);
  });

  it.each(workflows)('%s pins every action by commit SHA and sets permissions', (file) => {
    const text = readFileSync(file, 'utf8');
    const uses = [...text.matchAll(/uses:\s*(\S+)/g)].map((m) => m[1] ?? '');
    for (const ref of uses.filter((u) => !u.startsWith('./')))
      expect(ref).toMatch(/@[0-9a-f]{40}$/);
    expect(text).toMatch(/^permissions:\n {2}contents: read$/m);
  });
});
