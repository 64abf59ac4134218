import { createRequire as __cgoAbiGuardRequire } from 'node:module';
const require = __cgoAbiGuardRequire(import.meta.url);
import {
  BASELINE_STATE,
  CACHE_STATE,
  actionReport,
  saveBaseline,
  saveInstall
} from "./chunks/chunk-42BBASTU.js";
import "./chunks/chunk-YC2XIXZY.js";
import "./chunks/chunk-VAHUUROM.js";
import {
  getState,
  info,
  toolCacheArch,
  warning
} from "./chunks/chunk-LIFMBI74.js";
import "./chunks/chunk-REKM7YZG.js";
import "./chunks/chunk-7WEMPANV.js";
import "./chunks/chunk-YTYQUFQD.js";
import "./chunks/chunk-HI2NNNE4.js";
import "./chunks/chunk-TOITHGCZ.js";
import "./chunks/chunk-CN2QLQDV.js";

// src/action/post.ts
async function runPost() {
  await saveToolchains();
  await savePendingBaseline();
}
async function savePendingBaseline() {
  const text = getState(BASELINE_STATE);
  if (text === "") return;
  try {
    const warning2 = await saveBaseline(JSON.parse(text), (line) => {
      info(`cgo-abi-guard: ${line}`);
    });
    if (warning2 !== null) warning(warning2, { title: "cgo-abi-guard baseline" });
  } catch (error) {
    warning(
      `cgo-abi-guard: the baseline was not saved: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}
async function saveToolchains() {
  try {
    const text = getState(CACHE_STATE);
    const pending = text === "" ? [] : JSON.parse(text);
    for (const { key, versionDir } of pending)
      await saveInstall(versionDir, key, toolCacheArch(), actionReport);
  } catch (error) {
    warning(
      `cgo-abi-guard: the toolchain cache was not saved: ${error instanceof Error ? error.message : String(error)}`
    );
  }
}

// src/post.ts
await runPost();
process.exit(process.exitCode ?? 0);
