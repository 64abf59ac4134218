/** Control files of a .deb (`shlibs`, `symbols`): what its libraries are, for dpkg-shlibdeps-style Depends. */
import { execQuiet } from './exec.js';

/** The named control member's text, or null when the package has none. */
export async function debControlFile(deb: string, member: string): Promise<string | null> {
  const r = await execQuiet('dpkg-deb', ['--info', deb, member], {
    timeoutMs: 60_000,
    maxOutput: 64 * 1024 * 1024,
  });
  if (r.exitCode === 0) return r.stdout;
  if (/contains no control component/.test(r.stderr)) return null;
  throw new Error(
    `cannot read ${member} of ${deb}: ${r.failure ?? (r.stderr.trim().split('\n')[0] || `dpkg-deb exited with ${String(r.exitCode)}`)}`,
  );
}
