/** Private namespaces for tests that mount or need another pid namespace (root, `unshare`). */
import { execFileSync } from 'node:child_process';

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
