import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  linkRecorder
} from "./chunk-QK2C5E6M.js";
import {
  FLOOR_DISTRIBUTIONS,
  RELEASES,
  RELEASE_ROWS,
  compilerRuns,
  ldWritesObjectPaths,
  releaseName
} from "./chunk-7WEMPANV.js";
import {
  ARCHITECTURES
} from "./chunk-YTYQUFQD.js";
import {
  muslExports
} from "./chunk-HI2NNNE4.js";
import {
  GLIBC_NEEDED,
  GLIBC_OTHER,
  compareDotted
} from "./chunk-TOITHGCZ.js";

// src/domain/toolchain/pkg-config-wrapper.ts
function debianLayout(triplet) {
  return {
    sysroot: "",
    pkgConfigDirs: [
      `usr/lib/${triplet}/pkgconfig`,
      `usr/${triplet}/lib/pkgconfig`,
      "usr/share/pkgconfig"
    ]
  };
}
function sysrootIn(root, layout) {
  return layout.sysroot === "" ? root : `${root}/${layout.sysroot}`;
}
var NO_HOST_PKG_CONFIG = "cgo-abi-guard: no pkg-config or pkgconf on PATH: it is a host tool the sysroot does not bring (apt-get install pkg-config); this wrapper only confines it to the sysroot";
var UNFIT_PATH = "cgo-abi-guard: pkg-config cannot give flags for a sysroot whose path holds a space, a quote, a backslash, a colon or ${ (pkgconf doubles or drops the path); use a tool cache path without them (RUNNER_TOOL_CACHE)";
function pkgConfigScript(layout, prelude) {
  const sysroot = sysrootIn("$root", layout);
  const libdir = layout.pkgConfigDirs.map((d) => `${sysroot}/${d}`).join(":");
  return [
    prelude.trimEnd(),
    // pkg-config cannot write such a sysroot into flags (measured: pkgconf 1.8 doubles it at a
    // space, a backslash or `${`, which it expands, and prints nothing at a quote or a colon;
    // 0.29 writes it unescaped, which Go then splits); a colon also splits PKG_CONFIG_LIBDIR.
    "case $root in *[[:space:]\\'\\\"\\\\:]* | *'${'*)",
    `  printf '%s: %s\\n' '${UNFIT_PATH}' "$root" >&2`,
    "  exit 1 ;;",
    "esac",
    "unset PKG_CONFIG_PATH",
    `PKG_CONFIG_LIBDIR="${libdir}"`,
    `PKG_CONFIG_SYSROOT_DIR="${sysroot}"`,
    "export PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR",
    'self="$here/pkg-config"',
    "set -f",
    "IFS=:",
    "for d in $PATH; do",
    '  for p in "${d:-.}/pkg-config" "${d:-.}/pkgconf"; do',
    '    if [ -f "$p" ] && [ -x "$p" ] && ! [ "$p" -ef "$self" ]; then',
    "      unset IFS",
    '      exec "$p" "$@"',
    "    fi",
    "  done",
    "done",
    `echo '${NO_HOST_PKG_CONFIG}' >&2`,
    "exit 127",
    ""
  ].join("\n");
}

// src/domain/platform.ts
var LIBCS = ["glibc", "musl", "none"];
var ARCHES = archesOf(ARCHITECTURES);
function archesOf(rows) {
  const out = {};
  for (const row of rows) {
    const seen = out[row.goarch];
    const variants = [...seen?.variants ?? [], ...row.variants].sort(
      (a, b) => variantLevel(a) - variantLevel(b)
    );
    out[row.goarch] = {
      goarch: row.goarch,
      elfClass: row.elf.class,
      endian: row.elf.endian,
      machine: row.elf.machine,
      variants,
      defaultVariant: seen?.defaultVariant ?? row.defaultVariant,
      glibcKernelFloor: seen?.glibcKernelFloor ?? row.glibc.kernel
    };
  }
  return out;
}
function abiInfo(row) {
  return {
    glibcLoader: row.glibc.loader,
    muslLoader: row.musl.loader,
    triplet: row.glibc.triplet,
    debianArch: row.debian,
    muslArch: row.musl.arch,
    muslTriplet: row.musl.triplet,
    muslMultiarch: row.musl.multiarch
  };
}
function architectureOf(target) {
  const rows = ARCHITECTURES.filter((r) => r.goarch === target.goarch);
  const float = floatAbiOf(target);
  const row = float === null ? rows[0] : rows.find((r) => r.elf.floatAbi === float);
  if (row === void 0) throw new Error(`no ABI row for ${formatTarget(target)}`);
  return row;
}
function isGoArch(value) {
  return Object.hasOwn(ARCHES, value);
}
function parseTarget(text) {
  const parts = text.trim().split("/");
  const [os, goarch, variant, ...rest] = parts;
  const known = Object.keys(ARCHES).join(", ");
  if (os !== "linux" || goarch === void 0 || rest.length > 0) {
    return {
      error: `target "${text}" is not of the form linux/<goarch>[/<variant>] (goarch: ${known})`
    };
  }
  if (!isGoArch(goarch))
    return { error: `target "${text}": unknown goarch "${goarch}" (known: ${known})` };
  const info = ARCHES[goarch];
  if (variant === void 0 || variant === "") return { goarch, variant: info.defaultVariant };
  if (!info.variants.includes(variant)) {
    const allowed = info.variants.length > 0 ? `one of ${info.variants.join(", ")}` : "none";
    return {
      error: `target "${text}": variant "${variant}" is not valid for ${goarch} (${allowed})`
    };
  }
  return { goarch, variant };
}
function targetList(range = "-") {
  const goarches = [...new Set(ARCHITECTURES.map((a) => a.goarch))];
  return goarches.map((goarch) => {
    const { variants } = ARCHES[goarch];
    const [first, last] = [variants[0], variants.at(-1)];
    if (first === void 0 || last === void 0) return goarch;
    const oneAbi = ARCHITECTURES.filter((a) => a.goarch === goarch).length === 1;
    return `${goarch}[/${oneAbi ? `${first}${range}${last}` : variants.join("|")}]`;
  }).join(", ");
}
function formatTarget(target) {
  return target.variant === null ? `linux/${target.goarch}` : `linux/${target.goarch}/${target.variant}`;
}
function floatAbiOf(target) {
  const rows = ARCHITECTURES.filter((r) => r.goarch === target.goarch && r.elf.floatAbi !== null);
  if (rows.length === 0) return null;
  const row = rows.find((r) => target.variant !== null && r.variants.includes(target.variant));
  return row?.elf.floatAbi ?? "soft";
}
function targetOfFloatAbi(goarch, floatAbi) {
  const want = floatAbi === "soft" ? "soft" : "hard";
  const row = ARCHITECTURES.find((r) => r.goarch === goarch && r.elf.floatAbi === want);
  return { goarch, variant: row?.variants[0] ?? null };
}
function abiOf(target) {
  return abiInfo(architectureOf(target));
}
function loaderFor(target, libc) {
  if (libc === "none") return null;
  const info = abiOf(target);
  return libc === "glibc" ? info.glibcLoader : info.muslLoader;
}
function describeLoader(path) {
  for (const row of ARCHITECTURES) {
    if (row.glibc.loader === path) return `the glibc loader for ${row.name}`;
    if (row.musl.loader === path) return `the musl loader for ${row.name}`;
  }
  return null;
}
function goarchOf(elfClass, endian, machine) {
  for (const info of Object.values(ARCHES)) {
    if (info.machine === machine && info.elfClass === elfClass && info.endian === endian)
      return info.goarch;
  }
  return null;
}
function variantLevel(variant) {
  return Number.parseInt(variant.replace(/^v/, ""), 10);
}

// src/domain/toolchain/mirrors.ts
var trimSlash = (uri) => uri.replace(/\/+$/, "");
var keyringOf = (signedBy) => signedBy?.startsWith("/") === true ? signedBy : null;
function mirrorListLocation(uri) {
  const file = /^mirror\+file:(?:\/\/)?(\/.*)$/.exec(uri);
  if (file?.[1] !== void 0) return file[1];
  const web = /^mirror(?:\+(https?))?:\/\/(.+)$/.exec(uri);
  if (web?.[2] !== void 0) return `${web[1] ?? "http"}://${web[2]}`;
  return null;
}
function archiveSources(entries, codename) {
  const out = [];
  for (const e of entries) {
    if (!e.enabled || !e.types.includes("deb") || !e.suites.includes(codename)) continue;
    const keyring = keyringOf(e.signedBy);
    for (const uri of e.uris) {
      const list = mirrorListLocation(uri);
      if (list !== null) out.push({ kind: "list", location: list, keyring, origin: e.origin });
      else if (/^https?:\/\//.test(uri)) out.push({ kind: "uri", uri: trimSlash(uri), keyring });
    }
  }
  if (out.length > 0) return out;
  const seen = entries.filter((e) => e.enabled).map((e) => `${e.uris.join(" ")} (${e.types.join(",")}: ${e.suites.join(" ")})`);
  return {
    error: `no http(s) or mirror-list apt source of type deb for suite "${codename}" in the host's apt configuration; found: ${seen.length > 0 ? seen.join("; ") : "no entries"}`
  };
}
function parseMirrorList(text) {
  const out = [];
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) continue;
    const [uri = "", ...meta] = line.split("	");
    let priority = null;
    const limits = /* @__PURE__ */ new Map();
    for (const item of meta.join("	").split(/[\t ]+/)) {
      const colon = item.indexOf(":");
      if (colon <= 0) continue;
      const key = item.slice(0, colon).toLowerCase();
      const value = item.slice(colon + 1);
      if (key === "priority") priority = /^\d+$/.test(value) ? Number(value) : null;
      else limits.set(key, [...limits.get(key) ?? [], value]);
    }
    out.push({ uri: uri.trim(), priority, limits });
  }
  return out;
}
function orderMirrorList(entries, want) {
  const allows = (e, key, value) => {
    const allowed = e.limits.get(key);
    return allowed === void 0 || allowed.includes(value);
  };
  return entries.map((e, index) => ({ e, index })).filter(
    ({ e }) => /^https?:\/\//.test(e.uri) && allows(e, "arch", want.arch) && allows(e, "codename", want.codename) && allows(e, "suite", want.codename)
  ).sort(
    (a, b) => (a.e.priority ?? Number.MAX_SAFE_INTEGER) - (b.e.priority ?? Number.MAX_SAFE_INTEGER) || a.index - b.index
  ).map(({ e }) => trimSlash(e.uri));
}
function candidateMirrors(user, host) {
  const keyring = host.find((m) => m.keyring !== null)?.keyring ?? null;
  const all = [...user.map((uri) => ({ uri: trimSlash(uri), keyring })), ...host];
  const seen = /* @__PURE__ */ new Set();
  return all.filter((m) => !seen.has(m.uri) && seen.add(m.uri));
}
function checkMirrorUri(uri) {
  if (!/^https?:\/\/[^\s/]+(\/\S*)?$/.test(uri))
    return `mirror "${uri}" is not an http(s) URI of a package archive (like http://host/debian)`;
  return null;
}

// src/domain/toolchain/apt-sources.ts
var words = (value) => (value ?? "").split(/\s+/).filter((w) => w !== "");
function parseStanzas(text) {
  const stanzas = [];
  let current = /* @__PURE__ */ new Map();
  let last = null;
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    if (line.trim() === "") {
      if (current.size > 0) stanzas.push(current);
      current = /* @__PURE__ */ new Map();
      last = null;
    } else if (/^[ \t]/.test(line) && last !== null) {
      const body = line.trim() === "." ? "" : line.trim();
      current.set(last, `${current.get(last) ?? ""}
${body}`);
    } else {
      const colon = line.indexOf(":");
      if (colon <= 0) continue;
      last = line.slice(0, colon).trim().toLowerCase();
      current.set(last, line.slice(colon + 1).trim());
    }
  }
  if (current.size > 0) stanzas.push(current);
  return stanzas;
}
function parseDeb822Sources(text, origin = "") {
  return parseStanzas(text).filter((s) => s.has("types") || s.has("uris")).map((s) => ({
    types: words(s.get("types")),
    uris: words(s.get("uris")),
    suites: words(s.get("suites")),
    components: words(s.get("components")),
    signedBy: s.get("signed-by")?.trim() ?? null,
    enabled: !/^(no|false|0)$/i.test(s.get("enabled")?.trim() ?? "yes"),
    origin
  }));
}
function parseOneLineSources(text, origin = "") {
  const entries = [];
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const m = /^(deb|deb-src)\s+(?:\[([^\]]*)\]\s*)?(\S+)\s+(\S+)(.*)$/.exec(line);
    if (m === null) continue;
    const options = /* @__PURE__ */ new Map();
    for (const option of words(m[2])) {
      const eq = option.indexOf("=");
      if (eq > 0) options.set(option.slice(0, eq).toLowerCase(), option.slice(eq + 1));
    }
    entries.push({
      types: [m[1] ?? "deb"],
      uris: [m[3] ?? ""],
      suites: [m[4] ?? ""],
      components: words(m[5]),
      signedBy: options.get("signed-by") ?? null,
      enabled: true,
      origin
    });
  }
  return entries;
}
function parseAptSources(files) {
  return files.flatMap(
    (f) => (f.format ?? (f.path.endsWith(".sources") ? "deb822" : "one-line")) === "deb822" ? parseDeb822Sources(f.text, f.path) : parseOneLineSources(f.text, f.path)
  );
}
function parsePrintUris(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const m = /^'([^']+)'\s+(\S+)\s+(\d+)\s+SHA256:([0-9a-f]{64})\s*$/i.exec(line.trim());
    if (m === null) continue;
    const [, url = "", filename = "", size = "0", sha = ""] = m;
    out.push({ url, filename, size: Number(size), sha256: sha.toLowerCase() });
  }
  return out;
}
function parseDebFilename(filename) {
  const base = filename.slice(filename.lastIndexOf("/") + 1);
  const m = /^([^_]+)_([^_]+)_([^_]+)\.deb$/.exec(base);
  if (m === null) return null;
  const [, name = "", version = "", arch = ""] = m;
  return { name, version: version.replace(/%3a/gi, ":"), arch };
}
function parseDependsField(value) {
  return value.split(",").map(
    (group) => group.split("|").map((alt) => alt.trim().split(/[\s(:[<]/)[0] ?? "").filter((name) => name !== "")
  ).filter((group) => group.length > 0);
}
var TYPE_BY_CHAR = {
  "-": "file",
  d: "dir",
  l: "symlink",
  h: "hardlink"
};
var LISTING = /^(\S)\S{9}\s+\S+\s+(?:\d+|\d+,\s*\d+)\s+\d{4}-\d\d-\d\d\s+\d\d:\d\d(?::\d\d)?\s(.*)$/;
function unescapeTar(s) {
  const simple = { n: "\n", t: "	", r: "\r", "\\": "\\", f: "\f" };
  return s.replace(/((?:\\[0-7]{3})+)|\\(.)/g, (_, octal, e) => {
    if (octal === void 0) return simple[e] ?? e;
    const bytes = octal.split("\\").slice(1).map((o) => parseInt(o, 8));
    return new TextDecoder().decode(Uint8Array.from(bytes));
  });
}
function parseDebContents(text) {
  const entries = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    const m = LISTING.exec(line);
    if (m === null) {
      entries.push({ path: line, type: "other", linkTarget: null });
      continue;
    }
    const type = TYPE_BY_CHAR[m[1] ?? ""] ?? "other";
    const rest = m[2] ?? "";
    const sep = type === "symlink" ? " -> " : type === "hardlink" ? " link to " : null;
    const parts = sep === null ? [rest] : rest.split(sep);
    const linkTarget = parts.length === 2 ? unescapeTar(parts[1] ?? "") : null;
    const path = unescapeTar(parts.length === 2 ? parts[0] ?? "" : rest);
    entries.push({ path, type, linkTarget });
  }
  return entries;
}
var components = (p) => p.split("/").filter((c) => c !== "" && c !== ".");
function climb(dir, rel) {
  const stack = [...dir];
  for (const c of components(rel)) {
    if (c !== "..") stack.push(c);
    else if (stack.pop() === void 0) return null;
  }
  return stack;
}
function checkEntries(entries) {
  const problems = [];
  const symlinks = new Set(
    entries.filter((e) => e.type === "symlink").map((e) => components(e.path).join("/"))
  );
  const throughSymlink = (parts) => {
    for (let i = 1; i < parts.length; i++) {
      const prefix = parts.slice(0, i).join("/");
      if (symlinks.has(prefix)) return prefix;
    }
    return null;
  };
  for (const e of entries) {
    const parts = components(e.path);
    if (e.type === "other") {
      problems.push(`${e.path}: device, fifo or unrecognised entry`);
      continue;
    }
    if (e.path.startsWith("/")) problems.push(`${e.path}: absolute path`);
    if (parts.includes("..")) problems.push(`${e.path}: path contains ".."`);
    const via = throughSymlink(parts);
    if (via !== null) problems.push(`${e.path}: written through the symlink ${via}`);
    if (e.type === "symlink") {
      if (e.linkTarget === null) problems.push(`${e.path}: ambiguous symlink entry`);
      else if (!e.linkTarget.startsWith("/") && climb(parts.slice(0, -1), e.linkTarget) === null)
        problems.push(`${e.path}: symlink to ${e.linkTarget} leaves the root`);
    }
    if (e.type === "hardlink") {
      const t = e.linkTarget;
      if (t === null) problems.push(`${e.path}: ambiguous hardlink entry`);
      else if (t.startsWith("/") || components(t).includes(".."))
        problems.push(`${e.path}: hardlink to ${t} leaves the root`);
      else if (throughSymlink(components(t)) !== null)
        problems.push(`${e.path}: hardlink to ${t} goes through a symlink`);
    }
  }
  return problems;
}
function releaseArchitectures(text) {
  const m = /^Architectures:[ \t]*(.*)$/m.exec(text);
  return m === null ? null : (m[1] ?? "").split(/\s+/).filter((a) => a !== "");
}

// src/domain/toolchain/wrappers.ts
var wrapperPrelude = (plan) => [
  "#!/bin/sh",
  `# Generated by cgo-abi-guard for ${plan.toolName} (${releaseName(plan.release)}). Do not edit: reinstalling rewrites it.`,
  'here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd -P)',
  'root="${here%/bin}/root"',
  ""
].join("\n");
var ROOT_ALIAS = "/cgo-abi-guard";
var prefixMap = `-ffile-prefix-map="$root"=${ROOT_ALIAS}`;
var debugPrefixMap = `-fdebug-prefix-map="$root"=${ROOT_ALIAS}`;
function wrapperScripts(plan, gccMajor, clang, extraFlags = "") {
  const pkgConfig = pkgConfigScript(debianLayout(plan.triplet), wrapperPrelude(plan));
  return { ...compilerScripts(plan, gccMajor, clang, extraFlags), pkgConfig };
}
function compilerScripts(plan, gccMajor, clang, statik) {
  const t = plan.triplet;
  const env = crossLibraryPath(plan);
  const pre = `${wrapperPrelude(plan)}${linkRecorder(plan.mode === "clang" ? "lld" : "gnu", crossObjcopy(plan, env))}${staticLibm(t)}`;
  switch (plan.mode) {
    case "cross-gcc": {
      const run = (tool) => `${pre}${env} exec "$root/usr/bin/${t}-${tool}-${gccMajor}" --sysroot="$root" ${prefixMap}${statik} "$@"
`;
      return { cc: run("gcc"), cxx: run("g++") };
    }
    case "host-gcc": {
      const libs = `-L"$root/usr/lib/gcc-cross/${t}/${gccMajor}" -B"$root/usr/${t}/lib" -L"$root/usr/${t}/lib" -L"$root/usr/lib/${t}" -L"$root/lib/${t}" -Wl,-rpath-link,"$root/usr/lib/${t}:$root/lib/${t}"${statik}`;
      const c = `-isystem "$root/usr/${t}/include"`;
      const cxx = `-isystem "$root/usr/${t}/include/c++/${gccMajor}" -isystem "$root/usr/${t}/include/c++/${gccMajor}/${t}" ${c}`;
      return {
        cc: `${pre}exec gcc --sysroot="$root" ${prefixMap} ${c} ${libs} "$@"
`,
        cxx: `${pre}exec g++ --sysroot="$root" ${prefixMap} ${cxx} ${libs} "$@"
`
      };
    }
    case "clang": {
      if (clang === null) throw new Error("clang mode needs the host clang");
      const flags = `--target=${t} --sysroot="$root" ${prefixMap} -fuse-ld=lld --ld-path=${shellWord(clang.lld)} -Qunused-arguments${statik}`;
      return {
        cc: `${pre}exec ${shellWord(clang.clang)} ${flags} "$@"
`,
        cxx: `${pre}exec ${shellWord(clang.clangxx)} ${flags} "$@"
`
      };
    }
  }
}
var crossLibraryPath = (plan) => `LD_LIBRARY_PATH="$root/usr/lib/${plan.host.multiarch}\${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"`;
function crossObjcopy(plan, env) {
  if (plan.mode !== "cross-gcc" || !ldWritesObjectPaths(plan.release)) return null;
  return `${env} "$root/usr/bin/${plan.triplet}-objcopy"`;
}
function staticLibm(triplet) {
  if (triplet !== "x86_64-linux-gnu") return "";
  return [
    `lib="$root/usr/${triplet}/lib" static=`,
    'for a; do [ "$a" = -static ] && static=1; done',
    'if [ -n "$static" ] && [ -f "$lib/libmvec.a" ]; then',
    "  for a; do",
    "    shift",
    '    if [ "$a" = -lm ]; then set -- "$@" -Wl,--start-group "$lib"/libm-[0-9]*.a "$lib/libmvec.a" -Wl,--end-group',
    '    else set -- "$@" "$a"; fi',
    "  done",
    "fi",
    ""
  ].join("\n");
}
function shellWord(path) {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
function hostProgramsFor(plan) {
  switch (plan.mode) {
    case "cross-gcc":
      return [];
    case "host-gcc":
      return [
        { program: "gcc", hint: "install gcc (apt-get install gcc), or use compiler: clang" },
        { program: "g++", hint: "install g++ (apt-get install g++)" }
      ];
    case "clang":
      return [];
  }
}
function clangCaveat(plan, lldMajor) {
  if (plan.mode !== "clang") return null;
  const { goarch, variant } = plan.target;
  if (goarch === "s390x" && lldMajor < 18)
    return `lld ${lldMajor} cannot link s390x (lld before 18: "unknown emulation: elf64_s390"); use compiler: gcc or clang-18`;
  if (goarch === "riscv64" && lldMajor < 15)
    return `lld ${lldMajor} cannot link riscv64 (lld before 15 has no linker relaxation for R_RISCV_ALIGN in crt1.o); use compiler: gcc`;
  if (goarch === "arm" && variant !== "v7")
    return "clang calls __atomic_* helpers for ARMv5/v6 that need libatomic, which the sysroot lacks; use compiler: gcc";
  return null;
}

// src/domain/toolchain/musl.ts
var MUSL_LINKS = ["static", "dynamic"];
var MUSL_ROOT_VAR = "CGO_ABI_GUARD_MUSL_ROOT";
var MUSL_STACK_SIZE = 8388608;
function muslReleasesFor(family, arch) {
  const out = [];
  for (const row of RELEASE_ROWS) {
    if (row.family !== family || row.musl === null || muslExports(row.musl, arch) === null)
      continue;
    const release = RELEASES.find((r) => r.family === family && r.codename === row.codename);
    if (release !== void 0) out.push({ release, musl: row.musl });
  }
  return out.sort((a, b) => compareDotted(a.musl, b.musl));
}
function floorsOf(family) {
  const seen = /* @__PURE__ */ new Map();
  for (const row of RELEASE_ROWS)
    if (row.family === family && row.musl !== null) seen.set(row.musl, row.codename);
  return [...seen].map(([v, c]) => `${v} (${c})`).join(", ");
}
function chooseMuslRelease(family, arch, target, version, runnerGlibc) {
  const all = muslReleasesFor(family, arch);
  if (all.length === 0) {
    const floors = floorsOf(family);
    return {
      error: floors === "" ? `musl toolchains come from Debian's musl packages (bullseye 1.2.2, bookworm 1.2.3, trixie 1.2.5), and this runner is ${family}: run the job on Debian (a job container: debian:12)` : `no ${family} release has musl for ${target} (musl floors: ${floors})`
    };
  }
  const musl = version === null ? all[0] : all.find((r) => r.musl === version);
  if (musl === void 0)
    return {
      error: `musl ${version ?? ""} is not a floor for ${target}: one of ${all.map((r) => `${r.musl} (${r.release.codename})`).join(", ")}`
    };
  if (runnerGlibc === null || compilerRuns(musl.release, runnerGlibc))
    return { musl, compiler: musl.release };
  const runs = RELEASES.filter((r) => r.family === family && compilerRuns(r, runnerGlibc)).sort(
    (a, b) => compareDotted(a.glibc, b.glibc)
  );
  const compiler = runs.at(-1);
  if (compiler === void 0)
    return {
      error: `no ${family} release's cross gcc runs on this runner (glibc ${runnerGlibc}): use compiler: clang (--compiler clang)`
    };
  return { musl, compiler };
}
function muslSpecs(multiarch, loader) {
  const at = (path) => `%:getenv(${MUSL_ROOT_VAR} /${path})`;
  const inc = at(`usr/include/${multiarch}`);
  const lib = (file) => at(`usr/lib/${multiarch}${file}`);
  return [
    "%rename cpp_options old_cpp_options",
    "",
    "*cpp_options:",
    `-nostdinc -isystem ${inc} -isystem include%s %(old_cpp_options)`,
    "",
    "*cc1:",
    `%(cc1_cpu) -nostdinc -isystem ${inc} -isystem include%s`,
    "",
    "*link_libgcc:",
    // libc.so is musl's (the `musl` package's /lib/<dir>), libc.a musl-dev's: a dynamic link
    // finds the first, a static one (archives only) the second.
    `-L${at(`lib/${multiarch}`)} -L${lib("")} -L .%s`,
    "",
    "*libgcc:",
    "libgcc.a%s %:if-exists(libgcc_eh.a%s)",
    "",
    "*startfile:",
    `%{!shared: ${lib("/Scrt1.o")}} ${lib("/crti.o")} crtbeginS.o%s`,
    "",
    "*endfile:",
    `crtendS.o%s ${lib("/crtn.o")}`,
    "",
    "*link:",
    `-dynamic-linker ${loader} -nostdlib %{shared:-shared} %{static:-static} %{rdynamic:-export-dynamic}`,
    ""
  ].join("\n");
}
var muslSpecsPath = (multiarch) => `usr/lib/${multiarch}/cgo-abi-guard-musl.specs`;
var muslLayout = (multiarch) => ({
  sysroot: "",
  pkgConfigDirs: [`usr/lib/${multiarch}/pkgconfig`]
});
var MUSL_NO_CXX = "cgo-abi-guard: no C++ for musl: Debian has no libstdc++ built against musl, so a cgo package with C++ files cannot be built with libc: musl (build it with libc: glibc, or build a C++ runtime for musl in run and set CXX)";
function muslWrapperScripts(plan, musl, gccMajor, clang) {
  const pre = wrapperPrelude(plan);
  const m = musl.multiarch;
  const t = plan.triplet;
  const specs = `-specs "$root/${muslSpecsPath(m)}"`;
  const root = `export ${MUSL_ROOT_VAR}="$root"
`;
  const cxx = `${pre}echo ${shellWord(MUSL_NO_CXX)} >&2
exit 1
`;
  const pkgConfig = pkgConfigScript(muslLayout(m), pre);
  const ldPath = crossLibraryPath(plan);
  const rec = linkRecorder(plan.mode === "clang" ? "lld" : "gnu", crossObjcopy(plan, ldPath));
  switch (plan.mode) {
    case "cross-gcc": {
      const env = `export ${ldPath}
`;
      const cc = `${pre}${rec}${root}${env}exec "$root/usr/bin/${t}-gcc-${gccMajor}" --sysroot="$root" ${prefixMap} ${specs} "$@"
`;
      return { cc, cxx, pkgConfig };
    }
    case "host-gcc":
      return {
        cc: `${pre}${rec}${root}exec gcc --sysroot="$root" ${prefixMap} ${specs} "$@"
`,
        cxx,
        pkgConfig
      };
    case "clang": {
      if (clang === null) throw new Error("clang mode needs the host clang");
      const gcc = `$root/usr/lib/gcc-cross/${t}/${gccMajor}`;
      const flags = `--target=${musl.triplet} --sysroot="$root" ${prefixMap} -nostdlibinc -isystem "$root/usr/include/${m}" -B"$root/usr/lib/${m}" -L"$root/usr/lib/${m}" -B"${gcc}" -L"${gcc}" --rtlib=libgcc -static-libgcc -fuse-ld=lld --ld-path=${shellWord(clang.lld)} -Qunused-arguments`;
      return { cc: `${pre}${rec}exec ${shellWord(clang.clang)} ${flags} "$@"
`, cxx, pkgConfig };
    }
  }
}
function muslGoEnv(link) {
  const ld = link === "static" ? "-linkmode=external -extldflags=-static" : "-linkmode=external";
  return {
    GOFLAGS: `'-ldflags=${ld}'`,
    CGO_LDFLAGS: `-O2 -g -Wl,-z,stack-size=${MUSL_STACK_SIZE}`
  };
}
var muslKeyPart = (version) => `musl-${version}`;
function muslCompilerNotice(o) {
  if (o.compiler.codename === o.muslRelease.codename) return null;
  return `musl ${o.musl} for ${o.target} is ${releaseName(o.muslRelease)}'s, whose cross gcc needs glibc ${o.muslRelease.glibc} on the runner, which has ${o.runnerGlibc ?? "an older one"}: ${releaseName(o.compiler)}'s cross gcc builds with it (musl's objects stripped of their debug info, which its binutils cannot read); compiler: clang takes the host clang instead`;
}

// src/domain/toolchain/debian-version.ts
function order(c) {
  if (c === "~") return -1;
  if (/[0-9]/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  return c === "" ? 0 : c.charCodeAt(0) + 256;
}
function compareFragment(a, b) {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let first = 0;
    while (i < a.length && !/[0-9]/.test(a.charAt(i)) || j < b.length && !/[0-9]/.test(b.charAt(j))) {
      const ac = i < a.length && !/[0-9]/.test(a.charAt(i)) ? order(a.charAt(i)) : 0;
      const bc = j < b.length && !/[0-9]/.test(b.charAt(j)) ? order(b.charAt(j)) : 0;
      if (ac !== bc) return ac - bc;
      i++;
      j++;
    }
    while (a.charAt(i) === "0") i++;
    while (b.charAt(j) === "0") j++;
    while (/[0-9]/.test(a.charAt(i)) && /[0-9]/.test(b.charAt(j))) {
      if (first === 0) first = a.charCodeAt(i) - b.charCodeAt(j);
      i++;
      j++;
    }
    if (/[0-9]/.test(a.charAt(i))) return 1;
    if (/[0-9]/.test(b.charAt(j))) return -1;
    if (first !== 0) return first;
  }
  return 0;
}
function split(v) {
  const colon = v.indexOf(":");
  const epoch = colon > 0 ? Number(v.slice(0, colon)) : 0;
  const rest = colon > 0 ? v.slice(colon + 1) : v;
  const dash = rest.lastIndexOf("-");
  return dash > 0 ? [epoch, rest.slice(0, dash), rest.slice(dash + 1)] : [epoch, rest, ""];
}
function compareDebianVersions(a, b) {
  const [ea, ua, ra] = split(a);
  const [eb, ub, rb] = split(b);
  if (ea !== eb) return ea - eb;
  return compareFragment(ua, ub) || compareFragment(ra, rb);
}

// src/domain/toolchain/shlibs.ts
function parseSymbolsFile(text) {
  const out = [];
  for (const line of text.split("\n")) {
    const current = out.at(-1);
    const symbol = /^(?:\s+|#(?:DEPRECATED|MISSING): ([^#]+)#\s*)(.*)/.exec(line);
    if (symbol !== null) {
      if (current !== void 0) addSymbol(current, symbol[2] ?? "", symbol[1] !== void 0);
      continue;
    }
    if (line.startsWith("#") || line === "") continue;
    const alternative = /^\|\s*(.*)$/.exec(line);
    if (alternative?.[1] !== void 0) {
      current?.alternatives.push(alternative[1]);
      continue;
    }
    if (line.startsWith("*")) continue;
    const object = /^(\S+)\s+(.*)$/.exec(line);
    if (object?.[1] !== void 0 && object[2] !== void 0)
      out.push({
        soname: object[1],
        template: object[2],
        alternatives: [],
        symbols: /* @__PURE__ */ new Map(),
        smallest: null
      });
  }
  return out;
}
var PATTERN_TAG = /(?:^|\|)\s*(?:c\+\+|symver|regex)\s*(?:$|[|=])/;
function addSymbol(entry, spec, deprecated) {
  const m = /^(?:\(([^)]*)\))?("[^"]+"|'[^']+'|\S+)\s(\S+)(?:\s(\d+))?/.exec(spec.trim());
  if (m?.[2] === void 0 || m[3] === void 0) return;
  const name = m[2].replace(/^["']|["']$/g, "");
  if (PATTERN_TAG.test(m[1] ?? "") || name.startsWith("*@")) return;
  const depId = Number(m[4] ?? "0");
  if (depId === 0 && (entry.smallest === null || compareDebianVersions(m[3], entry.smallest) < 0))
    entry.smallest = m[3];
  if (!deprecated) entry.symbols.set(name, { minver: m[3], depId });
}
function parseShlibsFile(text) {
  const out = /* @__PURE__ */ new Map();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/^udeb:\s*/, "").trim();
    if (line === "" || line.startsWith("#") || raw.startsWith("udeb:")) continue;
    const [name, version, ...dependency] = line.split(/\s+/);
    if (name === void 0 || version === void 0 || dependency.length === 0) continue;
    for (const soname of [`${name}.so.${version}`, `${name}-${version}.so`])
      out.set(soname, dependency.join(" "));
  }
  return out;
}
var GLIBC_SONAMES = /* @__PURE__ */ new Set([
  ...GLIBC_NEEDED,
  ...GLIBC_OTHER,
  ...ARCHITECTURES.map((a) => a.glibc.loader.slice(a.glibc.loader.lastIndexOf("/") + 1))
]);
var GCC_RUNTIME = {
  "libstdc++.so.6": "libstdc++6",
  "libgcc_s.so.1": "libgcc-s1"
};
function dependsLine(input) {
  const clauses = /* @__PURE__ */ new Map();
  const add = (clause) => {
    addClause(clauses, clause);
  };
  if (input.glibc !== null || input.needed.some((n) => GLIBC_SONAMES.has(n)))
    add(input.glibc === null ? "libc6" : `libc6 (>= ${input.glibc})`);
  const minimums = templateMinimums(input);
  for (const soname of input.needed) {
    const runtime = GCC_RUNTIME[soname];
    if (runtime !== void 0) add(runtime);
    const lib = input.libraries.find((l) => l.soname === soname);
    if (lib === void 0) continue;
    const versions = minimums.get(lib);
    if (lib.template === null || versions === void 0) {
      add(lib.shlibs ?? lib.package);
      continue;
    }
    const templates = [lib.template, ...lib.alternatives ?? []];
    for (const [id, version] of versions.entries()) {
      const template = templates[id];
      if (template === void 0 || version === void 0) continue;
      const minver = version === "" || version === "0" ? "" : `(>= ${version})`;
      const filled = template.replace(/#MINVER#/g, minver).replace(/\s+/g, " ");
      for (const clause of filled.split(",")) if (clause.trim() !== "") add(clause.trim());
    }
  }
  return [...clauses.values()].join(", ");
}
function templateMinimums(input) {
  const out = /* @__PURE__ */ new Map();
  const withSymbols = input.needed.map((soname) => input.libraries.find((l) => l.soname === soname)).filter((l) => l !== void 0 && l.template !== null);
  const raise = (lib, depId, minver) => {
    const versions = out.get(lib) ?? [];
    const now = versions[depId];
    if (now === void 0 || now === "" || minver !== "" && compareDebianVersions(minver, now) > 0)
      versions[depId] = minver;
    out.set(lib, versions);
  };
  for (const lib of withSymbols) raise(lib, 0, lib.smallest ?? "");
  for (const { symbol, version } of input.symbols) {
    const key = `${symbol}@${version === "" ? "Base" : version}`;
    for (const lib of withSymbols) {
      const found = lib.symbols.get(key);
      if (found === void 0) continue;
      raise(lib, found.depId, found.minver);
      break;
    }
  }
  return out;
}
function mergeDepends(lines) {
  const clauses = /* @__PURE__ */ new Map();
  for (const line of lines)
    for (const clause of line.split(",").map((c) => c.trim()))
      if (clause !== "") addClause(clauses, clause);
  return [...clauses.values()].join(", ");
}
function addClause(clauses, clause) {
  const name = clause.split(/[\s(]/)[0] ?? clause;
  const key = /\((?!>=)/.test(clause) ? clause : name;
  const before = clauses.get(key);
  clauses.set(key, before === void 0 ? clause : stronger(before, clause));
}
function stronger(a, b) {
  const va = /\(>= ([^)]+)\)/.exec(a)?.[1];
  const vb = /\(>= ([^)]+)\)/.exec(b)?.[1];
  if (va === void 0) return b;
  if (vb === void 0) return a;
  return compareDebianVersions(va, vb) >= 0 ? a : b;
}
function dependsOutput(targets) {
  const [only] = targets;
  if (targets.length === 1 && only !== void 0) return mergeDepends(only.depends);
  return JSON.stringify(
    Object.fromEntries(targets.map((t) => [t.target, mergeDepends(t.depends)]))
  );
}

// src/domain/toolchain/target-info.ts
var TARGET_INFO_PATH = "usr/share/cgo-abi-guard/target-packages.json";
function renderTargetInfo(packages) {
  const sorted = [...packages].sort((a, b) => a.name.localeCompare(b.name));
  return `${JSON.stringify({ version: 1, packages: sorted }, null, 1)}
`;
}
function parseTargetInfo(text, where) {
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { error: `${where}: not JSON` };
  }
  const list = raw?.packages;
  if (!Array.isArray(list)) return { error: `${where}: no packages list` };
  const out = [];
  for (const p of list) {
    const r = p;
    const text2 = (v) => typeof v === "string" ? v : null;
    if (typeof r.name !== "string" || typeof r.version !== "string" || typeof r.arch !== "string")
      return { error: `${where}: a package without name, version or arch` };
    out.push({
      name: r.name,
      version: r.version,
      arch: r.arch,
      shlibs: text2(r.shlibs),
      symbols: text2(r.symbols)
    });
  }
  return out;
}
function sharedLibraries(packages) {
  const bySoname = /* @__PURE__ */ new Map();
  for (const p of packages) {
    for (const s of p.symbols === null ? [] : parseSymbolsFile(p.symbols))
      bySoname.set(s.soname, {
        soname: s.soname,
        package: p.name,
        version: p.version,
        template: s.template,
        alternatives: s.alternatives,
        symbols: s.symbols,
        smallest: s.smallest,
        shlibs: null
      });
    const shlibs = p.shlibs === null ? /* @__PURE__ */ new Map() : parseShlibsFile(p.shlibs);
    for (const [soname, dependency] of shlibs) {
      const known = bySoname.get(soname);
      if (known !== void 0) known.shlibs = dependency;
      else if (soname.includes(".so.") || soname.endsWith(".so"))
        bySoname.set(soname, {
          soname,
          package: p.name,
          version: p.version,
          template: null,
          symbols: /* @__PURE__ */ new Map(),
          shlibs: dependency
        });
    }
  }
  return [...bySoname.values()].sort((a, b) => a.soname.localeCompare(b.soname));
}

// src/domain/toolchain/target-packages.ts
var PROVIDED = [
  /^libc6$/,
  /^libc6-dev$/,
  /^libc-dev-bin$/,
  /^linux-libc-dev$/,
  /^libgcc-s1$/,
  /^libgcc1$/,
  /^libgcc-\d+-dev$/,
  /^gcc-\d+-base$/,
  /^libstdc\+\+6$/,
  /^libstdc\+\+-\d+-dev$/
];
function providedBySysroot(name) {
  return PROVIDED.some((p) => p.test(name));
}
var PACKAGE_NAME = /^[a-z0-9][a-z0-9+.-]+$/;
function parsePackageList(items) {
  const names = items.flatMap((item) => item.split(/[,\s]+/)).map((n) => n.trim()).filter((n) => n !== "");
  const bad = names.filter((n) => !PACKAGE_NAME.test(n));
  if (bad.length > 0)
    return {
      error: `not a Debian package name: ${bad.map((b) => JSON.stringify(b)).join(", ")} (give names like libpcap-dev, without an architecture or a version: the target's and the floor release's are used)`
    };
  const provided = names.filter(providedBySysroot);
  if (provided.length > 0)
    return {
      error: `${provided.join(", ")} ${provided.length === 1 ? "is" : "are"} part of the toolchain's sysroot already (glibc and gcc's runtime of the floor's release): leave ${provided.length === 1 ? "it" : "them"} out of packages`
    };
  return { names: [...new Set(names)].sort() };
}
function stanzaOf(fields) {
  const name = fields.get("package");
  const version = fields.get("version");
  if (name === void 0 || version === void 0) return null;
  const deps = [fields.get("pre-depends"), fields.get("depends")].filter(
    (f) => f !== void 0
  );
  return {
    name,
    version,
    architecture: fields.get("architecture") ?? "",
    multiArch: fields.get("multi-arch") ?? "no",
    essential: fields.get("essential") === "yes",
    depends: parseDependsField(deps.join(",")),
    provides: parseDependsField(fields.get("provides") ?? "").flat()
  };
}
function isTargetLibrary(s) {
  return !s.essential && s.multiArch !== "foreign" && s.multiArch !== "allowed";
}
function isDevCompanion(from, s) {
  return from.name.endsWith("-dev") && !s.essential && s.multiArch !== "allowed" && !HOST_TOOLS.has(s.name);
}
var HOST_TOOLS = /* @__PURE__ */ new Set(["pkg-config", "pkgconf", "pkgconf-bin"]);
function targetClosure(requested, resolved) {
  const byName = new Map(resolved.map((s) => [s.name, s]));
  const byProvides = /* @__PURE__ */ new Map();
  for (const s of resolved) for (const p of s.provides) byProvides.set(p, s);
  const chosen = /* @__PURE__ */ new Map();
  const queue = [];
  for (const name of requested) {
    const s = byName.get(name) ?? byProvides.get(name);
    if (s === void 0) return { error: `apt resolved no package ${name}` };
    queue.push(s);
  }
  while (queue.length > 0) {
    const s = queue.shift();
    if (s === void 0 || chosen.has(s.name)) continue;
    chosen.set(s.name, s);
    for (const group of s.depends) {
      const pick = group.map((alt) => byName.get(alt) ?? byProvides.get(alt)).find((x) => x !== void 0);
      if (pick === void 0 || chosen.has(pick.name)) continue;
      if (providedBySysroot(pick.name)) continue;
      if (!isTargetLibrary(pick) && !isDevCompanion(s, pick)) continue;
      queue.push(pick);
    }
  }
  return { packages: [...chosen.values()].sort((a, b) => a.name.localeCompare(b.name)) };
}

// src/domain/rules/cxx-floors.ts
var CXX_FLOORS = cxxFloorsOf([
  ...RELEASE_ROWS,
  ...FLOOR_DISTRIBUTIONS
]);
function cxxFloorsOf(rows) {
  const byGlibc = /* @__PURE__ */ new Map();
  for (const { name, glibc, cxx } of rows) {
    if (cxx === null) continue;
    const group = byGlibc.get(glibc);
    if (group === void 0) byGlibc.set(glibc, { names: [name], cxx });
    else group.names.push(name);
  }
  return [...byGlibc].sort(([a], [b]) => compareDotted(a, b)).map(([glibc, { names, cxx }]) => ({
    glibc,
    distros: `${names.join(", ")} (gcc ${cxx.gcc})`,
    GLIBCXX: cxx.GLIBCXX,
    CXXABI: cxx.CXXABI,
    GCC: cxx.GCC
  }));
}
function cxxFloorFor(glibcFloor) {
  let best;
  for (const row of CXX_FLOORS) if (compareDotted(row.glibc, glibcFloor) <= 0) best = row;
  return best ?? CXX_FLOORS[0];
}

export {
  CXX_FLOORS,
  cxxFloorFor,
  debianLayout,
  sysrootIn,
  pkgConfigScript,
  LIBCS,
  ARCHES,
  isGoArch,
  parseTarget,
  targetList,
  formatTarget,
  floatAbiOf,
  targetOfFloatAbi,
  abiOf,
  loaderFor,
  describeLoader,
  goarchOf,
  variantLevel,
  parseStanzas,
  parseAptSources,
  parsePrintUris,
  parseDebFilename,
  parseDependsField,
  parseDebContents,
  checkEntries,
  releaseArchitectures,
  wrapperPrelude,
  prefixMap,
  debugPrefixMap,
  wrapperScripts,
  shellWord,
  hostProgramsFor,
  clangCaveat,
  MUSL_LINKS,
  chooseMuslRelease,
  muslSpecs,
  muslSpecsPath,
  muslLayout,
  muslWrapperScripts,
  muslGoEnv,
  muslKeyPart,
  muslCompilerNotice,
  compareDebianVersions,
  dependsLine,
  mergeDepends,
  dependsOutput,
  TARGET_INFO_PATH,
  renderTargetInfo,
  parseTargetInfo,
  sharedLibraries,
  archiveSources,
  parseMirrorList,
  orderMirrorList,
  candidateMirrors,
  checkMirrorUri,
  parsePackageList,
  stanzaOf,
  targetClosure
};
