/** The exec adapter on real programs: exit codes, output, a missing program, a time limit, the build. */
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execLoud, execQuiet } from '../../src/adapters/exec.js';

describe('execQuiet', () => {
  it('captures stdout, stderr and the exit code, in the C locale and the given directory', async () => {
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'cgo-abi-guard-exec-')));
    const r = await execQuiet('sh', ['-c', 'echo "$LC_ALL $(pwd)"; echo oops >&2; exit 3'], {
      cwd: dir,
      env: { PATH: process.env.PATH, LC_ALL: 'de_DE.UTF-8' },
    });
    expect(r).toEqual({ exitCode: 3, stdout: `C ${dir}\n`, stderr: 'oops\n', failure: null });
  });

  it('says a program is not found instead of throwing', async () => {
    const r = await execQuiet('no-such-program-here', ['x']);
    expect(r.exitCode).toBeNull();
    expect(r.failure).toBe('no-such-program-here: not found');
    const limited = await execQuiet('no-such-program-here', [], { timeoutMs: 5000 });
    expect(limited.failure).toBe('no-such-program-here: not found');
  });

  it('stops a program at its time limit, or at its output cap, and says so', async () => {
    const started = Date.now();
    const r = await execQuiet('sleep', ['30'], { timeoutMs: 1000 });
    expect(r.exitCode).toBeNull();
    expect(r.failure).toBe('timed out after 1 s');
    expect(Date.now() - started).toBeLessThan(20_000);
    const chatty = await execQuiet('head', ['-c', '3000000', '/dev/zero'], {
      maxOutput: 1024 * 1024,
    });
    expect(chatty.exitCode).toBeNull();
    expect(chatty.failure).toBe('printed more than 1 MiB');
  });

  it('passes a program that finishes within its limit through, whatever its status', async () => {
    expect(await execQuiet('sh', ['-c', 'echo ok; exit 124'], { timeoutMs: 10_000 })).toEqual({
      exitCode: 124,
      stdout: 'ok\n',
      stderr: '',
      failure: null,
    });
    expect(await execQuiet('echo', ['ok'], { timeoutMs: 10_000 })).toEqual({
      exitCode: 0,
      stdout: 'ok\n',
      stderr: '',
      failure: null,
    });
  });
});

describe('execLoud', () => {
  it('runs the command with bash -e -o pipefail, keeping the tail of its output', async () => {
    const r = await execLoud('echo first; false | cat; echo never', tmpdir(), {
      PATH: process.env.PATH,
    });
    expect(r.exit).toBe(1);
    expect(r.tail).toBe('first\n');
    expect(r.heldOpenBy).toEqual([]);
  });

  it('gives each line as it comes, also a last one without a newline', async () => {
    const lines: string[] = [];
    const r = await execLoud('echo one; echo two >&2; printf three', tmpdir(), process.env, {
      onLine: (line) => lines.push(line),
    });
    expect(r.exit).toBe(0);
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
  });

  it('stops waiting for output a background process holds, and names that process', async () => {
    // `exec` in the subshell: the process left behind is sleep itself, not a bash around it.
    const r = await execLoud('(exec sleep 300) & echo left', tmpdir(), process.env, {
      graceMs: 300,
    });
    try {
      expect(r.exit).toBe(0);
      expect(r.tail).toBe('left\n');
      expect(r.heldOpenBy.map((h) => h.command)).toEqual(['sleep 300']);
    } finally {
      for (const h of r.heldOpenBy) process.kill(h.pid, 'SIGKILL');
    }
  });
});
