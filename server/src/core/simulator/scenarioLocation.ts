/**
 * Where a manifest's scenario lives: beside it, as `<manifest without .yaml/.yml>.podline-scenario.yaml`.
 * Works on file paths and on URI paths alike (only the extension is replaced).
 */

/** The suffix of scenario files. */
export const SCENARIO_SUFFIX = '.podline-scenario.yaml';

/** The scenario file beside a manifest: `jobs/pi.yaml` → `jobs/pi.podline-scenario.yaml`. */
export function scenarioPathFor(manifestPath: string): string {
  return `${manifestPath.replace(/\.ya?ml$/i, '')}${SCENARIO_SUFFIX}`;
}

/** Whether a path names a scenario file (so it is not analysed as a manifest). */
export function isScenarioPath(path: string): boolean {
  return path.toLowerCase().endsWith(SCENARIO_SUFFIX);
}
