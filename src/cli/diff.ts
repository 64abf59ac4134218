/**
 * `diff <base.json> <head.json>`: the ABI changes between two reports (schema 1 or 2), as the
 * action computes them against its baseline — text, JSON or Markdown; exit 1 on a raised need
 * with `--fail`, 2 when a report cannot be read. Callers (Go and go.mod lines) are the action's
 * own: they are read from the head build's binaries, which a report does not carry.
 */
import { readFile } from 'node:fs/promises';
import { parseBaseline, type Baseline } from '../domain/drift/baseline.js';
import { diffEntries, raised } from '../domain/drift/drift.js';
import { driftMarkdown, driftText } from '../domain/drift/render.js';
import { argsOrExit, reportCommandArgs } from './flags.js';
import type { Io } from './io.js';

export const DIFF_USAGE = `usage: cgo-abi-guard diff <base.json> <head.json> [--format text|json|markdown] [--fail]

Compares the ABI surfaces of two JSON reports (verify --format json, the action's report):
raised needs (a higher GLIBC, a new NEEDED library, another loader, static/dynamic, a higher ISA
level or kernel tag, a new Depends package), lowered ones, and changed Go modules.
Exit status: 0, or 1 with --fail when a need was raised; 2 when a report cannot be read.
`;

export async function diffCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = argsOrExit('diff', reportCommandArgs(argv, ['fail']), DIFF_USAGE, io);
  if (typeof args === 'number') return args;
  const [basePath, headPath, ...extra] = args.positionals;
  if (basePath === undefined || headPath === undefined || extra.length > 0) {
    io.err(`cgo-abi-guard diff: give two reports, the base and the head\n${DIFF_USAGE}`);
    return 2;
  }
  const base = await readReport(basePath, io);
  const head = await readReport(headPath, io);
  if (base === null || head === null) return 2;
  const drift = diffEntries(base.entries, head.entries, {
    source: 'file',
    where: basePath,
    sha: base.sha,
    ref: base.ref,
  });
  const fail = args.flags.fail;
  if (args.format === 'json') io.out(`${JSON.stringify(drift, null, 2)}\n`);
  else if (args.format === 'markdown') io.out(`${driftMarkdown(drift, fail ? 'fail' : 'warn')}\n`);
  else io.out(driftText(drift));
  return fail && raised(drift).length > 0 ? 1 : 0;
}

async function readReport(path: string, io: Io): Promise<Baseline | null> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    io.err(`cgo-abi-guard diff: ${path}: cannot be read (${code})\n`);
    return null;
  }
  const parsed = parseBaseline(text);
  if ('problem' in parsed) {
    io.err(`cgo-abi-guard diff: ${path}: ${parsed.problem}\n`);
    return null;
  }
  return parsed.baseline;
}
