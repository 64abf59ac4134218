/**
 * A real client: examples/sqlite uses github.com/mattn/go-sqlite3 (from the Go module proxy). The
 * action builds it for linux/arm64 at floor 2.31, and the binary creates, fills and queries a
 * table under qemu-aarch64 against glibc 2.31.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/paths.js';
import { Runner, runMainAndPost } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

describe('examples/sqlite', () => {
  it('builds for linux/arm64 at 2.31 and runs a real database under qemu on glibc 2.31', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sqlite-'));
    cpSync(join(ROOT, 'examples', 'sqlite'), dir, { recursive: true });
    const { main, post } = await runMainAndPost(new Runner(TOOL_CACHE), {
      target: 'linux/arm64',
      glibc: '2.31',
      run: 'go build -o sqlite-demo .',
      'working-directory': dir,
      lockfile: join(dir, 'cgo-abi-guard.lock.yml'),
      cache: 'false',
    });
    expect(main.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs.verdict).toBe('pass');
    expect(post?.status).toBe(0);
    const sysroot =
      (JSON.parse(main.outputs.sysroot ?? '{}') as Record<string, string>)['linux/arm64'] ?? '';
    const db = join(dir, 'demo.db');
    const run = spawnSync(
      'qemu-aarch64',
      ['-L', join(sysroot, 'usr/aarch64-linux-gnu'), join(dir, 'sqlite-demo'), db],
      { encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(
      /^sqlite 3\.\d+\.\d+: 3 rows; newest release at glibc <= 2\.31: bullseye \(2\.31\)$/m,
    );
    expect(run.status).toBe(0);
  }, 600_000);
});
