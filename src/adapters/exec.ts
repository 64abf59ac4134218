/**
 * The one place processes start, through `@actions/exec`: helpers quietly (output captured,
 * LC_ALL=C), the user's build loudly (`[command]…` and its output streamed into the step log, as
 * every action does). A time limit runs the program under coreutils `timeout`, which
 * `@actions/exec` has no option for.
 */
import * as exec from '@actions/exec';

export interface ExecOptions {
  /** The environment (default: this process's), always with LC_ALL=C. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Killed after this long (TERM, then KILL 5 s later); `failure` then says so. */
  timeoutMs?: number;
}

export interface ExecResult {
  /** null when the program did not run to completion (see `failure`). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** One line when it could not start or was stopped: `not found`, `timed out after 30 s`. */
  failure: string | null;
}

/** Exit status of coreutils `timeout` when the limit hit (124) or KILL was needed (137). */
const TIMED_OUT = new Set([124, 137]);

/** The variables that are set; helpers also get LC_ALL=C so their messages can be parsed. */
function envOf(env: NodeJS.ProcessEnv, cLocale: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  if (cLocale) out.LC_ALL = 'C';
  return out;
}

/** Runs `file` with output captured; resolves (never rejects) with what happened. */
export async function execQuiet(
  file: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  const limit = options.timeoutMs;
  const [cmd, argv] =
    limit === undefined
      ? [file, [...args]]
      : ['timeout', ['-k', '5', `${Math.max(1, Math.ceil(limit / 1000))}`, file, ...args]];
  try {
    const r = await exec.getExecOutput(cmd, argv, {
      silent: true,
      ignoreReturnCode: true,
      env: envOf(options.env ?? process.env, true),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    if (limit !== undefined && TIMED_OUT.has(r.exitCode))
      return { ...r, exitCode: null, failure: `timed out after ${Math.ceil(limit / 1000)} s` };
    // coreutils timeout reports a program it cannot run as 126/127 with its own message.
    if (
      limit !== undefined &&
      r.exitCode === 127 &&
      /timeout: failed to run command/.test(r.stderr)
    )
      return { ...r, exitCode: null, failure: `${file}: not found` };
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, failure: null };
  } catch (error) {
    // @actions/exec looks the program up on PATH first and throws when it is not there.
    const message = error instanceof Error ? error.message : String(error);
    const failure = /Unable to locate executable file/.test(message)
      ? `${limit === undefined ? file : 'timeout'}: not found`
      : (message.split('\n')[0] ?? 'failed');
    return { exitCode: null, stdout: '', stderr: '', failure };
  }
}

/**
 * Runs a command line with bash (-e -o pipefail) as the step's build: echoed as `[command]…`, its
 * output streamed into the log, the last 64 KiB kept to explain a failure.
 */
export async function execLoud(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ exit: number; tail: string }> {
  const TAIL = 64 * 1024;
  let tail = '';
  const keep = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-TAIL);
  };
  try {
    const exit = await exec.exec(
      'bash',
      ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command],
      {
        cwd,
        env: envOf(env, false),
        ignoreReturnCode: true,
        listeners: { stdout: keep, stderr: keep },
      },
    );
    // A build killed by a signal has no exit status.
    return { exit: Number.isInteger(exit) ? exit : 128, tail };
  } catch (error) {
    return { exit: 127, tail: error instanceof Error ? error.message : String(error) };
  }
}
