/** `env` command line → typed options (domain/request.ts), every problem listed at once. */
import {
  DEFAULTS,
  RequestReader,
  withDefaults,
  type InstallRequest,
  type ToolchainRequest,
} from '../domain/request.js';
import { targetList } from '../domain/platform.js';
import { flagError, readFlags } from './flags.js';

export type EnvFormat = 'shell' | 'json' | 'github';
const FORMATS: readonly [EnvFormat, ...EnvFormat[]] = ['shell', 'json', 'github'];

export interface EnvArgs extends ToolchainRequest, InstallRequest {
  /** The target's -dev packages for the sysroot, sorted; none: empty. */
  packages: string[];
  format: EnvFormat;
  godebug: string | null;
  help: boolean;
}

export const ENV_USAGE = `usage: cgo-abi-guard env --target linux/<goarch>[/<variant>] --glibc X.Y [options]
       cgo-abi-guard env --target linux/<goarch>[/<variant>] --libc musl [--musl X.Y.Z] [--link static|dynamic] [options]

Installs a pinned cross toolchain for the target at the glibc (or musl) floor into the tool cache
(no root) and prints the cgo environment to build with.

  --target linux/<goarch>[/<variant>]  ${targetList()}
  --glibc X.Y                         the floor: picks the newest release of the host's distribution
                                      family whose glibc is at or below it (Debian 2.31 / 2.36 / 2.41)
                                      and, for a cross gcc, the host's (its gcc must run here);
                                      below the oldest (from 2.17; riscv64 2.27): the oldest release,
                                      its glibc capped at the floor
  --libc glibc|musl                   glibc (default); musl: Debian's musl-dev for the target with the
                                      release's gcc (or clang), static by default (docs/musl.md)
  --musl X.Y.Z                        the musl floor (libc musl): 1.2.2 (bullseye), 1.2.3 (bookworm),
                                      1.2.5 (trixie); default the oldest that has the target
  --link static|dynamic               libc musl: a static binary (default), or one on musl's loader
  --release NAME                      take the toolchain from this release (bookworm, debian/bookworm),
                                      capped at the floor when newer; crosstool-ng: the glibc 2.17
                                      toolchains from npm (amd64, arm64)
  --compiler gcc|clang|clang-N        gcc (default): the release's cross gcc, or the host gcc on the
                                      release's sysroot for the host's own arch; clang: the host's
                                      clang (else its newest clang-N) + lld; clang-N: that version
  --package NAME                      a -dev package of the floor's release for the target (repeatable,
                                      or comma- or space-separated: libpcap-dev, libsqlite3-dev …),
                                      with the libraries it needs, pinned in the lock, in the sysroot
  --lock FILE                         lockfile (default ${DEFAULTS.lockfile}): written when absent,
                                      enforced when present
  --frozen                            fail when the lockfile has no entry for this toolchain
  --format shell|json|github          shell (default) is eval-able; github is for $GITHUB_ENV
  --mirror URI                        a package mirror to try first (repeatable), then the host's
                                      own (its apt sources, mirror+file: lists included)
  --no-host-mirrors                   only the --mirror URIs, never the host's own
  --godebug k=v,...                   GODEBUG to export, checked against the Go toolchain's table
`;

export function parseEnvArgs(argv: readonly string[]): { args: EnvArgs } | { errors: string[] } {
  const flags = readFlags(argv, {
    target: { type: 'string' },
    glibc: { type: 'string' },
    libc: { type: 'string' },
    musl: { type: 'string' },
    link: { type: 'string' },
    compiler: { type: 'string' },
    package: { type: 'string', multiple: true },
    release: { type: 'string' },
    lock: { type: 'string' },
    frozen: { type: 'boolean' },
    format: { type: 'string' },
    mirror: { type: 'string', multiple: true },
    'no-host-mirrors': { type: 'boolean' },
    godebug: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if ('errors' in flags) return flags;
  const r = new RequestReader(withDefaults(flags.raw, ['compiler']));
  const [target] = r.targets();
  if (target === undefined && flags.raw.target === undefined)
    r.problem('target', 'is required (e.g. --target linux/arm64)', true);
  const glibc = r.glibc();
  const libc = r.libc();
  if (libc === 'none') r.problem('libc', 'none installs no toolchain: there is no env to print');
  const musl = r.musl(libc);
  if (libc !== 'musl' && flags.raw.glibc === undefined)
    r.problem('glibc', 'is required (the floor, e.g. --glibc 2.31)', true);
  if (libc === 'musl' && flags.raw.glibc !== undefined)
    r.problem('glibc', 'is a glibc floor, but --libc is musl: the floor is --musl');
  const compiler = r.compiler();
  const packages = r.packages();
  const release = r.release();
  const install = r.install();
  const godebug = r.godebug();
  const format = r.format(FORMATS);
  if (r.bool('help') === true) return { args: { ...placeholder(), help: true } };
  const errors = r.problems.map(flagError);
  if (errors.length > 0 || target === undefined) return { errors };
  if (compiler === null || packages === null) return { errors };
  const floor = glibc ?? '';
  const args = { glibc: floor, compiler, packages, release, musl, ...install, format, godebug };
  return { args: { ...args, target: target.target, help: false } };
}

function placeholder(): EnvArgs {
  return {
    target: { goarch: 'amd64', variant: 'v1' },
    glibc: '',
    compiler: { compiler: 'gcc', clangMajor: null },
    packages: [],
    release: null,
    musl: null,
    lockfile: DEFAULTS.lockfile,
    frozenLockfile: false,
    format: 'shell',
    mirrors: [],
    hostMirrors: true,
    godebug: null,
    help: false,
  };
}
