/**
 * What `go build` wrote, without the go command's own progress: on a machine whose module cache
 * is empty it first says `go: downloading …` for each module, which is no output of the build.
 */
export function buildOutput(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !/^go: (downloading|finding|extracting) \S+ v\S+$/.test(line))
    .join('\n')
    .trim();
}
