/**
 * Reading the legs' reports for a merge: globs and paths expanded as verify expands them, each
 * file read and judged by domain/report/merge.ts. A pattern that matches nothing and a file that
 * cannot be read are legs with a problem (verdict error): a missing leg vouches for nothing.
 */
import { readFile } from 'node:fs/promises';
import { expandInputs } from '../adapters/files.js';
import { mergeLegs, readLeg, type MergedReport } from '../domain/report/merge.js';
import { oneLine } from '../domain/drift/baseline.js';

export async function mergeReportFiles(args: readonly string[]): Promise<MergedReport> {
  const expanded = await expandInputs(args);
  const legs: ReturnType<typeof readLeg>[] = expanded.flatMap((e) =>
    e.missing === null
      ? []
      : [
          {
            leg: { source: oneLine(e.arg), verdict: 'error' as const, problem: e.missing },
            binaries: [],
          },
        ],
  );
  const paths = [...new Set(expanded.flatMap((e) => e.candidates.map((c) => c.path)))];
  for (const path of paths) {
    try {
      legs.push(readLeg(path, await readFile(path, 'utf8')));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      legs.push({
        leg: { source: oneLine(path), verdict: 'error', problem: `cannot be read (${code})` },
        binaries: [],
      });
    }
  }
  return mergeLegs(legs);
}
