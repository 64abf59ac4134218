/**
 * A drift report into the run's report: `drift: fail` fails every target with a raised need (as
 * does `drift: warn` under `fail-on: warning`: it is a warning then); lowered needs never fail.
 * The run's verdict follows its targets', so the summary's heading and the step agree; the
 * symbols read for a raised need go into the binary's surface.
 */
import { runVerdict } from '../report/build-report.js';
import type { RunReport } from '../report/run-report.js';
import { raised, type DriftReport } from './drift.js';

export function withDrift(report: RunReport, drift: DriftReport | null): RunReport {
  if (drift === null) return report;
  const mode = report.policy.drift;
  const fails = mode === 'fail' || (mode === 'warn' && report.policy.failOn === 'warning');
  const drifted = new Set(raised(drift).map((c) => c.target));
  const targets = surfacesWithSymbols(report, drift).targets.map((t) =>
    fails && t.verdict === 'pass' && t.target !== null && drifted.has(t.target)
      ? { ...t, verdict: 'fail' as const }
      : t,
  );
  return { ...report, targets, verdict: runVerdict(targets), drift };
}

/** Whether the drift is why the run fails (the line the failed step writes). */
export function driftFails(report: RunReport): boolean {
  if (report.drift === null || report.policy.failOn === 'never') return false;
  const mode = report.policy.drift;
  const fails = mode === 'fail' || (mode === 'warn' && report.policy.failOn === 'warning');
  return fails && raised(report.drift).length > 0;
}

/**
 * The symbols read for a raised version into the binary's surface too, so the report says what
 * the drift says (and `diff` on the reports gives the same changes).
 */
function surfacesWithSymbols(report: RunReport, drift: DriftReport): RunReport {
  const read = new Map(
    drift.changes
      .filter((c) => c.kind === 'version' && c.direction === 'raised' && c.symbols.length > 0)
      .map((c) => [`${c.target}\0${c.binary}\0${c.subject}`, c.symbols]),
  );
  if (read.size === 0) return report;
  const targets = report.targets.map((t) => ({
    ...t,
    binaries: t.binaries.map((b) => {
      if (b.surface === null) return b;
      const versions = Object.fromEntries(
        Object.entries(b.surface.versions).map(([prefix, v]) => {
          const symbols = read.get(`${t.target ?? ''}\0${b.path}\0${prefix}`);
          return [prefix, symbols === undefined ? v : { ...v, symbols }];
        }),
      );
      return { ...b, surface: { ...b.surface, versions } };
    }),
  }));
  return { ...report, targets };
}
