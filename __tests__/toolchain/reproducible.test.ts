/**
 * Builds that reproduce: one toolchain installed, its install copied to a second tool cache at
 * another path (the wrappers find their tree relative to themselves), the same source built with
 * each one's exported environment. No path of either tool cache may reach the binary (the
 * wrappers map their tree with -ffile-prefix-map; verify's build-paths rule reads build info,
 * DWARF and file symbols), and the bytes are the same.
 *
 * With `-ldflags=-buildid=`: Go's build ID hashes CC's path (cmd/go buildActionID writes
 * `CC=<path>`), so the two builds' IDs differ while everything else is the same (docs/toolchains.md).
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allBinaries } from '../../src/domain/report/run-report.js';
import { runCli } from '../setup/cli.js';
import { parseReport } from '../setup/report-schema.js';
import { buildCgoApp, envJson, TOOL_CACHE } from '../setup/toolchain.js';
import { tempDir } from './helpers.js';

const CONFIGS: { name: string; args: string[]; ldflags?: string }[] = [
  { name: 'amd64 gcc glibc 2.31', args: ['--target', 'linux/amd64', '--glibc', '2.31'] },
  { name: 'arm64 gcc glibc 2.31', args: ['--target', 'linux/arm64', '--glibc', '2.31'] },
  {
    name: 'arm64 clang glibc 2.31',
    args: ['--target', 'linux/arm64', '--glibc', '2.31', '--compiler', 'clang'],
  },
  {
    name: 'amd64 gcc musl static',
    args: ['--target', 'linux/amd64', '--libc', 'musl'],
    ldflags: '-linkmode=external -extldflags=-static',
  },
  {
    name: 'arm64 clang musl static',
    args: ['--target', 'linux/arm64', '--libc', 'musl', '--compiler', 'clang'],
    ldflags: '-linkmode=external -extldflags=-static',
  },
];

let work: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  work = await tempDir('repro');
});
afterAll(async () => work.cleanup());

/**
 * Builds cgoapp with the printed environment, -trimpath unless trim is false (musl's GOFLAGS, its
 * -ldflags, go on the command line with -buildid=: see c.ldflags).
 */
function build(env: Record<string, string>, out: string, ldflags: string, trim = true): void {
  buildCgoApp(env, out, 'cgoapp', {
    flags: [...(trim ? ['-trimpath'] : []), `-ldflags=${ldflags} -buildid=`],
    goflags: '-buildvcs=false',
  });
}

const sha256 = (file: string): string =>
  createHash('sha256').update(readFileSync(file)).digest('hex');

/** verify's build-paths findings and facts, with the runner's directories named. */
function buildPaths(binary: string, caches: string[]): { paths: string[]; findings: string[] } {
  const r = runCli(['verify', '--format', 'json', binary], {
    ...process.env,
    RUNNER_TOOL_CACHE: caches[0],
    RUNNER_TEMP: caches[1],
  });
  const [b] = allBinaries(r.report ?? parseReport(r.stdout, `verify ${binary}`));
  if (b?.facts === undefined || b.facts === null) throw new Error(`no facts: ${r.stderr}`);
  return {
    paths: b.facts.buildPaths.map((p) => `${p.in} ${p.path}`),
    findings: b.findings.filter((f) => f.rule === 'build-paths').map((f) => f.message),
  };
}

describe('two tool caches at different paths give the same bytes', () => {
  for (const c of CONFIGS) {
    it(c.name, () => {
      const { env, toolchain } = envJson([...c.args, '--lock', join(work.dir, 'lock.yml')]);
      // The second tool cache: another path, of another length, holding a copy of the install.
      const other = join(work.dir, `elsewhere-${c.name.replace(/\W+/g, '-')}`, 'hostedtoolcache');
      // The tool cache's version directory: the tree, its .complete marker and its manifest.
      const version = relative(TOOL_CACHE, dirname(toolchain.dir));
      mkdirSync(join(other, version, '..'), { recursive: true });
      cpSync(join(TOOL_CACHE, version), join(other, version), {
        recursive: true,
        verbatimSymlinks: true,
      });
      const again = envJson([...c.args, '--lock', join(work.dir, 'lock.yml')], {
        RUNNER_TOOL_CACHE: other,
      });
      expect(again.toolchain.cacheHit).toBe(true);
      expect(again.env.CC?.startsWith(other)).toBe(true);

      const [one, two] = [join(work.dir, `${c.name}-1`), join(work.dir, `${c.name}-2`)];
      build(env, one, c.ldflags ?? '');
      build(again.env, two, c.ldflags ?? '');
      for (const file of [one, two]) {
        const raw = readFileSync(file, 'latin1');
        expect(raw.includes(TOOL_CACHE)).toBe(false);
        expect(raw.includes(other)).toBe(false);
        const found = buildPaths(file, [TOOL_CACHE, other]);
        expect(found.findings).toEqual([]);
        expect(found.paths.filter((p) => p.includes(TOOL_CACHE) || p.includes(other))).toEqual([]);
        // DWARF names the headers where the wrappers map them (the facts read it).
        expect(found.paths.some((p) => p.startsWith('dwarf /cgo-abi-guard/'))).toBe(true);
      }
      expect(sha256(two)).toBe(sha256(one));
    });
  }

  // Go leaves CGO_CFLAGS out of the build info with -trimpath (golang/go#52372), not without.
  it('says when a path of the tool cache reaches the build info (CGO_CFLAGS, no -trimpath)', () => {
    const { env, toolchain } = envJson([
      ...['--target', 'linux/amd64', '--glibc', '2.31', '--lock', join(work.dir, 'lock.yml')],
    ]);
    const out = join(work.dir, 'cflags');
    build({ ...env, CGO_CFLAGS: `-O2 -g -I${toolchain.sysroot}/usr/include` }, out, '', false);
    const found = buildPaths(out, [TOOL_CACHE, work.dir]);
    expect(found.findings).toHaveLength(1);
    expect(found.findings[0]).toMatch(
      /^its Go build info carries a path of the runner \(\/.*usr\/include\)/,
    );
  });
});
