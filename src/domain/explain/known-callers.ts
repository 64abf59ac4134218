/**
 * When the calling code cannot be read (a stripped binary, an architecture whose code is not
 * decoded, a symbol reached only through data), the Go function names still say something:
 * `.gopclntab` keeps them in every Go binary, stripped or not. A cgo call of the symbol itself
 * (`net._C2func_getaddrinfo`) names its package; otherwise the libc functions the standard
 * library's own C code calls name the package when it is linked.
 */
import { packageOrigin, type GoContext, type Origin } from './origins.js';

/** Go function names of a binary, from `.gopclntab` (or `.symtab`), NUL-separated. */
export interface GoNames {
  /** Some function name starts with `prefix`. */
  has(prefix: string): boolean;
  /** Packages with a cgo wrapper for `symbol` (`net._C2func_getaddrinfo` → `net`). */
  wrappersOf(symbol: string): string[];
}

export function goNames(text: string): GoNames {
  const all = text.startsWith('\0') ? text : `\0${text}`;
  return {
    has: (prefix) => all.includes(`\0${prefix}`),
    wrappersOf: (symbol) => {
      const out = new Set<string>();
      for (const kind of ['_Cfunc_', '_C2func_']) {
        const tail = `.${kind}${symbol}\0`;
        for (let at = all.indexOf(tail); at >= 0; at = all.indexOf(tail, at + 1)) {
          const begin = all.lastIndexOf('\0', at) + 1;
          if (begin < at) out.add(all.slice(begin, at));
        }
      }
      return [...out].sort();
    },
  };
}

interface Known {
  package: string;
  source: string;
  /** A Go function name prefix that shows the package's C code is linked. */
  evidence: readonly string[];
  symbols: ReadonlySet<string>;
}

const KNOWN: readonly Known[] = [
  {
    package: 'runtime/cgo',
    source: 'runtime/cgo',
    evidence: ['runtime/cgo.'],
    symbols: new Set([
      'pthread_create',
      'pthread_attr_init',
      'pthread_attr_destroy',
      'pthread_attr_getstacksize',
      'pthread_attr_getstack',
      'pthread_getattr_np',
      'pthread_sigmask',
      'pthread_detach',
      'pthread_key_create',
      'pthread_setspecific',
      'pthread_mutex_lock',
      'pthread_mutex_unlock',
      'pthread_cond_wait',
      'pthread_cond_broadcast',
      'sigfillset',
      'sigaction',
      'setenv',
      'unsetenv',
      'clearenv',
      'mmap',
      'munmap',
      'nanosleep',
    ]),
  },
  {
    package: 'net',
    source: 'net (cgo resolver)',
    evidence: ['net._C2func_', 'net._Cfunc_'],
    symbols: new Set([
      'getaddrinfo',
      'freeaddrinfo',
      'gai_strerror',
      'getnameinfo',
      'res_search',
      'res_nsearch',
      'res_ninit',
      'res_nclose',
      '__res_search',
      '__res_nsearch',
      '__res_ninit',
      '__res_nclose',
    ]),
  },
  {
    package: 'os/user',
    source: 'os/user (cgo user and group lookups)',
    evidence: ['os/user._C2func_', 'os/user._Cfunc_'],
    symbols: new Set([
      'getpwnam_r',
      'getpwuid_r',
      'getgrnam_r',
      'getgrgid_r',
      'getgrouplist',
      'sysconf',
    ]),
  },
];

/** What the names alone say pulled `symbol` in (each marked `by name`), or nothing. */
export function originsByName(
  symbol: string,
  names: GoNames | null,
  go: Pick<GoContext, 'mainPath' | 'module'>,
): Origin[] {
  if (symbol === '__libc_start_main')
    return [{ kind: 'start-files', source: 'crt1.o (C start files)', function: '_start' }];
  if (names === null) return [];
  const out: Origin[] = [];
  for (const pkg of names.wrappersOf(symbol))
    out.push({ ...packageOrigin(pkg, go), cgoCall: `C.${symbol}` });
  if (out.length > 0) return out;
  for (const k of KNOWN) {
    if (!k.symbols.has(symbol) || !k.evidence.some((e) => names.has(e))) continue;
    out.push({
      kind: k.package === 'runtime/cgo' ? 'runtime-cgo' : 'go-std',
      source: k.source,
      package: k.package,
    });
  }
  return out;
}
