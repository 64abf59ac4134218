/**
 * A private apt: its own configuration, index lists, cache and empty dpkg status under
 * `stateDir`, so exact package versions of another Debian release can be resolved against the
 * signed index without root and without touching the host's apt state. Runs apt via APT_CONFIG;
 * the host's apt.conf and apt.conf.d are not read (nothing there can redirect our state).
 */
import type { LockedPackage } from '../domain/toolchain/lockfile.js';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { execQuiet } from './exec.js';
import { aptProxyConfig } from './http-proxy.js';
import {
  parseDebFilename,
  parseDependsField,
  parsePrintUris,
  parseStanzas,
  releaseArchitectures,
} from '../domain/toolchain/apt-sources.js';

export class AptError extends Error {
  override name = 'AptError';
}

export interface PrivateAptOptions {
  stateDir: string;
  /** Archive root, e.g. the host's own Debian mirror URI. */
  mirror: string;
  suite: string;
  /** The host's dpkg architecture (amd64, arm64). */
  arch: string;
  /** Keyring the suite's InRelease must be signed with; apt's trusted keys when absent. */
  keyring?: string;
  components?: string[];
  /** Acquire::Retries (default 1). */
  retries?: number;
}

/** What apt resolves is exactly what the lockfile records of a package. */
export type ResolvedPackage = LockedPackage;

interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

const NAME = /^[a-z0-9][a-z0-9+.-]*(?::[a-z0-9-]+)?(?:=[A-Za-z0-9.+~:-]+)?$/;

export class PrivateApt {
  readonly configPath: string;
  private readonly mirror: string;
  private configured: Promise<void> | null = null;

  constructor(private readonly opts: PrivateAptOptions) {
    this.mirror = opts.mirror.replace(/\/+$/, '');
    this.configPath = join(opts.stateDir, 'apt.conf');
  }

  private get where(): string {
    return `${this.mirror} suite ${this.opts.suite}`;
  }

  /** Writes apt.conf, sources and the empty dpkg status, once per instance. */
  configure(): Promise<void> {
    this.configured ??= this.writeConfig();
    return this.configured;
  }

  private async writeConfig(): Promise<void> {
    const d = this.opts.stateDir;
    const unsafe = [d, this.mirror, this.opts.keyring ?? ''].find((v) => /["\n\s;{}]/.test(v));
    if (unsafe !== undefined) throw new AptError(`cannot use "${unsafe}" in an apt configuration`);
    for (const sub of ['lists/partial', 'cache/archives/partial', 'etc/sources.list.d'])
      await mkdir(join(d, sub), { recursive: true });
    for (const sub of ['etc/preferences.d', 'etc/apt.conf.d'])
      await mkdir(join(d, sub), { recursive: true });
    await writeFile(join(d, 'status'), '');
    const signed = this.opts.keyring === undefined ? '' : `[signed-by=${this.opts.keyring}] `;
    const components = (this.opts.components ?? ['main']).join(' ');
    await writeFile(
      join(d, 'etc', 'sources.list'),
      `deb ${signed}${this.mirror} ${this.opts.suite} ${components}\n`,
    );
    const q = (s: string): string => JSON.stringify(s);
    const lines = [
      `Dir::Etc::Main ${q(join(d, 'etc', 'apt.conf'))};`,
      `Dir::Etc::Parts ${q(join(d, 'etc', 'apt.conf.d'))};`,
      `Dir::State ${q(d)};`,
      `Dir::State::Lists ${q(join(d, 'lists'))};`,
      `Dir::State::status ${q(join(d, 'status'))};`,
      `Dir::State::extended_states ${q(join(d, 'extended_states'))};`,
      `Dir::Cache ${q(join(d, 'cache'))};`,
      // A second copy of the package cache (32 MB for a Debian release's main), never read here.
      'Dir::Cache::srcpkgcache "";',
      `Dir::Etc::SourceList ${q(join(d, 'etc', 'sources.list'))};`,
      `Dir::Etc::SourceParts ${q(join(d, 'etc', 'sources.list.d'))};`,
      `Dir::Etc::Preferences ${q(join(d, 'etc', 'preferences'))};`,
      `Dir::Etc::PreferencesParts ${q(join(d, 'etc', 'preferences.d'))};`,
      `APT::Architecture ${q(this.opts.arch)};`,
      `APT::Architectures { ${q(this.opts.arch)}; };`,
      'Acquire::Languages "none";',
      `Acquire::Retries "${this.opts.retries ?? 1}";`,
      'Acquire::IndexTargets::deb::Contents-deb::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons-small::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::DEP-11-icons-hidpi::DefaultEnabled "false";',
      'Acquire::IndexTargets::deb::CNF::DefaultEnabled "false";',
      'Acquire::AllowInsecureRepositories "false";',
      'APT::Get::AllowUnauthenticated "false";',
    ];
    // As root apt drops to the _apt user for downloads, who cannot write into our private dirs.
    if (process.getuid?.() === 0) lines.push('APT::Sandbox::User "root";');
    await writeFile(this.configPath, `${lines.join('\n')}\n`);
  }

  /** Downloads and signature-checks the suite's index. */
  async update(): Promise<void> {
    await this.configure();
    const r = await this.run('apt-get', ['-q', 'update', '--error-on=any']);
    if (r.code !== 0) throw new AptError(`apt could not update ${this.where}: ${updateReason(r)}`);
    // apt says nothing when the suite has no packages of the architecture: every name would then
    // be "not found". A partial mirror, or a release without the port (bullseye and riscv64).
    const listed = await this.releaseArchitectures();
    if (listed !== null && !listed.includes(this.opts.arch))
      throw new AptError(
        `${this.where} has no ${this.opts.arch} packages (its Release lists ${listed.join(' ')})`,
      );
  }

  private async releaseArchitectures(): Promise<string[] | null> {
    const lists = join(this.opts.stateDir, 'lists');
    const names = await readdir(lists).catch(() => []);
    const release = names.find((n) => n.endsWith(`_dists_${this.opts.suite}_InRelease`));
    if (release === undefined) return null;
    return releaseArchitectures(await readFile(join(lists, release), 'utf8'));
  }

  /** Exact candidate versions, sizes and SHA-256 from the signed index; names in given order. */
  async resolve(names: string[]): Promise<ResolvedPackage[]> {
    await this.configure();
    const bad = names.filter((n) => !NAME.test(n));
    if (bad.length > 0) throw new AptError(`not a package name: ${bad.join(', ')}`);
    if (names.length === 0) return [];
    const r = await this.run('apt-get', ['--print-uris', '-q', 'download', '--', ...names]);
    if (r.code !== 0) throw new AptError(this.lookupError(r));
    const byName = new Map<string, ResolvedPackage>();
    for (const u of parsePrintUris(r.stdout)) {
      const parsed = parseDebFilename(u.filename);
      if (parsed === null) throw new AptError(`apt printed an unexpected file name: ${u.filename}`);
      if (!u.url.startsWith(`${this.mirror}/`))
        throw new AptError(`apt gave ${u.url}, which is not under ${this.mirror}`);
      const filename = decodeURIComponent(u.url.slice(this.mirror.length + 1));
      byName.set(parsed.name, { ...parsed, filename, size: u.size, sha256: u.sha256 });
    }
    return names.map((n) => {
      const found = byName.get(n.replace(/[:=].*$/, ''));
      if (found === undefined)
        throw new AptError(`apt gave no download with a SHA-256 for package ${n} (${this.where})`);
      return found;
    });
  }

  /**
   * What `apt-get install --no-install-recommends NAMES` would download onto an empty system: the
   * names and their dependency closure, as exact versions with SHA-256 from the signed index, and
   * the index stanzas of those versions (their Depends, Multi-Arch, Essential, Provides).
   */
  async resolveInstall(
    names: string[],
  ): Promise<{ packages: ResolvedPackage[]; stanzas: Map<string, string>[] }> {
    await this.configure();
    const bad = names.filter((n) => !NAME.test(n));
    if (bad.length > 0) throw new AptError(`not a package name: ${bad.join(', ')}`);
    const r = await this.run('apt-get', [
      '--print-uris',
      '-q',
      '-y',
      '--no-install-recommends',
      '--no-install-suggests',
      'install',
      '--',
      ...names,
    ]);
    if (r.code !== 0) throw new AptError(this.lookupError(r));
    // `install --print-uris` names the closure (with an MD5 only); `download --print-uris` of
    // those exact versions gives their SHA-256 from the signed index.
    const chosen = [...r.stdout.matchAll(/^'[^']+' (\S+\.deb) \d+ /gm)]
      .map((m) => parseDebFilename(m[1] ?? ''))
      .filter((p): p is NonNullable<typeof p> => p !== null);
    const packages = await this.resolve(chosen.map((p) => `${p.name}=${p.version}`));
    if (packages.length === 0) return { packages, stanzas: [] };
    const show = await this.run('apt-cache', [
      '-q',
      'show',
      '--',
      ...packages.map((p) => `${p.name}=${p.version}`),
    ]);
    if (show.code !== 0) throw new AptError(this.lookupError(show));
    return { packages, stanzas: parseStanzas(show.stdout) };
  }

  /** Pre-Depends and Depends of the candidate version: the first alternative of each group. */
  async dependsOf(name: string): Promise<string[]> {
    await this.configure();
    if (!NAME.test(name)) throw new AptError(`not a package name: ${name}`);
    const r = await this.run('apt-cache', ['-q', 'show', '--no-all-versions', '--', name]);
    if (r.code !== 0) throw new AptError(this.lookupError(r, name));
    const stanza = parseStanzas(r.stdout).find((s) => s.get('package') === name.split(/[:=]/)[0]);
    if (stanza === undefined) throw new AptError(`package ${name} not found in ${this.where}`);
    const field = [stanza.get('pre-depends'), stanza.get('depends')].filter((f) => f !== undefined);
    return parseDependsField(field.join(',')).map((group) => group[0] ?? '');
  }

  private lookupError(r: RunResult, fallbackName?: string): string {
    const text = `${r.stderr}\n${r.stdout}`;
    const missing = [...text.matchAll(/Unable to locate package (\S+)/g)].map((m) => m[1] ?? '');
    if (missing.length > 0 || /No packages found/.test(text)) {
      const names = missing.length > 0 ? [...new Set(missing)].join(', ') : (fallbackName ?? '?');
      return `package ${names} not found in ${this.where}`;
    }
    const noCandidate = /Can't select (?:candidate )?version from package (\S+)/.exec(text);
    if (noCandidate !== null)
      return `package ${noCandidate[1] ?? ''} has no installable version in ${this.where}`;
    return `apt failed for ${this.where}: ${firstError(text)}`;
  }

  /** apt-get or apt-cache with the private configuration and the environment's proxy. */
  private async run(cmd: string, args: string[]): Promise<RunResult> {
    let proxy: string;
    try {
      proxy = aptProxyConfig(this.mirror);
    } catch (error) {
      throw new AptError(`cannot reach ${this.where}: ${(error as Error).message}`);
    }
    // The proxy may carry credentials: a file only this user reads, written anew for each run
    // (the environment's proxy is read as every download reads it, at the time of the call).
    // Runs overlap: each writes its own file outside the parts directory and renames it in.
    const file = join(this.opts.stateDir, 'etc', 'apt.conf.d', 'proxy.conf');
    const own = join(this.opts.stateDir, `proxy.conf.${randomBytes(6).toString('hex')}`);
    await writeFile(own, proxy, { mode: 0o600, flag: 'wx' });
    await rename(own, file);
    const r = await execQuiet(cmd, args, {
      env: { ...process.env, APT_CONFIG: this.configPath, LANGUAGE: '' },
      cwd: this.opts.stateDir,
    });
    if (r.exitCode === null)
      throw new AptError(
        r.failure?.endsWith('not found') === true
          ? `${cmd} not found: a Debian-family host with apt is required`
          : `${cmd} failed: ${r.failure ?? 'unknown error'}`,
      );
    return { code: r.exitCode, stdout: r.stdout, stderr: r.stderr };
  }
}

/**
 * The index lists and package caches of a private apt's state (some 75 MB per release and
 * architecture), removed once its resolution is done: a lock names every package by pool path
 * and SHA-256, so nothing later reads them; a later resolution fetches the index anew.
 */
export async function pruneAptState(stateDir: string): Promise<void> {
  for (const sub of ['lists', 'cache'])
    await rm(join(stateDir, sub), { recursive: true, force: true });
}

const clean = (s: string): string =>
  s
    .replace(/\[IP: [^\]]*\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

function firstError(text: string): string {
  const e = /^E: (.*)$/m.exec(text) ?? /^W: (.*)$/m.exec(text);
  return clean(e?.[1] ?? (text.trim().split('\n')[0] || 'unknown error'));
}

/** The reason apt gives for the first failed index (`Err:` block), else its first E: line. */
function updateReason(r: RunResult): string {
  const text = `${r.stdout}\n${r.stderr}`;
  const err = /^Err:\d+ .*\n\s+(.*)$/m.exec(text);
  const detail = clean(err?.[1] ?? '');
  if (/signature|NO_PUBKEY|EXPKEYSIG|BADSIG|not signed/i.test(`${detail} ${text}`))
    return `signature check failed (${detail || firstError(text)})`;
  if (/does not have a Release file/.test(text))
    return `no Release file (${detail || 'is the suite name right?'})`;
  return detail || firstError(text);
}
