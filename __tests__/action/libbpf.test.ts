/**
 * aquasecurity/libbpfgo (from the Go module proxy) against bookworm's libbpf through the action,
 * with `packages: libbpf-dev libelf-dev zlib1g-dev` from the Debian registry, as a release
 * pipeline hit it:
 * - v0.4.5 built without -lbpf (its cgo names only -lelf -lz): the link fails, and the step says
 *   to add -lbpf because libbpf.so.1 in the sysroot defines the symbols; linked by clang and lld,
 *   whose `undefined symbol:` lines (problem-matcher errors) take every error annotation, that
 *   explanation is still annotated, as a warning that says why;
 * - v0.4.5 with -lbpf (and without --as-needed): the depends output gives the libraries linked
 *   but unused (libelf, zlib: libbpf calls them, the program does not) the version dpkg-shlibdeps gives them, checked
 *   against the real dpkg-shlibdeps on the same binary and the same packages;
 * - v0.5.1, written for libbpf 1.2, against bookworm's 1.1: cgo cannot find
 *   C.bpf_map_get_info_by_fd, and the step says which libbpf the sysroot has and which newer
 *   release has a newer one, as the archive says.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MatchedLines } from '../../src/domain/report/matchers.js';
import { compareDebianVersions } from '../../src/domain/toolchain/debian-version.js';
import { Runner, type StepRun } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const GO = '/usr/local/go/bin';
const PACKAGES = 'libbpf-dev, libelf-dev, zlib1g-dev';
const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-libbpf-'));
const lockfile = join(shared, 'lock.yml');

/** A program that calls libbpf through libbpfgo at `version`. */
function project(version: string): string {
  const dir = mkdtempSync(join(shared, 'app-'));
  writeFileSync(
    join(dir, 'main.go'),
    'package main\n\nimport (\n\t"fmt"\n\n\tbpf "github.com/aquasecurity/libbpfgo"\n)\n\nfunc main() { fmt.Println(bpf.LibbpfVersionString()) }\n',
  );
  writeFileSync(join(dir, 'go.mod'), 'module example.com/bpfapp\n\ngo 1.21\n');
  const get = spawnSync('go', ['get', `github.com/aquasecurity/libbpfgo@${version}`], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, PATH: `${process.env.PATH ?? ''}:${GO}`, GOFLAGS: '-mod=mod' },
  });
  expect(get.status, get.stderr).toBe(0);
  return dir;
}

const step = (dir: string, run: string): Promise<StepRun> =>
  new Runner(TOOL_CACHE).run('main', {
    target: 'linux/amd64',
    glibc: '2.36',
    packages: PACKAGES,
    run,
    'working-directory': dir,
    lockfile,
    cache: 'false',
  });

/** Annotations the step wrote, as `level title::message`. */
const annotations = (run: StepRun): string[] =>
  run.stdout
    .split('\n')
    .filter((l) => /^::(error|warning|notice) /.test(l))
    .map((l) => decodeURIComponent(l));

afterAll(() => {
  rmSync(shared, { recursive: true, force: true });
});

describe('libbpfgo v0.4.5 against bookworm’s libbpf', () => {
  const v045 = 'v0.4.5-libbpf-1.0.1';
  let unlinked: StepRun;
  let linked: StepRun;
  let dir: string;

  beforeAll(async () => {
    dir = project(v045);
    unlinked = await step(dir, 'go build -o app .');
    // Debian's gcc links --as-needed; without it (clang, or as here) -lelf -lz stay NEEDED.
    linked = await step(dir, 'CGO_LDFLAGS="-Wl,--no-as-needed -lbpf" go build -o app-linked .');
  }, 1_200_000);

  it('without -lbpf: says to add -lbpf, libbpf.so.1 in the sysroot defining the symbols', () => {
    expect(unlinked.status).toBe(1);
    const link = annotations(unlinked).filter((a) =>
      a.includes('the link failed (linux/amd64/v1)'),
    );
    expect(link).toHaveLength(1);
    expect(link[0]).toMatch(
      /\bbpf_\w+.*: in libbpf\.so\.1 of the sysroot, which the link does not name; .*Fix: add -lbpf: libbpf\.so\.1 in the sysroot defines them/,
    );
    expect(unlinked.summary).toMatch(
      /^- .*Fix: add -lbpf: libbpf\.so\.1 in the sysroot defines them/m,
    );
  });

  it('keeps that annotation within what GitHub shows, whatever the log lines took', () => {
    // What GitHub's problem matchers make of this build's log, counted as GitHub does.
    const matched = new MatchedLines();
    for (const line of unlinked.stdout.split('\n')) if (!line.startsWith('::')) matched.push(line);
    const own = annotations(unlinked);
    const errors = own.filter((a) => a.startsWith('::error')).length;
    expect(matched.counts.error + errors).toBeLessThanOrEqual(10 + 1); // + the failure line
    expect(own.some((a) => a.includes('add -lbpf'))).toBe(true);
  });

  it('with -lbpf: depends as dpkg-shlibdeps gives it, libelf1 and zlib1g linked but unused', () => {
    expect(linked.status).toBe(0);
    const needed = spawnSync('readelf', ['-d', join(dir, 'app-linked')], { encoding: 'utf8' });
    expect(needed.stdout).toMatch(/\(NEEDED\)\s+Shared library: \[libelf\.so\.1\]/);
    const depends = linked.outputs.depends ?? '';
    expect(depends).toMatch(/\blibelf1 \(>= 0\.\d+\)/);
    expect(depends).toMatch(/\bzlib1g \(>= 1:1\.\d+(\.\d+)*\)/);
    expect(depends).toMatch(/\blibbpf1 \(>= \S+\)/);
    expect(splitDepends(depends)).toEqual(splitDepends(dpkgShlibdeps(join(dir, 'app-linked'))));
  });
});

describe('libbpfgo v0.4.5 without -lbpf, linked by clang and lld', () => {
  let run: StepRun;

  beforeAll(async () => {
    run = await new Runner(TOOL_CACHE).run('main', {
      target: 'linux/amd64',
      glibc: '2.36',
      compiler: 'clang',
      packages: PACKAGES,
      run: 'go build -o app .',
      'working-directory': project('v0.4.5-libbpf-1.0.1'),
      lockfile,
      cache: 'false',
    });
  }, 1_200_000);

  it('annotates why the link failed though lld’s lines took every error annotation', () => {
    expect(run.status).toBe(1);
    // Each `ld.lld: error: undefined symbol:` line is a problem-matcher error, as GitHub counts.
    const matched = new MatchedLines();
    for (const line of run.stdout.split('\n')) if (!line.startsWith('::')) matched.push(line);
    expect(matched.counts.error).toBeGreaterThanOrEqual(10);
    const link = annotations(run).filter((a) => a.includes('the link failed (linux/amd64/v1)'));
    expect(link).toHaveLength(1);
    expect(link[0]).toMatch(/^::warning /);
    expect(link[0]).toMatch(/Fix: add -lbpf: libbpf\.so\.1 in the sysroot defines them/);
    expect(link[0]).toMatch(/an error shown as a warning: the build's own log lines took/);
    // Of errors, the step wrote only its failure line, where GitHub drops it anyway.
    expect(run.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([
      expect.stringMatching(/^::error::cgo-abi-guard: the build failed/),
    ]);
  });
});

describe('libbpfgo v0.5.1 (written for libbpf 1.2) against bookworm’s 1.1', () => {
  let run: StepRun;

  beforeAll(async () => {
    run = await step(project('v0.5.1-libbpf-1.2'), 'CGO_LDFLAGS="-lbpf" go build -o app .');
  }, 1_200_000);

  it('names the sysroot’s libbpf1 and the newer release that has a newer one', () => {
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(
      /could not determine (what|kind of name for) C\.bpf_map_get_info_by_fd/,
    );
    const [failed] = annotations(run).filter((a) =>
      a.includes('the build failed (linux/amd64/v1)'),
    );
    const m =
      /C\.bpf_map_get_info_by_fd is declared by none of the sysroot's headers: code written for a newer libbpf1 than the sysroot's (1:1\.1\.\S+) \(debian bookworm; the nearest names are its, and bpf_map_get_info_by_fd is not among its symbols\)\. debian trixie has (1:\S+) \(glibc 2\.41\): use a version of the Go module written for libbpf1 \1, or raise the floor to 2\.41/.exec(
        failed ?? '',
      );
    expect(m, failed).not.toBeNull();
    expect(compareDebianVersions(m?.[2] ?? '', m?.[1] ?? '')).toBeGreaterThan(0);
  });
});

/** `a (>= 1), b` → its clauses, sorted (dpkg-shlibdeps sorts them; the action keeps NEEDED order). */
function splitDepends(line: string): string[] {
  return line
    .split(',')
    .map((c) => c.trim().replace(/\s+/g, ' '))
    .filter((c) => c !== '')
    .sort();
}

/**
 * The real dpkg-shlibdeps on the binary, its libraries found in package build directories made
 * of the sysroot's packages (each with its DEBIAN/symbols from the lock's .debs); libc.so.6 from
 * this machine's own libc6, bookworm's like the sysroot's.
 */
function dpkgShlibdeps(binary: string): string {
  const work = mkdtempSync(join(shared, 'shlibdeps-'));
  mkdirSync(join(work, 'debian'));
  writeFileSync(join(work, 'debian', 'control'), 'Source: x\n\nPackage: x\nArchitecture: any\n');
  const debs = join(TOOL_CACHE, '.cgo-abi-guard-state', 'debs');
  const args: string[] = [];
  for (const name of ['libbpf1', 'libelf1', 'zlib1g']) {
    const deb = readdirSync(debs).find((f) => f.startsWith(`${name}_`) && f.endsWith('_amd64.deb'));
    expect(deb, `${name} in the download cache`).toBeDefined();
    const root = join(work, name);
    const x = spawnSync('dpkg-deb', ['-R', join(debs, deb ?? ''), root], { encoding: 'utf8' });
    expect(x.status, x.stderr).toBe(0);
    args.push(`-S${root}`);
  }
  const r = spawnSync('dpkg-shlibdeps', ['-O', '--ignore-missing-info', ...args, binary], {
    cwd: work,
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return /^shlibs:Depends=(.*)$/m.exec(r.stdout)?.[1] ?? '';
}
