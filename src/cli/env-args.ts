/** `env` command line → typed options, every problem listed at once. */
import { parseArgs } from 'node:util';
import { parseTarget, targetList, type Target } from '../domain/platform.js';
import { parseCompilerChoice, type CompilerChoice } from '../domain/toolchain/compiler.js';
import { checkMirrorUri } from '../domain/toolchain/mirrors.js';
import { parsePackageList } from '../domain/toolchain/target-packages.js';
import { checkReleaseName } from '../domain/toolchain/capping.js';
import { parseGlibcVersion } from '../domain/input-checks.js';

export type EnvFormat = 'shell' | 'json' | 'github';
const FORMATS: readonly EnvFormat[] = ['shell', 'json', 'github'];
export const DEFAULT_LOCKFILE = '.github/cgo-abi-guard.lock.yml';

export interface EnvArgs {
  target: Target;
  glibc: string;
  compiler: CompilerChoice;
  /** The target's -dev packages for the sysroot, sorted; none: empty. */
  packages: string[];
  /** --release: the release to take the toolchain from; null: the floor's default. */
  release: string | null;
  lock: string;
  frozen: boolean;
  format: EnvFormat;
  /** Mirrors to try before the host's own. */
  mirrors: string[];
  /** False with --no-host-mirrors. */
  hostMirrors: boolean;
  godebug: string | null;
  help: boolean;
}

export const ENV_USAGE = `usage: cgo-abi-guard env --target linux/<goarch>[/<variant>] --glibc X.Y [options]

Installs a pinned cross toolchain for the target at the glibc floor into the tool cache (no root)
and prints the cgo environment to build with.

  --target linux/<goarch>[/<variant>]  ${targetList()}
  --glibc X.Y                         the floor: picks the newest release of the host's distribution
                                      family whose glibc is at or below it (Debian 2.31 / 2.36 / 2.41)
                                      and, for a cross gcc, the host's (its gcc must run here);
                                      below the oldest (from 2.17; riscv64 2.27): the oldest release,
                                      its glibc capped at the floor
  --release NAME                      take the toolchain from this release (bookworm, debian/bookworm),
                                      capped at the floor when newer; crosstool-ng: the glibc 2.17
                                      toolchains from npm (amd64, arm64)
  --compiler gcc|clang|clang-N        gcc (default): the release's cross gcc, or the host gcc on the
                                      release's sysroot for the host's own arch; clang: the host's
                                      clang (else its newest clang-N) + lld; clang-N: that version
  --package NAME                      a -dev package of the floor's release for the target (repeatable,
                                      or comma- or space-separated: libpcap-dev, libsqlite3-dev …),
                                      with the libraries it needs, pinned in the lock, in the sysroot
  --lock FILE                         lockfile (default ${DEFAULT_LOCKFILE}): written when absent,
                                      enforced when present
  --frozen                            fail when the lockfile has no entry for this toolchain
  --format shell|json|github          shell (default) is eval-able; github is for $GITHUB_ENV
  --mirror URI                        a package mirror to try first (repeatable), then the host's
                                      own (its apt sources, mirror+file: lists included)
  --no-host-mirrors                   only the --mirror URIs, never the host's own
  --godebug k=v,...                   GODEBUG to export, checked against the Go toolchain's table
`;

export function parseEnvArgs(argv: readonly string[]): { args: EnvArgs } | { errors: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: false,
      strict: true,
      options: {
        target: { type: 'string' },
        glibc: { type: 'string' },
        compiler: { type: 'string', default: 'gcc' },
        package: { type: 'string', multiple: true, default: [] },
        release: { type: 'string' },
        lock: { type: 'string', default: DEFAULT_LOCKFILE },
        frozen: { type: 'boolean', default: false },
        format: { type: 'string', default: 'shell' },
        mirror: { type: 'string', multiple: true, default: [] },
        'no-host-mirrors': { type: 'boolean', default: false },
        godebug: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const v = parsed.values;
  const errors: string[] = [];
  let target: Target | null = null;
  if (v.target === undefined) errors.push('--target is required (e.g. --target linux/arm64)');
  else {
    const t = parseTarget(v.target);
    if ('error' in t) errors.push(t.error);
    else target = t;
  }
  const floor = v.glibc === undefined ? null : parseGlibcVersion(v.glibc);
  if (floor === null) errors.push('--glibc is required (the floor, e.g. --glibc 2.31)');
  else if ('error' in floor) errors.push(`--glibc ${floor.error}`);
  const compiler = parseCompilerChoice(v.compiler);
  if ('error' in compiler) errors.push(`--compiler ${compiler.error}`);
  const packages = parsePackageList(v.package);
  if ('error' in packages) errors.push(`--package: ${packages.error}`);
  const badRelease = v.release === undefined ? null : checkReleaseName(v.release);
  if (badRelease !== null) errors.push(`--release ${badRelease}`);
  for (const m of v.mirror) {
    const bad = checkMirrorUri(m);
    if (bad !== null) errors.push(`--mirror: ${bad}`);
  }
  // eslint-disable-next-line no-control-regex
  if (v.godebug !== undefined && /[\x00-\x1f\x7f]/.test(v.godebug))
    errors.push('--godebug holds a line break or control character: write one line of k=v pairs');
  if (!(FORMATS as readonly string[]).includes(v.format))
    errors.push(`--format "${v.format}" is not one of ${FORMATS.join(', ')}`);
  if (v.help) return { args: { ...placeholder(), help: true } };
  if (
    errors.length > 0 ||
    target === null ||
    floor === null ||
    'error' in floor ||
    'error' in compiler ||
    'error' in packages
  )
    return { errors };
  return {
    args: {
      target,
      glibc: floor.version,
      compiler,
      packages: packages.names,
      release: v.release ?? null,
      lock: v.lock,
      frozen: v.frozen,
      format: v.format as EnvFormat,
      mirrors: v.mirror,
      hostMirrors: !v['no-host-mirrors'],
      godebug: v.godebug ?? null,
      help: false,
    },
  };
}

function placeholder(): EnvArgs {
  return {
    target: { goarch: 'amd64', variant: 'v1' },
    glibc: '',
    compiler: { compiler: 'gcc', clangMajor: null },
    packages: [],
    release: null,
    lock: DEFAULT_LOCKFILE,
    frozen: false,
    format: 'shell',
    mirrors: [],
    hostMirrors: true,
    godebug: null,
    help: false,
  };
}
