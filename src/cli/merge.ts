/**
 * `merge <report>...`: the reports of a matrix's legs (paths or globs) as one table of targets ×
 * binaries × verdict × highest needs × drift. Exit 0 when every leg passed, 1 when one failed, 2
 * when one could not be read or a pattern matched nothing.
 */
import { mergedMarkdown, mergedText } from '../domain/report/merge.js';
import { exitCodeOf } from '../domain/report/report.js';
import { mergeReportFiles } from '../steps/merge.js';
import { argsOrExit, reportCommandArgs } from './flags.js';
import type { Io } from './io.js';

export const MERGE_USAGE = `usage: cgo-abi-guard merge <report.json|glob>... [--format text|json|markdown]

Merges JSON reports (one per matrix leg: verify --format json, the action's report output) into
one table of targets, binaries, verdicts, highest needs and drift. Exit status: 0 all passed, 1 a
leg failed, 2 a report could not be read or a pattern matched nothing.
`;

export async function mergeCommand(argv: readonly string[], io: Io): Promise<number> {
  const args = argsOrExit('merge', reportCommandArgs(argv, []), MERGE_USAGE, io);
  if (typeof args === 'number') return args;
  if (args.positionals.length === 0) {
    io.err(`cgo-abi-guard merge: give the reports to merge\n${MERGE_USAGE}`);
    return 2;
  }
  const merged = await mergeReportFiles(args.positionals);
  for (const l of merged.legs)
    if (l.problem !== null) io.err(`cgo-abi-guard merge: ${l.source}: ${l.problem}\n`);
  if (args.format === 'json') io.out(`${JSON.stringify(merged, null, 2)}\n`);
  else io.out(args.format === 'markdown' ? mergedMarkdown(merged) : mergedText(merged));
  return exitCodeOf(merged.verdict);
}
