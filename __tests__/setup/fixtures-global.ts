/**
 * Builds the real fixture binaries before any test runs: Go cgo programs with Debian's cross
 * compilers, musl-gcc, clang against a bullseye sysroot. The script is idempotent and fast when
 * nothing changed. CGO_ABI_GUARD_SKIP_FIXTURES=1 skips it (for the pure unit tests alone).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURE_DIR, GO_BUILD_CACHE, ROOT } from './paths.js';

export default function setup(): void {
  if (process.env.CGO_ABI_GUARD_SKIP_FIXTURES === '1') return;
  execFileSync('bash', [join(ROOT, '__tests__', 'fixtures', 'build.sh'), FIXTURE_DIR], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, FIXTURE_GOCACHE: process.env.FIXTURE_GOCACHE ?? GO_BUILD_CACHE },
  });
}
