import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  parseGodebugsTable,
  parseRuntimeDebugVars,
  validateGodebug
} from "./chunk-SKAVAK5H.js";

// src/adapters/godebug.ts
import { readFile } from "node:fs/promises";
import { join } from "node:path";
var GODEBUGS_TABLE = join("src", "internal", "godebugs", "table.go");
var RUNTIME_DEBUG_VARS = join("src", "runtime", "runtime1.go");
async function loadGodebugCatalog(goroot) {
  const table = await readText(join(goroot, GODEBUGS_TABLE));
  if ("error" in table) return table;
  const runtime = await readText(join(goroot, RUNTIME_DEBUG_VARS));
  if ("error" in runtime) return runtime;
  const entries = parseGodebugsTable(table.text);
  const runtimeKeys = parseRuntimeDebugVars(runtime.text);
  if (entries.length === 0 || runtimeKeys.length === 0)
    return { error: `no GODEBUG settings found in ${join(goroot, "src")} (unexpected format)` };
  const known = new Set(runtimeKeys);
  const removed = /* @__PURE__ */ new Map();
  for (const e of entries) {
    if (e.removed === null) known.add(e.name);
    else removed.set(e.name, e.removed);
  }
  for (const k of known) removed.delete(k);
  return { known, removed };
}
async function godebugCheck(input, goroot) {
  const catalog = await loadGodebugCatalog(goroot);
  if ("error" in catalog) {
    const skipped = `GODEBUG keys not validated against the toolchain: ${catalog.error}`;
    return { ...validateGodebug(input, null), skipped };
  }
  return { ...validateGodebug(input, catalog.known, catalog.removed), skipped: null };
}
async function readText(path) {
  try {
    return { text: await readFile(path, "utf8") };
  } catch (error) {
    const code = error.code ?? String(error);
    return { error: `cannot read ${path}: ${code}` };
  }
}

// src/steps/godebug.ts
var GODEBUG_TITLE = "cgo-abi-guard godebug";
async function checkGodebug(value, goroot) {
  const check = await godebugCheck(value, goroot);
  return {
    warnings: [...check.skipped === null ? [] : [check.skipped], ...check.warnings],
    errors: check.errors
  };
}

export {
  GODEBUG_TITLE,
  checkGodebug
};
