/** Findings → the annotations a step writes: one per finding, at most a few per rule, then a count. */
import type { BinaryResult } from './report.js';

export interface Annotation {
  level: 'error' | 'warning' | 'notice';
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export const MAX_PER_RULE = 5;

export interface JudgedBinary {
  /** The target of the run that produced it (`linux/arm64`). */
  target: string;
  result: BinaryResult;
}

export function findingAnnotations(
  judged: readonly JudgedBinary[],
  max = MAX_PER_RULE,
): Annotation[] {
  const out: Annotation[] = [];
  const counts = new Map<string, number>();
  const overflow = new Map<string, { count: number; level: 'error' | 'warning' }>();
  for (const { target, result } of judged) {
    if (result.error !== null) {
      out.push({
        level: 'error',
        title: `cgo-abi-guard: cannot judge ${result.path}`,
        message: `${result.path}: ${result.error}`,
      });
    }
    for (const f of result.findings) {
      const seen = counts.get(f.rule) ?? 0;
      counts.set(f.rule, seen + 1);
      if (seen >= max) {
        const o = overflow.get(f.rule) ?? { count: 0, level: f.severity };
        overflow.set(f.rule, {
          count: o.count + 1,
          level: o.level === 'error' || f.severity === 'error' ? 'error' : 'warning',
        });
        continue;
      }
      out.push({
        level: f.severity,
        title: `cgo-abi-guard ${f.rule} (${target})`,
        message: `${result.path}: ${f.message}\nFix: ${f.fix}`,
      });
    }
  }
  for (const [rule, { count, level }] of overflow) {
    out.push({
      level,
      title: `cgo-abi-guard ${rule}`,
      message: `${count} more ${rule} finding(s) not annotated: see the job summary and the JSON report`,
    });
  }
  return out;
}

/** `file:line: message` (a policy file error) → an annotation on that line. */
export function fileLineAnnotation(text: string, title: string): Annotation {
  const m = /^(.+?):(\d+): (.*)$/.exec(text);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined)
    return { level: 'error', title, message: text };
  return { level: 'error', title, message: m[3], file: m[1], line: Number(m[2]) };
}
