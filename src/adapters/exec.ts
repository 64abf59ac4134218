/**
 * The one place processes start: helpers quietly through `@actions/exec` (output captured,
 * LC_ALL=C), the user's build loudly (`[command]…` and its output streamed into the step log, as
 * every action does). A run with a time limit or an output cap goes through execFile, and the
 * build through spawn (to stop waiting for output a background process holds open): the only
 * uses of node:child_process in src/.
 */
import * as exec from '@actions/exec';
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { BUILD_MARKER, holdersOf, outputTargets, type OutputHolder } from './processes.js';

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

export interface LoudOptions {
  /** Each line of output (stdout and stderr), as it comes. */
  onLine?: (line: string) => void;
  /** How long to wait for the output to end after the command exited. */
  graceMs?: number;
}

export interface LoudResult {
  exit: number;
  /** The last 64 KiB of output. */
  tail: string;
  /** Processes the command left running with its output still open (not waited for). */
  heldOpenBy: OutputHolder[];
}

/** The output of a finished build stays open this long for a process it left behind. */
export const OUTPUT_GRACE_MS = 3000;

/**
 * Runs a command line with bash (-e -o pipefail) as the step's build: echoed as `[command]…`, its
 * output streamed into the log, the last 64 KiB kept to explain a failure. When bash has exited
 * but something it started in the background (`sleep 120 &`, a daemon) still holds the output
 * open, the wait ends after a short grace: the holders are named, the output closed on our side.
 */
export function execLoud(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
  options: LoudOptions = {},
): Promise<LoudResult> {
  const TAIL = 64 * 1024;
  const args = ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command];
  process.stdout.write(`[command]bash ${args.join(' ')}\n`);
  return new Promise((resolve) => {
    let tail = '';
    const partial = { stdout: '', stderr: '' };
    let done = false;
    // Inherited by everything the build starts: finds what it left behind.
    const marker = `${process.pid}-${randomBytes(6).toString('hex')}`;
    const child = spawn('bash', args, {
      cwd,
      env: { ...envOf(env, false), [BUILD_MARKER]: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // What the output pipes are, read from bash itself (unless it is already gone).
    const outputs = outputTargets(child.pid);
    const keep =
      (stream: 'stdout' | 'stderr') =>
      (chunk: Buffer): void => {
        process.stdout.write(chunk);
        const text = chunk.toString();
        tail = (tail + text).slice(-TAIL);
        if (options.onLine === undefined) return;
        const lines = (partial[stream] + text).split('\n');
        partial[stream] = lines.pop() ?? '';
        for (const line of lines) options.onLine(line);
      };
    child.stdout.on('data', keep('stdout'));
    child.stderr.on('data', keep('stderr'));
    const finish = (exit: number, heldOpenBy: OutputHolder[]): void => {
      if (done) return;
      done = true;
      for (const rest of [partial.stdout, partial.stderr]) if (rest !== '') options.onLine?.(rest);
      resolve({ exit, tail, heldOpenBy });
    };
    let status = 128;
    child.on('error', (error) => {
      tail = error.message;
      finish(127, []);
    });
    child.on('exit', (code) => {
      // A build killed by a signal has no exit status.
      status = code ?? 128;
      setTimeout(() => {
        if (done) return;
        const holders = holdersOf(outputs, marker, [process.pid]);
        child.stdout.destroy();
        child.stderr.destroy();
        finish(status, holders);
      }, options.graceMs ?? OUTPUT_GRACE_MS).unref();
    });
    child.on('close', (code) => {
      finish(code ?? status, []);
    });
  });
}
