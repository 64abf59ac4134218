/**
 * The problem matchers the step registers around the build (matchers/cgo-abi-guard-gcc.json,
 * which a repository test keeps equal to these): GitHub turns each matching log line into an
 * annotation of the step, so the lines they match use up the step's annotation budget.
 */
import type { Level } from './annotations.js';

export interface MatcherPattern {
  owner: string;
  regexp: string;
  /** The group holding `error`/`warning`; none: every match is an error. */
  severity?: number;
}

export const MATCHERS: readonly MatcherPattern[] = [
  {
    owner: 'cgo-abi-guard-gcc',
    regexp: String.raw`^(?:#\s+)?([^\s:][^:]*):(\d+):(\d+):\s+(?:fatal\s+)?(error|warning):\s+(.*)$`,
    severity: 4,
  },
  {
    owner: 'cgo-abi-guard-ld',
    regexp: String.raw`^(?:\S*/)?(?:ld(?:\.bfd|\.gold|\.lld)?|collect2|clang|gcc|cc):\s+(?:error:\s+)?(cannot find .*|undefined (?:reference|symbol).*|.*linker command failed.*|.*ld returned \d+ exit status.*)$`,
  },
  {
    owner: 'cgo-abi-guard-go',
    // Not the C linker's warnings on a Go line (a static glibc link's "x.go:15: warning: Using
    // 'getaddrinfo' in statically linked applications …", which the step sums up in one
    // warning): Go never says warning, and gcc's warnings on cgo code (with a column) are the
    // gcc matcher's.
    regexp: String.raw`^(?:\.\/)?([^\s:]+\.go):(\d+):(?:(\d+):)?(?!\s*warning:)\s+(.*)$`,
  },
];

const COMPILED = MATCHERS.map((m) => ({ ...m, re: new RegExp(m.regexp) }));

/** Counts, per level, the annotations GitHub makes of the build's log lines. */
export class MatchedLines {
  readonly counts: Record<Level, number> = { error: 0, warning: 0, notice: 0 };

  push(line: string): void {
    for (const m of COMPILED) {
      const match = m.re.exec(line);
      if (match === null) continue;
      const severity = m.severity === undefined ? 'error' : match[m.severity];
      this.counts[severity === 'warning' ? 'warning' : 'error']++;
      return;
    }
  }
}
