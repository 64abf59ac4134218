import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  capIdentity,
  checkCap,
  require_dist
} from "./chunk-7WEMPANV.js";
import {
  __toESM
} from "./chunk-CN2QLQDV.js";

// src/domain/toolchain/lockfile.ts
var import_yaml = __toESM(require_dist(), 1);
import { createHash } from "node:crypto";

// src/domain/toolchain/npm-lock.ts
var SHA512_SRI = /^sha512-[A-Za-z0-9+/]{86}==$/;
function checkNpmPin(value) {
  if (typeof value !== "object" || value === null || Array.isArray(value))
    return 'source npm needs "npm: {name, version, integrity}"';
  const { name, version, integrity } = value;
  if (typeof name !== "string" || !/^(@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*$/.test(name))
    return "npm.name must be an npm package name";
  if (typeof version !== "string" || !/^\d+\.\d+\.\d+(-[\w.]+)?$/.test(version))
    return `npm package ${name}: version must be an exact version like 1.0.3`;
  if (typeof integrity !== "string" || !SHA512_SRI.test(integrity))
    return `npm package ${name}: integrity must be "sha512-" and the base64 digest npm records`;
  return { name, version, integrity };
}
function npmIdentity(pin) {
  return `npm ${pin.name} ${pin.version} ${pin.integrity}`;
}

// src/domain/toolchain/lockfile.ts
var LOCK_HEADER = "# cgo-abi-guard lockfile: the exact packages of each toolchain. Commit it; it is enforced when present.\n";
function emptyLock() {
  return { version: 1, toolchains: [] };
}
var MAX_LOCKFILE_BYTES = 2 * 1024 * 1024;
var MAX_ALIAS_COUNT = 100;
function lockfileTooLarge(fileName, size) {
  return `${fileName}: ${size} is more than a cgo-abi-guard lockfile holds (at most ${String(MAX_LOCKFILE_BYTES / 1024 / 1024)} MiB, some 500 toolchains): is it the right file?`;
}
function parseLockfile(text, fileName) {
  if (text.length > MAX_LOCKFILE_BYTES)
    return { error: lockfileTooLarge(fileName, `${String(text.length)} characters`) };
  const doc = (0, import_yaml.parseDocument)(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (first !== void 0)
    return { error: `${fileName}: not valid YAML: ${first.message.split("\n")[0] ?? ""}` };
  let raw;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { error: `${fileName}: refused: ${error.message}` };
  }
  if (!isRecord(raw) || raw.version !== 1 || !Array.isArray(raw.toolchains)) {
    return {
      error: `${fileName}: not a cgo-abi-guard lockfile (expected "version: 1" and a "toolchains" list)`
    };
  }
  const toolchains = [];
  for (const [i, entry] of raw.toolchains.entries()) {
    const where = `${fileName}: toolchains[${i}]`;
    if (isRecord(entry) && entry.source !== void 0 && entry.source !== "npm")
      return { error: `${where}: source must be npm or absent (Debian packages)` };
    const listed = !isRecord(entry) ? null : entry.source === "npm" || entry.over !== void 0 && entry.packages === void 0 ? [] : entry.packages;
    if (!isRecord(entry) || typeof entry.key !== "string" || typeof entry.release !== "string" || !Array.isArray(listed)) {
      return { error: `${where}: needs key, release and packages` };
    }
    const npm = entry.source === "npm" ? checkNpmPin(entry.npm) : void 0;
    if (typeof npm === "string") return { error: `${where} (${entry.key}): ${npm}` };
    const packages = [];
    for (const p of listed) {
      const checked = checkPackage(p);
      if (typeof checked === "string") return { error: `${where} (${entry.key}): ${checked}` };
      packages.push(checked);
    }
    const tools = [];
    if (entry.tools !== void 0 && !Array.isArray(entry.tools))
      return { error: `${where} (${entry.key}): tools must be a list of packages` };
    for (const p of Array.isArray(entry.tools) ? entry.tools : []) {
      const checked = checkPackage(p);
      if (typeof checked === "string")
        return { error: `${where} (${entry.key}): tools: ${checked}` };
      tools.push(checked);
    }
    const target = checkTarget(entry.target);
    if (typeof target === "string") return { error: `${where} (${entry.key}): target: ${target}` };
    const cap = entry.cap === void 0 ? void 0 : checkCap(entry.cap);
    if (typeof cap === "string") return { error: `${where} (${entry.key}): ${cap}` };
    const over = entry.over;
    if (over !== void 0 && (typeof over !== "string" || over === "" || target === void 0))
      return { error: `${where} (${entry.key}): over must name a toolchain's key, with target` };
    const programs = checkPrograms(entry.programs);
    if (typeof programs === "string") return { error: `${where} (${entry.key}): ${programs}` };
    const tree = entry.tree;
    if (tree !== void 0 && (typeof tree !== "string" || !/^[0-9a-f]{64}$/.test(tree))) {
      return { error: `${where} (${entry.key}): tree must be 64 hex digits` };
    }
    toolchains.push({
      key: entry.key,
      release: entry.release,
      packages,
      ...entry.tools === void 0 ? {} : { tools },
      ...npm === void 0 ? {} : { npm },
      ...target === void 0 ? {} : { target },
      ...over === void 0 ? {} : { over },
      ...cap === void 0 ? {} : { cap },
      ...programs === void 0 ? {} : { programs },
      ...tree === void 0 ? {} : { tree }
    });
  }
  return { version: 1, toolchains };
}
function checkPackage(p) {
  if (!isRecord(p) || typeof p.name !== "string") return "a package entry has no name";
  const { name, version, arch, filename, size, sha256 } = p;
  if (typeof version !== "string" || typeof arch !== "string" || typeof filename !== "string") {
    return `package ${name}: needs version, arch and filename`;
  }
  if (typeof size !== "number" || !Number.isInteger(size) || size <= 0)
    return `package ${name}: size must be a positive integer`;
  if (typeof sha256 !== "string" || !/^[0-9a-f]{64}$/.test(sha256))
    return `package ${name}: sha256 must be 64 hex digits`;
  if (filename.startsWith("/") || filename.split("/").includes(".."))
    return `package ${name}: filename must be a path inside the mirror`;
  return { name, version, arch, filename, size, sha256 };
}
function checkTarget(t) {
  if (t === void 0) return void 0;
  if (!isRecord(t) || !Array.isArray(t.requested) || !Array.isArray(t.packages))
    return "needs requested (package names) and packages";
  const requested = t.requested.filter((n) => typeof n === "string");
  if (requested.length !== t.requested.length || requested.length === 0)
    return "requested must be a list of package names";
  const packages = [];
  for (const p of t.packages) {
    const checked = checkPackage(p);
    if (typeof checked === "string") return checked;
    packages.push(checked);
  }
  return { requested, packages };
}
var PROGRAM = /^[a-z0-9][a-z0-9_+.-]*$/;
function checkPrograms(p) {
  if (p === void 0) return void 0;
  const names = Array.isArray(p) ? p.filter((n) => typeof n === "string") : [];
  if (!Array.isArray(p) || names.length !== p.length || names.length === 0)
    return "programs must be a list of program names";
  const bad = names.find((n) => !PROGRAM.test(n));
  return bad === void 0 ? names : `programs: not a program name: ${JSON.stringify(bad)}`;
}
function isRecord(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function findToolchain(lock, key) {
  return lock.toolchains.find((t) => t.key === key);
}
function withToolchain(lock, entry) {
  const others = lock.toolchains.filter((t) => t.key !== entry.key);
  return { version: 1, toolchains: [...others, entry].sort((a, b) => a.key.localeCompare(b.key)) };
}
var byName = (packages) => [...packages].sort((a, b) => a.name.localeCompare(b.name));
function renderLockfile(lock) {
  const toolchains = lock.toolchains.map((t) => ({
    key: t.key,
    release: t.release,
    ...t.over === void 0 ? {} : { over: t.over },
    ...t.tree === void 0 ? {} : { tree: t.tree },
    ...t.cap === void 0 ? {} : { cap: t.cap },
    ...t.programs === void 0 ? {} : { programs: [...t.programs].sort() },
    ...t.npm === void 0 ? {
      ...t.over !== void 0 && t.packages.length === 0 ? {} : { packages: byName(t.packages) },
      ...t.tools === void 0 ? {} : { tools: byName(t.tools) },
      ...t.target === void 0 ? {} : {
        target: {
          requested: [...t.target.requested].sort(),
          packages: byName(t.target.packages)
        }
      }
    } : { source: "npm", npm: t.npm }
  }));
  return LOCK_HEADER + (0, import_yaml.stringify)({ version: 1, toolchains }, { lineWidth: 0, aliasDuplicateObjects: false });
}
function contentIdentity(entry) {
  if (entry.npm !== void 0) return npmIdentity(entry.npm);
  const line = (p, prefix = "") => `${prefix}${p.name} ${p.version} ${p.arch} ${p.sha256}`;
  return [
    ...byName(entry.packages).map((p) => line(p)),
    ...byName(entry.tools ?? []).map((p) => line(p, "tool ")),
    ...byName(entry.target?.packages ?? []).map((p) => line(p, "target ")),
    ...entry.cap === void 0 ? [] : [capIdentity(entry.cap)],
    ...[...entry.programs ?? []].sort().map((p) => `program ${p}`)
  ].join("\n");
}
function contentHash(identity) {
  return createHash("sha256").update(identity).digest("hex").slice(0, 12);
}

export {
  emptyLock,
  MAX_LOCKFILE_BYTES,
  lockfileTooLarge,
  parseLockfile,
  findToolchain,
  withToolchain,
  renderLockfile,
  contentIdentity,
  contentHash
};
