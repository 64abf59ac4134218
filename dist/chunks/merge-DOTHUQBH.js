import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  mergeReportFiles,
  mergedMarkdown,
  mergedText
} from "./chunk-NZF2LVSJ.js";
import {
  exitCodeOf
} from "./chunk-HQ3P3VA7.js";
import "./chunk-JW5KO3VA.js";
import "./chunk-YC2XIXZY.js";
import "./chunk-VAHUUROM.js";
import {
  argsOrExit,
  reportCommandArgs
} from "./chunk-FEJW4JYR.js";
import "./chunk-HI2NNNE4.js";
import "./chunk-TOITHGCZ.js";
import "./chunk-CN2QLQDV.js";

// src/cli/merge.ts
var MERGE_USAGE = `usage: cgo-abi-guard merge <report.json|glob>... [--format text|json|markdown]

Merges JSON reports (one per matrix leg: verify --format json, the action's report output) into
one table of targets, binaries, verdicts, highest needs and drift. Exit status: 0 all passed, 1 a
leg failed, 2 a report could not be read or a pattern matched nothing.
`;
async function mergeCommand(argv, io) {
  const args = argsOrExit("merge", reportCommandArgs(argv, []), MERGE_USAGE, io);
  if (typeof args === "number") return args;
  if (args.positionals.length === 0) {
    io.err(`cgo-abi-guard merge: give the reports to merge
${MERGE_USAGE}`);
    return 2;
  }
  const merged = await mergeReportFiles(args.positionals);
  for (const l of merged.legs)
    if (l.problem !== null) io.err(`cgo-abi-guard merge: ${l.source}: ${l.problem}
`);
  if (args.format === "json") io.out(`${JSON.stringify(merged, null, 2)}
`);
  else io.out(args.format === "markdown" ? mergedMarkdown(merged) : mergedText(merged));
  return exitCodeOf(merged.verdict);
}
export {
  MERGE_USAGE,
  mergeCommand
};
