/**
 * libc musl: the link asked for (`link: static` — a binary on musl's loader means the build's own
 * `-ldflags` replaced the exported ones), and a dynamic binary's floor: every undefined symbol it
 * binds from libc.so must be exported by the floor's musl on its architecture (musl-exports.ts),
 * or musl's loader refuses it ("Error relocating …: symbol not found").
 */
import { abiOf, formatTarget } from '../platform.js';
import { muslFloorCheck, type MuslFloorCheck } from './musl-exports.js';
import type { Rule, RuleFinding } from './types.js';

const linkRule: Rule = (ctx) => {
  const { facts, policy, target } = ctx;
  if (policy.libc !== 'musl' || policy.link !== 'static' || facts.interpreter === null) return [];
  if (ctx.sharedLibrary) return [];
  return [
    {
      rule: 'interpreter',
      message: `dynamically linked (interpreter ${facts.interpreter}), but link: static was asked for ${formatTarget(target)}: it will not start in a scratch image`,
      fix: "the exported GOFLAGS links with -linkmode=external -extldflags=-static, and a build's own -ldflags replaces it: add -linkmode=external -extldflags=-static to that -ldflags (or set link: dynamic for Alpine)",
    },
  ];
};

const floorRule: Rule = (ctx) => {
  const { facts, policy, target } = ctx;
  const musl = policy.musl;
  const loader = abiOf(target).muslLoader;
  if (policy.libc !== 'musl' || musl === null || facts.interpreter !== loader) return [];
  const arch = abiOf(target).debianArch;
  const check = muslFloorCheck({ symbols: facts.symbolVersions, needed: facts.needed, musl, arch });
  if (check === null)
    return [
      {
        rule: 'musl-floor',
        severity: 'error',
        message: `cannot be judged at musl ${musl} for ${formatTarget(target)}: no table of what that musl's libc.so exports there`,
        fix: 'judge it at a musl floor the tool knows (docs/musl.md), or build it static',
      },
    ];
  return findingsOf(check, musl, formatTarget(target));
};

function findingsOf(check: MuslFloorCheck, musl: string, target: string): RuleFinding[] {
  if (check.missing.length === 0) return [];
  const names = check.missing.map((m) => m.symbol);
  const said = check.missing.map((m) =>
    m.since !== null
      ? `${m.symbol} (exported from musl ${m.since} on)`
      : m.exportedIn.length > 0
        ? `${m.symbol} (musl ${m.exportedIn.join(', ')} only)`
        : `${m.symbol} (no musl exports it: a glibc name)`,
  );
  const others = check.unjudged.length > 0;
  return [
    {
      rule: 'musl-floor',
      // Another library it needs may define them: said, not failed, when one is named.
      severity: others ? 'warning' : 'error',
      message: `needs ${said.join(', ')}, which musl ${musl}'s libc.so does not export for ${target}${others ? ` (unless ${check.unjudged.join(', ')} define${check.unjudged.length === 1 ? 's' : ''} them)` : ''}: musl's loader refuses it with "symbol not found"`,
      fix: `build at the musl it will run on (musl: ${musl}) so the headers do not offer them, avoid the calls, or build it static`,
      symbols: names,
    },
  ];
}

export const muslRules: readonly Rule[] = [linkRule, floorRule];
