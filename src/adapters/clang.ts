/** Finds the host clang and its lld on PATH (see src/domain/clang.ts for the layout it expects). */
import { constants } from 'node:fs';
import { access, readdir, realpath } from 'node:fs/promises';
import { delimiter, dirname, join } from 'node:path';
import { execQuiet } from './exec.js';
import { majorOf, pickClangName, type HostClang } from '../domain/toolchain/clang.js';

export class ClangError extends Error {}

const executable = (path: string): Promise<boolean> =>
  access(path, constants.X_OK).then(
    () => true,
    () => false,
  );

/** The first `name` on PATH, absolute, or null. */
async function which(name: string, path: string): Promise<string | null> {
  for (const dir of path.split(delimiter).filter((d) => d !== '')) {
    if (await executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

async function clangNamesOnPath(path: string): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of path.split(delimiter).filter((d) => d !== '')) {
    for (const n of await readdir(dir).catch(() => [] as string[]))
      if (/^clang(-\d+)?$/.test(n) && (await executable(join(dir, n)))) names.add(n);
  }
  return [...names];
}

async function output(cmd: string, args: string[]): Promise<string> {
  const r = await execQuiet(cmd, args, { timeoutMs: 30_000 });
  if (r.exitCode === 0) return `${r.stdout}${r.stderr}`;
  const why = r.failure ?? (r.stderr.trim().split('\n')[0] || `exit status ${String(r.exitCode)}`);
  throw new ClangError(`${cmd} ${args.join(' ')} failed: ${why}`);
}

/**
 * clang as asked (`want` major or the default), its clang++ and an lld: `ld.lld` beside the real
 * clang binary, else `ld.lld-<major>` on PATH, else what clang itself would run. clang is
 * resolved to its real path, so that the wrappers name exactly one version.
 */
export async function findClang(
  want: number | null,
  path = process.env.PATH ?? '',
): Promise<HostClang> {
  const name = pickClangName(await clangNamesOnPath(path), want);
  const asked = want === null ? 'clang' : `clang-${want}`;
  if (name === null)
    throw new ClangError(
      `${asked} not found on PATH: install ${asked} (apt-get install ${asked} ${asked.replace('clang', 'lld')}), or use compiler: gcc`,
    );
  const found = await which(name, path);
  if (found === null) throw new ClangError(`${name} vanished from PATH`);
  const clang = await realpath(found);
  const clangMajor = majorOf(await output(clang, ['-dumpversion']));
  if (clangMajor === null) throw new ClangError(`${clang} -dumpversion gave no version`);
  const beside = join(dirname(clang), 'clang++');
  const clangxx = (await executable(beside))
    ? beside
    : await which(`clang++-${clangMajor}`, path).then((p) => p ?? which('clang++', path));
  if (clangxx === null) throw new ClangError(`no clang++ for ${clang} (beside it or on PATH)`);
  const lld = await findLld(clang, clangMajor, path);
  const lldMajor = majorOf(await output(lld, ['--version']));
  if (lldMajor === null) throw new ClangError(`${lld} --version gave no version`);
  // clang++ and ld.lld keep their names: clang picks C++ mode (and links libstdc++), and the
  // lld multi-call binary its flavour, by the name they run as.
  return { clang, clangxx, lld, clangMajor, lldMajor };
}

async function findLld(clang: string, major: number, path: string): Promise<string> {
  const beside = join(dirname(clang), 'ld.lld');
  if (await executable(beside)) return beside;
  const versioned = await which(`ld.lld-${major}`, path);
  if (versioned !== null) return versioned;
  const asked = (await output(clang, ['-print-prog-name=ld.lld'])).trim();
  if (asked.startsWith('/') && (await executable(asked))) return asked;
  throw new ClangError(
    `no lld for clang ${major} (${clang}): neither ${beside} nor ld.lld-${major} on PATH; install lld-${major}`,
  );
}
