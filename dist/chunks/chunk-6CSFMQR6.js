import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  QEMU_ARCH,
  SMOKE_TIMEOUT_MS,
  STATIC_LIBC,
  commandLine,
  firstLines,
  isRunnable,
  noSysrootReason,
  runsNatively,
  smokeArgs,
  smokeCommand,
  staticCommand
} from "./chunk-37HHF5IE.js";
import {
  NPM_GLIBC,
  PrepareError,
  debPath,
  extractDeb,
  fetchDebs,
  glibcVersionOf,
  hostOf,
  install,
  npmPackageSource,
  npmSysroot,
  npmToolchainOf,
  qemuIn,
  relocateSymlinks,
  runWithLimit,
  smokeRuntimeOf,
  sourceDeps,
  withReachableApt
} from "./chunk-QP7GGYDZ.js";
import {
  InstallError
} from "./chunk-L4R6R6IH.js";
import {
  versionBase
} from "./chunk-LIFMBI74.js";
import {
  formatTarget
} from "./chunk-Y5IEVJEU.js";
import {
  NPM_RELEASE,
  QEMU_PACKAGES,
  QEMU_SOURCES,
  releaseName
} from "./chunk-7WEMPANV.js";
import {
  execQuiet
} from "./chunk-YTYQUFQD.js";

// src/steps/source-qemu.ts
import { existsSync } from "node:fs";
import { join } from "node:path";
var QEMU_PACKAGE = "qemu-user-static";
var qemuKey = (host, qemuArch) => `${QEMU_PACKAGE} qemu-${qemuArch} host-${host.debianArch}`;
var wholePackageKey = (host) => `${QEMU_PACKAGE} host-${host.debianArch}`;
var programFiles = (program) => /* @__PURE__ */ new Set([`usr/bin/${program}`, `usr/bin/${program}-static`]);
function qemuSource(host, codename, pkg, qemuArch, d) {
  const log = (line) => {
    d.report.info(line);
  };
  const release = `${host.family}/${codename}`;
  const program = `qemu-${qemuArch}`;
  const key = qemuKey(host, qemuArch);
  const debsDir = join(d.stateRoot, "debs");
  const entryOf = (packages) => ({
    key,
    release,
    packages,
    programs: [program]
  });
  return {
    lockKey: key,
    toolName: `cgo-abi-guard-${program}`,
    versionBase: versionBase("0", codename),
    refusal: (entry) => {
      if (!entry.release.startsWith(`${host.family}/`) || !isQemuPin(entry))
        return `is not a ${host.family} qemu package (${QEMU_PACKAGES.join(" or ")}), which the smoke run takes on this ${host.family} host`;
      if (entry.programs?.join(",") !== program)
        return `installs ${entry.programs?.join(", ") ?? `all of ${QEMU_PACKAGE}`}, but ${program} alone is wanted`;
      return null;
    },
    resolve: async () => {
      log(`resolving ${pkg} from ${host.family} ${codename} for the smoke run`);
      const at = {
        release: { family: host.family, codename },
        arch: host.debianArch,
        stateRoot: d.stateRoot,
        // Ubuntu keeps qemu-user-static in universe.
        components: host.family === "ubuntu" ? ["main", "universe"] : ["main"],
        log
      };
      return entryOf(await withReachableApt(await d.mirrors(), at, (apt) => apt.resolve([pkg])));
    },
    derive: (lock) => {
      const whole = wholePackageKey(host);
      const from = pinnedQemu(lock, host);
      if (from === void 0) return null;
      const hasWhole = lock.toolchains.some((t) => t.key === whole);
      return {
        entry: { ...entryOf(from.packages), release: from.release },
        replaces: hasWhole ? whole : null
      };
    },
    fetch: async (entry) => {
      await fetchDebs(entry.packages, d.mirrors, debsDir, log);
      return entry.packages.map((p) => debPath(debsDir, p));
    },
    extract: async (debs, root) => {
      const files = programFiles(program);
      for (const deb of debs) await extractDeb(deb, root, (path) => files.has(path));
      await relocateSymlinks(root);
      return void 0;
    },
    postProcess: [
      {
        run: (root, debs) => {
          if (![...programFiles(program)].some((f) => existsSync(join(root, f))))
            throw new InstallError(
              `${key}: ${debs.map((p) => p.split("/").at(-1) ?? p).join(", ")} has no usr/bin/${program}-static or usr/bin/${program}: this release's qemu cannot run ${qemuArch} programs`
            );
          return Promise.resolve();
        }
      }
    ],
    describe: (entry) => `${entry.release}, ${program} of ${entry.packages[0]?.name ?? pkg}`,
    wrappers: () => null
  };
}
function isQemuPin(entry) {
  const [only, ...more] = entry.packages;
  return only !== void 0 && more.length === 0 && QEMU_PACKAGES.includes(only.name);
}
function pinnedQemu(lock, host) {
  const whole = wholePackageKey(host);
  const ours = lock.toolchains.filter(
    (t) => t.release.startsWith(`${host.family}/`) && isQemuPin(t) && (t.key === whole || t.key.startsWith(`${QEMU_PACKAGE} qemu-`) && t.key.endsWith(` host-${host.debianArch}`))
  );
  return ours.find((t) => t.key !== whole) ?? ours[0];
}

// src/steps/prepare-qemu.ts
async function prepareQemu(r, qemuArch) {
  const host = hostOf(r.runner);
  const from = QEMU_SOURCES[host.family];
  const codename = from.codename ?? r.runner.distro.codename ?? "";
  if (codename === "")
    throw new PrepareError(`the host names no release codename to take ${from.package} from`);
  const source = qemuSource(host, codename, from.package, qemuArch, sourceDeps(r, codename, host));
  return install(source, r);
}

// src/steps/kinds/crosstool-runtime.ts
import { join as join2 } from "node:path";
async function prepareGlibc217(r, target) {
  const npm = npmToolchainOf(target.goarch);
  if (npm === void 0) return null;
  const installed = await install(runtimeSource(target, npm, r.toolCache.stateRoot), r);
  return join2(installed.dir, "root", npmSysroot(npm));
}
function runtimeSource(target, npm, stateRoot) {
  const lockKey = `glibc-${NPM_GLIBC} runtime ${formatTarget({ ...target, variant: null })}`;
  return npmPackageSource({
    lockKey,
    toolName: `cgo-abi-guard-glibc-${NPM_GLIBC}-${npm.triplet}`,
    release: NPM_RELEASE,
    npm,
    stateRoot,
    refusal: (entry) => entry.npm?.name === npm.pin.name ? null : `is not ${npm.pin.name}, the glibc ${NPM_GLIBC} runtime`,
    describePrefix: `${releaseName(NPM_RELEASE)}: `,
    wrappers: () => null
  });
}

// src/adapters/ia32.ts
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join as join3 } from "node:path";

// src/domain/runner/ia32-probe.ts
var BASE = 134512640;
var EHDR = 52;
var PHDR = 32;
var CODE = [49, 219, 49, 192, 64, 205, 128];
function i386ExitProgram() {
  const size = EHDR + PHDR + CODE.length;
  const bytes = new Uint8Array(size);
  const v = new DataView(bytes.buffer);
  bytes.set([127, 69, 76, 70, 1, 1, 1, 0]);
  v.setUint16(16, 2, true);
  v.setUint16(18, 3, true);
  v.setUint32(20, 1, true);
  v.setUint32(24, BASE + EHDR + PHDR, true);
  v.setUint32(28, EHDR, true);
  v.setUint16(40, EHDR, true);
  v.setUint16(42, PHDR, true);
  v.setUint16(44, 1, true);
  const p = EHDR;
  v.setUint32(p, 1, true);
  v.setUint32(p + 8, BASE, true);
  v.setUint32(p + 12, BASE, true);
  v.setUint32(p + 16, size, true);
  v.setUint32(p + 20, size, true);
  v.setUint32(p + 24, 5, true);
  v.setUint32(p + 28, 4096, true);
  bytes.set(CODE, EHDR + PHDR);
  return bytes;
}

// src/adapters/ia32.ts
var asked;
function kernelRuns386() {
  asked ??= probe();
  return asked;
}
async function probe() {
  if (process.arch !== "x64") return false;
  const dir = await mkdtemp(join3(process.env.RUNNER_TEMP ?? tmpdir(), "cgo-abi-guard-ia32-"));
  try {
    const program = join3(dir, "exit0");
    await writeFile(program, i386ExitProgram(), { mode: 448 });
    await chmod(program, 448);
    const r = await execQuiet(program, [], { timeoutMs: 1e4 });
    return r.exitCode === 0;
  } catch {
    return false;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// src/steps/smoke.ts
import { resolve } from "node:path";
var SmokeSetupFailed = class extends Error {
};
async function smokeRun(binaries, o) {
  const runnable = binaries.filter((b) => b.facts !== null && isRunnable(b.facts));
  const isStatic = (b) => b.facts?.interpreter === null;
  const onSysroot = o.sysroot !== null && runnable.some((b) => !isStatic(b)) ? await sysrootRun(o, o.sysroot) : null;
  const started = runnable.filter((b) => isStatic(b) || onSysroot !== null);
  let qemu = null;
  const native = runsNatively(
    o.target.goarch,
    o.hostGoarch,
    o.target.goarch === "386" && await kernelRuns386()
  );
  if (started.length > 0 && !native) {
    const arch = QEMU_ARCH[o.target.goarch];
    qemu = qemuIn(await setUp(() => o.qemuDir(arch)), arch);
  }
  const results = [];
  for (const b of runnable) {
    const binary = resolve(b.path);
    const base = { target: o.target, native, qemu, binary, args: o.args };
    const glibc = isStatic(b) ? STATIC_LIBC : onSysroot?.glibc ?? "-";
    if (!isStatic(b) && onSysroot === null) {
      const why = noSysrootReason(o.libc);
      results.push({ ...notStarted(b.path, glibc), notRun: why });
      continue;
    }
    const cmd = onSysroot === null || isStatic(b) ? staticCommand(base) : smokeCommand({
      ...base,
      glibcRoot: onSysroot.root,
      libraryDirs: onSysroot.libraryDirs,
      libc: onSysroot.libc ?? "glibc"
    });
    if ("error" in cmd) {
      results.push({ ...notStarted(b.path, glibc), stderr: [cmd.error] });
      continue;
    }
    const run = await runWithLimit(cmd, o.timeoutMs ?? SMOKE_TIMEOUT_MS);
    const note = isStatic(b) ? void 0 : onSysroot?.note;
    results.push({
      path: b.path,
      glibc,
      via: cmd.via,
      passed: run.exit === 0 && !run.timedOut,
      exit: run.exit,
      timedOut: run.timedOut,
      stderr: firstLines(run.stderr),
      command: commandLine(cmd),
      stdout: firstLines(run.stdout),
      ...note === void 0 ? {} : { note }
    });
  }
  return results;
}
function notStarted(path, glibc) {
  return { path, glibc, via: "-", passed: false, exit: null, timedOut: false, stderr: [] };
}
async function setUp(install2) {
  try {
    return await install2();
  } catch (error) {
    throw new SmokeSetupFailed(error instanceof Error ? error.message : String(error));
  }
}
async function sysrootRun(o, sysroot) {
  const { glibc217 } = o;
  const run = await smokeRuntimeOf(
    sysroot,
    o.target,
    glibc217 === void 0 ? {} : { glibc217: () => setUp(glibc217) }
  );
  const glibc = run.libc === "musl" ? `musl ${run.version ?? "unknown"}` : await glibcVersionOf(run.root) ?? "unknown";
  return { ...run, glibc };
}

// src/steps/smoke-targets.ts
function smokeRunner(setting) {
  const hostGoarch = hostOf(setting.runner).goarch;
  const qemus = /* @__PURE__ */ new Map();
  const qemuDir = async (qemuArch) => {
    const q = qemus.get(qemuArch) ?? prepareQemu(setting, qemuArch);
    qemus.set(qemuArch, q);
    return (await q).dir;
  };
  return {
    run: (binaries, t) => smokeRun(binaries, {
      target: t.target,
      hostGoarch,
      sysroot: t.sysroot,
      libc: t.libc,
      args: smokeArgs(t.args),
      qemuDir,
      glibc217: () => prepareGlibc217(setting, t.target)
    }),
    qemu: async () => {
      const settled = await Promise.allSettled(qemus.values());
      return settled.flatMap((s) => s.status === "fulfilled" ? [s.value] : []);
    }
  };
}

export {
  SmokeSetupFailed,
  smokeRunner
};
