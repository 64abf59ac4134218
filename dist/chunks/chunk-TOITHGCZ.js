import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);

// src/domain/version.ts
function isDottedVersion(text) {
  return /^\d+(\.\d+)*$/.test(text);
}
function compareDotted(a, b) {
  const pa = a.split(".");
  const pb = b.split(".");
  const n = Math.max(pa.length, pb.length);
  for (let i = 0; i < n; i++) {
    const x = Number(pa[i] ?? "0");
    const y = Number(pb[i] ?? "0");
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
function maxDotted(versions) {
  let best = null;
  for (const v of versions) if (best === null || compareDotted(v, best) > 0) best = v;
  return best;
}
function splitVersionName(name) {
  const m = /^(.+?)_(\d+(?:[._]\d+)*)$/.exec(name);
  if (m?.[1] === void 0 || m[2] === void 0) return null;
  return { prefix: m[1], version: m[2].replace(/_/g, ".") };
}
var GLIBC_MARKERS = {
  GLIBC_ABI_DT_RELR: "2.36"
};
function highestVersions(needs) {
  const out = {};
  for (const need of needs) {
    const marker = GLIBC_MARKERS[need.name];
    const split = marker !== void 0 ? { prefix: "GLIBC", version: marker } : splitVersionName(need.name);
    if (split === null) continue;
    const seen = out[split.prefix];
    if (seen === void 0 || compareDotted(split.version, seen) > 0)
      out[split.prefix] = split.version;
  }
  return out;
}

// src/domain/data/allowlists.ts
var GCC_RUNTIME = ["libgcc_s.so.1", "libstdc++.so.6"];
var GLIBC_NEEDED = [
  "libc.so.6",
  "libm.so.6",
  "libpthread.so.0",
  "libdl.so.2",
  "librt.so.1",
  "libresolv.so.2",
  "libutil.so.1"
];
var GLIBC_OTHER = ["libanl.so.1"];
var MUSL_NEEDED = ["libc.so"];

export {
  isDottedVersion,
  compareDotted,
  maxDotted,
  splitVersionName,
  GLIBC_MARKERS,
  highestVersions,
  GCC_RUNTIME,
  GLIBC_NEEDED,
  GLIBC_OTHER,
  MUSL_NEEDED
};
