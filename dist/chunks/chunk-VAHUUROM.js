import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  WEAK_BY_CONVENTION,
  muslSince
} from "./chunk-HI2NNNE4.js";
import {
  GLIBC_MARKERS,
  compareDotted,
  maxDotted,
  splitVersionName
} from "./chunk-TOITHGCZ.js";

// src/domain/drift/surface.ts
var ISA_ORDER = ["x86-64-baseline", "x86-64-v2", "x86-64-v3", "x86-64-v4"];
function versionOf(name) {
  const marker = GLIBC_MARKERS[name];
  return marker !== void 0 ? { prefix: "GLIBC", version: marker } : splitVersionName(name);
}
function surfaceOf(facts, depends, musl = null) {
  const versions = {};
  for (const [prefix, version] of Object.entries(facts.versions)) {
    const symbols = facts.symbolVersions.filter((s) => {
      const v = versionOf(s.version);
      return v !== null && v.prefix === prefix && compareDotted(v.version, version) === 0;
    }).map((s) => s.symbol);
    versions[prefix] = { version, symbols: [...new Set(symbols)].sort() };
  }
  if (musl !== null) versions.musl = { version: musl.version, symbols: [...musl.symbols].sort() };
  return {
    versions,
    needed: [...facts.needed],
    interpreter: facts.interpreter,
    linkage: facts.interpreter === null && facts.needed.length === 0 ? "static" : "dynamic",
    isa: highestIsa(facts.isaNeeded),
    kernel: facts.abiTag,
    depends: dependsPackages(depends),
    modules: { ...facts.goBuild?.deps ?? {} }
  };
}
function dependsPackages(depends) {
  const names = depends.split(/[,|]/).map((p) => p.trim().split(/[\s(]/)[0] ?? "").filter((p) => p !== "");
  return [...new Set(names)].sort();
}
function highestIsa(levels) {
  const known = levels.filter((l) => ISA_ORDER.includes(l));
  return known.sort((a, b) => ISA_ORDER.indexOf(a) - ISA_ORDER.indexOf(b)).at(-1) ?? null;
}
function isaRank(level) {
  return level === null ? 0 : ISA_ORDER.indexOf(level);
}
function muslNeed(symbols, debianArch) {
  const since = /* @__PURE__ */ new Map();
  for (const s of symbols) {
    if (s.version !== "" || s.weak === true || WEAK_BY_CONVENTION.includes(s.symbol)) continue;
    const v = muslSince(s.symbol, debianArch);
    if (v !== null) since.set(s.symbol, v);
  }
  const version = maxDotted(since.values());
  if (version === null) return null;
  const at = [...since].filter(([, v]) => v === version).map(([name]) => name);
  return { version, symbols: at.sort() };
}

export {
  versionOf,
  surfaceOf,
  dependsPackages,
  highestIsa,
  isaRank,
  muslNeed
};
