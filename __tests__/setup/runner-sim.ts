/**
 * A GitHub-hosted runner as it really is, laid out in one folder and entered through a private
 * mount namespace (__tests__/runner-sim/enter.sh): apt sources in the `mirror+file:` form of the
 * x64 images with an unreachable first mirror, clang only as an alternatives link to clang-16 with
 * lld only as ld.lld-16 and under /usr/lib/llvm-16/bin, the non-root `runner` user (uid 1001,
 * passwordless sudo, HOME /home/runner), a world-writable tool cache, and the action run by
 * Node 24 from its own copy, as the runner does (the checkout may sit where uid 1001 cannot go).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  copyFileSync,
  cpSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hostMirrors } from '../../src/adapters/host-tools.js';
import { ROOT } from './paths.js';
import { NODE24, Runner } from './runner.js';

export const RUNNER_UID = 1001;
const ENTER = join(ROOT, '__tests__', 'runner-sim', 'enter.sh');
/** What the images have on PATH for clang: none of the unversioned names but the alternative. */
const HIDDEN =
  /^(clang(\+\+)?(-\d+)?|clang-cpp(-\d+)?|ld\.lld(-\d+)?|lld(-\d+)?|ld64\.lld.*|lld-link.*|wasm-ld.*)$/;

export interface Sim {
  dir: string;
  toolCache: string;
  /** The host's own archive URI (second in the mirror list), and the dead first one. */
  hostMirror: string;
  deadMirror: string;
  /** A fresh runner (its own RUNNER_TEMP and command files) for one job. */
  runner(user: 'runner' | 'root', extraEnv?: NodeJS.ProcessEnv): Runner;
  /** A copy of a fixture program, owned by the job's user. */
  project(source: string, user: 'runner' | 'root'): string;
  emptyToolCache(): void;
}

function hostCodename(): string {
  const text = readFileSync('/etc/os-release', 'utf8');
  return /^VERSION_CODENAME=(.*)$/m.exec(text)?.[1]?.replace(/"/g, '') ?? '';
}

/** Every /usr/bin entry but clang and lld, then the image's layout of clang 16. */
function pathDir(dir: string, withSudo: boolean): void {
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync('/usr/bin')) {
    if (HIDDEN.test(name) || (!withSudo && name === 'sudo')) continue;
    symlinkSync(join('/usr/bin', name), join(dir, name));
  }
  const alternatives = join(dir, '..', `alternatives-${withSudo ? 'runner' : 'root'}`);
  mkdirSync(alternatives, { recursive: true });
  for (const [name, target] of [
    ['clang', '/usr/bin/clang-16'],
    ['clang++', '/usr/bin/clang++-16'],
  ] as const) {
    symlinkSync(target, join(alternatives, name));
    symlinkSync(join(alternatives, name), join(dir, name));
  }
  for (const name of ['clang-16', 'clang++-16', 'ld.lld-16'])
    symlinkSync(join('/usr/bin', name), join(dir, name));
}

export async function makeSim(deadPort: number): Promise<Sim> {
  const dir = mkdtempSync(join(tmpdir(), 'cgo-abi-guard-sim-'));
  chmodSync(dir, 0o755);
  const codename = hostCodename();
  const [host] = await hostMirrors({
    extra: [],
    useHost: true,
    hostCodename: codename,
    codename: 'bullseye',
    arch: 'amd64',
  });
  if (host === undefined) throw new Error('the host names no package mirror');
  const deadMirror = `http://127.0.0.1:${deadPort}/debian`;

  // /etc/apt: the machine's, with its sources rewritten as configure-apt-sources.sh does.
  const etc = join(dir, 'etc-apt');
  cpSync('/etc/apt', etc, { recursive: true, verbatimSymlinks: true });
  rmSync(join(etc, 'sources.list'), { force: true });
  for (const f of readdirSync(join(etc, 'sources.list.d'))) rmSync(join(etc, 'sources.list.d', f));
  const signedBy = host.keyring === null ? '' : `Signed-By: ${host.keyring}\n`;
  writeFileSync(
    join(etc, 'sources.list.d', 'debian.sources'),
    `Types: deb\nURIs: mirror+file:/etc/apt/apt-mirrors.txt\nSuites: ${codename} ${codename}-updates\nComponents: main\n${signedBy}`,
  );
  writeFileSync(
    join(etc, 'apt-mirrors.txt'),
    `${deadMirror}/\tpriority:1\n${host.uri}/\tpriority:2\n`,
  );

  // The runner user, its sudo rule and home.
  writeFileSync(
    join(dir, 'passwd'),
    `${readFileSync('/etc/passwd', 'utf8')}runner:x:${RUNNER_UID}:${RUNNER_UID}:runner:/home/runner:/bin/bash\n`,
  );
  writeFileSync(
    join(dir, 'group'),
    `${readFileSync('/etc/group', 'utf8')}runner:x:${RUNNER_UID}:\n`,
  );
  cpSync('/etc/sudoers.d', join(dir, 'sudoers.d'), { recursive: true });
  writeFileSync(join(dir, 'sudoers.d', 'runner'), 'runner ALL=(ALL) NOPASSWD:ALL\n', {
    mode: 0o440,
  });
  mkdirSync(join(dir, 'home', 'runner'), { recursive: true });
  chownSync(join(dir, 'home', 'runner'), RUNNER_UID, RUNNER_UID);
  mkdirSync(join(dir, 'github-home'), { recursive: true });

  pathDir(join(dir, 'bin-runner'), true);
  pathDir(join(dir, 'bin-root'), false);

  // The action as the runner checks it out, and the Node 24 it runs it with.
  const action = join(dir, 'actions', 'cgo-abi-guard');
  mkdirSync(action, { recursive: true });
  cpSync(join(ROOT, 'dist'), join(action, 'dist'), { recursive: true });
  copyFileSync(join(ROOT, 'action.yml'), join(action, 'action.yml'));
  const node = join(dir, 'externals', 'node24', 'bin', 'node');
  mkdirSync(join(node, '..'), { recursive: true });
  try {
    linkSync(NODE24, node);
  } catch {
    copyFileSync(NODE24, node);
  }
  chmodSync(node, 0o755);

  const toolCache = join(dir, 'hostedtoolcache');
  const sim: Sim = {
    dir,
    toolCache,
    hostMirror: host.uri,
    deadMirror,
    runner(user, extraEnv = {}) {
      const runner = new Runner(toolCache, node, {
        wrap: ['unshare', '-m', '--propagation', 'private', '--', 'bash', ENTER, dir, user, '--'],
        ...(user === 'runner' ? { owner: { uid: RUNNER_UID, gid: RUNNER_UID } } : {}),
        actionDir: action,
        baseEnv: {
          PATH: `${join(dir, `bin-${user}`)}:/usr/local/go/bin`,
          HOME: user === 'runner' ? '/home/runner' : join(dir, 'github-home'),
          USER: user,
          LANG: 'C.UTF-8',
          ...extraEnv,
        },
      });
      return runner;
    },
    project(source, user) {
      const p = mkdtempSync(join(dir, 'work-'));
      cpSync(join(ROOT, source), p, { recursive: true });
      if (user === 'runner') chownTree(p, RUNNER_UID);
      chmodSync(p, 0o755);
      return p;
    },
    emptyToolCache() {
      rmSync(toolCache, { recursive: true, force: true });
      mkdirSync(toolCache, { recursive: true });
      chmodSync(toolCache, 0o777);
    },
  };
  sim.emptyToolCache();
  return sim;
}

function chownTree(path: string, uid: number): void {
  chownSync(path, uid, uid);
  if (!lstatSync(path).isDirectory()) return;
  for (const name of readdirSync(path)) chownTree(join(path, name), uid);
}

/** A digest of a directory tree (names, link targets, file bytes): to show it was not changed. */
export function treeDigest(root: string): string {
  const hash = createHash('sha256');
  const visit = (rel: string): void => {
    const at = join(root, rel);
    const st = lstatSync(at);
    hash.update(`${rel}\0${st.mode}\0`);
    if (st.isSymbolicLink()) hash.update(readlinkSync(at));
    else if (st.isFile()) hash.update(readFileSync(at));
    else if (st.isDirectory()) for (const n of readdirSync(at).sort()) visit(join(rel, n));
  };
  visit('');
  return hash.digest('hex');
}

/** Whether this machine can build the simulation (root, unshare, setpriv, clang-16, lld-16). */
export function simMissing(): string | null {
  if (process.getuid?.() !== 0) return 'the runner simulation needs root (mount namespaces)';
  for (const p of [
    '/usr/bin/unshare',
    '/usr/bin/setpriv',
    '/usr/bin/clang-16',
    '/usr/bin/ld.lld-16',
    '/usr/bin/sudo',
  ])
    if (!existsSync(p)) return `${p} is missing: run scripts/setup`;
  try {
    execFileSync('unshare', ['-m', '--propagation', 'private', 'true']);
  } catch {
    return 'unshare -m is not permitted here';
  }
  return null;
}
