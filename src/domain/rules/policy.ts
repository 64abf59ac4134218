/** (ElfFacts, Policy) → Finding[]: every rule applied with the policy's severities, and the verdict. */
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Finding, Policy, Rule, RuleContext } from './types.js';
import { ARCHES, goarchOf, targetOfFloatAbi, type Target } from '../platform.js';
import { archRules } from './arch.js';
import { buildPathRules } from './build-paths.js';
import { goRules } from './go.js';
import { hardeningRules } from './hardening.js';
import { linkageRules } from './linkage.js';
import { muslRules } from './musl.js';
import { versionRules } from './versions.js';

const ALL_RULES: readonly Rule[] = [
  ...archRules,
  ...linkageRules,
  ...versionRules,
  ...goRules,
  ...muslRules,
  ...buildPathRules,
  ...hardeningRules,
];

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
  return targetOfFloatAbi(goarch, facts.floatAbi);
}

export function verdictOf(findings: readonly Finding[]): 'pass' | 'fail' {
  return findings.some((f) => f.severity === 'error') ? 'fail' : 'pass';
}
