/**
 * Which processes hold a build's output open, from /proc. Its stdout and stderr are sockets (or
 * pipes) whose identity `/proc/<pid>/fd/1` shows (`socket:[123]`): every process with a
 * descriptor on the same one keeps the output open. A build that exits at once may be gone
 * before that can be read; then the processes that inherited the build's marker variable and
 * still have a socket or pipe as stdout or stderr are the ones.
 */
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export interface OutputHolder {
  pid: number;
  /** Its command line (`sleep 120`), or its name when the command line cannot be read. */
  command: string;
}

/** What a just-started child's stdout and stderr are (`pipe:[123]`); empty where unreadable. */
export function outputTargets(pid: number | undefined): string[] {
  if (pid === undefined) return [];
  const out: string[] = [];
  for (const fd of [1, 2]) {
    try {
      const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
      if (/^(?:pipe|socket):/.test(target) && !out.includes(target)) out.push(target);
    } catch {
      // gone already, or no /proc
    }
  }
  return out;
}

/** The variable every process of a build inherits (`<pid>-<random>`). */
export const BUILD_MARKER = 'CGO_ABI_GUARD_BUILD';

/** The processes (other than `exclude`) holding one of `targets`, or else marked and holding a pipe. */
export function holdersOf(
  targets: readonly string[],
  marker: string,
  exclude: readonly number[],
): OutputHolder[] {
  const out: OutputHolder[] = [];
  for (const entry of safeList('/proc')) {
    const pid = Number(entry);
    if (!/^\d+$/.test(entry) || exclude.includes(pid)) continue;
    const link = (fd: string): string => {
      try {
        return readlinkSync(`/proc/${entry}/fd/${fd}`);
      } catch {
        return '';
      }
    };
    const holds =
      targets.length > 0
        ? safeList(`/proc/${entry}/fd`).some((fd) => targets.includes(link(fd)))
        : marked(entry, marker) && ['1', '2'].some((fd) => /^(?:pipe|socket):/.test(link(fd)));
    if (holds) out.push({ pid, command: commandOf(entry) });
  }
  return out;
}

function marked(pid: string, marker: string): boolean {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1')
      .split('\0')
      .includes(`${BUILD_MARKER}=${marker}`);
  } catch {
    return false;
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function commandOf(pid: string): string {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'latin1')
      .split('\0')
      .filter((a) => a !== '');
    if (argv.length > 0) return argv.join(' ').slice(0, 200);
  } catch {
    // fall back to the name
  }
  try {
    return readFileSync(`/proc/${pid}/comm`, 'latin1').trim();
  } catch {
    return '?';
  }
}
