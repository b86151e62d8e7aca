/**
 * Simulates one document of a manifest file with an optional scenario text: the shared entry
 * point of the CLI and the language server. Never throws; every failure is a typed error.
 */

import { analyzeDocument } from '../analysis/analyzeDocument';
import { formatMessage } from '../l10n';
import type { Locale } from '../l10n';
import { defaultSettings } from '../settings';
import type { ManageObserver, RolloutObserver } from './daemonSetController';
import type { JobBackoffObserver, ManageJobObserver } from './jobController';
import { parseScenario } from './parseScenario';
import type { ScenarioError } from './parseScenario';
import type { Scenario } from './scenarioTypes';
import { simulate } from './simulate';
import { simulatorMessages } from './simulatorMessages';
import type { Timeline } from './timeline';

/** What can go wrong before a timeline exists. */
export type SimulateDocumentError =
  | { readonly kind: 'scenario'; readonly errors: readonly ScenarioError[] }
  | { readonly kind: 'document'; readonly message: string }
  | { readonly kind: 'workload'; readonly message: string; readonly line: number | null };

/** The outcome of simulating a document. */
export type SimulateDocumentResult =
  | { readonly ok: true; readonly timeline: Timeline }
  | { readonly ok: false; readonly error: SimulateDocumentError };

/** Inputs of `simulateDocument`. */
export interface SimulateDocumentOptions {
  /** The YAML document to simulate (0-based); defaults to the first workload of the file. */
  readonly document?: number;
  /** The scenario's text, or null for the defaults. */
  readonly scenarioText?: string | null;
  /** Replaces the scenario's seed. */
  readonly seed?: number;
  readonly locale?: Locale;
  /** Sees each DaemonSet rollout decision before it is carried out (for the reference tests). */
  readonly observeRollout?: RolloutObserver;
  /** Sees each DaemonSet manage pass's decision before it is carried out (for the reference tests). */
  readonly observeDaemonManage?: ManageObserver;
  /** Sees each `manageJob` decision of a Job before it acts (for the reference tests). */
  readonly observeManageJob?: ManageJobObserver;
  /** Sees each pod-failure backoff decision of a Job's `manageJob` (for the reference tests). */
  readonly observeJobBackoff?: JobBackoffObserver;
}

/** Analyses `text`, picks the document, reads the scenario and runs the simulation. */
export function simulateDocument(
  text: string,
  options: SimulateDocumentOptions = {},
): SimulateDocumentResult {
  const locale = options.locale ?? 'en';
  const say = (
    key: keyof (typeof simulatorMessages)['en'],
    args: Record<string, string | number> = {},
  ): string => formatMessage(simulatorMessages, locale, key, args);
  const analysis = analyzeDocument(text, { ...defaultSettings, locale });
  const documentIndex = options.document ?? analysis.workloads[0]?.document.index ?? 0;
  if (!analysis.yaml.documents.some((document) => document.index === documentIndex)) {
    return {
      ok: false,
      error: { kind: 'document', message: say('noSuchDocument', { document: documentIndex }) },
    };
  }
  const workload = analysis.workloads.find((candidate) => candidate.document.index === documentIndex);
  if (!workload) {
    return {
      ok: false,
      error: { kind: 'document', message: say('noWorkload', { document: documentIndex }) },
    };
  }
  const parsed = parseScenario(options.scenarioText ?? '', documentIndex, locale);
  if (!parsed.ok) return { ok: false, error: { kind: 'scenario', errors: parsed.errors } };
  const scenario: Scenario =
    options.seed === undefined ? parsed.scenario : { ...parsed.scenario, seed: options.seed };
  const errors = analysis.findings.filter(
    (finding) => finding.document === documentIndex && finding.severity === 'error',
  );
  const yamlErrorCount = errors.filter((finding) => finding.code === 'yaml/syntax').length;
  const result = simulate(workload, scenario, {
    locale,
    apiErrorCount: errors.length - yamlErrorCount,
    yamlErrorCount,
    ...(options.observeRollout ? { observeRollout: options.observeRollout } : {}),
    ...(options.observeDaemonManage ? { observeDaemonManage: options.observeDaemonManage } : {}),
    ...(options.observeManageJob ? { observeManageJob: options.observeManageJob } : {}),
    ...(options.observeJobBackoff ? { observeJobBackoff: options.observeJobBackoff } : {}),
  });
  if (!result.ok) {
    return { ok: false, error: { kind: 'workload', message: result.error.message, line: result.error.line } };
  }
  return { ok: true, timeline: result.timeline };
}
