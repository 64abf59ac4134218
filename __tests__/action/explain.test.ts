/**
 * What the user sees of a step on the runner protocol: the annotations within what GitHub shows
 * of a step and why each binary needs a newer glibc; the smoke run's commands and output in
 * the log; a build that leaves a process holding its output does not keep the step waiting.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { kill } from 'node:process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { NODE24, Runner } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-explain-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');

const annotations = (stdout: string, level: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith(`::${level}`));

describe('a step with two dozen failing binaries', () => {
  it('writes at most 10 error annotations, most important first, and the summary lists every binary', async () => {
    const dir = mkdtempSync(join(shared, 'many-'));
    const names = Array.from({ length: 24 }, (_, i) => `app-${String(i).padStart(2, '0')}`);
    for (const name of names) copyFileSync(fixture('amd64-gcc'), join(dir, name));
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      target: 'linux/amd64',
      glibc: '2.31',
      artifacts: 'app-*',
      'working-directory': dir,
      lockfile,
      cache: 'false',
    });
    expect(main.status).toBe(1);
    const errors = annotations(main.stdout, 'error');
    expect(errors.length).toBeLessThanOrEqual(10);
    // One per binary (its glibc-version finding), then one "N more", then the step's own failure.
    expect(errors).toHaveLength(10);
    expect(
      errors.slice(0, 8).map((e) => /::.*?(app-\d\d): needs GLIBC_2\.34/.exec(e)?.[1]),
    ).toEqual(names.slice(0, 8));
    expect(errors[8]).toMatch(
      /^::error title=cgo-abi-guard%3A 16 more::16 more errors than a step can show: see the job summary/,
    );
    expect(errors[9]).toMatch(/^::error::cgo-abi-guard: ABI violations/);
    // The annotation says who needs the symbols (GitHub's %0A is a newline).
    expect(errors[0]).toMatch(/%0AFrom crt1\.o \(C start files: _start\): __libc_start_main/);
    expect(errors[0]).toMatch(
      /%0AFrom runtime\/cgo \([^)]*_cgo_try_pthread_create[^)]*\): [^%]*pthread_create/,
    );
    for (const name of names)
      expect(main.summary).toMatch(
        new RegExp(`^\\| \`[^|]*${name}\` \\| linux/amd64/v1 \\|.*❌ fail \\| [^|]+ \\|$`, 'm'),
      );
    expect(Buffer.byteLength(main.summary)).toBeLessThanOrEqual(1024 * 1024);
    const binaries = main.report?.targets.flatMap((t) => t.binaries) ?? [];
    expect(binaries).toHaveLength(24);
    for (const b of binaries) {
      const explained = b.findings.flatMap((f) => f.explain ?? []);
      expect(explained.find((e) => e.symbol === 'res_search')?.from).toMatch(/^net \(cgo resolver/);
    }
  });
});

describe('a build that leaves a background process holding its output', () => {
  it('stops waiting after a short grace, names the process, and logs the smoke run', async () => {
    const dir = mkdtempSync(join(shared, 'background-'));
    let pid: number | null = null;
    try {
      // Were the step to wait for the output to close, it would wait 600 s: longer than this test.
      const main = await new Runner(TOOL_CACHE, NODE24).run(
        'main',
        {
          target: 'linux/amd64',
          glibc: '2.31',
          run: 'cp "$PREBUILT" app; sleep 600 & echo started',
          'working-directory': dir,
          lockfile,
          cache: 'false',
          smoke: 'true',
        },
        { env: { PREBUILT: fixture('amd64-clang-bullseye') } },
      );
      const held =
        /^::warning title=cgo-abi-guard%3A the build's output \(linux\/amd64\/v1\)::the build command exited, but process (\d+) \(sleep 600\), which it started, still holds its output open: the step did not wait for it, and it keeps running$/m.exec(
          main.stdout,
        );
      expect(held, main.stdout).not.toBeNull();
      pid = Number(held?.[1]);
      // Not killed: only no longer waited for.
      expect(() => kill(pid ?? 0, 0)).not.toThrow();
      expect(main.status).toBe(0);
      expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
      expect(main.stdout).toContain('started\n');
      const group =
        /^::group::cgo-abi-guard: smoke run for linux\/amd64\/v1\n([\s\S]*?)^::endgroup::$/m.exec(
          main.stdout,
        )?.[1];
      expect(group).toMatch(
        /^\[command\]\S*\/ld-linux-x86-64\.so\.2 --library-path \S+ \S*\/app$/m,
      );
      expect(group).toMatch(/^sqrt\(2\)=1\.414214$/m);
      expect(group).toMatch(/\/app runs on glibc 2\.31 \(loader\)$/m);
    } finally {
      if (pid !== null && pid > 0) kill(pid, 'SIGKILL');
    }
  });
});
