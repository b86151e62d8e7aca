import { getEntry, scalarString } from '../yaml/yamlModel';
import type { YamlDocumentModel, YamlMap } from '../yaml/yamlModel';

/** The workload kinds Podline understands. */
export type WorkloadKind = 'Job' | 'CronJob' | 'DaemonSet';

/** A document recognised as one of Podline's workloads. */
export interface Workload {
  readonly kind: WorkloadKind;
  readonly apiVersion: string;
  /** The API group of the apiVersion (`batch`, `apps`, `extensions`). */
  readonly group: string;
  readonly document: YamlDocumentModel;
  readonly root: YamlMap;
}

/** The API groups each kind has been served from, current or removed. */
const groupsByKind: Readonly<Record<WorkloadKind, readonly string[]>> = {
  Job: ['batch'],
  CronJob: ['batch'],
  DaemonSet: ['apps', 'extensions'],
};

/**
 * Recognises a Job, CronJob or DaemonSet by `apiVersion` and `kind`; any other document
 * (a Service, a bare Pod, a ConfigMap) is left alone and yields undefined.
 */
export function recognizeWorkload(document: YamlDocumentModel): Workload | undefined {
  const root = document.root;
  if (!root || root.kind !== 'map') return undefined;
  const kind = scalarString(getEntry(root, 'kind')?.value);
  const apiVersion = scalarString(getEntry(root, 'apiVersion')?.value);
  if (kind !== 'Job' && kind !== 'CronJob' && kind !== 'DaemonSet') return undefined;
  if (apiVersion === undefined) return undefined;
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  if (!groupsByKind[kind].includes(group)) return undefined;
  return { kind, apiVersion, group, document, root };
}
