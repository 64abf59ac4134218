/** The report port as the action shows it: log lines, and annotations with their titles. */
import * as core from '@actions/core';
import type { Report } from '../steps/report.js';

export const actionReport: Report = {
  info: (line) => {
    core.info(`cgo-abi-guard: ${line}`);
  },
  notice: (line, title) => {
    core.notice(line, { title });
  },
  warning: (line, title) => {
    core.warning(line, { title });
  },
};
