/** The verify step: paths → judged binaries. Effects (readelf, file reads) stay in adapters. */
import { expandInputs } from '../adapters/files.js';
import { overallVerdict, type BinaryResult, type VerifyReport } from '../domain/report/report.js';
import { errorResult, judgeAll, type VerifyOptions } from './judge.js';

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
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
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
  return { verdict: overallVerdict(binaries), glibcFloor: options.policy.glibc, binaries };
}
