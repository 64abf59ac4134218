/** `verify` command line → typed options, every problem listed at once. */
import { parseArgs } from 'node:util';
import { LIBCS, parseTarget, targetList, type Libc, type Target } from '../domain/platform.js';
import { parseGlibcVersion } from '../domain/input-checks.js';
import { isDottedVersion } from '../domain/version.js';
import { DEFAULT_LOCKFILE } from './env-args.js';

export type Format = 'text' | 'json' | 'markdown';
const FORMATS: readonly Format[] = ['text', 'json', 'markdown'];

export interface VerifyArgs {
  paths: string[];
  target: Target | null;
  libc: Libc | null;
  glibc: string | null;
  kernel: string | null;
  policyFile: string | null;
  format: Format;
  readelf: string;
  /** Arguments of the smoke run; null: no smoke run. */
  smoke: string | null;
  sysroot: string | null;
  lock: string;
  mirror: string | null;
  help: boolean;
}

export const VERIFY_USAGE = `usage: cgo-abi-guard verify [options] <file|dir|glob>...

Judges Linux ELF binaries against a target ABI, dynamic linker and glibc floor.

  --target linux/<goarch>[/<variant>]  ${targetList()}
                                      (default: each file's own architecture; arch rule off)
  --libc glibc|musl|none              C library the binaries link against (default glibc; none = static)
  --glibc X.Y                         highest GLIBC_ version a binary may need (default: no ceiling)
  --kernel X.Y[.Z]                    oldest kernel the binaries must start on (NT_GNU_ABI_TAG)
  --policy FILE                       YAML policy (glibc, kernel, libc, versions, allow-needed, allow-rpath, severity)
  --format text|json|markdown         report format (default text)
  --readelf PATH                      readelf to run (default: readelf on PATH)
  --smoke=ARGS                        also start each executable with ARGS (may be empty) against the
                                      glibc of the floor's sysroot: its loader for the host's own
                                      arch, qemu-user -L for another (needs --target); exit 0 passes
  --sysroot DIR                       the floor's sysroot (default: $PKG_CONFIG_SYSROOT_DIR, as \`env\`
                                      exports it): --smoke runs against it, and the libraries of its
                                      target packages (env --package) are expected and named
  --lock FILE                         lockfile pinning qemu-user-static for --smoke (default
                                      .github/cgo-abi-guard.lock.yml)
  --mirror URI                        package mirror for qemu (default: the host's apt configuration)

Exit status: 0 all pass (warnings allowed), 1 a violation, 2 usage error or a file that cannot be judged.
`;

export function parseVerifyArgs(
  argv: readonly string[],
): { args: VerifyArgs } | { errors: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        target: { type: 'string' },
        libc: { type: 'string' },
        glibc: { type: 'string' },
        kernel: { type: 'string' },
        policy: { type: 'string' },
        format: { type: 'string', default: 'text' },
        readelf: { type: 'string' },
        smoke: { type: 'string' },
        sysroot: { type: 'string' },
        lock: { type: 'string', default: DEFAULT_LOCKFILE },
        mirror: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const v = parsed.values;
  const errors: string[] = [];
  let target: Target | null = null;
  if (v.target !== undefined) {
    const t = parseTarget(v.target);
    if ('error' in t) errors.push(t.error);
    else target = t;
  }
  if (v.libc !== undefined && !(LIBCS as readonly string[]).includes(v.libc)) {
    errors.push(`--libc "${v.libc}" is not one of ${LIBCS.join(', ')}`);
  }
  const glibc = v.glibc === undefined ? null : parseGlibcVersion(v.glibc);
  if (glibc !== null && 'error' in glibc) errors.push(`--glibc ${glibc.error}`);
  if (v.kernel !== undefined && !isDottedVersion(v.kernel))
    errors.push(`--kernel "${v.kernel}" is not a version like 2.31`);
  const format = v.format;
  if (!(FORMATS as readonly string[]).includes(format))
    errors.push(`--format "${format}" is not one of ${FORMATS.join(', ')}`);
  if (v.smoke !== undefined && target === null && !v.help)
    errors.push('--smoke needs --target: the sysroot belongs to one target');
  if (!v.help && parsed.positionals.length === 0)
    errors.push('no files given: name at least one file, directory or glob');
  if (errors.length > 0) return { errors };
  return {
    args: {
      paths: parsed.positionals,
      target,
      libc: (v.libc ?? null) as Libc | null,
      glibc: glibc === null || 'error' in glibc ? null : glibc.version,
      kernel: v.kernel ?? null,
      policyFile: v.policy ?? null,
      format: format as Format,
      readelf: v.readelf ?? 'readelf',
      smoke: v.smoke ?? null,
      sysroot: v.sysroot ?? null,
      lock: v.lock,
      mirror: v.mirror ?? null,
      help: v.help,
    },
  };
}
