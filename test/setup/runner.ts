/**
 * Runs an action entry point as the GitHub runner does: a separate Node process with INPUT_*
 * variables and the GITHUB_OUTPUT / GITHUB_STEP_SUMMARY / RUNNER_TEMP files, then reads them back.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './paths.js';

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** GITHUB_OUTPUT's `name<<DELIMITER\nvalue\nDELIMITER` blocks. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (m?.[1] === undefined || m[2] === undefined) continue;
    const value: string[] = [];
    for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i] ?? '');
    out[m[1]] = value.join('\n');
  }
  return out;
}

export function runStep(
  entry: 'main' | 'post',
  inputs: Record<string, string>,
  env: NodeJS.ProcessEnv = {},
): StepRun {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-runner-'));
  const files = {
    output: join(dir, 'output'),
    summary: join(dir, 'summary.md'),
    temp: join(dir, 'temp'),
  };
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  mkdirSync(files.temp);
  const inputEnv = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]),
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'dist', `${entry}.js`)], {
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      GITHUB_ACTIONS: 'true',
      GITHUB_OUTPUT: files.output,
      GITHUB_STEP_SUMMARY: files.summary,
      RUNNER_TEMP: files.temp,
      ...inputEnv,
      ...env,
    },
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    outputs: parseOutputFile(readFileSync(files.output, 'utf8')),
    summary: readFileSync(files.summary, 'utf8'),
  };
}
