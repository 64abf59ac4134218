import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  changeLine,
  raised
} from "./chunk-JW5KO3VA.js";

// src/domain/drift/render.ts
var DRIFT_RANK = 4;
var cell = (text) => text.replace(/\|/g, "\\|").replace(/</g, "&lt;");
function baseName(d) {
  const b = d.base;
  const sha = b.sha === null ? "" : b.sha.slice(0, 12);
  const ref = b.ref === null ? "" : b.ref.replace(/^refs\/heads\//, "");
  const at = [ref, sha].filter((x) => x !== "").join(" @ ");
  return at !== "" ? at : b.source === "file" ? b.where : "the baseline";
}
function callerText(c) {
  const where = c.file === void 0 ? "" : `${c.file}${c.line === void 0 ? "" : `:${c.line}`}`;
  const fn = c.function === void 0 ? "" : ` in ${c.function}`;
  return where === "" ? c.from : `${where}${fn} (${c.from})`;
}
var ICON = {
  raised: "\u26A0\uFE0F raised",
  lowered: "\u2705 lowered",
  changed: "\u2139\uFE0F changed"
};
function driftMarkdown(d, mode) {
  const up = raised(d).length;
  const out = [`### ABI changes against ${cell(baseName(d))}`, ""];
  const counted = d.changes.filter((c) => c.kind !== "module");
  if (counted.length === 0) out.push("No binary needs more or less than in the base.", "");
  else
    out.push(
      `${up} need${up === 1 ? "" : "s"} raised${up > 0 ? mode === "fail" ? " (drift: fail)" : " (drift: warn)" : ""}, ${counted.length - up} lowered.`,
      ""
    );
  const targets = [...new Set(d.changes.map((c) => c.target))];
  for (const t of targets) {
    const rows = d.changes.filter((c) => c.target === t);
    out.push(`*${cell(t)}*`, "", "| binary | change | | caused by |", "|---|---|---|---|");
    for (const c of rows)
      out.push(
        `| \`${cell(c.binary)}\` | ${cell(changeLine(c))} | ${ICON[c.direction]} | ${cell(c.callers.map(callerText).join("; "))} |`
      );
    out.push("");
  }
  if (d.added.length > 0)
    out.push(
      `New binaries (no base to compare): ${d.added.map((a) => `\`${cell(a)}\``).join(", ")}`,
      ""
    );
  if (d.removed.length > 0)
    out.push(`Gone since the base: ${d.removed.map((a) => `\`${cell(a)}\``).join(", ")}`, "");
  return out.join("\n");
}
function driftText(d) {
  const lines = [`ABI changes against ${baseName(d)}:`];
  if (d.changes.length === 0) lines.push("  none");
  for (const c of d.changes) {
    lines.push(`  ${c.direction.padEnd(7)} ${c.binary}: ${changeLine(c)}`);
    for (const x of c.callers) lines.push(`          caused by ${callerText(x)}`);
  }
  for (const a of d.added) lines.push(`  new     ${a} (no base to compare)`);
  for (const r of d.removed) lines.push(`  gone    ${r}`);
  return `${lines.join("\n")}
`;
}
function driftAnnotations(d, mode) {
  if (mode === "off") return [];
  const level = mode === "fail" ? "error" : "warning";
  const out = [];
  const seen = /* @__PURE__ */ new Set();
  for (const c of raised(d)) {
    const title = `cgo-abi-guard drift (${c.target})`;
    const base = `${c.binary}: ${changeLine(c)} against ${baseName(d)}`;
    const placed = c.callers.filter((x) => x.file !== void 0 && x.line !== void 0);
    for (const x of placed) {
      const key = `${x.file ?? ""}:${x.line ?? 0}:${changeLine(c)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        level,
        rank: DRIFT_RANK,
        title,
        message: `${base}
Caused by ${callerText(x)}`,
        ...x.file === void 0 ? {} : { file: x.file },
        ...x.line === void 0 ? {} : { line: x.line }
      });
    }
    if (placed.length === 0) {
      const why = c.callers.map((x) => `Caused by ${callerText(x)}`);
      out.push({ level, rank: DRIFT_RANK, title, message: [base, ...why].join("\n") });
    }
  }
  return out;
}

export {
  driftMarkdown,
  driftText,
  driftAnnotations
};
