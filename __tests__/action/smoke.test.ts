/**
 * The `smoke` input on the runner protocol: at floor 2.17 (bullseye capped at 2.17), the built
 * executables run on glibc 2.17 itself (the npm toolchain's loader and libraries); a host-gcc
 * binary fails with the loader's own words.
 */
import { copyFileSync, cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture } from '../setup/fixtures.js';
import { ROOT } from '../setup/paths.js';
import { NODE24, Runner } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-smoke-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');

function project(): string {
  const dir = mkdtempSync(join(shared, 'project-'));
  cpSync(join(ROOT, '__tests__/fixtures/src/cgoapp'), dir, { recursive: true });
  return dir;
}

describe('the smoke input', () => {
  it('runs what it built for linux/arm64 and linux/amd64 at 2.17 on glibc 2.17', async () => {
    const runner = new Runner(TOOL_CACHE, NODE24);
    const main = await runner.run('main', {
      target: 'linux/arm64,linux/amd64',
      glibc: '2.17',
      compiler: 'clang',
      run: 'go build -o "app-$GOARCH" .',
      'working-directory': project(),
      lockfile,
      cache: 'false',
      smoke: 'true',
    });
    expect(main.stdout.split('\n').filter((l) => l.startsWith('::error'))).toEqual([]);
    expect(main.status).toBe(0);
    expect(main.outputs).toMatchObject({ verdict: 'pass', smoke: 'pass' });
    expect(
      main.report?.targets.map((t) => [
        t.smoke.status,
        t.smoke.results.map((s) => [s.glibc, s.via, s.passed]),
      ]),
    ).toEqual([
      ['pass', [['2.17', 'qemu-aarch64', true]]],
      ['pass', [['2.17', 'loader', true]]],
    ]);
    expect(main.summary).toMatch(/^\| .*app-arm64 \| 2\.17 \| qemu-aarch64 \| runs \|/m);
    expect(main.summary).toMatch(/^\| .*app-amd64 \| 2\.17 \| loader \| runs \|/m);
  });

  it("fails a host-gcc binary at 2.17, quoting the loader's message", async () => {
    const runner = new Runner(TOOL_CACHE, NODE24);
    const dir = mkdtempSync(join(shared, 'artifacts-'));
    copyFileSync(fixture('amd64-gcc'), join(dir, 'app'));
    const main = await runner.run('main', {
      target: 'linux/amd64',
      glibc: '2.17',
      artifacts: 'app',
      'working-directory': dir,
      lockfile,
      cache: 'false',
      smoke: '--version',
    });
    expect(main.status).toBe(1);
    expect(main.outputs).toMatchObject({ verdict: 'fail', smoke: 'fail' });
    expect(main.stdout).toMatch(
      /^::error title=cgo-abi-guard smoke \(linux\/amd64\/v1\)::.*app exited 1 when run on glibc 2\.17 \(loader\): .*libc\.so\.6: version `GLIBC_2\.3[24]' not found \(required by .*app\)/m,
    );
    expect(main.stdout).toMatch(/^::error title=cgo-abi-guard glibc-version/m);
    expect(main.summary).toMatch(
      /^\| .*app \| 2\.17 \| loader \| exit 1 \| .*GLIBC_2\.3[24]' not found/m,
    );
  });
});
