/** Names of what the main step hands to the post step (GITHUB_STATE → STATE_*). */
export const CACHE_STATE = 'cgo-abi-guard-caches';
