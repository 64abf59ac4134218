/** What to change for one symbol above the glibc floor, by where it comes from. */
import { compareDotted, splitVersionName } from '../version.js';
import type { Origin } from './origins.js';
import { addedIn, type SymbolHistory } from './symbol-history.js';

/** Symbols newer glibc headers call in place of an older function the floor has. */
function redirected(symbol: string): string | null {
  if (symbol === 'fcntl64') return 'fcntl';
  if (symbol.startsWith('__isoc23_')) return symbol.slice('__isoc23_'.length);
  if (/^(?:f?stat|lstat|fstatat|mknod|mknodat)(?:64)?$/.test(symbol)) return `${symbol} (__xstat)`;
  return null;
}

type Who = Pick<Origin, 'kind' | 'package'>;

export interface FixContext {
  floor: string | null;
  history: SymbolHistory | null;
}

/** Only what plain C code calls needs to know when glibc added a symbol. */
export function fixNeedsHistory(o: Who, versionName: string, floor: string | null): boolean {
  return (
    floor !== null &&
    splitVersionName(versionName)?.prefix === 'GLIBC' &&
    !['start-files', 'runtime-cgo', 'go-std'].includes(o.kind)
  );
}

/** A symbol-specific fix, or undefined where the finding's own fix says it all. */
export function fixFor(
  o: Who,
  symbol: string,
  versionName: string,
  c: FixContext,
): string | undefined {
  const split = splitVersionName(versionName);
  if (split?.prefix !== 'GLIBC' || c.floor === null) return undefined;
  const floor = c.floor;
  const toolchain = `build against a glibc ${floor} sysroot (the floor's toolchain)`;
  switch (o.kind) {
    case 'start-files':
      return `${toolchain}: crt1.o comes from the sysroot, and an older one calls an older ${symbol}`;
    case 'runtime-cgo':
      return `runtime/cgo is in every cgo binary, so only the sysroot helps: ${toolchain}`;
    case 'go-std':
      if (o.package === 'net')
        return `-tags netgo (Go's own DNS resolver replaces the cgo one; with os/user: -tags netgo,osusergo), or ${toolchain}`;
      if (o.package === 'os/user')
        return `-tags osusergo (Go reads /etc/passwd and /etc/group itself), or ${toolchain}`;
      return toolchain;
    default:
      return codeFix(symbol, floor, toolchain, c.history, o);
  }
}

function codeFix(
  symbol: string,
  floor: string,
  toolchain: string,
  history: SymbolHistory | null,
  o: Who,
): string | undefined {
  const added = history === null ? null : addedIn(history, symbol);
  if (added?.prefix !== 'GLIBC') return undefined;
  if (compareDotted(added.version, floor) <= 0)
    return `${toolchain}: glibc ${floor} has an older version of it`;
  const older = redirected(symbol);
  if (older !== null)
    return `${toolchain}: glibc ${added.version} headers turn ${older} into ${symbol}, which glibc ${floor} does not have; older headers call the old function`;
  const dependency =
    o.kind === 'dependency'
      ? `, a version of ${o.package ?? 'the package'} that does not call it,`
      : '';
  return `${symbol} is new in glibc ${added.version} (no version at or below ${floor}): guard the call for older glibc${dependency} or raise the floor to ${added.version}`;
}
