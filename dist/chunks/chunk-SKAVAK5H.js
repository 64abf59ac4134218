import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  LIBCS,
  MUSL_LINKS,
  checkMirrorUri,
  parsePackageList,
  parseTarget
} from "./chunk-Y5IEVJEU.js";
import {
  checkReleaseName
} from "./chunk-7WEMPANV.js";
import {
  isDottedVersion
} from "./chunk-TOITHGCZ.js";

// src/domain/input-checks.ts
function parseGlibcVersion(text) {
  const value = text.trim();
  if (!isDottedVersion(value)) return { error: `"${value}" is not a version like 2.31` };
  const parts = value.split(".").map((p) => p.replace(/^0+(?=\d)/, ""));
  while (parts.length > 2 && parts.at(-1) === "0") parts.pop();
  const version = parts.join(".");
  const shortened = /^2\.([1-9])$/.exec(value)?.[1];
  if (shortened !== void 0) {
    const meant = `2.${shortened}0`;
    return {
      error: `"${value}" is probably ${meant} written unquoted in YAML, which reads ${meant} as the number ${version}: quote it ('${meant}'); glibc ${version} itself is older than any floor (from 2.17)`
    };
  }
  return { version };
}
function toolchainInputError(name, libc) {
  const what = name === "packages" ? "go into the toolchain's sysroot" : "choose the toolchain";
  return `libc ${libc} installs no toolchain (the build brings its own compiler), so ${name} would ${what} that is not there: remove ${name}, or set libc: glibc`;
}
var SBOM_WITHOUT_BINARIES = "sbom is true but there is nothing to describe: with no run and no artifacts no binary is built or verified, so no SBOM is written (output sbom is empty); set run (or artifacts), or remove sbom";
var SMOKE_WITHOUT_BINARIES = "smoke is set but there is nothing to start: with no run and no artifacts no binary is built or verified, so no smoke run happens; set run (or artifacts), or remove smoke";

// src/domain/toolchain/compiler.ts
function parseCompilerChoice(text) {
  if (text === "gcc" || text === "clang") return { compiler: text, clangMajor: null };
  const m = /^clang-(\d{1,3})$/.exec(text);
  if (m?.[1] !== void 0) return { compiler: "clang", clangMajor: Number(m[1]) };
  return { error: `"${text}" is not gcc, clang or clang-<major> (like clang-18)` };
}

// src/domain/go/godebug.ts
function parseGodebugsTable(goSourceText) {
  const out = [];
  for (const m of stripComments(goSourceText).matchAll(/\{\s*Name:\s*"([^"]+)"([^{}]*)\}/g)) {
    const name = m[1];
    const rest = m[2] ?? "";
    if (name === void 0) continue;
    const field = (key, pattern) => new RegExp(`\\b${key}:\\s*${pattern}`).exec(rest)?.[1] ?? null;
    const changed = field("Changed", "(\\d+)");
    const removed = field("Removed", "(\\d+)");
    out.push({
      name,
      package: field("Package", '"([^"]*)"'),
      changed: changed === null ? null : Number(changed),
      old: field("Old", '"([^"]*)"'),
      removed: removed === null ? null : Number(removed)
    });
  }
  return out;
}
function parseRuntimeDebugVars(goSourceText) {
  const keys = /* @__PURE__ */ new Set();
  const text = stripComments(goSourceText);
  const start = text.search(/\bvar dbgvars\s*=/);
  if (start >= 0) {
    const end = text.indexOf("\n}", start);
    const block = text.slice(start, end < 0 ? void 0 : end);
    for (const m of block.matchAll(/\{\s*(?:name:\s*)?"([A-Za-z0-9_.]+)"/g))
      if (m[1] !== void 0) keys.add(m[1]);
  }
  for (const m of text.matchAll(/\bkey == "([A-Za-z0-9_.]+)"/g))
    if (m[1] !== void 0) keys.add(m[1]);
  return [...keys];
}
function stripComments(source) {
  const token = /("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`]*`)|\/\/[^\n]*|\/\*[\s\S]*?\*\//g;
  return source.replace(
    token,
    (all, literal) => literal ?? all.replace(/[^\n]/g, "")
  );
}
var MYTHS = {
  clock_gettime64: "there is no clock_gettime64 GODEBUG setting in any Go release (and Go never links a clock_gettime64 symbol)"
};
function hasControlCharacter(text) {
  return /[\x00-\x1f\x7f]/.test(text);
}
function validateGodebug(input, known, removed = /* @__PURE__ */ new Map()) {
  const result = { settings: [], warnings: [], errors: [] };
  if (hasControlCharacter(input)) {
    result.errors.push(
      "GODEBUG holds a line break or control character: it must be one line of key=value pairs"
    );
    return result;
  }
  const seen = /* @__PURE__ */ new Map();
  for (const entry of input.trim().split(",")) {
    if (entry === "") continue;
    const eq = entry.indexOf("=");
    if (eq < 0) {
      result.errors.push(`GODEBUG entry "${entry}" has no "=": write key=value`);
      continue;
    }
    const key = entry.slice(0, eq);
    const value = entry.slice(eq + 1);
    if (key.trim() === "") {
      result.errors.push(`GODEBUG entry "${entry}" has an empty key`);
      continue;
    }
    if (/\s/.test(entry)) {
      result.errors.push(
        `GODEBUG entry "${entry}" contains whitespace: Go does not trim it, so the key "${key}" never matches`
      );
      continue;
    }
    result.settings.push({ key, value });
    const before = seen.get(key);
    if (before !== void 0 && before !== value)
      result.warnings.push(`GODEBUG sets ${key} twice (${before}, then ${value}): the last wins`);
    seen.set(key, value);
    if (before !== void 0) continue;
    const warning = unknownKeyWarning(key, known, removed);
    if (warning !== null) result.warnings.push(warning);
  }
  return result;
}
function unknownKeyWarning(key, known, removed) {
  const ignored = "Go silently ignores unknown GODEBUG keys";
  const myth = MYTHS[key];
  if (myth !== void 0 && known?.has(key) !== true)
    return `GODEBUG key "${key}" does nothing: ${myth}; ${ignored}`;
  if (known === null || known.has(key) || /^cpu\.[a-z0-9]+$/.test(key)) return null;
  const gone = removed.get(key);
  if (gone !== void 0)
    return `GODEBUG key "${key}" was removed in Go 1.${gone}: this toolchain ignores it`;
  const near = closest(key, known);
  const hint = near === null ? "" : ` (did you mean "${near}"?)`;
  return `GODEBUG key "${key}" is not known to this Go toolchain${hint}: ${ignored}`;
}
function closest(key, known) {
  let best = null;
  let bestDistance = 3;
  for (const k of known) {
    const d = editDistance(key, k);
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return best;
}
function editDistance(a, b) {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      const sub = (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      cur.push(Math.min(sub, (prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1));
    }
    prev = cur;
  }
  return prev[b.length] ?? 0;
}

// src/domain/request.ts
var DEFAULTS = {
  glibc: "2.31",
  libc: "glibc",
  link: "static",
  compiler: "gcc",
  "working-directory": ".",
  lockfile: ".github/cgo-abi-guard.lock.yml",
  "frozen-lockfile": "false",
  "fail-on": "error",
  cache: "true",
  "host-mirrors": "true",
  "export-env": "true"
};
function listInput(text) {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}
function withDefaults(raw, names) {
  const filled = { ...raw };
  for (const name of names) if (given(raw[name]) === null) filled[name] = DEFAULTS[name];
  return filled;
}
function given(value) {
  if (value === void 0) return null;
  if (typeof value === "string") return value.trim() === "" ? null : value;
  return value.length === 0 ? null : value;
}
var RequestReader = class {
  constructor(raw) {
    this.raw = raw;
  }
  raw;
  problems = [];
  problem(input, detail, joined = false) {
    this.problems.push({ input, detail, ...joined ? { joined } : {} });
  }
  /** One value, trimmed; null when not given. */
  text(name) {
    const value = given(this.raw[name]);
    if (value === null) return null;
    return (typeof value === "string" ? value : value.at(-1) ?? "").trim();
  }
  /** A list: a string split at commas and newlines, a repeated flag's values as they are. */
  list(name) {
    const value = given(this.raw[name]);
    if (value === null) return [];
    return typeof value === "string" ? listInput(value) : value.map((v) => v.trim());
  }
  oneOf(name, allowed) {
    const value = this.text(name);
    if (value === null) return null;
    if (allowed.includes(value)) return value;
    this.problem(name, `"${value}" is not one of ${allowed.join(", ")}`);
    return null;
  }
  bool(name) {
    const value = this.text(name);
    if (value === null) return null;
    if (value.toLowerCase() === "true") return true;
    if (value.toLowerCase() === "false") return false;
    this.problem(name, `"${value}" is not true or false`);
    return null;
  }
  /** `target`: each with its name as written. */
  targets() {
    const read = [];
    for (const name of this.list("target")) {
      const t = parseTarget(name);
      if ("error" in t) this.problem("target", t.error);
      else read.push({ target: t, name });
    }
    return read;
  }
  /** A target listed twice (`linux/amd64` and `linux/amd64/v1` are one) is refused. */
  onceEach(targets) {
    const seen = /* @__PURE__ */ new Set();
    for (const t of targets) {
      const key = `${t.goarch}/${t.variant ?? ""}`;
      if (seen.has(key)) this.problem("target", `linux/${key.replace(/\/$/, "")} is listed twice`);
      seen.add(key);
    }
  }
  /** `glibc`, in its normal form (2.31.0 is 2.31; an unquoted YAML 2.30 is refused: quote it). */
  glibc() {
    const value = this.text("glibc");
    if (value === null) return null;
    const floor = parseGlibcVersion(value);
    if ("version" in floor) return floor.version;
    this.problem("glibc", floor.error);
    return null;
  }
  libc() {
    return this.oneOf("libc", LIBCS);
  }
  /**
   * `musl` and `link` for libc `libc`: the request of a musl toolchain, or null (and a problem
   * for each of them given with another libc: nothing to act on).
   */
  musl(libc) {
    const version = this.text("musl");
    if (version !== null && !isDottedVersion(version))
      this.problem("musl", `"${version}" is not a version like 1.2.3 (quote it in YAML)`);
    const link = this.oneOf("link", MUSL_LINKS) ?? DEFAULTS.link;
    if (libc !== "musl") {
      if (version !== null) this.problem("musl", `is a musl floor, but libc is ${libc ?? "glibc"}`);
      if (given(this.raw.link) !== null && link !== DEFAULTS.link)
        this.problem("link", `${link} is for libc musl, but libc is ${libc ?? "glibc"}`);
      return null;
    }
    return { version, link };
  }
  compiler() {
    const value = this.text("compiler");
    if (value === null) return null;
    const compiler = parseCompilerChoice(value);
    if ("compiler" in compiler) return compiler;
    this.problem("compiler", compiler.error);
    return null;
  }
  /** `packages`: sorted names; null when one is refused. */
  packages() {
    const value = given(this.raw.packages);
    const packages = parsePackageList(value === null ? [] : [value].flat());
    if ("names" in packages) return packages.names;
    this.problem("packages", packages.error);
    return null;
  }
  release() {
    const release = this.text("release");
    const bad = release === null ? null : checkReleaseName(release);
    if (bad !== null) this.problem("release", bad);
    return release;
  }
  mirrors() {
    const mirrors = this.list("mirror");
    for (const m of mirrors) {
      const bad = checkMirrorUri(m);
      if (bad !== null) this.problem("mirror", bad);
    }
    return mirrors;
  }
  /** The lockfile and mirrors; the defaults where not given. */
  install() {
    return {
      lockfile: this.text("lockfile") ?? DEFAULTS.lockfile,
      frozenLockfile: this.bool("frozen-lockfile") ?? false,
      mirrors: this.mirrors(),
      hostMirrors: this.bool("host-mirrors") ?? true
    };
  }
  /** `godebug`: one line of k=v pairs (checked against the Go toolchain later: steps/godebug.ts). */
  godebug() {
    const value = this.text("godebug");
    if (value !== null && hasControlCharacter([this.raw.godebug ?? ""].flat().join("")))
      this.problem(
        "godebug",
        "holds a line break or control character: write one line of k=v pairs",
        true
      );
    return value;
  }
  /** `smoke`: off (not given, `false`), no arguments (`true`, given empty), or the arguments. */
  smoke() {
    const value = this.raw.smoke;
    if (value === void 0) return null;
    const text = (typeof value === "string" ? value : value.at(-1) ?? "").trim();
    if (text === "false") return null;
    return text === "true" ? "" : text;
  }
  kernel() {
    const value = this.text("kernel");
    if (value !== null && !isDottedVersion(value))
      this.problem("kernel", `"${value}" is not a version like 2.31`);
    return value;
  }
  /** `format`: one of `formats`, the first when not given. */
  format(formats) {
    return this.oneOf("format", formats) ?? formats[0];
  }
};

export {
  toolchainInputError,
  SBOM_WITHOUT_BINARIES,
  SMOKE_WITHOUT_BINARIES,
  parseGodebugsTable,
  parseRuntimeDebugVars,
  validateGodebug,
  DEFAULTS,
  withDefaults,
  RequestReader
};
