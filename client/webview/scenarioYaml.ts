/**
 * The scenario form's values and the scenario YAML they stand for (the format of
 * docs/scenarios.md). Pure, so it is unit-tested; every string the user typed is written as a
 * double-quoted (JSON) scalar, so no input can change the YAML's structure.
 */

import { formEventTypes, formTarget } from '../../server/src/protocol/webviewProtocol';
import type { FormEventType } from '../../server/src/protocol/webviewProtocol';
import type { MessageKey } from './i18n';

export type { FormEventType } from '../../server/src/protocol/webviewProtocol';

/** The timed events the form can write, for any kind (the scenario's event table says which). */
export const FORM_EVENT_TYPES: readonly FormEventType[] = formEventTypes();

/** One timed event of the form. */
export interface FormEvent {
  readonly at: string;
  readonly type: FormEventType;
  readonly target: string;
}

/** The form's fields, as typed. */
export interface ScenarioFormValues {
  readonly seed: string;
  readonly runTime: string;
  readonly failureProbability: string;
  readonly exitCode: string;
  readonly nodes: string;
  readonly events: readonly FormEvent[];
}

/** The number of workers in the default cluster (docs/scenarios.md). */
export const DEFAULT_WORKERS = 2;

/** The form's starting values for a run with this seed. */
export function defaultFormValues(seed: number): ScenarioFormValues {
  return {
    seed: String(seed),
    runTime: '10s',
    failureProbability: '0',
    exitCode: '1',
    nodes: String(DEFAULT_WORKERS),
    events: [],
  };
}

/** A field's problem: the field (`seed`, `events.2.at`…) and the message key. */
export interface FieldError {
  readonly field: string;
  readonly key: MessageKey;
  readonly args?: Readonly<Record<string, number>>;
}

/** The YAML, or the fields to correct. */
export type ScenarioYamlResult =
  | { readonly ok: true; readonly yaml: string }
  | { readonly ok: false; readonly errors: readonly FieldError[] };

const DURATION = /^(?:\d+(?:\.\d+)?|(?:\d+(?:\.\d+)?(?:ms|s|m|h|d|w))+)$/;

function integer(text: string, min: number, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isSafeInteger(value) && value >= min && value <= max ? value : null;
}

/** Whether an event needs a pod, a node, or nothing. */
export function eventTarget(type: FormEventType): 'pod' | 'node' | 'none' {
  return formTarget(type);
}

/** Builds the scenario YAML from the form; `documentIndex` is written for files with several workloads. */
export function buildScenarioYaml(
  values: ScenarioFormValues,
  documentIndex: number | null,
): ScenarioYamlResult {
  const errors: FieldError[] = [];
  const seed = integer(values.seed, 0, Number.MAX_SAFE_INTEGER);
  if (seed === null)
    errors.push({ field: 'seed', key: 'invalidInteger', args: { min: 0, max: Number.MAX_SAFE_INTEGER } });
  const runTime = values.runTime.trim();
  if (runTime !== '' && !DURATION.test(runTime)) errors.push({ field: 'runTime', key: 'invalidDuration' });
  const probabilityText = values.failureProbability.trim();
  const probability = probabilityText === '' ? 0 : Number(probabilityText);
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(probabilityText || '0') || !(probability >= 0 && probability <= 1)) {
    errors.push({ field: 'failureProbability', key: 'invalidProbability' });
  }
  const exitCode = integer(values.exitCode, 0, 255);
  if (exitCode === null)
    errors.push({ field: 'exitCode', key: 'invalidInteger', args: { min: 0, max: 255 } });
  const nodes = integer(values.nodes, 0, 100_000);
  if (nodes === null) errors.push({ field: 'nodes', key: 'invalidInteger', args: { min: 0, max: 100_000 } });
  values.events.forEach((event, i) => {
    if (!DURATION.test(event.at.trim())) errors.push({ field: `events.${i}.at`, key: 'invalidDuration' });
    const target = eventTarget(event.type);
    if (target !== 'none' && event.target.trim() === '')
      errors.push({ field: `events.${i}.target`, key: 'invalidTarget' });
  });
  if (errors.length > 0) return { ok: false, errors };

  const lines = ['# A Podline simulation scenario, written by the simulation panel (see docs/scenarios.md).'];
  if (documentIndex !== null) lines.push(`document: ${documentIndex}`);
  lines.push(`seed: ${seed}`);
  const podLines: string[] = [];
  if (runTime !== '') podLines.push(`  runTime: ${JSON.stringify(runTime)}`);
  if (probability > 0) {
    podLines.push('  exitCodes:', `    - exitCode: ${exitCode}`, `      probability: ${probability}`);
  }
  if (podLines.length > 0) lines.push('pods:', ...podLines);
  if (nodes !== DEFAULT_WORKERS) {
    // The default cluster's tainted control-plane node stays; only the workers change.
    lines.push(
      'nodes:',
      '  - name: control-plane',
      '    labels:',
      '      node-role.kubernetes.io/control-plane: ""',
      '    taints:',
      '      - key: node-role.kubernetes.io/control-plane',
      '        effect: NoSchedule',
    );
    if (nodes !== null && nodes > 0) lines.push('  - name: worker', `    count: ${nodes}`);
  }
  if (values.events.length > 0) {
    lines.push('events:');
    for (const event of values.events) {
      lines.push(`  - at: ${JSON.stringify(event.at.trim())}`, `    type: ${event.type}`);
      const target = event.target.trim();
      const kind = eventTarget(event.type);
      if (kind === 'pod') {
        const pod = integer(target, 1, 1_000_000_000);
        lines.push(pod !== null ? `    pod: ${pod}` : `    podName: ${JSON.stringify(target)}`);
        if (event.type === 'disruptPod') lines.push('    reason: EvictionByEvictionAPI');
      } else if (kind === 'node') {
        lines.push(`    node: ${JSON.stringify(target)}`);
      }
    }
  }
  return { ok: true, yaml: `${lines.join('\n')}\n` };
}

/** Reads saved form values back; anything malformed gives the defaults for `seed`. */
export function parseFormValues(value: unknown, seed: number): ScenarioFormValues {
  const defaults = defaultFormValues(seed);
  if (typeof value !== 'object' || value === null) return defaults;
  const record = value as Record<string, unknown>;
  const text = (key: keyof Omit<ScenarioFormValues, 'events'>): string => {
    const field = record[key];
    return typeof field === 'string' ? field : defaults[key];
  };
  const events: FormEvent[] = [];
  if (Array.isArray(record['events'])) {
    for (const item of record['events'] as unknown[]) {
      if (typeof item !== 'object' || item === null) continue;
      const { at, type, target } = item as Record<string, unknown>;
      if (typeof at !== 'string' || typeof target !== 'string') continue;
      if (!(FORM_EVENT_TYPES as readonly unknown[]).includes(type)) continue;
      events.push({ at, type: type as FormEventType, target });
    }
  }
  return {
    seed: text('seed'),
    runTime: text('runTime'),
    failureProbability: text('failureProbability'),
    exitCode: text('exitCode'),
    nodes: text('nodes'),
    events,
  };
}
