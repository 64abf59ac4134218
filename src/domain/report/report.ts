/**
 * What verify finds, file by file, before it becomes a report (run-report.ts); the text, JSON
 * and Markdown of the report are rendered from the RunReport (render.ts, summary.ts).
 */
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Finding } from '../rules/types.js';
import type { BinaryRuntime } from '../toolchain/runtime-needs.js';

export type Verdict = 'pass' | 'fail' | 'error';

export interface BinaryResult {
  path: string;
  /** The target the file was judged against (`linux/arm64`), null when it could not be judged. */
  target: string | null;
  verdict: Verdict;
  findings: Finding[];
  facts: ElfFacts | null;
  /** Why the file could not be judged (verdict error). */
  error: string | null;
  /** `path` is a symlink: the file that was read. */
  linkTarget?: string;
  /** A dynamically linked binary's run-time needs: target packages' libraries, Depends. */
  runtime?: BinaryRuntime;
}

export interface VerifyReport {
  verdict: Verdict;
  glibcFloor: string | null;
  binaries: BinaryResult[];
}

export function overallVerdict(results: readonly { verdict: Verdict }[]): Verdict {
  if (results.some((r) => r.verdict === 'error')) return 'error';
  return results.some((r) => r.verdict === 'fail') ? 'fail' : 'pass';
}

/** Exit status of the CLI: 0 pass, 1 violation, 2 a file that could not be judged. */
export function exitCodeOf(verdict: Verdict): number {
  return verdict === 'pass' ? 0 : verdict === 'fail' ? 1 : 2;
}
