/** `doctor`: what this machine is, as the toolchain installer and the build will see it. */
import { resolveRunner, type ResolveRunnerOptions } from '../adapters/runner.js';
import { renderRunnerJson, renderRunnerText } from '../domain/runner/runner.js';

export const DOCTOR_USAGE = `usage: cgo-abi-guard doctor [--format text|json]

Reports the runner: kernel, C library (glibc or musl) and version, distro, host architecture
(GOARCH and Debian arch), and the Go toolchain (go env: GOVERSION, GOOS/GOARCH, CGO_ENABLED, CC,
GOROOT, GOTOOLCHAIN) with whether go.mod or GOTOOLCHAIN would switch to another toolchain.

  --format text|json   default text
  -h, --help           this help
`;

export interface DoctorIo {
  out(text: string): void;
  err(text: string): void;
}

type DoctorArgs = { format: 'text' | 'json'; help: boolean } | { error: string };

export function parseDoctorArgs(argv: readonly string[]): DoctorArgs {
  let format: 'text' | 'json' = 'text';
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    let value: string | undefined;
    if (arg === '--format') value = argv[++i];
    else if (arg.startsWith('--format=')) value = arg.slice('--format='.length);
    else if (arg.startsWith('-')) return { error: `unknown option ${arg}` };
    else return { error: `unexpected argument "${arg}": doctor takes no paths` };
    if (value === undefined) return { error: '--format needs a value: text or json' };
    if (value !== 'text' && value !== 'json')
      return { error: `--format must be text or json, not "${value}"` };
    format = value;
  }
  return { format, help };
}

/**
 * Runs `doctor`. Exit 0 whenever the facts could be gathered (a missing Go is reported in the
 * output), 2 on a usage error. `options` overrides where and with which environment to look
 * (defaults: the current directory and process environment).
 */
export async function doctorCommand(
  argv: readonly string[],
  io: DoctorIo,
  options: Partial<ResolveRunnerOptions> = {},
): Promise<number> {
  const args = parseDoctorArgs(argv);
  if ('error' in args) {
    io.err(`cgo-abi-guard doctor: ${args.error}\n${DOCTOR_USAGE}`);
    return 2;
  }
  if (args.help) {
    io.out(DOCTOR_USAGE);
    return 0;
  }
  const facts = await resolveRunner({
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? process.env,
    ...(options.fallbackGo === undefined ? {} : { fallbackGo: options.fallbackGo }),
  });
  io.out(args.format === 'json' ? renderRunnerJson(facts) : renderRunnerText(facts));
  // The text report already says so; next to JSON, say it where a person will see it.
  if (args.format === 'json' && 'missing' in facts.go)
    io.err(`cgo-abi-guard doctor: ${facts.go.missing}\n`);
  return 0;
}
