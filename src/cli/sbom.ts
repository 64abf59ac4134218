/** `verify --sbom FILE`: the SBOM core (steps/sbom.ts) with the install of the --sysroot given. */
import type { RunReport } from '../domain/report/run-report.js';
import { installOfSysroot, writeSbom } from '../steps/sbom.js';
import type { Io } from './io.js';
import { LINK_LOG_ENV } from '../domain/toolchain/link-record.js';

/** Writes the SBOM; false (said on stderr): the sysroot's install is not one the lock pins. */
export async function cliSbom(
  report: RunReport,
  path: string,
  sysroot: string | null,
  lockPath: string,
  io: Io,
): Promise<boolean> {
  const install = sysroot === null ? null : await installOfSysroot(sysroot, lockPath);
  if (install !== null && 'error' in install) {
    io.err(`cgo-abi-guard verify: --sbom: ${install.error}\n`);
    return false;
  }
  if (install === null)
    io.err(
      'cgo-abi-guard verify: --sbom: no --sysroot (nor PKG_CONFIG_SYSROOT_DIR): no toolchain to name the libraries by, each is written as of unknown origin\n',
    );
  const linkLog = process.env[LINK_LOG_ENV] ?? '';
  if (linkLog === '')
    io.err(
      `cgo-abi-guard verify: --sbom: ${LINK_LOG_ENV} is not set: which archives each link took is not known, and each binary says so (docs/sbom.md)\n`,
    );
  await writeSbom(
    report,
    report.targets.map(() => install),
    { path, workdir: process.cwd(), lockPath, linkLog: linkLog === '' ? null : linkLog },
  );
  return true;
}
