/** The CLI's side of reading a request: flags → raw inputs (domain/request.ts), problems → lines. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { InputProblem, RawInputs } from '../domain/request.js';
import type { Io } from './io.js';

/** The flag of each input whose flag is not its name. */
const FLAG_OF: Readonly<Record<string, string>> = {
  packages: 'package',
  lockfile: 'lock',
  'frozen-lockfile': 'frozen',
  'host-mirrors': 'no-host-mirrors',
};

/** The input each flag is (`--lock` is `lockfile`), for the raw inputs. */
export const INPUT_OF: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(FLAG_OF).map(([input, flag]) => [flag, input]),
);

/**
 * A problem as the CLI says it: `--glibc "2.3x" is not …`, `--package: not a Debian package name
 * …`; a target's own message names it already (`target "x" is not of the form …`).
 */
export function flagError(p: InputProblem): string {
  const flag = `--${FLAG_OF[p.input] ?? p.input}`;
  if (p.joined === true || p.detail.startsWith('"')) return `${flag} ${p.detail}`;
  if (p.input === 'target') return p.detail;
  return `${flag}: ${p.detail}`;
}

type Parsed = ReturnType<typeof parseArgs<ParseArgsConfig>>;

/**
 * The command line parsed by node:util (unknown flags refused), its flag values as raw inputs, each
 * value whole; a boolean flag's true as `true` (`--no-host-mirrors` as host-mirrors `false`).
 */
export function readFlags(
  argv: readonly string[],
  options: NonNullable<ParseArgsConfig['options']>,
  allowPositionals = false,
): { raw: RawInputs; positionals: string[] } | { errors: string[] } {
  let parsed: Parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals, strict: true, options });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const raw: Record<string, string | readonly string[] | undefined> = {};
  for (const [flag, value] of Object.entries(parsed.values)) {
    const input = INPUT_OF[flag] ?? flag;
    if (value === undefined || value === false) continue;
    if (value === true) raw[input] = flag.startsWith('no-') ? 'false' : 'true';
    // One value as written, never split as the action's list inputs are.
    else if (typeof value === 'string') raw[input] = [value];
    else raw[input] = value.filter((v): v is string => typeof v === 'string');
  }
  return { raw, positionals: parsed.positionals };
}

/**
 * What a command does with its parsed command line: each problem as a line and the usage on
 * stderr (exit 2), or the usage on stdout for --help (exit 0); else its arguments.
 */
export function argsOrExit<A extends { help: boolean }>(
  command: string,
  parsed: { args: A } | { errors: string[] },
  usage: string,
  io: Io,
): A | number {
  if ('errors' in parsed) {
    for (const e of parsed.errors) io.err(`cgo-abi-guard ${command}: ${e}\n`);
    io.err(usage);
    return 2;
  }
  if (!parsed.args.help) return parsed.args;
  io.out(usage);
  return 0;
}

export const REPORT_FORMATS = ['text', 'json', 'markdown'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface ReportCommandArgs<B extends string> {
  help: boolean;
  format: ReportFormat;
  /** The command's own boolean flags (`--fail`). */
  flags: Record<B, boolean>;
  positionals: string[];
}

/** The command line of a command that reads reports (`diff`, `merge`): --format, its flags, paths. */
export function reportCommandArgs<B extends string>(
  argv: readonly string[],
  booleans: readonly B[],
): { args: ReportCommandArgs<B> } | { errors: string[] } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(booleans.map((b) => [b, { type: 'boolean' as const }])),
      },
    });
  } catch (error) {
    return { errors: [error instanceof Error ? error.message : String(error)] };
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const format = values.format ?? 'text';
  if (typeof format !== 'string' || !(REPORT_FORMATS as readonly string[]).includes(format))
    return { errors: [`--format "${String(format)}" is not one of ${REPORT_FORMATS.join(', ')}`] };
  return {
    args: {
      help: values.help === true,
      format: format as ReportFormat,
      flags: Object.fromEntries(booleans.map((b) => [b, values[b] === true])) as Record<B, boolean>,
      positionals: parsed.positionals,
    },
  };
}
