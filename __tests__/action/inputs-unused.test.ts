/**
 * Inputs the action would otherwise not use, on the runner protocol (dist/main.js, INPUT_*): a
 * smoke run with nothing to start is a warning, packages with a libc whose toolchain cannot take
 * them are errors, and a floor YAML shortened is refused with the way to write it, all
 * before anything is installed.
 */
import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MUSL_PACKAGES } from '../../src/domain/toolchain/toolchain-plan.js';
import { Runner } from '../setup/runner.js';

const lines = (stdout: string, level: 'error' | 'warning'): string[] =>
  stdout.split('\n').filter((l) => l.startsWith(`::${level}`));

describe('inputs the action has no use for', () => {
  it('smoke with no run and no artifacts: a warning, not silence', async () => {
    const main = await new Runner().run('main', { libc: 'none', smoke: '--version' });
    expect(lines(main.stdout, 'error')).toEqual([]);
    expect(lines(main.stdout, 'warning')).toEqual([
      '::warning title=cgo-abi-guard smoke::smoke is set but there is nothing to start: with no run and no artifacts no binary is built or verified, so no smoke run happens; set run (or artifacts), or remove smoke',
    ]);
    expect(main.status).toBe(0);
    // Without smoke the same step says nothing of it.
    const quiet = await new Runner().run('main', { libc: 'none' });
    expect(lines(quiet.stdout, 'warning')).toEqual([]);
  });

  it.each([
    ['none', 'libc none installs no toolchain (the build brings its own compiler)'],
    ['musl', MUSL_PACKAGES],
  ])('packages with libc %s: an error naming why, nothing installed', async (libc, why) => {
    const runner = new Runner();
    const main = await runner.run('main', { libc, packages: 'libpcap-dev', run: 'true' });
    expect(main.status).toBe(1);
    expect(lines(main.stdout, 'error')[0]).toContain(`input "packages": ${why}`);
    expect(existsSync(runner.toolCache) ? readdirSync(runner.toolCache) : []).toEqual([]);
  });

  it('a floor YAML shortened (glibc: 2.30 reaches the action as 2.3): quote it', async () => {
    const main = await new Runner().run('main', { glibc: '2.3', run: 'true' });
    expect(main.status).toBe(1);
    expect(lines(main.stdout, 'error')[0]).toContain(
      `input "glibc": "2.3" is probably 2.30 written unquoted in YAML, which reads 2.30 as the number 2.3: quote it ('2.30')`,
    );
  });
});
