/** Post step: saving the toolchain cache arrives with the toolchain issue; nothing to do yet. */
export async function runPost(): Promise<void> {
  await Promise.resolve();
}
