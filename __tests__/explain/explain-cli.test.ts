/**
 * `verify` explains each symbol above the floor on the real cgo fixture built with the host gcc
 * (glibc 2.36): who calls it — decoded from the code and named through .symtab — and what to
 * change; stripped, it says why callers cannot be named and still names Go packages.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SymbolExplanation } from '../../src/domain/explain/explain.js';
import { runCli, verifyReportOf } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';

type Entry = SymbolExplanation;

function explained(path: string, floor = '2.31'): { entries: Entry[]; notes: string[] } {
  const r = runCli(['verify', '--format', 'json', '--glibc', floor, path]);
  expect(r.status, r.stderr).toBe(1);
  const findings = verifyReportOf(r).binaries.flatMap((b) => b.findings);
  return {
    entries: findings.flatMap((f) => f.explain ?? []),
    notes: findings.flatMap((f) => (f.explainNote === undefined ? [] : [f.explainNote])),
  };
}

const of = (entries: readonly Entry[], symbol: string): Entry[] =>
  entries.filter((e) => e.symbol === symbol);

const scratch = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-explain-cli-'));

describe.each(['amd64-gcc', 'arm64-gcc'])('the host-gcc cgo fixture %s at 2.31', (name) => {
  const { entries, notes } = explained(fixture(name));

  it('explains pthread_create as runtime/cgo, where only the sysroot helps', () => {
    const pthread = of(entries, 'pthread_create');
    expect(pthread[0]).toMatchObject({
      version: 'GLIBC_2.34',
      from: 'runtime/cgo (_cgo_try_pthread_create)',
      kind: 'runtime-cgo',
      fix: "runtime/cgo is in every cgo binary, so only the sysroot helps: build against a glibc 2.31 sysroot (the floor's toolchain)",
    });
    // The fixture's own C code calls it too, through its cgo wrapper.
    expect(pthread[1]).toMatchObject({
      from: 'your cgo code (C.threaded_sqrt in example.com/fixtures/cgoapp)',
      kind: 'your-code',
    });
    expect(pthread[1]?.fix).toMatch(/glibc 2\.31 has an older version of it/);
    expect(of(entries, 'pthread_sigmask')[0]?.from).toBe('runtime/cgo (_cgo_sys_thread_start)');
  });

  it('explains res_search as package net, fixed by -tags netgo', () => {
    const [res, ...more] = of(entries, 'res_search');
    expect(more).toEqual([]);
    expect(res).toMatchObject({ version: 'GLIBC_2.34', kind: 'go-std' });
    expect(res?.from).toMatch(/^net \(cgo resolver, _cgo_[0-9a-f]{12}_Cfunc_res_search\)$/);
    expect(res?.fix).toMatch(/^-tags netgo \(/);
  });

  it('explains __libc_start_main as crt1.o, the C start files', () => {
    const [start, ...more] = of(entries, '__libc_start_main');
    expect(more).toEqual([]);
    expect(start).toMatchObject({ from: 'crt1.o (C start files, _start)', kind: 'start-files' });
    expect(start?.fix).toMatch(/crt1\.o comes from the sysroot/);
    expect(notes).toEqual([]);
  });
});

describe('the same binary stripped', () => {
  const stripped = join(scratch, 'amd64-gcc-stripped');
  copyFileSync(fixture('amd64-gcc'), stripped);
  execFileSync('strip', [stripped]);
  const { entries, notes } = explained(stripped);

  it('says callers cannot be named, and why', () => {
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes)
      expect(note).toBe(
        "callers cannot be named: the binary is stripped (no .symtab names the functions that call them); the Go packages are named from Go's function table (.gopclntab)",
      );
    expect(entries.every((e) => e.detail === undefined || e.symbol === '__libc_start_main')).toBe(
      true,
    );
  });

  it("still names the Go packages .gopclntab shows: runtime/cgo and net's resolver", () => {
    expect(of(entries, 'pthread_create').map((e) => e.from)).toEqual(['runtime/cgo']);
    expect(of(entries, 'res_search')[0]?.from).toBe('net (cgo resolver)');
    expect(of(entries, 'res_search')[0]?.fix).toMatch(/^-tags netgo/);
    expect(of(entries, 'pthread_join').map((e) => e.from)).toEqual(['an unnamed caller']);
  });
});

describe('an architecture whose code is not decoded (armhf)', () => {
  it('says so, and names the packages by their Go function names', () => {
    const { entries, notes } = explained(fixture('armhf-gcc'));
    expect(notes[0]).toMatch(/^callers are named only in x86-64 and arm64 code, and this is ARM/);
    expect(of(entries, 'pthread_create').map((e) => e.from)).toEqual(['runtime/cgo']);
    expect(of(entries, '__libc_start_main')[0]?.from).toBe('crt1.o (C start files, _start)');
  });
});

describe('the text report', () => {
  it('prints the explanation under the finding, grouped by where the symbols come from', () => {
    const r = runCli(['verify', '--glibc', '2.31', fixture('amd64-gcc')]);
    expect(r.stdout).toMatch(
      /^ {10}from crt1\.o \(C start files: _start\): __libc_start_main — build against a glibc 2\.31 sysroot/m,
    );
    expect(r.stdout).toMatch(
      /^ {10}from runtime\/cgo \([^)]*_cgo_try_pthread_create[^)]*\): [^—]*pthread_create[^—]*— runtime\/cgo is in every cgo binary/m,
    );
    expect(r.stdout).toMatch(
      /^ {10}from net \(cgo resolver: C\.res_search\): res_search — -tags netgo/m,
    );
  });

  it('explains nothing for a binary that passes', () => {
    const r = runCli(['verify', '--format', 'json', '--glibc', '2.36', fixture('amd64-gcc')]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('"explain"');
  });
});
