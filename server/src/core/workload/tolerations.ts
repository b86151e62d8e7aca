/**
 * Tolerations and taints as Kubernetes matches them: one implementation for the explanations,
 * the preview and the simulator (docs/kubernetes-behaviour.md §3.3).
 */

/**
 * A toleration of a pod template. `operator` is kept as written: the API server stores an
 * omitted operator as the empty string, which `ToleratesTaint` reads as `Equal`.
 */
export interface Toleration {
  readonly key: string;
  readonly operator: string;
  readonly value: string;
  /** Empty means every effect. */
  readonly effect: string;
  readonly tolerationSeconds: number | null;
}

/** A node taint. */
export interface Taint {
  readonly key: string;
  readonly value: string;
  readonly effect: string;
}

/**
 * `Toleration.ToleratesTaint` (k8s.io/api/core/v1/toleration.go): the effect and the key must
 * match when the toleration sets them; `Exists` matches every value, `Equal` (or no operator)
 * only the same value, and any other operator nothing.
 */
export function tolerates(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect !== '' && toleration.effect !== taint.effect) return false;
  if (toleration.key !== '' && toleration.key !== taint.key) return false;
  switch (toleration.operator) {
    case '':
    case 'Equal':
      return toleration.value === taint.value;
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** The operator a toleration behaves as: `Equal` when none is written. */
export function effectiveOperator(toleration: Toleration): string {
  return toleration.operator === '' ? 'Equal' : toleration.operator;
}

function exists(key: string, effect: string): Toleration {
  return { key, operator: 'Exists', value: '', effect, tolerationSeconds: null };
}

/**
 * The tolerations the DaemonSet controller adds to every daemon pod
 * (`AddOrUpdateDaemonPodTolerations`, pkg/controller/daemon/util/daemonset_util.go), in its
 * order; network-unavailable only for a pod on the host network.
 */
export function automaticDaemonTolerations(hostNetwork: boolean): Toleration[] {
  return [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
}

/** `Toleration.MatchToleration`: tolerations are the same when key, operator, value and effect are. */
function matchToleration(a: Toleration, b: Toleration): boolean {
  return a.key === b.key && a.operator === b.operator && a.value === b.value && a.effect === b.effect;
}

/**
 * `AddOrUpdateTolerationInPodSpec` (pkg/apis/core/v1/helper/helpers.go) for each automatic
 * toleration in turn: every written toleration it matches is replaced by it in place (which drops
 * a written `tolerationSeconds`), and it is appended when none matches.
 */
export function daemonPodTolerations(written: readonly Toleration[], hostNetwork: boolean): Toleration[] {
  let result = [...written];
  for (const added of automaticDaemonTolerations(hostNetwork)) {
    let updated = false;
    result = result.map((existing) => {
      if (!matchToleration(existing, added)) return existing;
      updated = true;
      return added;
    });
    if (!updated) result.push(added);
  }
  return result;
}
