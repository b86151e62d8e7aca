/**
 * The `podline/simulate` request between the extension (or its webview) and the language server,
 * declared once and imported by every side. Types only: no library is imported, so the webview can
 * use it too. The timeline format is documented in docs/scenarios.md.
 */

import { defineRequest } from './defineMessage';
import type { ScenarioError } from '../core/simulator/parseScenario';
import type { Timeline } from '../core/simulator/timeline';

/** Client → server: simulate one workload of an open document. */
export interface SimulateParams {
  /** The document's URI, as the client knows it. */
  readonly uri: string;
  /** The YAML document (0-based, `---`-separated) that holds the workload. */
  readonly document: number;
  /**
   * The scenario's YAML text. When absent, the server reads `<manifest>.podline-scenario.yaml`
   * beside a `file:` document if it exists, and otherwise uses the defaults.
   */
  readonly scenario?: string;
  /** Replaces the scenario's seed. */
  readonly seed?: number;
}

/** Where the scenario of a run came from. */
export type ScenarioSource = 'params' | 'file' | 'defaults';

/** Why there is no timeline. */
export type SimulateFailure =
  /** The scenario is invalid; each error has its 1-based line and column in the scenario text. */
  | { readonly kind: 'scenario'; readonly errors: readonly ScenarioError[]; readonly source: ScenarioSource }
  /** The document index names no document, or a document that is not a Job, CronJob or DaemonSet. */
  | { readonly kind: 'document'; readonly message: string }
  /** The workload cannot be simulated (a Job with restartPolicy Always, an event for another kind). */
  | { readonly kind: 'workload'; readonly message: string; readonly line: number | null }
  /** The server does not have the document open. */
  | { readonly kind: 'notOpen'; readonly message: string }
  /** Something unexpected failed in the server; the message says what. */
  | { readonly kind: 'internal'; readonly message: string };

/** Server → client: the timeline, or why there is none. */
export type SimulateResult =
  | { readonly ok: true; readonly timeline: Timeline; readonly scenarioSource: ScenarioSource }
  | { readonly ok: false; readonly error: SimulateFailure };

/** Client → server request `podline/simulate`. */
export const simulateRequest = defineRequest<SimulateParams, SimulateResult>('podline/simulate');
