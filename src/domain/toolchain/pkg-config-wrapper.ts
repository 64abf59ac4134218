/**
 * The `pkg-config` wrapper an install writes beside its `cc`: the host's pkg-config (a host
 * tool: pkgconf or pkg-config, whichever PATH has) confined to the sysroot's `.pc` files. Go runs
 * the program named by `PKG_CONFIG` for `#cgo pkg-config:` lines, so with one wrapper per target
 * (`PKG_CONFIG_<goarch>`, as `CC_<goarch>`) a release tool building several targets gives each
 * its own sysroot's flags; a variable such as PKG_CONFIG_LIBDIR is one for the whole job.
 */
/** Where an install's sysroot and its `.pc` files are: each kind says (steps/kinds). */
export interface ToolchainLayout {
  /** The sysroot relative to the install's `root`: '' for the tree itself. */
  sysroot: string;
  /**
   * Where the sysroot's `.pc` files are, relative to the sysroot. The host's are never among
   * them: host `.pc` files would add host include and library paths.
   */
  pkgConfigDirs: string[];
}

/**
 * The layout of Debian's cross packages: the tree is the sysroot; the `.pc` files in the target
 * packages' multiarch directory, the cross packages' own, and the architecture-independent one.
 */
export function debianLayout(triplet: string): ToolchainLayout {
  return {
    sysroot: '',
    pkgConfigDirs: [
      `usr/lib/${triplet}/pkgconfig`,
      `usr/${triplet}/lib/pkgconfig`,
      'usr/share/pkgconfig',
    ],
  };
}

/** The sysroot of an install whose tree is `root` (`$root` in a wrapper). */
export function sysrootIn(root: string, layout: ToolchainLayout): string {
  return layout.sysroot === '' ? root : `${root}/${layout.sysroot}`;
}

/** Says so, and what to do, when the host has no pkg-config: it is not part of the install. */
export const NO_HOST_PKG_CONFIG =
  'cgo-abi-guard: no pkg-config or pkgconf on PATH: it is a host tool the sysroot does not bring (apt-get install pkg-config); this wrapper only confines it to the sysroot';

/** Said, with the path, when the install's path holds what pkg-config cannot put into flags. */
export const UNFIT_PATH =
  'cgo-abi-guard: pkg-config cannot give flags for a sysroot whose path holds a space, a quote, a backslash, a colon or ${ (pkgconf doubles or drops the path); use a tool cache path without them (RUNNER_TOOL_CACHE)';

/**
 * The script. It finds its install as `cc` does (`<dir>/bin` → `<dir>/root`), so a restored cache
 * works wherever it lands; sets PKG_CONFIG_LIBDIR to the sysroot's `.pc` directories only (it
 * replaces the default search path) and drops PKG_CONFIG_PATH (which would add the host's, or
 * any, before them); sets PKG_CONFIG_SYSROOT_DIR so the flags name paths in the sysroot; then
 * runs the first pkg-config or pkgconf on PATH that is not this script (a PATH holding this
 * `bin` must not loop). `-ef` is in dash, bash and busybox sh.
 */
export function pkgConfigScript(layout: ToolchainLayout, prelude: string): string {
  const sysroot = sysrootIn('$root', layout);
  const libdir = layout.pkgConfigDirs.map((d) => `${sysroot}/${d}`).join(':');
  return [
    prelude.trimEnd(),
    // pkg-config cannot write such a sysroot into flags (measured: pkgconf 1.8 doubles it at a
    // space, a backslash or `${`, which it expands, and prints nothing at a quote or a colon;
    // 0.29 writes it unescaped, which Go then splits); a colon also splits PKG_CONFIG_LIBDIR.
    "case $root in *[[:space:]\\'\\\"\\\\:]* | *'${'*)",
    `  printf '%s: %s\\n' '${UNFIT_PATH}' "$root" >&2`,
    '  exit 1 ;;',
    'esac',
    'unset PKG_CONFIG_PATH',
    `PKG_CONFIG_LIBDIR="${libdir}"`,
    `PKG_CONFIG_SYSROOT_DIR="${sysroot}"`,
    'export PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR',
    'self="$here/pkg-config"',
    'set -f',
    'IFS=:',
    'for d in $PATH; do',
    '  for p in "${d:-.}/pkg-config" "${d:-.}/pkgconf"; do',
    '    if [ -f "$p" ] && [ -x "$p" ] && ! [ "$p" -ef "$self" ]; then',
    '      unset IFS',
    '      exec "$p" "$@"',
    '    fi',
    '  done',
    'done',
    `echo '${NO_HOST_PKG_CONFIG}' >&2`,
    'exit 127',
    '',
  ].join('\n');
}
