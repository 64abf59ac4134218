/** Private namespaces for tests that mount or need another pid namespace (root, `unshare`). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Why `unshare` with these flags cannot run here, or null. */
export function unshareMissing(flags: readonly string[]): string | null {
  if (process.getuid?.() !== 0) return `unshare ${flags.join(' ')} needs root`;
  try {
    execFileSync('unshare', [...flags, 'true'], { stdio: 'ignore' });
  } catch {
    return `unshare ${flags.join(' ')} is not permitted here`;
  }
  return null;
}

/**
 * A runner with an older glibc, as the code reads it: `getconf GNU_LIBC_VERSION` says `glibc
 * <version>` (Ubuntu 22.04: 2.35) through a script bind-mounted over the real getconf in a private
 * mount namespace; the machine's getconf is untouched. The returned words go before a command.
 */
export function olderGlibcWrap(version: string, dir: string): string[] {
  const fake = join(dir, `getconf-glibc-${version}`);
  writeFileSync(
    fake,
    `#!/bin/sh\n[ "$1" = GNU_LIBC_VERSION ] && { echo "glibc ${version}"; exit 0; }\necho "getconf: only GNU_LIBC_VERSION here" >&2\nexit 1\n`,
    { mode: 0o755 },
  );
  const bind = 'mount --bind "$0" /usr/bin/getconf && exec "$@"';
  return ['unshare', '-m', '--propagation', 'private', '--', 'sh', '-c', bind, fake];
}
