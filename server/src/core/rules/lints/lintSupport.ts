import { field, items } from '../../yaml/fieldRef';
import type { FieldRef } from '../../yaml/fieldRef';
import type { WorkloadRefs } from '../../workload/workloadRefs';

/** Every container of the pod template: init containers first, then containers. */
export function allContainers(refs: WorkloadRefs): FieldRef[] {
  return [...items(field(refs.podSpec, 'initContainers')), ...items(field(refs.podSpec, 'containers'))];
}
