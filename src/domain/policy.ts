/** (ElfFacts, Policy) → Finding[]: the rules, their ids and severities, and the verdict. */
import type { ElfFacts } from './elf-facts.js';
import { ARCHES, goarchOf, type Libc, type Target } from './platform.js';
import { archRules } from './rules/arch.js';
import { goRules } from './rules/go.js';
import { linkageRules } from './rules/linkage.js';
import { versionRules } from './rules/versions.js';

export const RULES = [
  'elf-arch',
  'interpreter',
  'glibc-version',
  'library-versions',
  'needed',
  'rpath',
  'kernel-abi',
  'go-buildinfo',
  'x86-isa',
  'static-nss',
] as const;
export type RuleId = (typeof RULES)[number];

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
}

export interface Policy {
  /** null: each file's own architecture is its target, and the arch rule is off. */
  target: Target | null;
  libc: Libc;
  /** Highest GLIBC_ version a binary may need; null for no ceiling. */
  glibc: string | null;
  /** Oldest kernel the binary must start on; null for no check. */
  kernel: string | null;
  /** Ceilings for other version prefixes (GLIBCXX, CXXABI, GCC, …). */
  versions: Record<string, string>;
  allowNeeded: string[];
  allowRpath: string[];
  severity: Partial<Record<RuleId, SeveritySetting>>;
}

export function defaultPolicy(): Policy {
  return {
    target: null,
    libc: 'glibc',
    glibc: null,
    kernel: null,
    versions: {},
    allowNeeded: [],
    allowRpath: [],
    severity: {},
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

const ALL_RULES: readonly Rule[] = [...archRules, ...linkageRules, ...versionRules, ...goRules];

export function evaluate(facts: ElfFacts, policy: Policy): Finding[] {
  const inferred = policy.target ?? inferTarget(facts);
  if (inferred === null) {
    return [
      {
        rule: 'elf-arch',
        severity: 'error',
        message: `${facts.class} ${facts.endian}-endian ${facts.machine} is not a Linux architecture Go supports here`,
        fix: `pass --target linux/<goarch> (one of ${Object.keys(ARCHES).join(', ')}) to judge it against a target`,
      },
    ];
  }
  const sharedLibrary = facts.type === 'DYN' && facts.interpreter === null && !facts.pie;
  const ctx: RuleContext = {
    facts,
    policy,
    target: inferred,
    targetGiven: policy.target !== null,
    sharedLibrary,
    isStatic: facts.interpreter === null && !sharedLibrary,
    go: facts.goBinary || facts.goBuild !== null,
  };
  const findings: Finding[] = [];
  for (const rule of ALL_RULES) {
    for (const found of rule(ctx)) {
      const setting = policy.severity[found.rule] ?? found.severity ?? 'error';
      if (setting !== 'off') findings.push({ ...found, severity: setting });
    }
  }
  return findings;
}

/** Without --target: the file's own machine, with the arm variant read from its float ABI. */
export function inferTarget(facts: ElfFacts): Target | null {
  const goarch = goarchOf(facts.class, facts.endian, facts.machine);
  if (goarch === null) return null;
  if (goarch === 'arm') return { goarch, variant: facts.floatAbi === 'soft' ? 'v5' : 'v7' };
  return { goarch, variant: null };
}

export function verdictOf(findings: readonly Finding[]): 'pass' | 'fail' {
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}
