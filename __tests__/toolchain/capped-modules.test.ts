/**
 * Real modules at capped floors (from the Go module proxy): github.com/mattn/go-sqlite3
 * (examples/sqlite) at 2.17 for amd64 and arm64 creates, fills and queries a database on glibc
 * 2.17 itself; github.com/confluentinc/confluent-kafka-go/v2 with its bundled librdkafka (C11
 * threads, GLIBC_2.28) links at 2.28 and needs at most 2.28 — where the npm crosstool-ng
 * toolchain (glibc 2.17 headers and libraries) fails on mtx_lock.
 */
import { buildOutput } from '../setup/go-output.js';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BinaryReport } from '../../src/domain/report/run-report.js';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { ROOT } from '../setup/paths.js';
import { envJson, TOOL_CACHE } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-modules-'));
const lock = join(work, 'lock.yml');

/** `go build` of a module directory with the printed env, modules from the proxy. */
function goBuild(
  env: Record<string, string>,
  dir: string,
  out: string,
): { status: number | null; stderr: string } {
  const clean = Object.fromEntries(
    Object.entries(process.env).filter(([k]) => !/^(CC|CXX|CGO_|GOOS|GOARCH|PKG_CONFIG)/.test(k)),
  );
  const r = spawnSync('go', ['build', '-o', out, '.'], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...clean,
      ...env,
      PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
      GOFLAGS: '-trimpath -buildvcs=false',
      GOTOOLCHAIN: 'local',
    },
  });
  return { status: r.status, stderr: buildOutput(r.stderr) };
}

function verify(
  goarch: string,
  floor: string,
  binary: string,
  smoke: { sysroot: string; args: string },
): { status: number | null; binaries: BinaryReport[]; smoke: SmokeResult[] } {
  const r = runCli(
    [
      'verify',
      '--format',
      'json',
      '--target',
      `linux/${goarch}`,
      '--glibc',
      floor,
      `--smoke=${smoke.args}`,
      '--sysroot',
      smoke.sysroot,
      '--lock',
      lock,
      binary,
    ],
    { ...process.env, RUNNER_TOOL_CACHE: TOOL_CACHE },
  );
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return { status: r.status, ...verifyReportOf(r) };
}

describe.each(['amd64', 'arm64'])('linux/%s', (goarch) => {
  it('go-sqlite3 at 2.17 needs GLIBC_2.17 at most and runs a database on glibc 2.17', () => {
    const dir = join(work, `sqlite-${goarch}`);
    cpSync(join(ROOT, 'examples', 'sqlite'), dir, { recursive: true });
    const { env, toolchain } = envJson([
      '--target',
      `linux/${goarch}`,
      '--glibc',
      '2.17',
      '--lock',
      lock,
    ]);
    const binary = join(dir, 'sqlite-demo');
    const b = goBuild(env, dir, binary);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const v = verify(goarch, '2.17', binary, {
      sysroot: toolchain.sysroot,
      args: join(dir, 'demo.db'),
    });
    expect(v.binaries[0]?.findings).toEqual([]);
    expect(v.binaries[0]?.facts?.versions).toMatchObject({
      GLIBC: goarch === 'amd64' ? '2.14' : '2.17',
    });
    expect(v.smoke).toEqual([expect.objectContaining({ glibc: '2.17', passed: true, stderr: [] })]);
    expect(v.status).toBe(0);
  });

  it('confluent-kafka-go links at 2.28, needs GLIBC_2.28 at most and starts', () => {
    const dir = join(ROOT, '__tests__', 'fixtures', 'src', 'kafka');
    const { env, toolchain } = envJson([
      '--target',
      `linux/${goarch}`,
      '--glibc',
      '2.28',
      '--lock',
      lock,
    ]);
    const binary = join(work, `kafka-${goarch}`);
    const b = goBuild(env, dir, binary);
    expect(b.stderr).toBe('');
    expect(b.status).toBe(0);
    const v = verify(goarch, '2.28', binary, { sysroot: toolchain.sysroot, args: '' });
    expect(v.binaries[0]?.findings).toEqual([]);
    expect(v.binaries[0]?.facts?.versions).toMatchObject({ GLIBC: '2.28' });
    expect(v.smoke).toEqual([expect.objectContaining({ glibc: '2.31', passed: true })]);
    expect(v.status).toBe(0);
  });
});

describe('the npm crosstool-ng toolchain (release crosstool-ng) at 2.28', () => {
  it('cannot link confluent-kafka-go: its glibc 2.17 has no C11 threads', () => {
    const dir = join(ROOT, '__tests__', 'fixtures', 'src', 'kafka');
    const { env } = envJson([
      '--target',
      'linux/amd64',
      '--glibc',
      '2.28',
      '--release',
      'crosstool-ng',
      '--lock',
      lock,
    ]);
    const b = goBuild(env, dir, join(work, 'kafka-npm'));
    expect(b.stderr).toMatch(/undefined reference to `mtx_lock'/);
    expect(b.status).not.toBe(0);
  });
});
