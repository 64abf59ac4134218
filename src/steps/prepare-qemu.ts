/** A target's qemu-user for the smoke run, through the same lifecycle as a toolchain. */
import { install } from './install.js';
import type { Installed, InstallSetting } from './install-options.js';
import { hostOf, PrepareError, sourceDeps } from './prepare-toolchain.js';
import { QEMU_SOURCES } from '../domain/toolchain/releases.js';
import { qemuSource } from './source-qemu.js';

/** `qemuArch`: qemu's name of the target architecture (`aarch64`, smoke.ts QEMU_ARCH). */
export async function prepareQemu(r: InstallSetting, qemuArch: string): Promise<Installed> {
  const host = hostOf(r.runner);
  const from = QEMU_SOURCES[host.family];
  const codename = from.codename ?? r.runner.distro.codename ?? '';
  if (codename === '')
    throw new PrepareError(`the host names no release codename to take ${from.package} from`);
  const source = qemuSource(host, codename, from.package, qemuArch, sourceDeps(r, codename, host));
  return install(source, r);
}
