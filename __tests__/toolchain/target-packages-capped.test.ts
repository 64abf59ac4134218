/**
 * Target packages at a capped floor: the capped release's own packages go into the sysroot, the
 * program links against the capped glibc, and verify judges the libraries it will load at the
 * floor too. At 2.28 for linux/arm64, bullseye's libpcap pulls in libdbus and libsystemd, whose
 * gettid needs glibc 2.30: the binary fails naming that library; linked statically, libpcap itself
 * is within the floor.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, verifyReportOf } from '../setup/cli.js';
import { buildOutput } from '../setup/go-output.js';
import { ROOT } from '../setup/paths.js';
import { envJson } from '../setup/toolchain.js';

const work = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-capped-packages-'));

describe('libpcap-dev at glibc 2.28 for linux/arm64 (bullseye capped)', () => {
  it('builds against the capped sysroot and names the package library above the floor', () => {
    const { env, toolchain } = envJson([
      '--target',
      'linux/arm64',
      '--glibc',
      '2.28',
      '--package',
      'libpcap-dev',
      '--lock',
      join(work, 'lock.yml'),
    ]);
    expect(toolchain.release).toBe('debian/bullseye');
    const build = (name: string): string => {
      const out = join(work, name);
      const r = spawnSync('go', ['build', '-o', out, `./${name}`], {
        cwd: join(ROOT, 'examples', 'target-packages'),
        encoding: 'utf8',
        env: {
          ...process.env,
          ...env,
          PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
          GOFLAGS: '-trimpath -buildvcs=false',
          GOTOOLCHAIN: 'local',
        },
      });
      expect(buildOutput(r.stderr), name).toBe('');
      expect(r.status, name).toBe(0);
      return out;
    };
    const r = runCli(
      ['verify', '--format', 'json', '--glibc', '2.28', build('pcapver'), build('pcapstatic')],
      { ...process.env, PKG_CONFIG_SYSROOT_DIR: env.PKG_CONFIG_SYSROOT_DIR ?? '' },
    );
    expect(r.status).toBe(1);
    for (const b of verifyReportOf(r).binaries) {
      // The binary itself binds only versions the capped glibc offers at 2.28.
      expect(
        b.findings.filter((f) => f.rule === 'glibc-version'),
        b.path,
      ).toEqual([]);
      expect(
        b.findings.map((f) => f.message),
        b.path,
      ).toContainEqual(
        expect.stringMatching(
          /^loads libsystemd\.so\.0 \(libsystemd0 247\.\S+\), which needs GLIBC_2\.30 \(floor 2\.28\): gettid/,
        ),
      );
    }
  }, 600_000);
});
