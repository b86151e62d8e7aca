import type { CodeDocs } from '../../findings/codeDoc';
import { defineCatalog, formatMessage } from '../../l10n';
import { field, items, stringValue } from '../../yaml/fieldRef';
import { reportApiError } from '../reportApiError';
import { defineRule } from '../rule';
import { workloadRefs } from '../../workload/workloadRefs';

const messages = defineCatalog(
  {
    master:
      'node-role.kubernetes.io/master is the control-plane taint of Kubernetes before 1.24; current control-plane nodes are tainted node-role.kubernetes.io/control-plane, which this does not tolerate',
  },
  {
    master:
      'node-role.kubernetes.io/master 是 Kubernetes 1.24 之前的控制平面污点；现在的控制平面节点带有 node-role.kubernetes.io/control-plane 污点，而这里没有容忍它',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'lint/control-plane-toleration': {
    severity: 'warning',
    summary:
      'A toleration of the pre-1.24 node-role.kubernetes.io/master taint without the control-plane one.',
    source: 'kubeadm renamed the taint in 1.24',
    example: '- key: node-role.kubernetes.io/master',
  },
} satisfies CodeDocs;

/**
 * A toleration of the pre-1.24 `node-role.kubernetes.io/master` taint without the current
 * `node-role.kubernetes.io/control-plane` one: the pods silently stop landing on control-plane
 * nodes (`lint/control-plane-toleration`; the quick fix adds the current toleration).
 */
export const controlPlaneTolerationLint = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const tolerations = items(field(workloadRefs(context.workload).podSpec, 'tolerations'));
    const keys = tolerations.map((toleration) => stringValue(field(toleration, 'key')));
    if (keys.includes('node-role.kubernetes.io/control-plane')) return;
    tolerations.forEach((toleration, index) => {
      if (keys[index] !== 'node-role.kubernetes.io/master') return;
      reportApiError(context, {
        code: 'lint/control-plane-toleration',
        ref: field(toleration, 'key'),
        severity: 'warning',
        message: formatMessage(messages, context.locale, 'master'),
        data: {
          operator: stringValue(field(toleration, 'operator')) ?? null,
          effect: stringValue(field(toleration, 'effect')) ?? null,
        },
      });
    });
  },
});
