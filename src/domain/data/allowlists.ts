/**
 * The NEEDED allowlists: the shared libraries a binary may need without shipping them, by
 * soname (auditwheel's manylinux policy is the model). The loader and musl's per-architecture
 * names come from architectures.ts. Data only; rules/linkage.ts, toolchain/shlibs.ts and
 * adapters/host-libs.ts are views of it.
 */

/** gcc's runtime: present wherever C++ runs, glibc or musl (Alpine's Node images have both). */
export const GCC_RUNTIME: readonly string[] = ['libgcc_s.so.1', 'libstdc++.so.6'];

/** glibc's libraries every glibc system has (manylinux-style); the loader is added per target. */
export const GLIBC_NEEDED: readonly string[] = [
  'libc.so.6',
  'libm.so.6',
  'libpthread.so.0',
  'libdl.so.2',
  'librt.so.1',
  'libresolv.so.2',
  'libutil.so.1',
];

/** glibc's other libraries (its package, libc6, has them too), not in the allowlist. */
export const GLIBC_OTHER: readonly string[] = ['libanl.so.1'];

/** musl's own by the link-time name; `libc.musl-<arch>.so.1` and its loader are added per target. */
export const MUSL_NEEDED: readonly string[] = ['libc.so'];
