/**
 * What the webview keeps across reloads through `acquireVsCodeApi().getState/setState`: the
 * manifest it shows (for the panel serializer), the visible window, the selection, the playhead,
 * the events filter and the scenario form. Read back as `unknown` and checked field by field.
 */

import { parseSource } from '../../server/src/protocol/webviewProtocol';
import type { SimulationSource } from '../../server/src/protocol/webviewProtocol';
import type { EventFilter } from './eventsTable';
import { NO_FILTER } from './eventsTable';
import type { ScenarioFormValues } from './scenarioYaml';

/** The saved state. */
export interface ViewState {
  readonly version: 1;
  readonly source: SimulationSource | null;
  /** `<kind>/<name>` of the timeline the view belongs to; a different workload starts afresh. */
  readonly key: string;
  readonly window: { readonly t0: number; readonly t1: number; readonly scrollTop: number } | null;
  readonly selectedPod: string | null;
  readonly playhead: number | null;
  readonly filter: EventFilter;
  readonly form: unknown;
}

/** An empty state. */
export const EMPTY_STATE: ViewState = {
  version: 1,
  source: null,
  key: '',
  window: null,
  selectedPod: null,
  playhead: null,
  filter: NO_FILTER,
  form: null,
};

const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** Reads a saved state; anything unexpected falls back to the empty state's field. */
export function parseViewState(value: unknown): ViewState {
  if (typeof value !== 'object' || value === null) return EMPTY_STATE;
  const record = value as Record<string, unknown>;
  if (record['version'] !== 1) return EMPTY_STATE;
  const window = record['window'] as Record<string, unknown> | null | undefined;
  const filter = record['filter'] as Record<string, unknown> | null | undefined;
  const type = filter?.['type'];
  return {
    version: 1,
    source: parseSource(record['source']),
    key: typeof record['key'] === 'string' ? record['key'] : '',
    window:
      window && finite(window['t0']) && finite(window['t1']) && finite(window['scrollTop'])
        ? { t0: window['t0'], t1: window['t1'], scrollTop: window['scrollTop'] }
        : null,
    selectedPod: typeof record['selectedPod'] === 'string' ? record['selectedPod'] : null,
    playhead: finite(record['playhead']) ? record['playhead'] : null,
    filter: {
      text: typeof filter?.['text'] === 'string' ? filter['text'] : '',
      type: type === 'Normal' || type === 'Warning' ? type : 'all',
      onlySelected: filter?.['onlySelected'] === true,
    },
    form: record['form'] ?? null,
  };
}

/** The state to save. */
export function makeViewState(
  fields: Omit<ViewState, 'version'> & { readonly form: ScenarioFormValues | null },
): ViewState {
  return { version: 1, ...fields };
}
