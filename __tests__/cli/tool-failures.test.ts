/**
 * Failures that are not the file's fault: a readelf that hangs or is another program, a file that
 * cannot be read. Each is reported as what it is, and the other files are still judged.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readRange } from '../../src/adapters/files.js';
import { defaultPolicy } from '../../src/domain/rules/types.js';
import { verifyDiscovered, verifyPaths } from '../../src/steps/verify.js';
import { allBinaries } from '../../src/domain/report/run-report.js';
import { runCli, STACK_TRACE } from '../setup/cli.js';
import { CLI, SYSTEM_NODE } from '../setup/paths.js';
import { fixture } from '../setup/fixtures.js';
import { parseReport } from '../setup/report-schema.js';

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-tools-'));
  chmodSync(dir, 0o755);
});

/** A stand-in readelf: answers --version like GNU readelf, then does `body` for each file. */
function fakeReadelf(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    `#!/bin/sh\nif [ "$1" = --version ]; then echo 'GNU readelf (fake) 2.40'; exit 0; fi\n${body}\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('readelf itself failing', () => {
  it('stops a readelf that hangs after its time limit and says so', async () => {
    const readelf = fakeReadelf('hang', 'exec sleep 60');
    const started = Date.now();
    const report = await verifyPaths([fixture('amd64-gcc')], {
      policy: defaultPolicy(),
      readelf,
      readelfTimeoutMs: 500,
    });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(report.binaries[0]?.error).toBe(
      'readelf failed: readelf did not finish within 0.5 s and was stopped',
    );
  });

  it('reports a readelf that fails without a word as a tool failure, not a malformed file', async () => {
    const readelf = fakeReadelf('fails', 'exit 3');
    const report = await verifyPaths([fixture('amd64-gcc')], {
      policy: defaultPolicy(),
      readelf,
    });
    expect(report.binaries[0]?.error).toMatch(/^readelf failed: exited with 3/);
  });

  it('refuses a --readelf that is another program, in one line', () => {
    const r = runCli(['verify', '--readelf', '/bin/cat', fixture('amd64-gcc')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/"\/bin\/cat" is not GNU readelf \("--version" says "cat /);
    expect(r.stderr).not.toMatch(/malformed/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(STACK_TRACE);
  });
});

describe('the readelf views', () => {
  it('reads a passing binary without -V or --dyn-syms, and names symbols only for a finding', async () => {
    const log = join(dir, 'calls.log');
    const readelf = fakeReadelf('logging', `echo "$*" >> '${log}'\nexec readelf "$@"`);
    const judge = (glibc: string | null) =>
      verifyPaths([fixture('amd64-gcc')], {
        policy: { ...defaultPolicy(), glibc },
        readelf,
      });
    expect((await judge('2.36')).verdict).toBe('pass');
    const lines = (): string[] => readFileSync(log, 'utf8').trim().split('\n');
    // The binary's own reads; the failing path also reads this machine's C libraries, once, to
    // say when glibc added each symbol.
    const calls = (): string[] =>
      lines()
        .filter((l) => l.endsWith(` -- ${fixture('amd64-gcc')}`))
        .map((l) => l.replace(/ -- .*/, ''));
    expect(calls()).toEqual(['-h -l -S -d -n -W -x .gnu.version_r -p .dynstr']);
    expect(lines()).toHaveLength(1);
    const failing = await judge('2.31');
    expect(failing.binaries[0]?.findings[0]?.symbols).toContain('__libc_start_main');
    expect(calls().slice(1)).toEqual([
      '-h -l -S -d -n -W -x .gnu.version_r -p .dynstr',
      '-W --dyn-syms',
    ]);
    const libraries = lines().filter((l) => !l.endsWith(` -- ${fixture('amd64-gcc')}`));
    expect(libraries.length).toBeGreaterThan(0);
    for (const l of libraries)
      expect(l).toMatch(/^-W (?:-C )?--dyn-syms -- \S+\/lib[\w+]+\.so\.\d+$/);
  });
});

describe('a file that cannot be read', () => {
  it('is that file\'s "cannot be judged" (EACCES); the others are still judged', () => {
    const good = join(dir, 'good');
    const locked = join(dir, 'locked');
    copyFileSync(fixture('amd64-gcc'), good);
    copyFileSync(fixture('amd64-gcc'), locked);
    chmodSync(good, 0o755);
    chmodSync(locked, 0o000);
    // root reads anything: run the CLI as an unprivileged user there, from a copy of the bundle
    // that user can reach (the checkout may sit in a folder only root can enter).
    const bundle = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-cli-'));
    chmodSync(bundle, 0o755);
    // The whole of dist/: cli.js loads its chunks.
    cpSync(dirname(CLI), bundle, { recursive: true });
    const args = [join(bundle, 'cli.js'), 'verify', '--format', 'json', dir];
    const r =
      process.getuid?.() === 0
        ? spawnSync('runuser', ['-u', 'nobody', '--', SYSTEM_NODE, ...args], {
            encoding: 'utf8',
            // Not this process's environment: the test runner's NODE_OPTIONS name its own files.
            env: { PATH: process.env.PATH ?? '/usr/bin:/bin' },
            cwd: bundle,
          })
        : spawnSync(SYSTEM_NODE, args, { encoding: 'utf8' });
    expect(r.stderr).not.toMatch(STACK_TRACE);
    const binaries = allBinaries(parseReport(r.stdout, 'verify --format json'));
    expect(binaries.find((b) => b.path === locked)?.error).toBe(
      'cannot be judged: cannot read it (EACCES)',
    );
    expect(binaries.find((b) => b.path === good)?.verdict).toBe('pass');
    expect(r.status).toBe(2);
  });

  it('a discovered file that vanished does not abort the others', async () => {
    const report = await verifyDiscovered([join(dir, 'gone'), fixture('amd64-gcc')], {
      policy: defaultPolicy(),
      readelf: 'readelf',
    });
    expect(report.binaries.map((b) => b.error)).toEqual([
      'cannot be judged: cannot read it (ENOENT)',
      null,
    ]);
  });
});

describe('memory for crafted section sizes', () => {
  it('reads no more than the file holds, whatever length is asked', async () => {
    const small = join(dir, 'small');
    writeFileSync(small, Buffer.alloc(4096, 1));
    const bytes = await readRange(small, 1000, 256 * 1024 * 1024);
    expect(bytes.length).toBe(3096);
    expect(bytes.buffer.byteLength).toBeLessThanOrEqual(4096);
    expect((await readRange(small, 8192, 1024)).length).toBe(0);
  });
});

describe('a reader that closes the pipe early', () => {
  it('(`verify … | head`) ends the CLI with 2 and no stack trace, not a crash', async () => {
    const child = spawn(SYSTEM_NODE, [CLI, 'verify', '--format', 'json', fixture('amd64-gcc')], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The read end closes before the report is written: the write fails with EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).not.toMatch(STACK_TRACE);
    expect(stderr).not.toContain('EPIPE');
    expect(status).toBe(2);
  });
});
