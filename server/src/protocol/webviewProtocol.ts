/**
 * The messages between the simulation panel's host (the extension, or the standalone page's shim)
 * and its webview, declared once and imported by both sides. Every message carries a `type`
 * discriminant; the parse functions turn an `unknown` received through `postMessage` into a typed
 * message, or null when it is not one, so neither side trusts what it has not checked.
 */

import type { Locale } from '../core/l10n';
import type { Timeline } from '../core/simulator/timeline';

export type {
  ConditionRecord,
  ContainerAttempt,
  PhaseInterval,
  PodPhase,
  Timeline,
  TimelineEvent,
  TimelineJob,
  TimelinePod,
} from '../core/simulator/timeline';

/**
 * The scenario events the panel's form offers, for the workload's kind, and what each asks for:
 * from the scenario's event table (server/src/core/simulator/scenarioEvents.ts), so that the form
 * never offers an event the simulator would refuse.
 */
export { formEventTypes, formTarget } from '../core/simulator/scenarioEvents';
export type { FormEventType, FormTarget, SimulatedKind } from '../core/simulator/scenarioEvents';

/** The view type of the panel, as `package.json` and the panel serializer name it. */
export const SIMULATION_VIEW_TYPE = 'podline.simulation';

/**
 * The scenario file the panel saves beside a manifest: `job.yaml` → `job.podline-scenario.yaml`.
 * Both the host (which writes and watches it) and the webview (which names it) use this.
 */
export function scenarioFileName(manifestFileName: string): string {
  const base = manifestFileName.replace(/\.ya?ml$/i, '');
  return `${base === '' ? 'manifest' : base}.podline-scenario.yaml`;
}

/** The formats the panel exports a timeline to. */
export const EXPORT_FORMATS = ['svg', 'png', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Who hosts the webview: a VS Code panel, or the standalone HTML page the CLI writes. */
export type WebviewHost = 'vscode' | 'page';

/** The manifest document a panel shows, kept in the webview's state for the panel serializer. */
export interface SimulationSource {
  readonly uri: string;
  /** The YAML document (0-based); null when the server chose the file's first workload. */
  readonly documentIndex: number | null;
}

/** Host → webview: a simulation result to render. */
export interface TimelineMessage {
  readonly type: 'timeline';
  readonly timeline: Timeline;
  readonly title: string;
  readonly locale: Locale;
  readonly host: WebviewHost;
  readonly source: SimulationSource | null;
}

/** Host → webview: a new simulation is running; the current timeline stays until it ends. */
export interface LoadingMessage {
  readonly type: 'loading';
  readonly title: string;
  readonly locale: Locale;
}

/** Host → webview: the simulation could not run (a bad scenario, no workload, a server error). */
export interface ErrorMessage {
  readonly type: 'error';
  readonly title: string;
  readonly locale: Locale;
  readonly message: string;
}

/** Host → webview: the scenario the panel sent was saved (or not), to confirm in the form. */
export interface ScenarioSavedMessage {
  readonly type: 'scenarioSaved';
  readonly path: string;
}

/** Every message the host sends. */
export type HostMessage = TimelineMessage | LoadingMessage | ErrorMessage | ScenarioSavedMessage;

/** Webview → host: the webview has loaded and listens; the host answers with the latest state. */
export interface ReadyMessage {
  readonly type: 'ready';
}

/** Webview → host: the scenario form's YAML, to save beside the manifest and re-simulate. */
export interface ScenarioMessage {
  readonly type: 'scenario';
  readonly yaml: string;
}

/** Webview → host: open the scenario file in an editor. */
export interface OpenScenarioMessage {
  readonly type: 'openScenario';
}

/**
 * Webview → host: an exported timeline to save. `data` is the file's text for SVG and JSON, and
 * the PNG's bytes in base64.
 */
export interface ExportMessage {
  readonly type: 'export';
  readonly format: ExportFormat;
  readonly fileName: string;
  readonly data: string;
}

/** Every message the webview sends. */
export type WebviewMessage = ReadyMessage | ScenarioMessage | OpenScenarioMessage | ExportMessage;

/** The largest export the host accepts (a PNG of a long timeline is a few megabytes). */
export const MAX_EXPORT_CHARS = 64 * 1024 * 1024;
/** The largest scenario text the host accepts. */
export const MAX_SCENARIO_CHARS = 1024 * 1024;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLocale(value: unknown): value is Locale {
  return value === 'en' || value === 'zh-CN';
}

/** A timeline's outline: the fields the renderer walks, so that a wrong shape is refused, not half drawn. */
function isTimeline(value: unknown): value is Timeline {
  if (!isRecord(value)) return false;
  return (
    value['formatVersion'] === 1 &&
    (value['kind'] === 'Job' || value['kind'] === 'CronJob' || value['kind'] === 'DaemonSet') &&
    typeof value['name'] === 'string' &&
    typeof value['end'] === 'number' &&
    Number.isFinite(value['end']) &&
    Array.isArray(value['pods']) &&
    Array.isArray(value['jobs']) &&
    Array.isArray(value['events']) &&
    Array.isArray(value['nodes']) &&
    Array.isArray(value['notes']) &&
    isRecord(value['summary'])
  );
}

/** Reads a `SimulationSource` (from a message or from saved webview state); null when it is not one. */
export function parseSource(value: unknown): SimulationSource | null {
  if (!isRecord(value)) return null;
  const { uri, documentIndex } = value;
  if (typeof uri !== 'string') return null;
  if (documentIndex !== null && !(typeof documentIndex === 'number' && Number.isInteger(documentIndex)))
    return null;
  return { uri, documentIndex };
}

/** Reads a message from the host; null for anything that is not one. */
export function parseHostMessage(data: unknown): HostMessage | null {
  if (!isRecord(data)) return null;
  switch (data['type']) {
    case 'timeline': {
      const { timeline, title, locale, host } = data;
      if (!isTimeline(timeline) || typeof title !== 'string' || !isLocale(locale)) return null;
      if (host !== 'vscode' && host !== 'page') return null;
      return { type: 'timeline', timeline, title, locale, host, source: parseSource(data['source']) };
    }
    case 'loading': {
      const { title, locale } = data;
      if (typeof title !== 'string' || !isLocale(locale)) return null;
      return { type: 'loading', title, locale };
    }
    case 'error': {
      const { title, locale, message } = data;
      if (typeof title !== 'string' || !isLocale(locale) || typeof message !== 'string') return null;
      return { type: 'error', title, locale, message };
    }
    case 'scenarioSaved':
      return typeof data['path'] === 'string' ? { type: 'scenarioSaved', path: data['path'] } : null;
    default:
      return null;
  }
}

/** Reads a message from the webview; null for anything that is not one, or that is too large. */
export function parseWebviewMessage(data: unknown): WebviewMessage | null {
  if (!isRecord(data)) return null;
  switch (data['type']) {
    case 'ready':
      return { type: 'ready' };
    case 'openScenario':
      return { type: 'openScenario' };
    case 'scenario': {
      const yaml = data['yaml'];
      return typeof yaml === 'string' && yaml.length <= MAX_SCENARIO_CHARS
        ? { type: 'scenario', yaml }
        : null;
    }
    case 'export': {
      const { format, fileName, data: payload } = data;
      if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) return null;
      if (typeof fileName !== 'string' || fileName.length > 255) return null;
      if (typeof payload !== 'string' || payload.length > MAX_EXPORT_CHARS) return null;
      return { type: 'export', format: format as ExportFormat, fileName, data: payload };
    }
    default:
      return null;
  }
}
