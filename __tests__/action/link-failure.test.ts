/**
 * A failed link explained through the action, on real modules and real toolchains:
 * confluent-kafka-go (from the Go module proxy) at floor 2.17 with the napi-rs toolchain, whose
 * bundled librdkafka needs C11 threads (glibc 2.28); and a static C++ library built by this
 * machine's g++ 12 linked at floor 2.31, as duckdb-go's bundled libraries fail there.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../setup/paths.js';
import { NODE24, Runner } from '../setup/runner.js';
import { TOOL_CACHE } from '../setup/toolchain.js';

const shared = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-link-'));
const lockfile = join(shared, 'cgo-abi-guard.lock.yml');

function project(name: string): string {
  const dir = mkdtempSync(join(shared, `${name}-`));
  cpSync(join(ROOT, '__tests__/fixtures/src', name), dir, { recursive: true });
  return dir;
}

const errors = (stdout: string): string[] =>
  stdout.split('\n').filter((l) => l.startsWith('::error'));

describe('a link that fails', () => {
  it('confluent-kafka-go at 2.17: an error annotation naming mtx_lock and glibc 2.28', async () => {
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      target: 'linux/amd64',
      glibc: '2.17',
      run: 'go build -o app .',
      'working-directory': project('kafkaapp'),
      lockfile,
      cache: 'false',
      smoke: 'true',
    });
    expect(main.status).toBe(1);
    const link = errors(main.stdout).filter((l) =>
      l.startsWith('::error title=cgo-abi-guard%3A the link failed (linux/amd64/v1)::'),
    );
    expect(link).toHaveLength(1);
    expect(link[0]).toMatch(
      /the build command for linux\/amd64\/v1 exited with status 1: the link failed \(below\)%0A[^%]*\bmtx_lock\b[^%]*: new in glibc 2\.28, not in the floor's sysroot \(glibc 2\.17\); referenced from librdkafka_glibc_linux_amd64\.a in github\.com\/confluentinc\/confluent-kafka-go\/v2@v2\.11\.1\. Fix: raise the floor to 2\.28/,
    );
    expect(errors(main.stdout).length).toBeLessThanOrEqual(10);
    expect(main.summary).toContain('**The link failed:**');
    expect(main.summary).toMatch(/^- .*mtx_lock.*new in glibc 2\.28/m);

    // Nothing was built, so nothing ran: the smoke run is reported as not run, not as a pass.
    expect(main.outputs.smoke).toBe('');
    expect(main.summary).toContain('*smoke run: not run: nothing was built to run*');
    const [target] = main.report?.targets ?? [];
    expect(target?.build).toMatchObject({ command: 'go build -o app .', exit: 1 });
    expect(target?.verdict).toBe('error');
    expect(target?.smoke).toEqual({
      status: 'not-run',
      reason: 'nothing was built to run',
      results: [],
    });
    expect(target?.build?.link?.symbols.find((s) => s.symbol === 'mtx_lock')).toMatchObject({
      addedIn: 'glibc 2.28',
    });
  }, 600_000);

  it('a C++ library built by a newer g++ at 2.31: std::__throw_bad_array_new_length() is GLIBCXX_3.4.29, gcc 11', async () => {
    const dir = project('cxxprebuilt');
    execFileSync('g++', [
      '-O2',
      '-x',
      'c++',
      '-c',
      '-o',
      join(dir, 'sum.o'),
      join(dir, 'sum.cc.in'),
    ]);
    execFileSync('ar', ['rcs', join(dir, 'libsum.a'), join(dir, 'sum.o')]);
    const main = await new Runner(TOOL_CACHE, NODE24).run('main', {
      target: 'linux/amd64',
      glibc: '2.31',
      run: 'go build -o app .',
      'working-directory': dir,
      lockfile,
      cache: 'false',
    });
    expect(main.status).toBe(1);
    const [link] = errors(main.stdout).filter((l) => l.includes('the link failed'));
    expect(link).toMatch(
      /std::__throw_bad_array_new_length\(\): new in libstdc\+\+ GLIBCXX_3\.4\.29 \(gcc 11\), not in the floor's C\+\+ runtime \(Debian 11, Ubuntu 20\.04 \(gcc 10\): GLIBCXX_3\.4\.28\)/,
    );
    expect(link).toMatch(
      /referenced from libsum\.a\. Fix: build that code with the floor's compiler/,
    );
  }, 600_000);
});
