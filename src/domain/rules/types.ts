/**
 * The vocabulary the rules and the policy share: rule ids, severities, findings, the policy and
 * what a rule sees. Apart from policy.ts, so that the rules and the policy do not import each other.
 */
import type { ElfFacts } from '../elf/elf-facts.js';
import type { SymbolExplanation } from '../explain/explain.js';
import type { Libc, Target } from '../platform.js';

export const RULES = [
  'elf-arch',
  'interpreter',
  'glibc-version',
  'library-versions',
  'needed',
  'rpath',
  'kernel-abi',
  'go-buildinfo',
  'cgo-off',
  'x86-isa',
  'static-nss',
  'musl-floor',
  'build-paths',
  'hardening',
] as const;
export type RuleId = (typeof RULES)[number];

/** What a policy's `hardening:` list may require (docs/rules.md#hardening). */
export const HARDENING_REQUIREMENTS = [
  'pie',
  'relro',
  'relro-full',
  'bind-now',
  'nx-stack',
  'stack-protector',
  'fortify',
  'cet',
  'bti',
  'pac',
] as const;
export type HardeningRequirement = (typeof HARDENING_REQUIREMENTS)[number];

export type Severity = 'error' | 'warning';
export type SeveritySetting = Severity | 'off';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** What is wrong, with the facts that show it. */
  message: string;
  /** What to change. */
  fix: string;
  /** Symbols behind a version violation, when known. */
  symbols?: string[];
  /** Per symbol, who pulled it in and what to change (version findings of a failing binary). */
  explain?: SymbolExplanation[];
  /** Why the callers could not be named (a stripped binary, code this tool does not decode). */
  explainNote?: string;
}

export interface Policy {
  /** null: each file's own architecture is its target, and the arch rule is off. */
  target: Target | null;
  libc: Libc;
  /** Highest GLIBC_ version a binary may need; null for no ceiling. */
  glibc: string | null;
  /** Oldest kernel the binary must start on; null for no check. */
  kernel: string | null;
  /** libc musl: the musl a dynamic binary must run on (its libc.so's exports); null: no floor. */
  musl: string | null;
  /** libc musl: the link asked for (a dynamic binary where static was asked fails); null: either. */
  link: 'static' | 'dynamic' | null;
  /** Ceilings for other version prefixes (GLIBCXX, CXXABI, GCC, …). */
  versions: Record<string, string>;
  allowNeeded: string[];
  allowRpath: string[];
  /** Directories of the runner (tool cache, temporary directory, home) a binary must not carry. */
  buildPaths: string[];
  severity: Partial<Record<RuleId, SeveritySetting>>;
  /** What every binary must have (the `hardening` rule); empty: nothing, the rule is off. */
  hardening: HardeningRequirement[];
  /**
   * The binaries are also run (`smoke`): what a run cannot show (a cgo package's stub that fails
   * only when called) is then an error, or the run's pass would vouch for it.
   */
  smoke: boolean;
}

export function defaultPolicy(): Policy {
  return {
    target: null,
    libc: 'glibc',
    glibc: null,
    kernel: null,
    musl: null,
    link: null,
    versions: {},
    allowNeeded: [],
    allowRpath: [],
    buildPaths: [],
    severity: {},
    hardening: [],
    smoke: false,
  };
}

/** What every rule sees: the facts, the policy, and the target the file is judged against. */
export interface RuleContext {
  facts: ElfFacts;
  policy: Policy;
  target: Target;
  /** True when the user named the target (variants and machine are then checked). */
  targetGiven: boolean;
  /** A shared library (ET_DYN without interpreter and without the PIE flag). */
  sharedLibrary: boolean;
  /** No program interpreter and not a shared library: a static executable. */
  isStatic: boolean;
  /** Built by Go (a Go section is present): only then is Go advice given. */
  go: boolean;
}

export type RuleFinding = Omit<Finding, 'severity'> & { severity?: Severity };

export type Rule = (ctx: RuleContext) => RuleFinding[];
