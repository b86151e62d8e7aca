import { field, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';

/** One container of a pod template, with what its validation depends on. */
export interface PodContainer {
  readonly ref: FieldRef;
  readonly isInit: boolean;
  /** An init container with `restartPolicy: Always`: a sidecar, validated like a regular container. */
  readonly isSidecar: boolean;
}

/**
 * The containers of a pod spec in the order ValidatePodSpec validates them: regular containers
 * (validateContainers), then init containers (validateInitContainers).
 */
export function podContainers(podSpec: FieldRef): PodContainer[] {
  const regular = items(field(podSpec, 'containers')).map((ref) => ({
    ref,
    isInit: false,
    isSidecar: false,
  }));
  const init = items(field(podSpec, 'initContainers')).map((ref) => ({
    ref,
    isInit: true,
    isSidecar: stringValue(field(ref, 'restartPolicy')) === 'Always',
  }));
  return [...regular, ...init].filter((container) => container.ref.node?.kind === 'map');
}

/** The minor number of a `1.NN` Kubernetes version, for rules that changed between releases. */
export function kubernetesMinor(version: string): number {
  return Number(version.split('.')[1] ?? 0);
}
