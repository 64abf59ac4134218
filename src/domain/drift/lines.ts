/**
 * Where in the checkout a change comes from: a Go file name as the binary records it → a path
 * relative to the workspace (or none: the standard library, the module cache, anything outside
 * the checkout), and a dependency → its `require` line in go.mod (the line a bump changes).
 */

export interface Checkout {
  /** GITHUB_WORKSPACE, absolute, without a trailing slash. */
  workspace: string;
  /** The directory of the main module's go.mod, absolute. */
  moduleDir: string;
  /** The main module's path (`example.com/app`), from the build info. */
  modulePath: string | null;
}

const relative = (path: string, root: string): string | null =>
  path.startsWith(`${root}/`) ? path.slice(root.length + 1) : null;

/**
 * `/home/runner/work/app/app/main.go` (a plain build), `example.com/app/main.go` (`-trimpath`) or
 * `/_/example.com/app/main.go` (a cgo preamble's C under `-trimpath`)
 * → `main.go` relative to the workspace; null for what is not the main module's own code (a
 * dependency's `github.com/x/y@v1.2.3/…`, GOROOT's `runtime/cgo/…`, cgo's generated files).
 */
export function workspaceFile(given: string, c: Checkout): string | null {
  if (given.includes('\0') || given.split('/').includes('..')) return null;
  // cgo's `#line` under -trimpath: `/_/example.com/app/main.go` (what DWARF has of a preamble).
  const goFile = given.startsWith('/_/') ? given.slice(3) : given;
  if (goFile.startsWith('/')) {
    const inModule = relative(goFile, c.moduleDir);
    if (inModule === null) return null;
    return relative(goFile, c.workspace);
  }
  if (c.modulePath === null || c.modulePath === '') return null;
  const inModule = relative(goFile, c.modulePath);
  if (inModule === null || inModule.includes('@')) return null;
  return relative(`${c.moduleDir}/${inModule}`, c.workspace);
}

/** The module a package belongs to: the longest module path that is the package or a parent. */
export function moduleOf(pkg: string, modules: Iterable<string>): string | null {
  let best: string | null = null;
  for (const m of modules)
    if ((pkg === m || pkg.startsWith(`${m}/`)) && (best === null || m.length > best.length))
      best = m;
  return best;
}

/** The 1-based line of go.mod that requires `module` (`require m v` or inside `require ( … )`). */
export function requireLine(goMod: string, module: string): number | null {
  const lines = goMod.split('\n');
  let inBlock = false;
  for (const [i, raw] of lines.entries()) {
    const line = raw.replace(/\/\/.*$/, '').trim();
    if (inBlock) {
      if (line === ')') inBlock = false;
      else if (firstWord(line) === module) return i + 1;
      continue;
    }
    if (/^require\s*\($/.test(line)) inBlock = true;
    else if (line.startsWith('require ') && firstWord(line.slice(8).trim()) === module)
      return i + 1;
  }
  return null;
}

function firstWord(text: string): string {
  const word = text.split(/\s+/)[0] ?? '';
  return word.startsWith('"') && word.endsWith('"') ? word.slice(1, -1) : word;
}

/**
 * The Go names of a cgo call's wrappers: `C.getrandom` in package `example.com/app` (the main
 * package) → `main._Cfunc_getrandom` and `main._C2func_getrandom` (the `r, err :=` form).
 */
export function cgoWrapperNames(pkg: string, call: string, mainPath: string | null): string[] {
  const name = call.startsWith('C.') ? call.slice(2) : call;
  const goPkg = pkg === mainPath || pkg === 'main' ? 'main' : escapeLastDots(pkg);
  return [`${goPkg}._Cfunc_${name}`, `${goPkg}._C2func_${name}`];
}

/** The linker writes dots in a path's last element as %2e (`gopkg.in/yaml%2ev3`). */
function escapeLastDots(pkg: string): string {
  const slash = pkg.lastIndexOf('/');
  return `${pkg.slice(0, slash + 1)}${pkg.slice(slash + 1).replace(/\./g, '%2e')}`;
}
