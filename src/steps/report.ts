/**
 * How the steps speak to whoever runs them: one line of progress, a notice (something to act on,
 * like a lockfile to commit) or a warning. The steps choose the words; each front end only
 * decides how a line is shown (the action: log lines and annotations with the title; the CLI:
 * stderr lines, `note:` and `warning:`).
 */
export interface Report {
  info(line: string): void;
  notice(line: string, title: string): void;
  warning(line: string, title: string): void;
}
