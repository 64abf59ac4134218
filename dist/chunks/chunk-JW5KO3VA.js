import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  isaRank
} from "./chunk-VAHUUROM.js";
import {
  compareDotted
} from "./chunk-TOITHGCZ.js";

// src/domain/drift/drift.ts
var DRIFT_MODES = ["warn", "fail", "off"];
function pairBinaries(base, head) {
  const left = [...base];
  const pairs = [];
  const added = [];
  const take = (pred) => {
    const found = left.filter(pred);
    if (found.length !== 1 || found[0] === void 0) return null;
    left.splice(left.indexOf(found[0]), 1);
    return found[0];
  };
  for (const h of head) {
    const b = take((x) => x.target === h.target && x.path === h.path) ?? take((x) => x.target === h.target && baseName(x.path) === baseName(h.path));
    if (b === null) added.push(h);
    else pairs.push([b, h]);
  }
  return { pairs, added, removed: left };
}
var baseName = (path) => path.slice(path.lastIndexOf("/") + 1);
function diffSurfaces(target, binary, b, h) {
  const out = [];
  const change = (c) => {
    out.push({ target, binary, symbols: [], callers: [], ...c });
  };
  const prefixes = [.../* @__PURE__ */ new Set([...Object.keys(b.versions), ...Object.keys(h.versions)])].sort();
  for (const prefix of prefixes) {
    const was = b.versions[prefix]?.version ?? null;
    const now = h.versions[prefix]?.version ?? null;
    if (was === now) continue;
    const raised2 = was === null || now !== null && compareDotted(now, was) > 0;
    change({
      kind: "version",
      direction: raised2 ? "raised" : "lowered",
      subject: prefix,
      base: was,
      head: now,
      symbols: raised2 ? h.versions[prefix]?.symbols ?? [] : []
    });
  }
  for (const lib of h.needed.filter((n) => !b.needed.includes(n)))
    change({ kind: "needed", direction: "raised", subject: lib, base: null, head: lib });
  for (const lib of b.needed.filter((n) => !h.needed.includes(n)))
    change({ kind: "needed", direction: "lowered", subject: lib, base: lib, head: null });
  if (b.interpreter !== h.interpreter && b.linkage === h.linkage)
    change({
      kind: "interpreter",
      direction: "raised",
      subject: "",
      base: b.interpreter,
      head: h.interpreter
    });
  if (b.linkage !== h.linkage)
    change({
      kind: "linkage",
      // Dynamic needs a loader and libraries a static binary did not: more to ask of a system.
      direction: h.linkage === "dynamic" ? "raised" : "lowered",
      subject: "",
      base: b.linkage,
      head: h.linkage
    });
  if (b.isa !== h.isa)
    change({
      kind: "isa",
      direction: isaRank(h.isa) > isaRank(b.isa) ? "raised" : "lowered",
      subject: "",
      base: b.isa,
      head: h.isa
    });
  if (b.kernel !== h.kernel) {
    const raised2 = h.kernel !== null && (b.kernel === null || compareDotted(h.kernel, b.kernel) > 0);
    change({
      kind: "kernel",
      direction: raised2 ? "raised" : "lowered",
      subject: "",
      base: b.kernel,
      head: h.kernel
    });
  }
  for (const p of h.depends.filter((n) => !b.depends.includes(n)))
    change({ kind: "depends", direction: "raised", subject: p, base: null, head: p });
  for (const p of b.depends.filter((n) => !h.depends.includes(n)))
    change({ kind: "depends", direction: "lowered", subject: p, base: p, head: null });
  const modules = [.../* @__PURE__ */ new Set([...Object.keys(b.modules), ...Object.keys(h.modules)])].sort();
  for (const m of modules) {
    const was = Object.hasOwn(b.modules, m) ? b.modules[m] ?? null : null;
    const now = Object.hasOwn(h.modules, m) ? h.modules[m] ?? null : null;
    if (was !== now)
      change({ kind: "module", direction: "changed", subject: m, base: was, head: now });
  }
  return out;
}
function diffEntries(base, head, ref) {
  const { pairs, added, removed } = pairBinaries(base, head);
  return {
    base: ref,
    changes: pairs.flatMap(([b, h]) => diffSurfaces(h.target, h.path, b.surface, h.surface)),
    added: added.map((e) => `${e.target} ${e.path}`),
    removed: removed.map((e) => `${e.target} ${e.path}`)
  };
}
function raised(report) {
  return report.changes.filter((c) => c.direction === "raised");
}
var KIND_WORD = {
  version: "",
  needed: "NEEDED",
  interpreter: "loader",
  linkage: "linkage",
  isa: "x86 ISA level",
  kernel: "kernel ABI tag",
  depends: "Depends",
  module: "module"
};
function changeLine(c) {
  const on = ` on ${c.target}`;
  const syms = c.symbols.length === 0 ? "" : `: ${c.symbols.slice(0, 5).join(", ")}${c.symbols.length > 5 ? ` and ${c.symbols.length - 5} more` : ""}`;
  if (c.kind === "version")
    return `${c.subject} ${c.base ?? "none"} \u2192 ${c.head ?? "none"}${on}${syms}`;
  if (c.kind === "needed" || c.kind === "depends")
    return `${KIND_WORD[c.kind]} ${c.head === null ? "\u2212" : "+"} ${c.subject}${on}`;
  if (c.kind === "module") return `module ${c.subject} ${c.base ?? "none"} \u2192 ${c.head ?? "none"}`;
  return `${KIND_WORD[c.kind]} ${c.base ?? "none"} \u2192 ${c.head ?? "none"}${on}`;
}

export {
  DRIFT_MODES,
  diffEntries,
  raised,
  changeLine
};
