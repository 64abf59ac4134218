/**
 * A calling C function → what pulled the symbol in, as people name it: the C start files, Go's
 * runtime/cgo, a standard package's cgo code (net's resolver, os/user), your cgo code, a
 * dependency's cgo code, or plain C code in some object.
 */
import type { CFunction } from './functions.js';

export type OriginKind =
  'start-files' | 'runtime-cgo' | 'go-std' | 'your-code' | 'dependency' | 'c-code' | 'unknown';

export interface Origin {
  kind: OriginKind;
  /** What to group by: `runtime/cgo`, `net (cgo resolver)`, `crt1.o (C start files)`. */
  source: string;
  /** The Go package, when one is known. */
  package?: string;
  /** The calling function (`_cgo_try_pthread_create`), when named. */
  function?: string;
  /** The call as Go code spells it (`C.threaded_sqrt`), for a cgo wrapper. */
  cgoCall?: string;
}

/** What the classifier knows of the binary beyond the function itself. */
export interface GoContext {
  /** The main package's import path from the build info (`example.com/app`). */
  mainPath: string | null;
  /** The main module's path (`example.com/app`). */
  module: string | null;
  /** The Go package of an object's cgo code, when its wrappers name one. */
  packageOf: (f: CFunction) => string | null;
}

const START_FILES = /^(?:S|r|g|M|gcrt)?crt[1in]\.o$|^crt(?:begin|end)[ST]?\.o$|^crtstuff\.c$/;
const START_FUNCTIONS: Readonly<Record<string, string>> = {
  _start: 'crt1.o',
  _init: 'crti.o',
  _fini: 'crti.o',
  __libc_csu_init: 'crt1.o',
  __libc_csu_fini: 'crt1.o',
};
const CGO_WRAPPER = /^_cgo_[0-9a-f]{12}_C2?func_(.+)$/;
const RUNTIME_CGO_NAME = /^(?:x_cgo_|_cgo_|crosscall|threadentry$)/;
const RUNTIME_CGO_FILE = /^(?:gcc_\w+\.[cS]|linux_syscall\.c)$/;

/** Standard packages with cgo code, as people know them. */
const STD_CGO: Readonly<Record<string, string>> = {
  net: 'net (cgo resolver)',
  'os/user': 'os/user (cgo user and group lookups)',
  plugin: 'plugin (dlopen)',
  'runtime/cgo': 'runtime/cgo',
};

export function originOf(f: CFunction, go: GoContext): Origin {
  const start =
    START_FUNCTIONS[f.name] ?? (f.file !== null && START_FILES.test(f.file) ? f.file : null);
  if (start !== null)
    return { kind: 'start-files', source: `${start} (C start files)`, function: f.name };
  const wrapper = CGO_WRAPPER.exec(f.name);
  const pkg = go.packageOf(f);
  if (wrapper?.[1] !== undefined) {
    const call = `C.${wrapper[1]}`;
    return { ...packageOrigin(pkg, go), function: f.name, cgoCall: call };
  }
  if (RUNTIME_CGO_NAME.test(f.name) || (f.file !== null && RUNTIME_CGO_FILE.test(f.file)))
    return { kind: 'runtime-cgo', source: 'runtime/cgo', package: 'runtime/cgo', function: f.name };
  if (pkg !== null) return { ...packageOrigin(pkg, go), function: f.name };
  const where = f.file === null ? '' : ` in ${f.file}`;
  return { kind: 'c-code', source: `C code${where}`, function: f.name };
}

export function packageOrigin(
  pkg: string | null,
  go: Pick<GoContext, 'mainPath' | 'module'>,
): Origin {
  if (pkg === null)
    return { kind: 'unknown', source: 'cgo code of a package .symtab does not name' };
  const std = STD_CGO[pkg];
  if (std !== undefined) return { kind: 'go-std', source: std, package: pkg };
  const path = pkg === 'main' ? (go.mainPath ?? 'the main package') : pkg;
  const mine =
    pkg === 'main' ||
    (go.module !== null && (pkg === go.module || pkg.startsWith(`${go.module}/`)));
  if (mine) return { kind: 'your-code', source: `your cgo code in ${path}`, package: path };
  return { kind: 'dependency', source: pkg, package: pkg };
}

/** `runtime/cgo (_cgo_try_pthread_create)`, `your cgo code (C.threaded_sqrt in example.com/app)`. */
export function describe(o: Origin): string {
  switch (o.kind) {
    case 'your-code':
      return `your cgo code (${o.cgoCall ?? o.function ?? '?'} in ${o.package ?? '?'})`;
    case 'dependency':
      return `${o.package ?? '?'} (${o.cgoCall ?? o.function ?? '?'}, a dependency's cgo code)`;
    default:
      if (o.function === undefined) return o.source;
      return o.source.endsWith(')')
        ? `${o.source.slice(0, -1)}, ${o.function})`
        : `${o.source} (${o.function})`;
  }
}
