/** qemu-user-static for the smoke run, through the same lifecycle as a toolchain. */
import { install } from './install.js';
import type { Installed } from './install-options.js';
import {
  hostOf,
  installOptions,
  PrepareError,
  sourceDeps,
  type InstallSetting,
} from './prepare-toolchain.js';
import { qemuSource } from './source-qemu.js';

export async function prepareQemu(r: InstallSetting): Promise<Installed> {
  const host = hostOf(r.runner);
  const codename = r.runner.distro.codename ?? '';
  if (codename === '')
    throw new PrepareError('the host names no release codename to take qemu-user-static from');
  return install(qemuSource(host, codename, sourceDeps(r, codename, host)), installOptions(r));
}
