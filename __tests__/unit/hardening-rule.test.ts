/**
 * The hardening rule: off unless the policy lists requirements; each unmet one is a finding with
 * its fix; what the facts cannot vouch for is a finding too, never a pass; what the architecture
 * cannot have is not judged; the policy file names the requirements.
 */
import { describe, expect, it } from 'vitest';
import { parsePolicyFile, mergePolicy } from '../../src/domain/rules/policy-file.js';
import { evaluate, verdictOf } from '../../src/domain/rules/policy.js';
import {
  defaultPolicy,
  HARDENING_REQUIREMENTS,
  type HardeningRequirement,
} from '../../src/domain/rules/types.js';
import type { Hardening } from '../../src/domain/elf/hardening.js';
import { cgoFacts, hardeningFacts } from '../setup/facts.js';

const FULL: Partial<Hardening> = {
  pie: true,
  relro: 'full',
  bindNow: true,
  nxStack: true,
  stackProtector: 'yes',
  fortified: ['__memcpy_chk'],
  cet: true,
};

function judge(hardening: HardeningRequirement[], change: Partial<Hardening> = {}, type = 'DYN') {
  const facts = cgoFacts({ type, pie: true, hardening: hardeningFacts({ ...FULL, ...change }) });
  const findings = evaluate(facts, { ...defaultPolicy(), hardening }).filter(
    (f) => f.rule === 'hardening',
  );
  return { findings, verdict: verdictOf(findings) };
}

describe('hardening rule', () => {
  it('is off by default: a binary with no hardening at all passes', () => {
    const bare = hardeningFacts({ relro: 'none', nxStack: false, stackProtector: 'unknown' });
    const findings = evaluate(cgoFacts({ hardening: bare }), defaultPolicy());
    expect(findings.filter((f) => f.rule === 'hardening')).toEqual([]);
  });

  it('passes a binary that has everything required', () => {
    const all = HARDENING_REQUIREMENTS.filter((r) => r !== 'bti' && r !== 'pac');
    expect(judge(all).findings).toEqual([]);
  });

  it('fails each unmet requirement with an error, a message and a fix', () => {
    const cases: [HardeningRequirement, Partial<Hardening>, RegExp][] = [
      ['pie', { pie: false }, /not a position-independent executable/],
      ['relro', { relro: 'none' }, /no RELRO/],
      ['relro-full', { relro: 'partial' }, /RELRO is partial, not full/],
      ['bind-now', { bindNow: false }, /no BIND_NOW/],
      ['nx-stack', { nxStack: false }, /its stack is executable/],
      ['stack-protector', { stackProtector: 'no' }, /no stack protector/],
      ['fortify', { fortified: [] }, /calls no FORTIFY_SOURCE function/],
      ['cet', { cet: false }, /no x86 CET marks/],
    ];
    for (const [req, change, message] of cases) {
      const { findings, verdict } = judge([req], change);
      expect(findings, req).toHaveLength(1);
      expect(findings[0]?.severity).toBe('error');
      expect(findings[0]?.message).toMatch(message);
      expect(findings[0]?.message).toContain(`hardening ${req} is required for linux/amd64, but`);
      expect(findings[0]?.fix.length).toBeGreaterThan(10);
      expect(verdict).toBe('fail');
    }
  });

  it('does not pass what it cannot judge: unknown stack protector or FORTIFY is a finding', () => {
    for (const [req, change] of [
      ['stack-protector', { stackProtector: 'unknown' }],
      ['fortify', { fortified: null }],
    ] as const) {
      const { findings, verdict } = judge([req], change, 'EXEC');
      expect(findings[0]?.message).toMatch(/but cannot be judged: it has no symbol table/);
      expect(findings[0]?.fix).toMatch(/keep the symbol table/);
      expect(verdict).toBe('fail');
    }
  });

  it('does not judge cet off x86, bti and pac off AArch64, pie of a shared library', () => {
    expect(judge(['bti', 'pac'], { bti: null, pac: null }).findings).toEqual([]);
    expect(judge(['cet'], { cet: null }).findings).toEqual([]);
    const lib = cgoFacts({
      type: 'DYN',
      pie: false,
      interpreter: null,
      hardening: hardeningFacts({ ...FULL, pie: false }),
    });
    expect(evaluate(lib, { ...defaultPolicy(), hardening: ['pie'] })).toEqual([]);
  });

  it('takes its severity from the severity map', () => {
    const facts = cgoFacts({ hardening: hardeningFacts({ ...FULL, relro: 'partial' }) });
    const policy = { ...defaultPolicy(), hardening: ['relro-full' as const] };
    const warned = evaluate(facts, { ...policy, severity: { hardening: 'warning' } });
    expect(warned.map((f) => [f.rule, f.severity])).toEqual([['hardening', 'warning']]);
    expect(evaluate(facts, { ...policy, severity: { hardening: 'off' } })).toEqual([]);
  });
});

describe('policy file hardening:', () => {
  it('reads the requirement list into the policy', () => {
    const { policy, errors } = parsePolicyFile(
      'hardening: [pie, relro-full, nx-stack, stack-protector, fortify, cet, bti]\nseverity:\n  hardening: warning\n',
      'p.yml',
    );
    expect(errors).toEqual([]);
    const merged = mergePolicy(policy, {});
    expect(merged.hardening).toEqual([
      'pie',
      'relro-full',
      'nx-stack',
      'stack-protector',
      'fortify',
      'cet',
      'bti',
    ]);
    expect(merged.severity).toEqual({ hardening: 'warning' });
    expect(mergePolicy({}, {}).hardening).toEqual([]);
  });

  it('names an unknown requirement in one line, and a value that is not a list', () => {
    const { errors } = parsePolicyFile('hardening:\n  - pie\n  - aslr\n', 'p.yml');
    expect(errors).toEqual([
      `p.yml:3: unknown hardening requirement "aslr" (known: ${HARDENING_REQUIREMENTS.join(', ')})`,
    ]);
    expect(parsePolicyFile('hardening: pie\n', 'p.yml').errors).toEqual([
      'p.yml:1: hardening must be a list like [pie, relro-full, nx-stack]',
    ]);
  });
});
