/**
 * Rule build-paths: a binary whose build info or DWARF carries a path of the runner (its tool
 * cache, its temporary directory, its home) differs from the same source built anywhere else:
 * not reproducible. `.symtab`'s file symbols are in the facts but not warned about: GNU ld 2.35
 * (Debian 11's cross binutils, crosstool-ng's) names every start file by its whole path, which
 * no flag of the build changes but `-ldflags=-s` (docs/toolchains.md#reproducible-builds).
 */
import { pathsUnder, type BuildPathSource } from '../elf/build-paths.js';
import type { Rule, RuleFinding } from './types.js';

const FIX: Record<Exclude<BuildPathSource, 'symtab'>, string> = {
  'build-info':
    'pass include and library directories through the compiler (this tool’s cc wrapper finds its own tree), not CGO_CFLAGS/CGO_LDFLAGS/-ldflags: Go records those in the binary (golang/go#52372)',
  dwarf:
    'build with -trimpath, and for your own C flags map the directory (-ffile-prefix-map=DIR=NAME; this tool’s wrappers map their own tree), or drop DWARF (-ldflags=-w)',
};

const SHOWN = 3;

const buildPaths: Rule = ({ facts, policy }) => {
  const found = pathsUnder(facts.buildPaths, policy.buildPaths);
  if (found.length === 0) return [];
  const out: RuleFinding[] = [];
  for (const from of ['build-info', 'dwarf'] as const) {
    const paths = found.filter((b) => b.in === from).map((b) => b.path);
    if (paths.length === 0) continue;
    const shown = paths.slice(0, SHOWN).join(', ');
    const more = paths.length > SHOWN ? ` and ${paths.length - SHOWN} more` : '';
    out.push({
      rule: 'build-paths',
      severity: 'warning',
      message: `its ${from === 'build-info' ? 'Go build info carries' : 'DWARF line tables carry'} ${paths.length === 1 ? 'a path' : 'paths'} of the runner (${shown}${more}): the same source built elsewhere gives other bytes`,
      fix: FIX[from],
    });
  }
  return out;
};

export const buildPathRules: readonly Rule[] = [buildPaths];
