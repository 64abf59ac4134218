/**
 * Who a process is, beyond its pid: pids are reused (a self-hosted runner after a reboot, a new
 * container), and in another pid namespace the same number names another process. So a process
 * is also known by the boot it runs in (`/proc/sys/kernel/random/boot_id`, the same in every
 * container of one kernel), its start time (`/proc/<pid>/stat` field 22, clock ticks after boot)
 * and its pid namespace (`/proc/self/ns/pid`).
 */
import { readFile, readlink } from 'node:fs/promises';

export interface ProcessIdentity {
  pid: number;
  /** Null where /proc does not tell (then only the pid is compared, as before). */
  bootId: string | null;
  start: string | null;
  pidNs: string | null;
}

/** `alive` and `dead` are certain; `unknown`: the process is in another pid namespace. */
export type Liveness = 'alive' | 'dead' | 'unknown';

const orNull = (p: Promise<string>): Promise<string | null> => p.catch(() => null);

/** Field 22 of `/proc/<pid>/stat`, counted after the command name (which may hold spaces and parentheses). */
export function startTimeOfStat(stat: string): string | null {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const start = fields[19];
  return start !== undefined && /^\d+$/.test(start) ? start : null;
}

export async function startTimeOf(pid: number): Promise<string | null> {
  const stat = await orNull(readFile(`/proc/${String(pid)}/stat`, 'utf8'));
  return stat === null ? null : startTimeOfStat(stat);
}

let own: Promise<ProcessIdentity> | null = null;

export function ownIdentity(): Promise<ProcessIdentity> {
  own ??= (async () => ({
    pid: process.pid,
    bootId: (await orNull(readFile('/proc/sys/kernel/random/boot_id', 'utf8')))?.trim() ?? null,
    start: await startTimeOf(process.pid),
    pidNs: await orNull(readlink('/proc/self/ns/pid')),
  }))();
  return own;
}

/** `boot=… start=… pidns=…`, the parts of an identity beyond the pid (none when unknown). */
export function identityFields(id: ProcessIdentity): string {
  return [
    id.bootId === null ? '' : `boot=${id.bootId}`,
    id.start === null ? '' : `start=${id.start}`,
    id.pidNs === null ? '' : `pidns=${id.pidNs}`,
  ]
    .filter((f) => f !== '')
    .join(' ');
}

/** The identity written by identityFields after a pid; fields that are absent stay null. */
export function parseIdentity(pid: number, fields: readonly string[]): ProcessIdentity {
  const value = (key: string): string | null =>
    fields.find((f) => f.startsWith(`${key}=`))?.slice(key.length + 1) ?? null;
  return { pid, bootId: value('boot'), start: value('start'), pidNs: value('pidns') };
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the process `other` still runs, as far as this process can see. */
export async function liveness(other: ProcessIdentity): Promise<Liveness> {
  const self = await ownIdentity();
  if (other.bootId !== null && self.bootId !== null && other.bootId !== self.bootId) return 'dead';
  if (other.pidNs !== null && self.pidNs !== null && other.pidNs !== self.pidNs) return 'unknown';
  if (!pidAlive(other.pid)) return 'dead';
  if (other.start === null) return 'alive';
  const start = await startTimeOf(other.pid);
  // The pid is alive but started at another time: the number was reused.
  return start !== null && start !== other.start ? 'dead' : 'alive';
}
