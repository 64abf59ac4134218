/**
 * Rules 8, 9, 10: Go build info (and cgo off where no libc is expected), x86 ISA level note,
 * static glibc with NSS.
 */
import { formatTarget, variantLevel } from '../platform.js';
import type { Rule, RuleFinding } from './types.js';

const goBuildInfo: Rule = ({ facts, policy, target, targetGiven }) => {
  if (facts.goBuildError !== null) {
    return [
      {
        rule: 'go-buildinfo',
        severity: 'warning',
        message: `Go build info could not be read (${facts.goBuildError}); CGO_ENABLED, GOOS/GOARCH and GOAMD64/GOARM were not checked`,
        fix: 'build with a Go toolchain ≥ 1.18 and do not strip the .go.buildinfo section',
      },
    ];
  }
  const info = facts.goBuild;
  if (info === null) return [];
  const s = info.settings;
  const found: RuleFinding[] = [];
  if (policy.libc !== 'none' && s.CGO_ENABLED !== '1') {
    found.push({
      rule: 'go-buildinfo',
      message:
        s.CGO_ENABLED === undefined
          ? 'Go build info does not record CGO_ENABLED, so cgo cannot be shown to have been on'
          : `built with CGO_ENABLED=${s.CGO_ENABLED}: cgo was off, so no C code is in the binary (packages that need cgo fail at run time)`,
      fix: 'set CGO_ENABLED=1 for the build: Go turns cgo off when cross-compiling unless it is set, and since Go 1.20 when no C compiler is found',
    });
  }
  if (s.GOOS !== undefined && s.GOOS !== 'linux') {
    found.push({
      rule: 'go-buildinfo',
      message: `built with GOOS=${s.GOOS}`,
      fix: 'build with GOOS=linux',
    });
  }
  if (!targetGiven) return found;
  if (s.GOARCH !== undefined && s.GOARCH !== target.goarch) {
    found.push({
      rule: 'go-buildinfo',
      message: `built with GOARCH=${s.GOARCH}, but the target is ${formatTarget(target)}`,
      fix: `build with GOARCH=${target.goarch}`,
    });
  }
  const levelKey = target.goarch === 'amd64' ? 'GOAMD64' : target.goarch === 'arm' ? 'GOARM' : null;
  const built = levelKey === null ? undefined : s[levelKey];
  if (levelKey !== null && built !== undefined && target.variant !== null) {
    const builtLevel = variantLevel(built.split(',')[0] ?? built);
    const wantLevel = variantLevel(target.variant);
    if (builtLevel > wantLevel) {
      found.push({
        rule: 'go-buildinfo',
        message: `built with ${levelKey}=${built}, above the target ${formatTarget(target)}: older CPUs stop with SIGILL`,
        fix: `build with ${levelKey}=${levelKey === 'GOAMD64' ? target.variant : String(wantLevel)}, or raise the target variant`,
      });
    }
  }
  return found;
};

/**
 * `libc: none` with cgo off: the binary is static either way, but packages that need cgo were
 * built as their stand-ins, and stubs (go-sqlite3: "requires cgo to work") fail only when called.
 */
const cgoOff: Rule = ({ facts, policy }) => {
  if (policy.libc !== 'none' || facts.goBuild?.settings.CGO_ENABLED !== '0') return [];
  return [
    {
      rule: 'cgo-off',
      severity: policy.smoke ? 'error' : 'warning',
      message:
        'built with CGO_ENABLED=0: packages that need cgo were built without their C code, and their stubs fail only when called (go-sqlite3: "requires cgo to work")' +
        (policy.smoke ? '; a smoke run that does not call them passes all the same' : ''),
      fix: "for cgo code, build with CGO_ENABLED=1 and link statically (-ldflags '-linkmode external -extldflags -static'); for a pure-Go program, set cgo-off: off in the policy",
    },
  ];
};

const ISA_LEVELS: Readonly<Record<string, number>> = {
  'x86-64-baseline': 1,
  'x86-64-v2': 2,
  'x86-64-v3': 3,
  'x86-64-v4': 4,
};

const x86Isa: Rule = ({ facts, target, targetGiven }) => {
  if (!targetGiven || target.goarch !== 'amd64' || target.variant === null) return [];
  const highest = facts.isaNeeded.reduce((max, level) => Math.max(max, ISA_LEVELS[level] ?? 0), 0);
  const want = variantLevel(target.variant);
  if (highest <= want) return [];
  return [
    {
      rule: 'x86-isa',
      message: `x86 ISA needed note says x86-64-v${highest}, above the target ${formatTarget(target)}: glibc refuses it with "CPU ISA level is lower than required"`,
      fix: `drop -march=… above x86-64-${target.variant === 'v1' ? 'baseline' : target.variant} from CGO_CFLAGS, or raise the target variant`,
    },
  ];
};

const staticNss: Rule = ({ facts, policy, isStatic, go }) => {
  if (!isStatic || policy.libc === 'musl' || facts.staticSymbols.length === 0) return [];
  const names = facts.staticSymbols.join(', ');
  return [
    {
      rule: 'static-nss',
      severity: 'warning',
      message: `static glibc binary calls ${names}: glibc loads NSS modules (libnss_*.so) for these at run time, which must match the glibc it was linked with; the glibc floor does not cover this (a static binary needs no glibc version, the modules are those of the machine it runs on)`,
      fix: go
        ? 'build with -tags netgo,osusergo so Go resolves hosts and users itself, or link dynamically'
        : 'link dynamically, or do not call the NSS functions from a static binary',
    },
  ];
};

export const goRules: readonly Rule[] = [goBuildInfo, cgoOff, x86Isa, staticNss];
