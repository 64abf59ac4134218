/** The verify step: paths → judged binaries. Effects (readelf, file reads) stay in adapters. */
import { expandInputs } from '../adapters/files.js';
import { overallVerdict, type BinaryResult, type VerifyReport } from '../domain/report/report.js';
import { parseTarget } from '../domain/platform.js';
import { errorResult, judgeAll, type VerifyOptions } from './judge.js';
import { judgeRuntimeLibraries } from './runtime.js';

export { errorResult, type VerifyOptions };

export async function verifyPaths(
  args: readonly string[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  const groups = await expandInputs(args);
  const all = groups.flatMap((group) => group.candidates);
  const judged = await judgeAll(all, options);
  const byPath = new Map(all.map((c, i) => [c.path, judged[i] ?? null]));
  const binaries: BinaryResult[] = [];
  for (const group of groups) {
    if (group.missing !== null) {
      binaries.push(errorResult(group.arg, group.missing));
      continue;
    }
    const results = group.candidates
      .map((c) => byPath.get(c.path) ?? null)
      .filter((r): r is BinaryResult => r !== null);
    if (results.length === 0 && group.candidates.some((c) => !c.explicit)) {
      binaries.push(errorResult(group.arg, 'no ELF executables or shared libraries found'));
    }
    binaries.push(...results);
  }
  return report(await withRuntime(binaries, options), options);
}

/** Files found by the caller (a build's new files): non-binaries are skipped, not errors. */
export async function verifyDiscovered(
  paths: readonly string[],
  options: VerifyOptions,
): Promise<VerifyReport> {
  const judged = await judgeAll(
    paths.map((path) => ({ path, explicit: false })),
    options,
  );
  const binaries = judged.filter((r): r is BinaryResult => r !== null);
  return report(await withRuntime(binaries, options), options);
}

function report(binaries: BinaryResult[], options: VerifyOptions): VerifyReport {
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}

/** The package libraries each binary loads, judged at the floor too (see runtime.ts). */
async function withRuntime(
  binaries: BinaryResult[],
  options: VerifyOptions,
): Promise<BinaryResult[]> {
  const runtimeFor = options.runtimeFor;
  if (runtimeFor === undefined) return binaries;
  return judgeRuntimeLibraries(binaries, options, (r) => {
    const target = r.target === null ? null : parseTarget(r.target);
    return target === null || 'error' in target ? null : runtimeFor(target);
  });
}
