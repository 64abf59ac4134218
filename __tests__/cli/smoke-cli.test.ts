/** `verify --smoke`: its usage errors, and a sysroot whose libc names no version in its file name. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';

const env = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'PKG_CONFIG_SYSROOT_DIR'),
);

describe('verify --smoke', () => {
  it('needs --target and a sysroot, each said in one line', () => {
    const noTarget = runCli(['verify', '--smoke=', fixture('amd64-gcc')], env);
    expect(noTarget.status).toBe(2);
    expect(noTarget.stderr).toMatch(
      /^cgo-abi-guard verify: --smoke needs --target: the sysroot belongs to one target$/m,
    );
    const noSysroot = runCli(
      ['verify', '--target', 'linux/amd64', '--smoke=', fixture('amd64-gcc')],
      env,
    );
    expect(noSysroot.status).toBe(2);
    expect(noSysroot.stderr).toMatch(/^cgo-abi-guard verify: --smoke needs the floor's sysroot: /m);
    expect(noSysroot.stderr).not.toMatch(STACK_TRACE);
  });

  it('starts a static executable by itself, with no sysroot', () => {
    const r = runCli(
      [
        ...['verify', '--format', 'json', '--target', 'linux/amd64', '--smoke='],
        fixture('amd64-static-net'),
      ],
      env,
    );
    const { smoke } = verifyReportOf(r);
    expect(smoke).toMatchObject([{ glibc: 'static', via: 'direct', passed: true }]);
    expect(r.status).toBe(0);
  });

  it('says why a dynamic musl executable is not run without a sysroot: a warning, not a failure', () => {
    const r = runCli(
      ['verify', '--target', 'linux/amd64', '--libc', 'musl', '--smoke=', fixture('amd64-musl')],
      env,
    );
    expect(r.stderr).toMatch(
      /^cgo-abi-guard verify: smoke: warning: .*amd64-musl was not run: dynamically linked against musl, and there is no musl sysroot/m,
    );
    expect(r.status).toBe(0);
    // In the report: nothing was started, each executable saying why.
    const json = runCli(
      [
        ...['verify', '--format', 'json', '--target', 'linux/amd64', '--libc', 'musl'],
        ...['--smoke=', fixture('amd64-musl')],
      ],
      env,
    );
    expect(verifyReportOf(json).report.targets[0]?.smoke).toMatchObject({
      status: 'not-run',
      reason: expect.stringMatching(/none of the executables can be started here/) as unknown,
      results: [{ notRun: expect.stringMatching(/dynamically linked against musl/) as unknown }],
    });
    expect(json.status).toBe(0);
  });

  it("reads the glibc version from libc.so.6's own version nodes (the host's glibc here)", () => {
    const sysroot = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sysroot-'));
    mkdirSync(join(sysroot, 'lib'));
    symlinkSync('/lib/x86_64-linux-gnu/libc.so.6', join(sysroot, 'lib', 'libc.so.6'));
    symlinkSync('/lib64/ld-linux-x86-64.so.2', join(sysroot, 'lib', 'ld-linux-x86-64.so.2'));
    const host = execFileSync('getconf', ['GNU_LIBC_VERSION'], { encoding: 'utf8' }).split(' ')[1];
    const r = runCli(
      [
        ...['verify', '--format', 'json', '--target', 'linux/amd64', '--smoke='],
        ...['--sysroot', sysroot, fixture('amd64-gcc')],
      ],
      env,
    );
    // The results are the target's, in the one report (not a list bolted on beside it).
    const { report } = verifyReportOf(r);
    expect(report.targets).toHaveLength(1);
    expect(report.targets[0]?.smoke).toMatchObject({
      status: 'pass',
      reason: null,
      results: [{ path: fixture('amd64-gcc'), glibc: host?.trim(), passed: true }],
    });
    expect(report.verdict).toBe('pass');
    expect(r.status).toBe(0);
  });
});
