/** Rule 1: ELF class, endianness, machine and ARM float ABI match the target. */
import { abiOf, ARCHES, floatAbiOf, formatTarget } from '../platform.js';
import type { ElfFacts } from '../elf/elf-facts.js';
import type { Rule, RuleFinding } from './types.js';

const archMatches: Rule = ({ facts, target, targetGiven, go }) => {
  if (!targetGiven) return [];
  const want = ARCHES[target.goarch];
  const found: RuleFinding[] = [];
  const same =
    facts.class === want.elfClass && facts.endian === want.endian && facts.machine === want.machine;
  if (!same) {
    found.push({
      rule: 'elf-arch',
      message:
        `built for ${facts.machine} (${facts.class}, ${facts.endian}-endian), ` +
        `but the target ${formatTarget(target)} is ${want.machine} (${want.elfClass}, ${want.endian}-endian)`,
      fix: go
        ? `build with GOARCH=${target.goarch} and CC set to a C compiler for ${abiOf(target).triplet}`
        : `build it with a compiler for ${abiOf(target).triplet}`,
    });
    return found;
  }
  const wantFloat = floatAbiOf(target);
  // Only a dynamically linked ARM object says hard/soft float in its header flags (the C
  // toolchain writes it); Go's internal linker leaves it unset. glibc's loader refuses an object
  // of the other float ABI, dlopen and shared libraries (no PT_INTERP) included.
  if (
    wantFloat !== null &&
    dynamicallyLinked(facts) &&
    facts.floatAbi !== null &&
    facts.floatAbi !== wantFloat
  ) {
    found.push({
      rule: 'elf-arch',
      message: `ARM header flags say ${facts.floatAbi}-float ABI (${facts.flags}), but ${formatTarget(target)} is ${wantFloat}-float`,
      fix:
        wantFloat === 'hard'
          ? `link with the hard-float compiler ${abiOf(target).triplet}-gcc for GOARM=7`
          : `link with the soft-float compiler ${abiOf(target).triplet}-gcc for GOARM=5/6, or target linux/arm/v7`,
    });
  }
  return found;
};

function dynamicallyLinked(facts: ElfFacts): boolean {
  return (
    facts.interpreter !== null ||
    facts.needed.length > 0 ||
    facts.layout.segments.some((s) => s.type === 'DYNAMIC')
  );
}

export const archRules: readonly Rule[] = [archMatches];
