import { field, items } from '../fieldRef';
import type { FieldRef } from '../fieldRef';
import type { WorkloadRefs } from '../workloadRefs';

/** Every container of the pod template: init containers first, then containers. */
export function allContainers(refs: WorkloadRefs): FieldRef[] {
  return [...items(field(refs.podSpec, 'initContainers')), ...items(field(refs.podSpec, 'containers'))];
}
