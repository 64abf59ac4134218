/**
 * The `hardening` rule: what the policy's `hardening:` list requires of every binary (off while
 * the list is empty). A requirement the file's architecture cannot have (cet off x86, bti and
 * pac off AArch64) is not judged there; one the facts cannot vouch for (`unknown`) is a finding
 * that says so — a gate never passes what it cannot see.
 */
import type { Hardening } from '../elf/hardening.js';
import { formatTarget } from '../platform.js';
import type { HardeningRequirement, Rule, RuleContext, RuleFinding } from './types.js';

/** Met, missing (with what the facts show), or not knowable from the file (with why). */
type Judged = { met: true } | { missing: string } | { unknown: string } | null;

const STRIPPED =
  'it has no symbol table (a static binary stripped with -s or strip): nothing shows which functions it calls';

function judge(req: HardeningRequirement, h: Hardening, ctx: RuleContext): Judged {
  switch (req) {
    case 'pie':
      // A shared library is position-independent by nature; PIE is asked of executables.
      if (ctx.sharedLibrary) return null;
      return h.pie
        ? { met: true }
        : { missing: 'it is not a position-independent executable (PIE)' };
    case 'relro':
      return h.relro !== 'none' ? { met: true } : { missing: 'it has no RELRO (PT_GNU_RELRO)' };
    case 'relro-full':
      return h.relro === 'full'
        ? { met: true }
        : { missing: `its RELRO is ${h.relro}, not full (PT_GNU_RELRO and BIND_NOW)` };
    case 'bind-now':
      return h.bindNow
        ? { met: true }
        : { missing: 'it has no BIND_NOW (symbols are bound lazily)' };
    case 'nx-stack':
      return h.nxStack
        ? { met: true }
        : { missing: 'its stack is executable (PT_GNU_STACK with E, or no PT_GNU_STACK)' };
    case 'stack-protector':
      if (h.stackProtector === 'unknown') return { unknown: STRIPPED };
      return h.stackProtector === 'yes'
        ? { met: true }
        : { missing: 'it has no stack protector (no __stack_chk_fail or __stack_chk_guard)' };
    case 'fortify':
      if (h.fortified === null) return { unknown: STRIPPED };
      return h.fortified.length > 0
        ? { met: true }
        : { missing: 'it calls no FORTIFY_SOURCE function (no __*_chk)' };
    case 'cet':
      if (h.cet === null) return null;
      return h.cet ? { met: true } : { missing: 'it has no x86 CET marks (IBT and SHSTK)' };
    case 'bti':
      if (h.bti === null) return null;
      return h.bti ? { met: true } : { missing: 'it has no AArch64 BTI mark' };
    case 'pac':
      if (h.pac === null) return null;
      return h.pac ? { met: true } : { missing: 'it has no AArch64 PAC mark' };
  }
}

const FIX: Record<HardeningRequirement, string> = {
  pie: 'build with -buildmode=pie',
  relro: 'link with -Wl,-z,relro (in CGO_LDFLAGS, or -extldflags)',
  'relro-full': 'link with -Wl,-z,relro,-z,now (in CGO_LDFLAGS, or -extldflags)',
  'bind-now': 'link with -Wl,-z,now (in CGO_LDFLAGS, or -extldflags)',
  'nx-stack':
    'link with -Wl,-z,noexecstack, and find the object without a .note.GNU-stack section (assembly)',
  'stack-protector': 'compile the C code with -fstack-protector-strong (in CGO_CFLAGS)',
  fortify: 'compile the C code with -O2 -D_FORTIFY_SOURCE=2 (or 3) in CGO_CFLAGS',
  cet: 'compile and link every C object with -fcf-protection=full (one object without it drops the marks)',
  bti: 'compile every C object with -mbranch-protection=standard (one object without it drops the mark)',
  pac: 'compile every C object with -mbranch-protection=standard (one object without it drops the mark)',
};

const UNKNOWN_FIX =
  'keep the symbol table (drop -s from -ldflags, do not strip) so it can be judged, or take the requirement off the hardening list for static builds';

export const hardeningRule: Rule = (ctx) => {
  const wanted = ctx.policy.hardening;
  if (wanted.length === 0) return [];
  const h = ctx.facts.hardening;
  const target = formatTarget(ctx.target);
  const out: RuleFinding[] = [];
  for (const req of new Set(wanted)) {
    const judged = judge(req, h, ctx);
    if (judged === null || 'met' in judged) continue;
    if ('missing' in judged)
      out.push({
        rule: 'hardening',
        message: `hardening ${req} is required for ${target}, but ${judged.missing}`,
        fix: FIX[req],
      });
    else
      out.push({
        rule: 'hardening',
        message: `hardening ${req} is required for ${target}, but cannot be judged: ${judged.unknown}`,
        fix: UNKNOWN_FIX,
      });
  }
  return out;
};

export const hardeningRules: readonly Rule[] = [hardeningRule];
