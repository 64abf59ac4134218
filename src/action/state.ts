/** Names of what the main step hands to the post step (GITHUB_STATE → STATE_*). */
export const CACHE_STATE = 'cgo-abi-guard-caches';

/** An install the main step made, for the post step to save to the Actions cache. */
export interface PendingSave {
  key: string;
  versionDir: string;
}
