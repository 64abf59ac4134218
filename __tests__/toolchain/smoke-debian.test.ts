/**
 * `verify --smoke` on a Debian floor (2.31, bullseye): the glibc of `libc6-<arch>-cross` under
 * `<sysroot>/usr/<triplet>`, its loader for amd64 and qemu-user-static for arm64.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SmokeResult } from '../../src/domain/toolchain/smoke.js';
import { runCli, STACK_TRACE, verifyReportOf } from '../setup/cli.js';
import { fixture } from '../setup/fixtures.js';
import { buildCgoApp, envJson, TOOL_CACHE } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-smoke-debian-'));
const lock = join(work, 'lock.yml');

function smoke(goarch: string, sysroot: string, binary: string): SmokeResult[] {
  const r = runCli(
    [
      ...['verify', '--format', 'json', '--target', `linux/${goarch}`, '--glibc', '2.31'],
      ...['--smoke=', '--sysroot', sysroot, '--lock', lock, binary],
    ],
    { ...process.env, RUNNER_TOOL_CACHE: TOOL_CACHE },
  );
  expect(r.stderr).not.toMatch(STACK_TRACE);
  return verifyReportOf(r).smoke;
}

describe.each(['amd64', 'arm64'])('floor 2.31 (bullseye), linux/%s', (goarch) => {
  it("runs the toolchain's build on glibc 2.31 and refuses the host gcc's", () => {
    const { env, toolchain } = envJson([
      '--target',
      `linux/${goarch}`,
      '--glibc',
      '2.31',
      '--lock',
      lock,
    ]);
    const binary = join(work, `app-${goarch}`);
    buildCgoApp(env, binary);
    const via = goarch === 'amd64' ? 'loader' : 'qemu-aarch64';
    expect(smoke(goarch, toolchain.sysroot, binary)).toMatchObject([
      { glibc: '2.31', via, passed: true, exit: 0 },
    ]);
    const host = smoke(goarch, toolchain.sysroot, fixture(`${goarch}-gcc`));
    expect(host).toMatchObject([{ glibc: '2.31', via, passed: false }]);
    expect(host[0]?.stderr.join('\n')).toMatch(/version `GLIBC_2\.3[24]' not found/);
  });
});
