/** Host programs and the host's package mirror, for the toolchain install. */
import { readFile } from 'node:fs/promises';
import { parseAptSources } from '../domain/toolchain/apt-sources.js';
import {
  archiveSources,
  candidateMirrors,
  orderMirrorList,
  parseMirrorList,
  type Mirror,
} from '../domain/toolchain/mirrors.js';
import { execQuiet } from './exec.js';
import { readHostAptSources } from './host-apt.js';
import { httpFetch } from './http-proxy.js';

/** One message per program not found on PATH, with the hint of how to get it. */
export async function missingPrograms(
  programs: readonly { program: string; hint: string }[],
): Promise<string[]> {
  const out: string[] = [];
  for (const { program, hint } of programs) {
    const found = (await execQuiet('sh', ['-c', 'command -v "$1"', 'sh', program])).exitCode === 0;
    if (!found) out.push(`${program} not found on PATH: ${hint}`);
  }
  return out;
}

/** Whether any of the programs is on PATH. */
export async function anyOnPath(programs: readonly string[]): Promise<boolean> {
  for (const program of programs)
    if ((await execQuiet('sh', ['-c', 'command -v "$1"', 'sh', program])).exitCode === 0)
      return true;
  return false;
}

export class MirrorError extends Error {}

export type { Mirror };

export interface MirrorQuery {
  /** Mirrors the user named (input `mirror`, `--mirror`): tried first. */
  extra: readonly string[];
  /** False: only `extra`, never the host's archive (a network that reaches only a proxy). */
  useHost: boolean;
  /** The host's own release: its apt entries name the archive (they carry its suites). */
  hostCodename: string | null;
  /** The release the toolchain comes from, and the host's dpkg architecture (mirror-list limits). */
  codename: string;
  arch: string;
  /** The host's apt configuration directory (tests point it elsewhere). */
  etc?: string;
}

/**
 * Every mirror to try, in order: the user's, then the host's archive — plain URIs as they stand,
 * apt mirror lists (`mirror+file:`, `mirror+http:`) read and ordered by their priorities. A list
 * that cannot be read is skipped when other mirrors remain, and named in the error otherwise.
 */
export async function hostMirrors(q: MirrorQuery): Promise<Mirror[]> {
  if (!q.useHost) {
    if (q.extra.length > 0) return candidateMirrors(q.extra, []);
    throw new MirrorError(
      'host mirrors are off and no mirror was named (mirror input, --mirror URI)',
    );
  }
  const files = await readHostAptSources(q.etc);
  const sources = archiveSources(parseAptSources(files), q.hostCodename ?? '');
  const host: Mirror[] = [];
  const unread: string[] = [];
  if (!('error' in sources)) {
    for (const s of sources) {
      if (s.kind === 'uri') {
        host.push({ uri: s.uri, keyring: s.keyring });
        continue;
      }
      const text = await readMirrorList(s.location).catch((e: unknown) => {
        unread.push(`${s.location} (named in ${s.origin}): ${(e as Error).message}`);
        return null;
      });
      if (text === null) continue;
      for (const uri of orderMirrorList(parseMirrorList(text), q))
        host.push({ uri, keyring: s.keyring });
    }
  }
  const all = candidateMirrors(q.extra, host);
  if (all.length > 0) return all;
  const why =
    'error' in sources ? sources.error : 'the mirror lists it names hold no http(s) mirror';
  throw new MirrorError(
    `no package mirror to use: ${[why, ...unread].join('; ')}; name one with the mirror input or --mirror URI`,
  );
}

async function readMirrorList(location: string): Promise<string> {
  if (location.startsWith('/')) return readFile(location, 'utf8');
  const response = await httpFetch(location, { signal: AbortSignal.timeout(20_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
