import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  dependsPackages,
  highestIsa
} from "./chunk-VAHUUROM.js";

// src/domain/drift/baseline.ts
function oneLine(text, max = 200) {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ");
  return flat.length > max ? `${flat.slice(0, max)}\u2026` : flat;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
var Bad = class extends Error {
};
var str = (v, what) => {
  if (typeof v !== "string") throw new Bad(`${what} is not a string`);
  return oneLine(v);
};
var strOrNull = (v, what) => v === null || v === void 0 ? null : str(v, what);
var strings = (v, what) => {
  if (!Array.isArray(v)) throw new Bad(`${what} is not a list`);
  return v.map((x, i) => str(x, `${what}[${i}]`));
};
var stringMap = (v, what) => {
  if (v === void 0 || v === null) return {};
  if (!isObject(v)) throw new Bad(`${what} is not an object`);
  return Object.fromEntries(
    Object.entries(v).map(([k, x]) => [oneLine(k), str(x, `${what}.${k}`)])
  );
};
function parseBaseline(text) {
  let doc;
  let sanitized = 0;
  const control = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
  try {
    doc = JSON.parse(text, (key, value) => {
      if (control.test(key) || typeof value === "string" && control.test(value)) sanitized++;
      return value;
    });
  } catch {
    return {
      problem: `it is not JSON (${text.length === 0 ? "empty" : "truncated or not a report"})`
    };
  }
  if (!isObject(doc)) return { problem: "it is not a cgo-abi-guard report (not a JSON object)" };
  const version = doc.schemaVersion;
  if (version !== 1 && version !== 2 && version !== 3)
    return {
      problem: `its schemaVersion is ${typeof version === "number" ? String(version) : "missing"}, and this version reads reports of schema 1 to 3`
    };
  try {
    if (!Array.isArray(doc.targets)) throw new Bad("targets is not a list");
    const entries = doc.targets.flatMap(
      (t, i) => targetEntries(t, `targets[${i}]`, version)
    );
    const git = isObject(doc.git) ? doc.git : {};
    return {
      baseline: {
        entries,
        sha: strOrNull(git.sha, "git.sha"),
        ref: strOrNull(git.ref, "git.ref"),
        schemaVersion: version,
        sanitized
      }
    };
  } catch (error) {
    if (error instanceof Bad)
      return { problem: `it is not a report this version reads: ${error.message}` };
    throw error;
  }
}
function targetEntries(t, at, version) {
  if (!isObject(t)) throw new Bad(`${at} is not an object`);
  if (t.target === null) return [];
  const target = str(t.target, `${at}.target`);
  if (!Array.isArray(t.binaries)) throw new Bad(`${at}.binaries is not a list`);
  return t.binaries.flatMap((b, i) => {
    const where = `${at}.binaries[${i}]`;
    if (!isObject(b)) throw new Bad(`${where} is not an object`);
    const path = str(b.path, `${where}.path`);
    if (b.facts === null && (b.surface === null || b.surface === void 0)) return [];
    const surface = version !== 1 ? readSurface(b.surface, `${where}.surface`) : fromFacts(b, where);
    return [{ target, path, surface }];
  });
}
function readSurface(v, at) {
  if (!isObject(v)) throw new Bad(`${at} is not an object`);
  if (!isObject(v.versions)) throw new Bad(`${at}.versions is not an object`);
  const versions = {};
  for (const [k, x] of Object.entries(v.versions)) {
    if (!isObject(x)) throw new Bad(`${at}.versions.${oneLine(k)} is not an object`);
    versions[oneLine(k)] = {
      version: str(x.version, `${at}.versions.${k}.version`),
      symbols: strings(x.symbols, `${at}.versions.${k}.symbols`)
    };
  }
  const linkage = v.linkage;
  if (linkage !== "static" && linkage !== "dynamic")
    throw new Bad(`${at}.linkage is not static or dynamic`);
  return {
    versions,
    needed: strings(v.needed, `${at}.needed`),
    interpreter: strOrNull(v.interpreter, `${at}.interpreter`),
    linkage,
    isa: strOrNull(v.isa, `${at}.isa`),
    kernel: strOrNull(v.kernel, `${at}.kernel`),
    depends: strings(v.depends, `${at}.depends`),
    modules: stringMap(v.modules, `${at}.modules`)
  };
}
function fromFacts(b, at) {
  const f = b.facts;
  if (!isObject(f)) throw new Bad(`${at}.facts is not an object`);
  const versions = stringMap(f.versions, `${at}.facts.versions`);
  const needed = strings(f.needed, `${at}.facts.needed`);
  const interpreter = strOrNull(f.interpreter, `${at}.facts.interpreter`);
  const runtime = isObject(b.runtime) ? b.runtime : {};
  const build = isObject(f.goBuild) ? f.goBuild : {};
  return {
    versions: Object.fromEntries(
      Object.entries(versions).map(([k, v]) => [k, { version: v, symbols: [] }])
    ),
    needed,
    interpreter,
    linkage: interpreter === null && needed.length === 0 ? "static" : "dynamic",
    isa: highestIsa(strings(f.isaNeeded ?? [], `${at}.facts.isaNeeded`)),
    kernel: strOrNull(f.abiTag, `${at}.facts.abiTag`),
    depends: dependsPackages(strOrNull(runtime.depends, `${at}.runtime.depends`) ?? ""),
    modules: stringMap(build.deps, `${at}.facts.goBuild.deps`)
  };
}

export {
  oneLine,
  parseBaseline
};
