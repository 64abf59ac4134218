/** The report port as the CLI shows it: stderr lines of the command, `note:` and `warning:`. */
import type { Report } from '../steps/report.js';
import type { Io } from './io.js';

export function cliReport(io: Io, command: string): Report {
  const say = (line: string): void => {
    io.err(`cgo-abi-guard ${command}: ${line}\n`);
  };
  return {
    info: say,
    notice: (line) => {
      say(`note: ${line}`);
    },
    warning: (line) => {
      say(`warning: ${line}`);
    },
  };
}
