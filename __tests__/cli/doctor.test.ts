/** `doctor` in-process over the real adapters: real go, real /etc/os-release, a PATH without go. */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findGo } from '../../src/adapters/runner.js';
import { doctorCommand } from '../../src/cli/doctor.js';
import type { ResolveRunnerOptions } from '../../src/adapters/runner.js';
import type { GoToolchain, RunnerFacts } from '../../src/domain/runner/runner.js';

interface Captured {
  code: number;
  out: string;
  err: string;
}

async function doctor(
  argv: string[],
  options: Partial<ResolveRunnerOptions> = {},
): Promise<Captured> {
  let out = '';
  let err = '';
  const code = await doctorCommand(
    argv,
    { out: (t) => (out += t), err: (t) => (err += t) },
    options,
  );
  return { code, out, err };
}

function goOf(facts: RunnerFacts): GoToolchain {
  if ('missing' in facts.go) throw new Error(`go missing: ${facts.go.missing}`);
  return facts.go;
}

let go = '';
let goroot = '';
let goversion = '';
let work = '';
let noGo = '';
beforeAll(async () => {
  const found = await findGo(process.env);
  if (found === null) throw new Error('these tests need Go: put go on PATH');
  go = found;
  [goroot = '', goversion = ''] = execFileSync(go, ['env', 'GOROOT', 'GOVERSION'], {
    encoding: 'utf8',
  }).split('\n');
  work = mkdtempSync(join(tmpdir(), 'doctor-'));
  noGo = join(work, 'empty-bin');
  execFileSync('mkdir', ['-p', noGo]);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('doctor', () => {
  it('reports the real toolchain in text', async () => {
    const r = await doctor([]);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toContain(`go           ${goversion} `);
    expect(r.out).toContain(`GOROOT       ${goroot}\n`);
    expect(r.out).toMatch(/^kernel +\S+$/m);
    expect(r.out).toMatch(/^libc +glibc 2\.\d+$/m);
  });

  it('prints JSON with the documented shape', async () => {
    const r = await doctor(['--format', 'json']);
    expect(r.code).toBe(0);
    const facts = JSON.parse(r.out) as RunnerFacts;
    expect(Object.keys(facts).sort()).toEqual(['distro', 'go', 'hostArch', 'kernel', 'libc']);
    expect(facts.hostArch.machine).toBe(execFileSync('uname', ['-m'], { encoding: 'utf8' }).trim());
    expect(facts.kernel).toBe(execFileSync('uname', ['-r'], { encoding: 'utf8' }).trim());
    expect(Object.keys(facts.distro).sort()).toEqual(
      ['codename', 'id', 'idLike', 'prettyName', 'versionId'].sort(),
    );
    const g = goOf(facts);
    expect(Object.keys(g).sort()).toEqual(
      [
        'cc',
        'cgoEnabled',
        'goarch',
        'goos',
        'goroot',
        'gotoolchain',
        'goversion',
        'switchable',
      ].sort(),
    );
    expect(g.goversion).toBe(goversion);
    expect(g.goroot).toBe(goroot);
    expect(typeof g.cgoEnabled).toBe('boolean');
  });

  it('reports a missing go, exit 0, when neither PATH nor GOROOT has one', async () => {
    const env = { ...process.env, PATH: noGo, GOROOT: '' };
    const text = await doctor([], { env, fallbackGo: [] });
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^go +missing: go not found on PATH: install Go \(actions\/setup-go\)/m,
    );
    const json = await doctor(['--format=json'], { env, fallbackGo: [] });
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as RunnerFacts).go).toEqual({
      missing: expect.stringMatching(/^go not found on PATH/) as unknown,
    });
    expect(json.err).toMatch(/^cgo-abi-guard doctor: go not found on PATH/);
  });

  it('falls back to $GOROOT/bin/go', async () => {
    const r = await doctor(['--format', 'json'], {
      env: { ...process.env, PATH: noGo, GOROOT: goroot },
      fallbackGo: [],
    });
    expect(goOf(JSON.parse(r.out) as RunnerFacts).goversion).toBe(goversion);
  });

  it('reports a go that fails, in one line, without throwing', async () => {
    const bin = join(work, 'broken-bin');
    execFileSync('mkdir', ['-p', bin]);
    writeFileSync(
      join(bin, 'go'),
      '#!/bin/sh\necho "go: cannot find GOROOT directory" >&2\nexit 2\n',
    );
    chmodSync(join(bin, 'go'), 0o755);
    const r = await doctor(['--format', 'json'], { env: { ...process.env, PATH: bin } });
    expect((JSON.parse(r.out) as RunnerFacts).go).toEqual({
      missing: `"${join(bin, 'go')} env -json" failed: go: cannot find GOROOT directory`,
    });
  });

  it('says a go.mod newer than the local go switches toolchains, and does not download it', async () => {
    const mod = join(work, 'mod');
    execFileSync('mkdir', ['-p', mod]);
    writeFileSync(join(mod, 'go.mod'), 'module example.com/app\n\ngo 1.99.0\n');
    const env = { ...process.env, GOTOOLCHAIN: 'auto', GOPROXY: 'off', GOFLAGS: '' };
    const r = await doctor(['--format', 'json'], { cwd: mod, env });
    expect(r.code).toBe(0);
    const g = goOf(JSON.parse(r.out) as RunnerFacts);
    expect(g.goversion).toBe(goversion); // the local toolchain, not a switched one
    expect(g.gotoolchain).toBe('auto');
    expect(g.switchable).toBe(
      `go.mod says "go 1.99.0", newer than ${goversion}: with GOTOOLCHAIN=auto go runs go1.99.0 (downloaded)`,
    );
    const local = await doctor(['--format', 'json'], {
      cwd: mod,
      env: { ...env, GOTOOLCHAIN: 'local' },
    });
    expect(goOf(JSON.parse(local.out) as RunnerFacts).switchable).toBeNull();
  });

  it.each([
    [['--format', 'yaml'], /--format must be text or json, not "yaml"/],
    [['--format'], /--format needs a value/],
    [['--verbose'], /unknown option --verbose/],
    [['dist/'], /unexpected argument "dist\/"/],
  ])('exits 2 on %j', async (argv, message) => {
    const r = await doctor(argv);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err).toContain('usage: cgo-abi-guard doctor');
  });

  it('prints help with exit 0', async () => {
    const r = await doctor(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^usage: cgo-abi-guard doctor \[--format text\|json\]/);
  });
});
