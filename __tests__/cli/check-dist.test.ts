/** dist/ is committed: it must be exactly what the sources bundle to, and run on this Node. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../setup/cli.js';
import { ROOT } from '../setup/paths.js';

describe('dist', () => {
  it('matches the sources (npm run bundle is deterministic)', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('runs on the Node here', () => {
    const r = runCli(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^usage: cgo-abi-guard <command>/);
  });
});
