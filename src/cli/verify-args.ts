/** `verify` command line → typed options (domain/request.ts), every problem listed at once. */
import { targetList, type Libc, type Target } from '../domain/platform.js';
import { DEFAULTS, RequestReader } from '../domain/request.js';
import { flagError, readFlags } from './flags.js';

export type Format = 'text' | 'json' | 'markdown';
const FORMATS: readonly [Format, ...Format[]] = ['text', 'json', 'markdown'];

export interface VerifyArgs {
  paths: string[];
  target: Target | null;
  libc: Libc | null;
  glibc: string | null;
  /** libc musl: the musl floor of a dynamic binary, and the link asked for; null: not given. */
  musl: string | null;
  link: 'static' | 'dynamic' | null;
  kernel: string | null;
  policyFile: string | null;
  format: Format;
  readelf: string;
  /** Arguments of the smoke run; null: no smoke run. */
  smoke: string | null;
  sysroot: string | null;
  lockfile: string;
  /** Package mirrors for qemu (--mirror); none: the host's apt configuration. */
  mirrors: string[];
  /** Where to write the sha256sum file of the passing binaries; null: not written. */
  checksums: string | null;
  /** Where to write the verification predicate (docs/attest.md); null: not written. */
  predicate: string | null;
  /** Where to write the CycloneDX SBOM (docs/sbom.md); null: not written. */
  sbom: string | null;
  help: boolean;
}

export const VERIFY_USAGE = `usage: cgo-abi-guard verify [options] <file|dir|glob>...

Judges Linux ELF binaries against a target ABI, dynamic linker and glibc floor.

  --target linux/<goarch>[/<variant>]  ${targetList()}
                                      (default: each file's own architecture; arch rule off)
  --libc glibc|musl|none              C library the binaries link against (default glibc; none = static)
  --musl X.Y.Z                        libc musl: the musl a dynamic binary must run on (1.2.2, 1.2.3,
                                      1.2.5): each symbol it needs must be exported by that libc.so
  --link static|dynamic               libc musl: a dynamic binary fails where static was asked
  --glibc X.Y                         highest GLIBC_ version a binary may need (default: no ceiling)
  --kernel X.Y[.Z]                    oldest kernel the binaries must start on (NT_GNU_ABI_TAG)
  --policy FILE                       YAML policy (glibc, kernel, libc, versions, allow-needed, allow-rpath, severity,
                                      hardening)
  --format text|json|markdown         report format (default text)
  --readelf PATH                      readelf to run (default: readelf on PATH)
  --smoke=ARGS                        also start each executable with ARGS (may be empty) against the
                                      glibc of the floor's sysroot: its loader for the host's own
                                      arch, qemu-user -L for another (needs --target); exit 0 passes
  --sysroot DIR                       the floor's sysroot (default: $PKG_CONFIG_SYSROOT_DIR, as \`env\`
                                      exports it): --smoke runs against it, and the libraries of its
                                      target packages (env --package) are expected and named
  --lock FILE                         lockfile pinning qemu-user-static for --smoke (default
                                      ${DEFAULTS.lockfile})
  --mirror URI                        package mirror for qemu (default: the host's apt configuration)
  --checksums FILE                    write a sha256sum file of the binaries that passed (names
                                      relative to the current directory), for actions/attest
  --predicate FILE                    write the verification predicate (docs/attest.md) for actions/attest
  --sbom FILE                         write the CycloneDX 1.6 SBOM of the C inside (docs/sbom.md): the
                                      packages of the --sysroot's install, pinned in --lock, that each
                                      binary loads or linked statically

Exit status: 0 all pass (warnings allowed), 1 a violation, 2 usage error or a file that cannot be judged.
`;

export function parseVerifyArgs(
  argv: readonly string[],
): { args: VerifyArgs } | { errors: string[] } {
  const flags = readFlags(
    argv,
    {
      target: { type: 'string' },
      libc: { type: 'string' },
      glibc: { type: 'string' },
      musl: { type: 'string' },
      link: { type: 'string' },
      kernel: { type: 'string' },
      policy: { type: 'string' },
      format: { type: 'string' },
      readelf: { type: 'string' },
      smoke: { type: 'string' },
      sysroot: { type: 'string' },
      lock: { type: 'string' },
      mirror: { type: 'string' },
      checksums: { type: 'string' },
      predicate: { type: 'string' },
      sbom: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    true,
  );
  if ('errors' in flags) return flags;
  const r = new RequestReader(flags.raw);
  const [target] = r.targets();
  const libc = r.libc();
  const glibc = r.glibc();
  const musl = r.musl(libc);
  const kernel = r.kernel();
  const format = r.format(FORMATS);
  const help = r.bool('help') === true;
  const smoke = r.smoke();
  if (smoke !== null && target === undefined && !help)
    r.problem('smoke', 'needs --target: the sysroot belongs to one target', true);
  const mirrors = r.mirrors();
  for (const name of ['checksums', 'predicate', 'sbom'])
    if (r.text(name) === '') r.problem(name, 'needs a file name');
  if (r.text('checksums') !== null && r.text('checksums') === r.text('predicate'))
    r.problem('predicate', 'must not be the --checksums file');
  const sbom = r.text('sbom');
  if (sbom !== null && sbom !== '' && [r.text('checksums'), r.text('predicate')].includes(sbom))
    r.problem('sbom', 'must not be the --checksums or --predicate file');
  const errors = r.problems.map(flagError);
  if (!help && flags.positionals.length === 0)
    errors.push('no files given: name at least one file, directory or glob');
  if (errors.length > 0) return { errors };
  return {
    args: {
      paths: flags.positionals,
      target: target?.target ?? null,
      libc,
      glibc,
      musl: musl?.version ?? null,
      link: musl === null || flags.raw.link === undefined ? null : musl.link,
      kernel,
      policyFile: r.text('policy'),
      format,
      readelf: r.text('readelf') ?? 'readelf',
      smoke,
      sysroot: r.text('sysroot'),
      lockfile: r.text('lockfile') ?? DEFAULTS.lockfile,
      mirrors,
      checksums: r.text('checksums'),
      predicate: r.text('predicate'),
      sbom,
      help,
    },
  };
}
