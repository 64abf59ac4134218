/**
 * The one place processes start, through `@actions/exec`: helpers quietly (output captured,
 * LC_ALL=C), the user's build loudly (`[command]…` and its output streamed into the step log, as
 * every action does). A run with a time limit or an output cap goes through execFile: the
 * one use of node:child_process in src/.
 */
import * as exec from '@actions/exec';
import { execFile } from 'node:child_process';

export interface ExecOptions {
  /** The environment (default: this process's), always with LC_ALL=C. */
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Killed (SIGKILL) after this long; `failure` then says so. */
  timeoutMs?: number;
  /** Killed when stdout or stderr grows beyond this many bytes (default with a limit: 64 MiB). */
  maxOutput?: number;
}

export interface ExecResult {
  /** null when the program did not run to completion (see `failure`). */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** One line when it could not start or was stopped: `not found`, `timed out after 30 s`. */
  failure: string | null;
}

/** The variables that are set; helpers also get LC_ALL=C so their messages can be parsed. */
function envOf(env: NodeJS.ProcessEnv, cLocale: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) out[k] = v;
  if (cLocale) out.LC_ALL = 'C';
  return out;
}

/**
 * Runs `file` with output captured; resolves (never rejects) with what happened. With a time
 * limit or an output cap it runs through execFile instead, since `@actions/exec` can neither
 * stop a program nor bound what it buffers: readelf on a hostile file, a hung probe.
 */
export async function execQuiet(
  file: string,
  args: readonly string[],
  options: ExecOptions = {},
): Promise<ExecResult> {
  if (options.timeoutMs !== undefined || options.maxOutput !== undefined)
    return execBounded(file, args, options);
  try {
    const r = await exec.getExecOutput(file, [...args], {
      silent: true,
      ignoreReturnCode: true,
      env: envOf(options.env ?? process.env, true),
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    });
    return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr, failure: null };
  } catch (error) {
    // @actions/exec looks the program up on PATH first and throws when it is not there.
    const message = error instanceof Error ? error.message : String(error);
    const failure = /Unable to locate executable file/.test(message)
      ? `${file}: not found`
      : (message.split('\n')[0] ?? 'failed');
    return { exitCode: null, stdout: '', stderr: '', failure };
  }
}

function execBounded(
  file: string,
  args: readonly string[],
  options: ExecOptions,
): Promise<ExecResult> {
  const maxOutput = options.maxOutput ?? 64 * 1024 * 1024;
  return new Promise((resolve) => {
    execFile(
      file,
      [...args],
      {
        env: envOf(options.env ?? process.env, true),
        cwd: options.cwd,
        timeout: options.timeoutMs ?? 0,
        killSignal: 'SIGKILL',
        maxBuffer: maxOutput,
        encoding: 'utf8',
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ exitCode: 0, stdout, stderr, failure: null });
          return;
        }
        if (typeof error.code === 'number') {
          resolve({ exitCode: error.code, stdout, stderr, failure: null });
          return;
        }
        const failure =
          error.code === 'ENOENT'
            ? `${file}: not found`
            : error.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER'
              ? `printed more than ${Math.round(maxOutput / 1024 / 1024)} MiB`
              : error.killed
                ? `timed out after ${Math.ceil((options.timeoutMs ?? 0) / 1000)} s`
                : typeof error.signal === 'string'
                  ? `killed by ${error.signal}`
                  : `could not run: ${error.code ?? error.message}`;
        resolve({ exitCode: null, stdout, stderr, failure });
      },
    );
  });
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
