/** Where a CLI command writes: stdout for results, stderr for messages. */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}
