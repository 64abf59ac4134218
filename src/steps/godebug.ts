/** The godebug input / `--godebug`, checked against the Go toolchain that builds: one check for both front ends. */
import { godebugCheck } from '../adapters/godebug.js';

export const GODEBUG_TITLE = 'cgo-abi-guard godebug';

export interface GodebugFindings {
  /** Keys this Go ignores, a key set twice, or why the keys could not be checked. */
  warnings: string[];
  /** What makes the value wrong (a malformed entry): the run stops before it installs anything. */
  errors: string[];
}

/** `value` checked against the GODEBUG tables of the Go toolchain at `goroot`. */
export async function checkGodebug(value: string, goroot: string): Promise<GodebugFindings> {
  const check = await godebugCheck(value, goroot);
  return {
    warnings: [...(check.skipped === null ? [] : [check.skipped]), ...check.warnings],
    errors: check.errors,
  };
}
