/**
 * The target packages in a sysroot, as verify uses them: read back from the tree, and the
 * libraries a binary loads from them judged against the floor like the binary itself (a library
 * that needs a newer glibc fails the binary where the floor is).
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  parseTargetInfo,
  sharedLibraries,
  TARGET_INFO_PATH,
} from '../domain/toolchain/target-info.js';
import { libraryCandidates, type RuntimeContext } from '../domain/toolchain/runtime-needs.js';
import type { BinaryResult } from '../domain/report/report.js';
import { abiOf, type Target } from '../domain/platform.js';
import { verdictOf } from '../domain/rules/policy.js';
import type { Finding } from '../domain/rules/types.js';
import { judgeAll, type VerifyOptions } from './judge.js';

/**
 * The target packages recorded in `sysroot`, for verify: a context per target (its multiarch
 * directories); null when the sysroot has none.
 */
export async function loadRuntime(
  sysroot: string,
): Promise<((target: Target) => RuntimeContext) | null> {
  const path = join(sysroot, TARGET_INFO_PATH);
  const text = await readFile(path, 'utf8').catch((e: unknown) => {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  });
  if (text === null) return null;
  const info = parseTargetInfo(text, path);
  if ('error' in info) throw new Error(info.error);
  const libraries = sharedLibraries(info);
  return (target: Target): RuntimeContext => ({
    sysroot,
    triplet: abiOf(target).triplet,
    libraries,
  });
}

async function firstFile(paths: readonly string[]): Promise<string | null> {
  for (const p of paths) if ((await stat(p).catch(() => null))?.isFile() === true) return p;
  return null;
}

/**
 * Each binary's package libraries, and the package libraries they load in turn, judged at the
 * binary's floor: a GLIBC need above it becomes the binary's finding, naming the library.
 */
export async function judgeRuntimeLibraries(
  binaries: readonly BinaryResult[],
  options: VerifyOptions,
  contextOf: (r: BinaryResult) => RuntimeContext | null,
): Promise<BinaryResult[]> {
  const out: BinaryResult[] = [];
  for (const r of binaries) {
    const ctx = contextOf(r);
    if (ctx === null || r.runtime === undefined || r.runtime.libraries.length === 0) {
      out.push(r);
      continue;
    }
    const found = await loadedLibraries(
      ctx,
      r.runtime.libraries.map((l) => l.soname),
      options,
    );
    if (found.length === 0) {
      out.push(r);
      continue;
    }
    const findings = [...r.findings, ...found];
    out.push({ ...r, findings, verdict: verdictOf(findings) });
  }
  return out;
}

async function loadedLibraries(
  ctx: RuntimeContext,
  sonames: readonly string[],
  options: VerifyOptions,
): Promise<Finding[]> {
  const known = new Map(ctx.libraries.map((l) => [l.soname, l]));
  const seen = new Set<string>();
  const findings: Finding[] = [];
  let wave = [...sonames];
  while (wave.length > 0) {
    const paths: { soname: string; path: string }[] = [];
    for (const soname of wave) {
      if (seen.has(soname)) continue;
      seen.add(soname);
      const path = await firstFile(libraryCandidates(ctx, soname));
      if (path !== null) paths.push({ soname, path });
    }
    const judged = await judgeAll(
      paths.map((p) => ({ path: p.path, explicit: true })),
      { ...options, policy: { ...options.policy, versions: {} }, runtimeFor: () => ctx },
    );
    wave = [];
    for (const [i, result] of judged.entries()) {
      const { soname } = paths[i] ?? { soname: '?' };
      const lib = known.get(soname);
      const from = lib === undefined ? soname : `${soname} (${lib.package} ${lib.version})`;
      // The highest need of each library (the rule lists them highest first) is enough.
      const f = result?.findings.find((x) => x.rule === 'glibc-version' && x.severity === 'error');
      if (f !== undefined)
        findings.push({
          ...f,
          rule: 'needed',
          message: `loads ${from}, which ${f.message}`,
          fix: `the target's ${lib?.package ?? soname} must be built for the floor too: take the packages from a release at or below it, or raise the floor`,
        });
      wave.push(...(result?.facts?.needed.filter((n) => known.has(n)) ?? []));
    }
  }
  return findings;
}
