import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  driftMarkdown,
  driftText
} from "./chunk-OCWNMXUE.js";
import {
  diffEntries,
  raised
} from "./chunk-JW5KO3VA.js";
import {
  parseBaseline
} from "./chunk-YC2XIXZY.js";
import "./chunk-VAHUUROM.js";
import {
  argsOrExit,
  reportCommandArgs
} from "./chunk-FEJW4JYR.js";
import "./chunk-HI2NNNE4.js";
import "./chunk-TOITHGCZ.js";
import "./chunk-CN2QLQDV.js";

// src/cli/diff.ts
import { readFile } from "node:fs/promises";
var DIFF_USAGE = `usage: cgo-abi-guard diff <base.json> <head.json> [--format text|json|markdown] [--fail]

Compares the ABI surfaces of two JSON reports (verify --format json, the action's report):
raised needs (a higher GLIBC, a new NEEDED library, another loader, static/dynamic, a higher ISA
level or kernel tag, a new Depends package), lowered ones, and changed Go modules.
Exit status: 0, or 1 with --fail when a need was raised; 2 when a report cannot be read.
`;
async function diffCommand(argv, io) {
  const args = argsOrExit("diff", reportCommandArgs(argv, ["fail"]), DIFF_USAGE, io);
  if (typeof args === "number") return args;
  const [basePath, headPath, ...extra] = args.positionals;
  if (basePath === void 0 || headPath === void 0 || extra.length > 0) {
    io.err(`cgo-abi-guard diff: give two reports, the base and the head
${DIFF_USAGE}`);
    return 2;
  }
  const base = await readReport(basePath, io);
  const head = await readReport(headPath, io);
  if (base === null || head === null) return 2;
  const drift = diffEntries(base.entries, head.entries, {
    source: "file",
    where: basePath,
    sha: base.sha,
    ref: base.ref
  });
  const fail = args.flags.fail;
  if (args.format === "json") io.out(`${JSON.stringify(drift, null, 2)}
`);
  else if (args.format === "markdown") io.out(`${driftMarkdown(drift, fail ? "fail" : "warn")}
`);
  else io.out(driftText(drift));
  return fail && raised(drift).length > 0 ? 1 : 0;
}
async function readReport(path, io) {
  let text;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = error.code ?? "unreadable";
    io.err(`cgo-abi-guard diff: ${path}: cannot be read (${code})
`);
    return null;
  }
  const parsed = parseBaseline(text);
  if ("problem" in parsed) {
    io.err(`cgo-abi-guard diff: ${path}: ${parsed.problem}
`);
    return null;
  }
  return parsed.baseline;
}
export {
  DIFF_USAGE,
  diffCommand
};
