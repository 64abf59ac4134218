import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  MAX_LOCKFILE_BYTES,
  contentIdentity,
  emptyLock,
  lockfileTooLarge,
  parseLockfile
} from "./chunk-REKM7YZG.js";

// src/adapters/lockfile-file.ts
import { open } from "node:fs/promises";
var LockfileReadError = class extends Error {
  name = "LockfileReadError";
};
async function readLockfileText(path) {
  const fail = (error) => {
    throw new LockfileReadError(`cannot read lockfile ${path}: ${error.message}`);
  };
  const file = await open(path, "r").catch(
    (error) => error.code === "ENOENT" ? null : fail(error)
  );
  if (file === null) return null;
  try {
    const size = (await file.stat()).size;
    if (size > MAX_LOCKFILE_BYTES)
      throw new LockfileReadError(lockfileTooLarge(path, `${String(size)} bytes`));
    const buffer = Buffer.alloc(MAX_LOCKFILE_BYTES + 1);
    let length = 0;
    for (; ; ) {
      const { bytesRead } = await file.read(buffer, length, buffer.length - length, null).catch(fail);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > MAX_LOCKFILE_BYTES)
        throw new LockfileReadError(lockfileTooLarge(path, "more bytes"));
    }
    return buffer.subarray(0, length).toString("utf8");
  } finally {
    await file.close();
  }
}

// src/domain/toolchain/layers.ts
function packagesKeyPart(packages) {
  return packages.length === 0 ? "" : ` packages ${[...packages].sort().join(",")}`;
}
var PACKAGES_PART = / packages (\S+)$/;
function toolchainKeyOf(key) {
  return key.replace(PACKAGES_PART, "");
}
function isLayer(entry) {
  return entry.over !== void 0;
}
function splitCombined(entries) {
  const out = entries.filter((e) => e.target === void 0 || isLayer(e));
  const split = [];
  for (const e of entries) {
    if (e.target === void 0 || isLayer(e)) continue;
    const over = toolchainKeyOf(e.key);
    if (over === e.key)
      return { error: `${e.key}: an entry with target packages names none in its key` };
    if (!out.some((t) => t.key === over))
      out.push({
        key: over,
        release: e.release,
        packages: e.packages,
        ...e.tools === void 0 ? {} : { tools: e.tools },
        ...e.cap === void 0 ? {} : { cap: e.cap }
      });
    out.push({ key: e.key, release: e.release, packages: [], over, target: e.target });
    split.push(e.key);
  }
  return { toolchains: out.sort((a, b) => a.key.localeCompare(b.key)), split };
}
function mergeLayer(base, layer, same) {
  const merged = /* @__PURE__ */ new Map();
  for (const entry of base) merged.set(entry.path, { entry, from: "base" });
  for (const entry of layer) {
    const there = merged.get(entry.path)?.entry;
    if (there === void 0) merged.set(entry.path, { entry, from: "layer" });
    else if (there.type !== entry.type || entry.type !== "dir" && !same(there, entry))
      return {
        error: `the packages' ${entry.path} (a ${entry.type}) would replace the toolchain's (a ${there.type})`
      };
  }
  const entries = [...merged.values()].sort(
    (a, b) => a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0
  );
  return { entries };
}

// src/steps/install-options.ts
var InstallError = class extends Error {
};
async function readLock(path) {
  const text = await readLockfileText(path);
  if (text === null) return { ...emptyLock(), split: [] };
  if (lastRead?.path === path && lastRead.text === text) return lastRead.lock;
  const lock = parseLockfile(text, path);
  if ("error" in lock) throw new InstallError(lock.error);
  const read = splitCombined(lock.toolchains);
  if ("error" in read) throw new InstallError(`${path}: ${read.error}`);
  const parsed = { version: 1, toolchains: read.toolchains, split: read.split };
  lastRead = { path, text, lock: parsed };
  return parsed;
}
var lastRead = null;

// src/steps/install-tree.ts
import { createHash as createHash2 } from "node:crypto";
import { lstat as lstat2, mkdir as mkdir2, readdir as readdir2, readFile, rename as rename2, rm as rm2, writeFile } from "node:fs/promises";
import { dirname, join as join3 } from "node:path";

// src/adapters/tree-hash.ts
import { createHash } from "node:crypto";
import { closeSync, constants, lstatSync, openSync, readSync } from "node:fs";
import { readdir, readlink } from "node:fs/promises";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
var TreeError = class extends Error {
  name = "TreeError";
};
var stampOf = (path) => {
  const st = lstatSync(path, { bigint: true });
  return {
    stamp: `${st.dev} ${st.ino} ${st.mtimeNs} ${st.ctimeNs}`,
    size: Number(st.size),
    mode: Number(st.mode) & 4095
  };
};
async function walk(root) {
  const out = [];
  const visit = async (rel) => {
    const dirents = await readdir(join(root, rel), { withFileTypes: true });
    const subdirs = [];
    for (const d of dirents) {
      const p = rel === "" ? d.name : `${rel}/${d.name}`;
      if (d.isDirectory()) {
        const st = stampOf(join(root, p));
        out.push({ path: p, type: "dir", size: 0, mode: st.mode, stamp: st.stamp });
        subdirs.push(p);
      } else if (d.isFile() || d.isSymbolicLink()) {
        const st = stampOf(join(root, p));
        out.push({ path: p, type: d.isFile() ? "file" : "symlink", ...st });
      } else out.push({ path: p, type: "other", size: 0, mode: 0, stamp: "" });
    }
    await Promise.all(subdirs.map(visit));
  };
  await visit("");
  return out.sort((a, b) => a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
}
var FLAGS = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
var IO = { createHash, openSync, readSync, closeSync, flags: FLAGS };
function hashPaths(paths, io) {
  const buffer = Buffer.allocUnsafe(1 << 20);
  return paths.map((path) => {
    let fd = -1;
    try {
      fd = io.openSync(path, io.flags);
      const hash = io.createHash("sha256");
      for (let n = io.readSync(fd, buffer); n > 0; n = io.readSync(fd, buffer))
        hash.update(buffer.subarray(0, n));
      return hash.digest("hex");
    } catch (e) {
      return `error: ${e.message}`;
    } finally {
      if (fd >= 0) io.closeSync(fd);
    }
  });
}
var WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { closeSync, openSync, readSync } = require('node:fs');
const hashPaths = ${hashPaths.toString()};
parentPort.postMessage(
  hashPaths(workerData.paths, { createHash, openSync, readSync, closeSync, flags: workerData.flags }),
);
`;
var PARALLEL_BYTES = 32 << 20;
var MAX_WORKERS = 3;
function inWorker(paths) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { paths, flags: FLAGS } });
    worker.once("message", (hashes) => {
      resolve(hashes);
    });
    worker.once("error", reject);
    worker.once("exit", (code) => {
      reject(new TreeError(`the hashing worker exited (${String(code)})`));
    });
  });
}
async function hashFiles(files, laneCount) {
  const total = files.reduce((sum, f) => sum + f.size, 0);
  const count = laneCount ?? (total < PARALLEL_BYTES ? 1 : Math.min(MAX_WORKERS + 1, availableParallelism()));
  if (count <= 1)
    return hashPaths(
      files.map((f) => f.path),
      IO
    );
  const lanes = Array.from({ length: count }, () => ({
    bytes: 0,
    paths: [],
    at: []
  }));
  const order = files.map((f, at) => ({ ...f, at })).sort((x, y) => y.size - x.size);
  for (const f of order) {
    const lane = lanes.reduce((min, l) => l.bytes < min.bytes ? l : min);
    lane.bytes += f.size;
    lane.paths.push(f.path);
    lane.at.push(f.at);
  }
  const [own, ...others] = lanes;
  const working = others.map((lane) => inWorker(lane.paths));
  const results = [
    own === void 0 ? [] : hashPaths(own.paths, IO),
    ...await Promise.all(working)
  ];
  const hashes = new Array(files.length).fill("");
  lanes.forEach((lane, l) => {
    lane.at.forEach((at, k) => {
      hashes[at] = results[l]?.[k] ?? "";
    });
  });
  return hashes;
}
async function hashTree(root) {
  const walked = await walk(root);
  const special = walked.find((w) => w.type === "other");
  if (special !== void 0) throw new TreeError(`${join(root, special.path)} is a special file`);
  const files = walked.filter((w) => w.type === "file");
  const hashes = await hashFiles(files.map((f) => ({ path: join(root, f.path), size: f.size })));
  const sha = new Map(files.map((f, i) => [f.path, hashes[i] ?? ""]));
  const out = [];
  for (const w of walked) {
    if (w.type === "file") {
      const sha256 = sha.get(w.path) ?? "";
      if (sha256.startsWith("error: "))
        throw new TreeError(`cannot read ${join(root, w.path)}: ${sha256.slice(7)}`);
      out.push({ path: w.path, type: "file", size: w.size, sha256, mode: w.mode });
    } else if (w.type === "symlink")
      out.push({
        path: w.path,
        type: "symlink",
        size: w.size,
        linkTarget: await readlink(join(root, w.path))
      });
    else out.push({ path: w.path, type: "dir", size: 0, mode: w.mode });
  }
  return out;
}
function stampsOf(walked) {
  const digest = createHash("sha256");
  for (const w of walked) digest.update(`${w.path}\0${w.type} ${w.mode} ${w.size} ${w.stamp}
`);
  return digest.digest("hex");
}
async function verifyTree(root, manifest, stamps = null) {
  const walked = await walk(root).catch((e) => {
    throw new TreeError(`cannot read ${root}: ${e.message}`);
  });
  const now = new Map(walked.map((w) => [w.path, w]));
  const problems = [];
  const toHash = [];
  for (const m of manifest) {
    const w = now.get(m.path);
    now.delete(m.path);
    if (w === void 0) problems.push(`missing: ${m.path}`);
    else if (w.type !== m.type)
      problems.push(`changed: ${m.path} (was a ${m.type}, now a ${w.type})`);
    else if (m.type !== "symlink" && w.mode !== m.mode)
      problems.push(`changed: ${m.path} (mode ${w.mode.toString(8)})`);
    else if (m.type === "file" && w.size !== m.size) problems.push(`changed: ${m.path} (size)`);
    else if (m.type === "file") toHash.push({ path: m.path, sha256: m.sha256, size: m.size });
    else if (m.type === "symlink" && await readlink(join(root, m.path)) !== m.linkTarget)
      problems.push(`changed: ${m.path} (symlink target)`);
  }
  for (const w of now.values()) problems.push(`extra: ${w.path}`);
  const current = stampsOf(walked);
  if (problems.length === 0 && stamps === current) return { problems, stamps: current };
  const hashes = await hashFiles(toHash.map((f) => ({ path: join(root, f.path), size: f.size })));
  toHash.forEach((f, i) => {
    if (hashes[i] !== f.sha256) problems.push(`changed: ${f.path} (content)`);
  });
  return { problems: problems.sort(), stamps: current };
}

// src/adapters/wrapper-files.ts
import { constants as constants2 } from "node:fs";
import { lstat, mkdir, open as open2, rename, rm } from "node:fs/promises";
import { join as join2 } from "node:path";
var WRAPPER_NAMES = ["cc", "c++", "pkg-config"];
async function ensureWrappers(dir, wrappers) {
  const bin = join2(dir, "bin");
  const st = await lstat(bin).catch(() => null);
  if (st !== null && !st.isDirectory()) await rm(bin, { recursive: true, force: true });
  await mkdir(bin, { recursive: true });
  let wrote = false;
  for (const [name, text] of [
    ["cc", wrappers.cc],
    ["c++", wrappers.cxx],
    ["pkg-config", wrappers.pkgConfig]
  ]) {
    const path = join2(bin, name);
    if (await readPlainFile(path) === text) continue;
    const tmp = `${path}.${process.pid}.tmp`;
    await rm(tmp, { recursive: true, force: true });
    const file = await open2(
      tmp,
      constants2.O_WRONLY | constants2.O_CREAT | constants2.O_EXCL | constants2.O_NOFOLLOW,
      493
    );
    try {
      await file.writeFile(text);
      await file.chmod(493);
    } finally {
      await file.close();
    }
    await rename(tmp, path);
    wrote = true;
  }
  return wrote;
}
async function readPlainFile(path) {
  const file = await open2(path, constants2.O_RDONLY | constants2.O_NOFOLLOW).catch(() => null);
  if (file === null) return null;
  try {
    return (await file.stat()).isFile() ? await file.readFile("utf8") : null;
  } finally {
    await file.close();
  }
}

// src/steps/install-tree.ts
var manifestPath = (dir) => `${dir}.manifest.json`;
var stampsPath = (dir) => `${dir}.verified`;
async function writeStamps(dir, stamps) {
  const temp = `${stampsPath(dir)}.${process.pid}`;
  await writeFile(temp, `${stamps}
`).then(() => rename2(temp, stampsPath(dir))).catch(() => rm2(temp, { force: true }));
}
function treeDigest(tree) {
  return createHash2("sha256").update(JSON.stringify(tree)).digest("hex");
}
async function startStaging(dir) {
  const staging = `${dir}.partial`;
  await rm2(staging, { recursive: true, force: true });
  await rm2(`${dir}.complete`, { force: true });
  await rm2(stampsPath(dir), { force: true });
  await mkdir2(join3(staging, "root"), { recursive: true });
  return staging;
}
async function stagedManifest(staging, entry) {
  return { content: contentIdentity(entry), tree: await hashTree(join3(staging, "root")) };
}
async function commitInstall(staging, dir, manifest) {
  await rm2(dir, { recursive: true, force: true });
  await mkdir2(dirname(dir), { recursive: true });
  await rename2(staging, dir);
  await writeFile(manifestPath(dir), `${JSON.stringify(manifest)}
`);
  await writeStamps(dir, stampsOf(await walk(join3(dir, "root"))));
  await writeFile(`${dir}.complete`, "");
}
async function checkInstalled(dir, entry, o) {
  const layout = await layoutProblems(dir, o.wrappers);
  if (layout.length > 0) return { problems: layout, digest: null };
  const manifest = await readFile(manifestPath(dir), "utf8").then((t) => JSON.parse(t)).catch(() => null);
  if (manifest === null) return { problems: [`${manifestPath(dir)} is unreadable`], digest: null };
  const digest = treeDigest(manifest.tree);
  if (manifest.content !== contentIdentity(entry))
    return { problems: ["it was installed from other packages than the lock names"], digest: null };
  if (entry.tree !== void 0 && digest !== entry.tree)
    return { problems: ["its manifest does not match the tree the lock records"], digest: null };
  const known = await readFile(stampsPath(dir), "utf8").catch(() => null);
  const checked = await verifyTree(join3(dir, "root"), manifest.tree, known?.trim() ?? null);
  const problems = checked.problems.map((p) => p.replace(/^(\w+): /, "$1: root/"));
  if (problems.length === 0 && checked.stamps !== known?.trim())
    await writeStamps(dir, checked.stamps);
  return { problems, digest: problems.length === 0 ? digest : null };
}
var kindOf = (st) => st.isSymbolicLink() ? "a symbolic link" : st.isDirectory() ? "a directory" : "not a directory";
async function layoutProblems(dir, wrappers) {
  for (const at of [dirname(dirname(dir)), dirname(dir), dir]) {
    const st = await lstat2(at).catch(() => null);
    if (st === null) return [`missing: ${at}`];
    if (!st.isDirectory()) return [`changed: ${at} (${kindOf(st)})`];
  }
  const manifest = await lstat2(manifestPath(dir)).catch(() => null);
  if (manifest?.isFile() !== true) return [`${manifestPath(dir)} is missing or not a file`];
  const problems = [];
  const names = await readdir2(dir);
  if (!names.includes("root")) problems.push("missing: root");
  for (const name of names) {
    const st = await lstat2(join3(dir, name));
    if (name !== "root" && (name !== "bin" || !wrappers)) problems.push(`extra: ${name}`);
    else if (!st.isDirectory()) problems.push(`changed: ${name} (${kindOf(st)})`);
    else if (name === "bin") problems.push(...await binProblems(join3(dir, name)));
  }
  return problems.sort();
}
async function binProblems(bin) {
  const problems = [];
  for (const name of await readdir2(bin)) {
    const st = await lstat2(join3(bin, name));
    if (!WRAPPER_NAMES.includes(name)) problems.push(`extra: bin/${name}`);
    else if (!st.isFile()) problems.push(`changed: bin/${name} (${kindOf(st)})`);
  }
  return problems;
}

export {
  packagesKeyPart,
  toolchainKeyOf,
  isLayer,
  mergeLayer,
  InstallError,
  readLock,
  walk,
  ensureWrappers,
  manifestPath,
  treeDigest,
  startStaging,
  stagedManifest,
  commitInstall,
  checkInstalled,
  layoutProblems
};
