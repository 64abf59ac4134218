import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  TOOL,
  binaryDigests,
  subjectName
} from "./chunk-VRSVJNRY.js";
import {
  manifestPath,
  readLock
} from "./chunk-L4R6R6IH.js";
import {
  contentHash,
  contentIdentity,
  findToolchain
} from "./chunk-REKM7YZG.js";
import {
  LINK_LOG_ENV,
  gnuBuildId,
  parseLinkRecord
} from "./chunk-QK2C5E6M.js";
import {
  ARCHITECTURES,
  execQuiet
} from "./chunk-YTYQUFQD.js";
import {
  GLIBC_NEEDED,
  GLIBC_OTHER,
  MUSL_NEEDED
} from "./chunk-TOITHGCZ.js";

// src/steps/sbom.ts
import { readFile, realpath, writeFile } from "node:fs/promises";
import { basename, dirname, join, resolve } from "node:path";

// src/domain/sbom/origin.ts
var base = (path) => path.slice(path.lastIndexOf("/") + 1);
var GLIBC = /* @__PURE__ */ new Set([
  ...GLIBC_NEEDED,
  ...GLIBC_OTHER,
  ...ARCHITECTURES.map((a) => base(a.glibc.loader))
]);
var MUSL = /* @__PURE__ */ new Set([
  ...MUSL_NEEDED,
  ...ARCHITECTURES.flatMap((a) => [base(a.musl.loader), `libc.musl-${a.musl.arch}.so.1`])
]);
var OWNERS = [
  { runtime: "libc6", dev: "libc6-dev", sonames: (s) => GLIBC.has(s) },
  { runtime: "musl", dev: "musl-dev", sonames: (s) => MUSL.has(s) },
  { runtime: "libgcc-s1", dev: "libgcc-s1", sonames: (s) => s === "libgcc_s.so.1" },
  { runtime: "libstdc++6", dev: "libstdc++6", sonames: (s) => s === "libstdc++.so.6" }
];
function lockedAs(name, packages) {
  const cross = new RegExp(`^${name.replace(/[+.]/g, "\\$&")}-[a-z0-9]+-cross$`);
  return packages.find((p) => p.name === name) ?? packages.find((p) => cross.test(p.name)) ?? null;
}
function runtimeName(locked) {
  return locked.replace(/-[a-z0-9]+-cross$/, "");
}
function loadedFrom(soname, runtime, packages) {
  const target = runtime.find((r) => r.soname === soname);
  if (target !== void 0) return packages.find((p) => p.name === target.package) ?? null;
  const owner = OWNERS.find((o) => o.sonames(soname));
  return owner === void 0 ? null : lockedAs(owner.runtime, packages);
}
function staticLibcFrom(libc, packages) {
  return lockedAs(libc === "glibc" ? "libc6-dev" : "musl-dev", packages);
}
function staticInputs(inputs, root, owners, packages) {
  const out = [];
  for (const i of inputs) {
    const inside = i.path.startsWith(`${root}/`);
    if (!inside) {
      if (i.members.length > 0) out.push({ ...i, origin: { kind: "outside" } });
      continue;
    }
    const path = i.path.slice(root.length + 1);
    if (owners === "npm") {
      out.push({ path, members: i.members, origin: { kind: "npm" } });
      continue;
    }
    const name = owners?.[path];
    const pkg = name === void 0 ? void 0 : packages.find((p) => p.name === name);
    out.push({
      path,
      members: i.members,
      origin: owners === void 0 ? { kind: "unrecorded" } : pkg === void 0 ? { kind: "install" } : { kind: "package", package: pkg }
    });
  }
  return out;
}

// src/domain/sbom/purl.ts
function debRelease(release) {
  const m = /^(debian|ubuntu)\/([a-z]+)$/.exec(release);
  return m === null ? null : { distro: m[1], codename: m[2] ?? "" };
}
function debPurl(p, release) {
  const e = encodeURIComponent;
  return `pkg:deb/${release.distro}/${e(p.name)}@${e(p.version)}?arch=${e(p.arch)}&distro=${e(release.codename)}`;
}
function npmPurl(name, version) {
  const e = encodeURIComponent;
  const slash = name.indexOf("/");
  const path = name.startsWith("@") && slash > 0 ? `${e(name.slice(0, slash))}/${e(name.slice(slash + 1))}` : e(name);
  return `pkg:npm/${path}@${e(version)}`;
}

// src/domain/sbom/bom.ts
var SBOM_PROPERTY = "cgo-abi-guard";
var prop = (name, value) => ({
  name: `${SBOM_PROPERTY}:${name}`,
  value
});
function buildSbom(tool, targets) {
  const components = /* @__PURE__ */ new Map();
  const dependencies = [];
  const binaries = [];
  const tools = [{ type: "application", name: tool.name, version: tool.version }];
  for (const t of targets) {
    const chain = t.toolchain;
    if (chain !== null && !tools.some((x) => x.name === chain.key))
      tools.push(toolComponent(chain));
    for (const b of t.binaries) {
      const ref = `binary:${t.target}:${b.path}`;
      const props = [prop("target", t.target)];
      const uses = [];
      const use = (c, linkage, detail) => {
        const key = String(c["bom-ref"]);
        const known = components.get(key) ?? c;
        components.set(key, known);
        if (!known.properties.some((p) => p.name.endsWith(":linkage") && p.value === linkage))
          known.properties.push(prop("linkage", linkage));
        if (!uses.includes(key)) uses.push(key);
        props.push(prop(linkage === "dynamic" ? "loads" : "links-statically", `${detail} ${key}`));
      };
      for (const soname of b.needed) {
        const pkg = chain === null ? null : loadedFrom(soname, b.runtime, chain.packages);
        use(
          pkg === null || chain === null ? unknownLibrary(t.target, soname) : packageComponent(pkg, chain),
          "dynamic",
          soname
        );
      }
      const libc = b.staticLibc === null || chain === null ? null : staticLibcFrom(b.staticLibc, chain.packages);
      if (b.staticLibc !== null)
        use(
          libc === null || chain === null ? unknownLibrary(t.target, `libc.a (${b.staticLibc})`) : packageComponent(libc, chain),
          "static",
          "libc.a"
        );
      if ("none" in b.linked) props.push(prop("static-inputs", `not recorded: ${b.linked.none}`));
      else
        for (const i of b.linked.inputs) {
          const detail = i.members.length === 0 ? i.path : `${i.path} (${i.members.length} members)`;
          use(inputComponent(i, t.target, chain), "static", detail);
        }
      binaries.push({
        type: "application",
        "bom-ref": ref,
        name: b.path.slice(b.path.lastIndexOf("/") + 1),
        ...b.sha256 === null ? {} : { hashes: [{ alg: "SHA-256", content: b.sha256 }] },
        properties: [prop("path", b.path), ...props]
      });
      dependencies.push({ ref, dependsOn: uses });
    }
  }
  for (const key of components.keys()) dependencies.push({ ref: key, dependsOn: [] });
  return {
    $schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
    bomFormat: "CycloneDX",
    specVersion: "1.6",
    version: 1,
    metadata: { tools: { components: tools } },
    components: [...binaries, ...components.values()],
    dependencies
  };
}
function purlOf(p, chain) {
  const release = debRelease(chain.release);
  return release === null ? null : debPurl(p, release);
}
function licences(p, chain) {
  const file = `usr/share/doc/${p.name}/copyright`;
  const found = chain.licences.get(p.name);
  if (found === void 0) return { note: prop("license", `not stated: the tree has no ${file}`) };
  if (found === null)
    return { note: prop("license", `not stated: ${file} is not machine-readable (DEP-5)`) };
  return { licenses: found.names.map((name) => ({ license: { name } })) };
}
function packageComponent(p, chain) {
  const purl = purlOf(p, chain);
  const l = licences(p, chain);
  const runtime = runtimeName(p.name);
  return {
    type: "library",
    "bom-ref": purl ?? `package:${chain.key}:${p.name}`,
    name: p.name,
    version: p.version,
    ...purl === null ? {} : { purl },
    ...l.licenses === void 0 ? {} : { licenses: l.licenses },
    properties: [
      prop("arch", p.arch),
      prop("sha256-deb", p.sha256),
      prop("toolchain", chain.key),
      ...runtime === p.name ? [] : [prop("runtime-package", runtime)],
      ...purl === null ? [prop("origin", `${chain.release}: not a Debian or Ubuntu release, no deb purl`)] : [],
      ...l.note === void 0 ? [] : [l.note]
    ]
  };
}
function unknownLibrary(target, name) {
  return {
    type: "library",
    "bom-ref": `unknown:${target}:${name}`,
    name,
    properties: [prop("origin", "unknown: no package of the locked toolchain is known to ship it")]
  };
}
function inputComponent(i, target, chain) {
  if (i.origin.kind === "package" && chain !== null)
    return packageComponent(i.origin.package, chain);
  const name = i.path.slice(i.path.lastIndexOf("/") + 1);
  const npm = chain?.npm ?? null;
  const origin = {
    package: "a locked package",
    npm: `the npm toolchain ${npm === null ? "" : `${npm.name}@${npm.version}`}, as locked`,
    install: `written into the toolchain's tree by ${SBOM_PROPERTY} (no package ships it)`,
    unrecorded: "in the toolchain's tree, installed before its packages' files were recorded: remove the install to record them",
    outside: "outside the locked toolchain (the build machine or the project): not pinned"
  }[i.origin.kind];
  const where = i.origin.kind === "outside" ? "path" : "tree-path";
  return {
    type: "library",
    "bom-ref": `${i.origin.kind}:${chain?.key ?? target}:${i.path}`,
    name,
    ...i.origin.kind === "npm" && npm !== null ? { purl: npmPurl(npm.name, npm.version) } : {},
    properties: [prop("origin", origin), prop(where, i.path)]
  };
}
function toolComponent(chain) {
  const npm = chain.npm;
  return {
    type: "application",
    name: chain.key,
    version: chain.contentHash,
    description: `the cross toolchain from ${chain.release}, as locked`,
    ...npm === null ? {} : { purl: npmPurl(npm.name, npm.version) },
    ...chain.packages.length === 0 ? {} : {
      components: chain.packages.map((p) => {
        const purl = purlOf(p, chain);
        return {
          type: "library",
          name: p.name,
          version: p.version,
          ...purl === null ? {} : { purl }
        };
      })
    }
  };
}

// src/domain/sbom/copyright.ts
var FORMAT = /^Format:\s*\S*copyright-format/im;
function copyrightLicences(text) {
  const header = text.split(/\n\s*\n/, 1)[0] ?? "";
  if (!FORMAT.test(header)) return null;
  const names = [];
  for (const m of text.matchAll(/^License:[ \t]*(.*)$/gm)) {
    const name = (m[1] ?? "").trim();
    if (name !== "" && !names.includes(name)) names.push(name);
  }
  return names.length === 0 ? null : { names };
}

// src/steps/sbom.ts
async function writeSbom(report, installs, o) {
  const digests = o.digests ?? await binaryDigests(report, o.workdir);
  const targets = [];
  for (const [i, t] of report.targets.entries()) {
    const install = installs[i] ?? null;
    const toolchain = install === null ? null : await sbomToolchain(install, o.lockPath);
    const linked = linkedOf(install, toolchain?.packages ?? [], o.linkLog);
    const binaries = [];
    for (const b of t.binaries) {
      const sha256 = digests.get(b.path) ?? null;
      binaries.push({
        // Relative to the working directory, as the checksums file names it: no runner path.
        path: subjectName(b.path, o.workdir),
        sha256,
        needed: b.facts?.needed ?? [],
        staticLibc: b.facts?.staticLibc ?? null,
        runtime: b.runtime?.libraries ?? [],
        linked: await linked(resolve(o.workdir, b.path))
      });
    }
    targets.push({ target: t.target ?? `target ${String(i + 1)}`, toolchain, binaries });
  }
  await writeFile(o.path, `${JSON.stringify(buildSbom(TOOL, targets), null, 2)}
`);
}
function linkedOf(install, packages, log) {
  const tree = (async () => {
    if (install === null) return null;
    const root = await realpath(join(install.dir, "root")).catch(() => join(install.dir, "root"));
    const manifest = await readFile(manifestPath(install.dir), "utf8").then((t) => JSON.parse(t)).catch(() => null);
    return { root, owners: manifest?.owners, npm: install.entry.npm !== void 0 };
  })();
  return async (binary) => {
    if (log === null) return { none: `${LINK_LOG_ENV} was not set for the build (docs/sbom.md)` };
    const notes = await execQuiet("readelf", ["-n", "-W", binary]);
    const id = notes.exitCode === 0 ? gnuBuildId(notes.stdout) : null;
    if (id === null) return { none: "the binary has no GNU build ID to find its link by" };
    const text = await readFile(join(log, `${id}.link`), "utf8").catch(() => null);
    if (text === null)
      return { none: `no link of build ID ${id} in ${log}: not linked through the toolchain's cc` };
    const record = parseLinkRecord(text);
    if ("error" in record) return { none: `${join(log, `${id}.link`)}: ${record.error}` };
    const t = await tree;
    if (t === null) return { none: "no toolchain install to name the archives by" };
    if (record.root !== t.root) return { none: `linked with another install (${record.root})` };
    return { inputs: staticInputs(record.inputs, t.root, t.npm ? "npm" : t.owners, packages) };
  };
}
async function sbomToolchain(install, lockPath) {
  const { entry } = install;
  const base2 = entry.over === void 0 ? entry : findToolchain(await readLock(lockPath), entry.over) ?? null;
  if (base2 === null)
    throw new Error(`${lockPath}: no entry "${entry.over ?? ""}" under ${entry.key}`);
  const packages = [...base2.packages, ...entry.target?.packages ?? []];
  const licences2 = /* @__PURE__ */ new Map();
  for (const p of packages) {
    const text = await readFile(
      join(install.dir, "root", "usr", "share", "doc", p.name, "copyright"),
      "utf8"
    ).catch(() => null);
    if (text !== null) licences2.set(p.name, copyrightLicences(text));
  }
  return {
    key: entry.key,
    release: base2.release,
    contentHash: contentHash(contentIdentity(entry)),
    packages,
    npm: base2.npm === void 0 ? null : { name: base2.npm.name, version: base2.npm.version },
    licences: licences2
  };
}
async function installOfSysroot(sysroot, lockPath) {
  let root = sysroot;
  while (basename(root) !== "root" && dirname(root) !== root) root = dirname(root);
  const dir = dirname(root);
  const manifest = await readFile(manifestPath(dir), "utf8").catch(() => null);
  if (basename(root) !== "root" || manifest === null)
    return { error: `${sysroot} is not in a cgo-abi-guard install (no ${manifestPath(dir)})` };
  const content = JSON.parse(manifest).content;
  const [, layer] = typeof content === "string" ? content.split("\nover which\n") : [];
  const lock = await readLock(lockPath);
  const entry = lock.toolchains.find((t) => contentIdentity(t) === (layer ?? content));
  if (entry === void 0)
    return { error: `${lockPath} pins no toolchain with the packages installed in ${dir}` };
  return { dir, entry };
}

export {
  writeSbom,
  installOfSysroot
};
