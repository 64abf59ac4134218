/** A failed build's output → what it usually means for a cgo cross build, or null. */

const HINTS: readonly [RegExp, string][] = [
  [
    /build constraints exclude all Go files/,
    'cgo was off, so the files that import "C" were excluded: Go turns cgo off when cross-compiling unless CGO_ENABLED=1 is set (and since Go 1.20 when no C compiler is found)',
  ],
  [
    /gcc_\w+\.S.*\n?.*Assembler messages|Assembler messages:[\s\S]*runtime\/cgo/,
    "the C compiler does not target this GOARCH (a host gcc assembling another architecture's runtime/cgo): set CC to the target's compiler; go build reads CC only, not CC_<goarch>",
  ],
  [
    /function main is undeclared in the main package/,
    'the file with func main was left out of the build: if it imports "C", cgo was off (set CGO_ENABLED=1 for cross builds)',
  ],
  [
    /cgo: C compiler "([^"]+)" not found/,
    'the C compiler named by CC is not installed or not on PATH',
  ],
  [
    /version `GLIBC_[\d.]+' not found/,
    'a program built in this job needs a newer glibc than the machine it ran on',
  ],
  [
    /cannot find -l(\S+)/,
    'a library the link needs is not in the target sysroot: add its -dev package for the target or link it statically',
  ],
];

export function buildFailureHint(output: string): string | null {
  for (const [pattern, hint] of HINTS) if (pattern.test(output)) return hint;
  return null;
}

/** glibc's linker warning for a static link (`ld: …: warning: Using 'getaddrinfo' in …`). */
const STATIC_LINK_WARNING =
  /warning: Using '([^']+)' in statically linked applications requires at runtime the shared libraries from the glibc version used for linking/;

/** The function a build log line's static-link warning names, or null. */
export function staticLinkWarning(line: string): string | null {
  return STATIC_LINK_WARNING.exec(line)?.[1] ?? null;
}

/** One line for the functions the linker warned about that no verified binary showed. */
export function staticLinkMessage(functions: readonly string[]): string {
  return (
    `the linker warned that a static glibc binary calls ${functions.join(', ')}: glibc loads NSS ` +
    `modules (libnss_*.so) for these at run time, which must match the glibc it was linked with; ` +
    `the glibc floor does not cover this. Link dynamically, or do not call them from a static binary ` +
    `(Go: -tags netgo,osusergo)`
  );
}
