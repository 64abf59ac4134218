import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  installOfSysroot,
  writeSbom
} from "./chunk-OXM3X4QE.js";
import "./chunk-VRSVJNRY.js";
import "./chunk-L4R6R6IH.js";
import "./chunk-REKM7YZG.js";
import {
  LINK_LOG_ENV
} from "./chunk-QK2C5E6M.js";
import "./chunk-7WEMPANV.js";
import "./chunk-YTYQUFQD.js";
import "./chunk-TOITHGCZ.js";
import "./chunk-CN2QLQDV.js";

// src/cli/sbom.ts
async function cliSbom(report, path, sysroot, lockPath, io) {
  const install = sysroot === null ? null : await installOfSysroot(sysroot, lockPath);
  if (install !== null && "error" in install) {
    io.err(`cgo-abi-guard verify: --sbom: ${install.error}
`);
    return false;
  }
  if (install === null)
    io.err(
      "cgo-abi-guard verify: --sbom: no --sysroot (nor PKG_CONFIG_SYSROOT_DIR): no toolchain to name the libraries by, each is written as of unknown origin\n"
    );
  const linkLog = process.env[LINK_LOG_ENV] ?? "";
  if (linkLog === "")
    io.err(
      `cgo-abi-guard verify: --sbom: ${LINK_LOG_ENV} is not set: which archives each link took is not known, and each binary says so (docs/sbom.md)
`
    );
  await writeSbom(
    report,
    report.targets.map(() => install),
    { path, workdir: process.cwd(), lockPath, linkLog: linkLog === "" ? null : linkLog }
  );
  return true;
}
export {
  cliSbom
};
