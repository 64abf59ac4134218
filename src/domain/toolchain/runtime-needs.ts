/**
 * What a binary needs at run time of the target packages installed in its sysroot: the libraries
 * it loads from them (accepted by the `needed` rule, and named: the target must have them) and the
 * Debian `Depends:` a package of it should declare.
 */
import type { SymbolVersion } from '../elf/elf-facts.js';
import { dependsLine, type SharedLibrary } from './shlibs.js';

export interface RuntimeLibrary {
  soname: string;
  package: string;
  version: string;
}

export interface BinaryRuntime {
  /** NEEDED libraries that come from the installed target packages. */
  libraries: RuntimeLibrary[];
  /** `libc6 (>= 2.17), libpcap0.8 (>= 1.0.0)` */
  depends: string;
}

export function runtimeNeeds(
  facts: {
    needed: readonly string[];
    symbolVersions: readonly SymbolVersion[];
    versions: Readonly<Record<string, string>>;
  },
  libraries: readonly SharedLibrary[],
): BinaryRuntime {
  const used = facts.needed
    .map((soname) => libraries.find((l) => l.soname === soname))
    .filter((l): l is SharedLibrary => l !== undefined);
  return {
    libraries: used.map(({ soname, package: pkg, version }) => ({ soname, package: pkg, version })),
    depends: dependsLine({
      needed: facts.needed,
      symbols: facts.symbolVersions,
      glibc: facts.versions.GLIBC ?? null,
      libraries,
    }),
  };
}

/** `libpcap.so.0.8 from libpcap0.8 1.10.0-2` */
export function describeRuntime(l: RuntimeLibrary): string {
  return `${l.soname} from ${l.package} ${l.version}`;
}

/** The target packages of a sysroot, as verify takes them. */
export interface RuntimeContext {
  /** The sysroot the packages were extracted into. */
  sysroot: string;
  /** Its multiarch directories (`aarch64-linux-gnu`): usr/lib/<triplet>, lib/<triplet>. */
  triplet: string;
  libraries: SharedLibrary[];
}

/** Where the loader of the target would find a soname in the sysroot's multiarch directories. */
export function libraryCandidates(ctx: RuntimeContext, soname: string): string[] {
  return [
    `${ctx.sysroot}/lib/${ctx.triplet}/${soname}`,
    `${ctx.sysroot}/usr/lib/${ctx.triplet}/${soname}`,
  ];
}
