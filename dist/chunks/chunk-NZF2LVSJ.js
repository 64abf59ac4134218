import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  expandInputs
} from "./chunk-HQ3P3VA7.js";
import {
  changeLine
} from "./chunk-JW5KO3VA.js";
import {
  oneLine
} from "./chunk-YC2XIXZY.js";

// src/domain/report/merge.ts
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var VERDICTS = ["pass", "fail", "error"];
var verdictOf = (v) => typeof v === "string" && VERDICTS.includes(v) ? v : null;
var text = (v) => typeof v === "string" ? oneLine(v) : "?";
function readLeg(source, json) {
  const bad = (problem) => ({
    leg: { source: oneLine(source), verdict: "error", problem },
    binaries: []
  });
  let doc;
  try {
    doc = JSON.parse(json);
  } catch {
    return bad("not JSON (truncated, or not a report)");
  }
  if (!isObject(doc)) return bad("not a cgo-abi-guard report");
  if (doc.schemaVersion !== 1 && doc.schemaVersion !== 2 && doc.schemaVersion !== 3)
    return bad(
      `schemaVersion ${doc.schemaVersion === void 0 ? "missing" : oneLine(JSON.stringify(doc.schemaVersion), 40)}: this version reads 1 to 3`
    );
  const verdict = verdictOf(doc.verdict);
  if (verdict === null || !Array.isArray(doc.targets)) return bad("no verdict or no targets");
  const drift = isObject(doc.drift) && Array.isArray(doc.drift.changes) ? doc.drift.changes : [];
  const binaries = [];
  for (const t of doc.targets) {
    if (!isObject(t) || !Array.isArray(t.binaries)) return bad("a target without binaries");
    const target = t.target === null ? "no target" : text(t.target);
    for (const b of t.binaries) {
      if (!isObject(b)) return bad("a binary that is not an object");
      const path = text(b.path);
      binaries.push({
        target,
        path,
        verdict: verdictOf(b.verdict) ?? "error",
        needs: needsOf(b),
        drift: drift.flatMap((c) => driftLine(c, target, path))
      });
    }
  }
  return { leg: { source: oneLine(source), verdict, problem: null }, binaries };
}
function needsOf(b) {
  const versions = isObject(b.surface) && isObject(b.surface.versions) ? Object.entries(b.surface.versions).map(([k, v]) => [k, isObject(v) ? v.version : void 0]) : isObject(b.facts) && isObject(b.facts.versions) ? Object.entries(b.facts.versions) : [];
  return versions.filter((e) => typeof e[1] === "string").map(([k, v]) => `${oneLine(k, 40)} ${oneLine(v, 20)}`).sort();
}
function driftLine(c, target, path) {
  if (!isObject(c) || c.direction !== "raised" || text(c.target) !== target || text(c.binary) !== path)
    return [];
  const kinds = [
    "version",
    "needed",
    "interpreter",
    "linkage",
    "isa",
    "kernel",
    "depends",
    "module"
  ];
  const kind = kinds.find((k) => k === c.kind);
  if (kind === void 0) return [];
  const line = changeLine({
    target,
    binary: path,
    kind,
    direction: "raised",
    subject: text(c.subject ?? ""),
    base: typeof c.base === "string" ? oneLine(c.base) : null,
    head: typeof c.head === "string" ? oneLine(c.head) : null,
    symbols: Array.isArray(c.symbols) ? c.symbols.map(text) : [],
    callers: []
  });
  return [line];
}
var WORST = ["error", "fail"];
function mergeLegs(legs) {
  const all = legs.map((l) => l.leg);
  return {
    verdict: WORST.find((v) => all.some((l) => l.verdict === v)) ?? "pass",
    legs: all,
    binaries: legs.flatMap((l) => l.binaries)
  };
}
var cell = (s) => s.replace(/\|/g, "\\|").replace(/</g, "&lt;");
var ICON = { pass: "\u2705 pass", fail: "\u274C fail", error: "\u26A0\uFE0F error" };
function mergedMarkdown(m) {
  const out = [
    `## cgo-abi-guard: ${m.verdict === "pass" ? "pass" : "fail"} (${m.legs.length} reports)`,
    ""
  ];
  for (const l of m.legs.filter((x) => x.problem !== null))
    out.push(`- \`${cell(l.source)}\` could not be read: ${cell(l.problem ?? "")}`);
  out.push("", "| target | binary | verdict | highest needs | drift |", "|---|---|---|---|---|");
  for (const b of m.binaries)
    out.push(
      `| ${cell(b.target)} | \`${cell(b.path)}\` | ${ICON[b.verdict]} | ${cell(b.needs.join(", "))} | ${cell(b.drift.join("; "))} |`
    );
  return `${out.join("\n")}
`;
}
function mergedText(m) {
  const lines = [`cgo-abi-guard: ${m.verdict} (${m.legs.length} reports)`];
  for (const l of m.legs.filter((x) => x.problem !== null))
    lines.push(`  ${l.source}: could not be read: ${l.problem ?? ""}`);
  for (const b of m.binaries) {
    lines.push(`  ${b.verdict.padEnd(5)} ${b.target} ${b.path}  ${b.needs.join(", ")}`);
    for (const d of b.drift) lines.push(`        drift: ${d}`);
  }
  return `${lines.join("\n")}
`;
}

// src/steps/merge.ts
import { readFile } from "node:fs/promises";
async function mergeReportFiles(args) {
  const expanded = await expandInputs(args);
  const legs = expanded.flatMap(
    (e) => e.missing === null ? [] : [
      {
        leg: { source: oneLine(e.arg), verdict: "error", problem: e.missing },
        binaries: []
      }
    ]
  );
  const paths = [...new Set(expanded.flatMap((e) => e.candidates.map((c) => c.path)))];
  for (const path of paths) {
    try {
      legs.push(readLeg(path, await readFile(path, "utf8")));
    } catch (error) {
      const code = error.code ?? "error";
      legs.push({
        leg: { source: oneLine(path), verdict: "error", problem: `cannot be read (${code})` },
        binaries: []
      });
    }
  }
  return mergeLegs(legs);
}

export {
  mergedMarkdown,
  mergedText,
  mergeReportFiles
};
