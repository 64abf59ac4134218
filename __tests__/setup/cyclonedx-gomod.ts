/**
 * cyclonedx-gomod, pinned, installed with `go install` from the Go module proxy into `.cache/`
 * (never globally) once per test run: the SBOM merge test runs it. Not installable is a failure,
 * never a skip.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export const CYCLONEDX_GOMOD = 'github.com/CycloneDX/cyclonedx-gomod/cmd/cyclonedx-gomod@v1.10.0';
const GOBIN = join(ROOT, '.cache', 'cyclonedx-gomod-v1.10.0');

/** The installed program's path; throws (with go's output) when it cannot be installed. */
export function cyclonedxGomod(): string {
  const program = join(GOBIN, 'cyclonedx-gomod');
  if (existsSync(program)) return program;
  mkdirSync(GOBIN, { recursive: true });
  execFileSync('go', ['install', CYCLONEDX_GOMOD], {
    env: { ...process.env, GOBIN, GOFLAGS: '', CGO_ENABLED: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return program;
}
