/**
 * DaemonSet placement and rollout (kubernetes-behaviour §2.3 defaults; §3.3: the tolerations the controller
 * adds, taints and node selection, and rolling updates where maxUnavailable and maxSurge percentages
 * of the desired number of nodes are rounded up, and both 0 counts as maxUnavailable 1).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeRolloutBatch } from '../../server/src/core/explain/explainDaemonSet';
import type { IntOrPercent } from '../../server/src/core/workload/intOrPercent';
import {
  automaticDaemonTolerations,
  daemonPodTolerations,
  tolerates,
} from '../../server/src/core/workload/tolerations';
import type { Toleration } from '../../server/src/core/workload/tolerations';
import { assertIncludes, hoverAt, seed } from './explainTestSupport';

const int = (value: number): IntOrPercent => ({ kind: 'int', value });
const percent = (value: number): IntOrPercent => ({ kind: 'percent', value });

test('rollout batches for 3, 10 and 100 nodes, percentages rounded up', () => {
  const cases: [IntOrPercent, IntOrPercent, number, number, number][] = [
    // maxUnavailable 1 (the default): one node at a time, N rounds.
    [int(1), int(0), 3, 1, 3],
    [int(1), int(0), 10, 1, 10],
    [int(1), int(0), 100, 1, 100],
    // 25%: ceil(0.75) = 1 → 3 rounds; ceil(2.5) = 3 → ceil(10/3) = 4 rounds; 25 → 4 rounds.
    // (A Deployment would round 2.5 down to 2.)
    [percent(25), int(0), 3, 1, 3],
    [percent(25), int(0), 10, 3, 4],
    [percent(25), int(0), 100, 25, 4],
    // 10%: ceil(0.3) = 1; ceil(1) = 1; 10 → 10 rounds.
    [percent(10), int(0), 3, 1, 3],
    [percent(10), int(0), 10, 1, 10],
    [percent(10), int(0), 100, 10, 10],
    // 33%: ceil(0.99) = 1; ceil(3.3) = 4 → 3 rounds; 33 → ceil(100/33) = 4 rounds.
    [percent(33), int(0), 3, 1, 3],
    [percent(33), int(0), 10, 4, 3],
    [percent(33), int(0), 100, 33, 4],
    // Surge 20% with maxUnavailable 0: ceil(0.6) = 1; 2 → 5 rounds; 20 → 5 rounds.
    [int(0), percent(20), 3, 1, 3],
    [int(0), percent(20), 10, 2, 5],
    [int(0), percent(20), 100, 20, 5],
    // 5 on 3 nodes: all 3 at once.
    [int(5), int(0), 3, 3, 1],
  ];
  for (const [maxUnavailable, maxSurge, nodes, atOnce, rounds] of cases) {
    const batch = computeRolloutBatch({ maxUnavailable, maxSurge }, nodes);
    const label = `${JSON.stringify(maxUnavailable)} ${JSON.stringify(maxSurge)} on ${nodes}`;
    assert.equal(batch.atOnce, atOnce, `${label}: at once`);
    assert.equal(batch.rounds, rounds, `${label}: rounds`);
  }
});

test('when both scale to 0, maxUnavailable counts as 1', () => {
  const batch = computeRolloutBatch({ maxUnavailable: percent(0), maxSurge: int(0) }, 10);
  assert.equal(batch.maxUnavailable, 1);
  assert.equal(batch.atOnce, 1);
});

test('the tolerations the controller adds, in its order', () => {
  const keys = (list: Toleration[]): string[] =>
    list.map((item) => `${item.key}:${item.effect}:${item.operator}`);
  const expected = [
    'node.kubernetes.io/not-ready:NoExecute:Exists',
    'node.kubernetes.io/unreachable:NoExecute:Exists',
    'node.kubernetes.io/disk-pressure:NoSchedule:Exists',
    'node.kubernetes.io/memory-pressure:NoSchedule:Exists',
    'node.kubernetes.io/pid-pressure:NoSchedule:Exists',
    'node.kubernetes.io/unschedulable:NoSchedule:Exists',
  ];
  assert.deepEqual(keys(automaticDaemonTolerations(false)), expected);
  assert.deepEqual(keys(automaticDaemonTolerations(true)), [
    ...expected,
    'node.kubernetes.io/network-unavailable:NoSchedule:Exists',
  ]);
});

test('an identical written toleration is replaced in place; others stay first', () => {
  const written: Toleration[] = [
    { key: 'dedicated', operator: 'Equal', value: 'logs', effect: 'NoSchedule', tolerationSeconds: null },
    {
      key: 'node.kubernetes.io/not-ready',
      operator: 'Exists',
      value: '',
      effect: 'NoExecute',
      tolerationSeconds: 300,
    },
  ];
  const merged = daemonPodTolerations(written, false);
  assert.equal(merged.length, 7);
  assert.equal(merged[0], written[0]);
  assert.equal(merged[1]?.key, 'node.kubernetes.io/not-ready');
  assert.equal(merged[1]?.tolerationSeconds, null, 'the infinite toleration replaces the timed one');
});

test('AddOrUpdateTolerationInPodSpec replaces every matching toleration, and only exact matches', () => {
  const timed = (seconds: number): Toleration => ({
    key: 'node.kubernetes.io/unreachable',
    operator: 'Exists',
    value: '',
    effect: 'NoExecute',
    tolerationSeconds: seconds,
  });
  // Written without an operator: MatchToleration compares the stored operator, '' is not Exists.
  const noOperator: Toleration = { ...timed(10), operator: '' };
  const merged = daemonPodTolerations([timed(5), noOperator, timed(60)], false);
  assert.deepEqual(
    merged.slice(0, 3).map((t) => [t.operator, t.tolerationSeconds]),
    [
      ['Exists', null],
      ['', 10],
      ['Exists', null],
    ],
  );
  assert.equal(merged.length, 3 + 5, 'unreachable was updated, the five others appended');
});

test('ToleratesTaint', () => {
  const taint = { key: 'node-role.kubernetes.io/control-plane', value: '', effect: 'NoSchedule' };
  const toleration = (partial: Partial<Toleration>): Toleration => ({
    key: '',
    operator: 'Equal',
    value: '',
    effect: '',
    tolerationSeconds: null,
    ...partial,
  });
  assert.equal(
    tolerates(toleration({ operator: 'Exists' }), taint),
    true,
    'Exists with no key tolerates all',
  );
  assert.equal(tolerates(toleration({ key: taint.key, effect: 'NoSchedule' }), taint), true);
  assert.equal(tolerates(toleration({ key: taint.key, effect: 'NoExecute' }), taint), false, 'other effect');
  assert.equal(
    tolerates(toleration({ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }), taint),
    false,
  );
  assert.equal(tolerates(toleration({ key: taint.key, value: 'x' }), taint), false, 'Equal compares values');
  assert.equal(tolerates(toleration({ key: taint.key, operator: '' }), taint), true, 'no operator is Equal');
  // An empty key matches every key whatever the operator (the API server rejects an empty key
  // with Equal, but ToleratesTaint itself only compares the values then).
  assert.equal(tolerates(toleration({}), taint), true, 'empty key, Equal, empty value');
  assert.equal(tolerates(toleration({ value: 'x' }), taint), false, 'empty key, Equal, other value');
  assert.equal(tolerates(toleration({ key: taint.key, operator: 'Gt' }), taint), false, 'unknown operator');
});

test('daemonset-fluentd-elasticsearch.yaml: which nodes get a pod, and why not the control plane', () => {
  const markdown = hoverAt(seed('daemonset-fluentd-elasticsearch.yaml'), 'tolerations');
  assertIncludes(
    markdown,
    'Tolerations the controller adds to every pod (operator `Exists`):',
    '`node.kubernetes.io/not-ready:NoExecute`',
    '`node.kubernetes.io/unreachable:NoExecute`',
    '`node.kubernetes.io/disk-pressure:NoSchedule`',
    '`node.kubernetes.io/memory-pressure:NoSchedule`',
    '`node.kubernetes.io/pid-pressure:NoSchedule`',
    '`node.kubernetes.io/unschedulable:NoSchedule`',
    'Tolerations in the template: `node-role.kubernetes.io/master:NoSchedule`.',
    'Control-plane nodes (taint `node-role.kubernetes.io/control-plane:NoSchedule`) get no pod',
    'Cordoned nodes get a pod',
  );
  assert.ok(!markdown.includes('network-unavailable'), 'only for hostNetwork pods');
});

const daemonSet = (strategy: string, podSpecExtra = ''): string => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels:
      app: agent
${strategy}
  template:
    metadata:
      labels:
        app: agent
    spec:
${podSpecExtra}
      containers:
      - name: agent
        image: agent:1.0
`;

test('updateStrategy: the rollout table for 3, 10 and 100 nodes', () => {
  const text = daemonSet(`  minReadySeconds: 30
  updateStrategy:
    type: RollingUpdate
    rollingUpdate:
      maxUnavailable: 25%`);
  const markdown = hoverAt(text, '25%');
  assertIncludes(
    markdown,
    '`RollingUpdate` with maxUnavailable `25%` and maxSurge `0` (default).',
    '| 3 | 1 | 3 |',
    '| 10 | 3 | 4 |',
    '| 100 | 25 | 4 |',
    'rounded up (a Deployment rounds maxUnavailable down; a DaemonSet does not)',
    'if both come out as 0, maxUnavailable counts as 1',
    'including minReadySeconds (30 s)',
  );
  assertIncludes(hoverAt(text, 'minReadySeconds'), 'Ready for 30 s');
});

test('updateStrategy: surge, the defaults, OnDelete and rejected values', () => {
  const surge = daemonSet(`  updateStrategy:
    rollingUpdate:
      maxUnavailable: 0
      maxSurge: 10%`);
  assertIncludes(
    hoverAt(surge, 'maxSurge'),
    'Up to maxSurge nodes at a time get the new pod',
    '| 100 | 10 | 10 |',
  );
  const both = daemonSet(`  updateStrategy:
    rollingUpdate:
      maxSurge: 1`);
  assertIncludes(hoverAt(both, 'maxSurge'), 'Rejected: maxSurge may only be set with `maxUnavailable: 0`');
  const onDelete = daemonSet(`  updateStrategy:
    type: OnDelete`);
  assertIncludes(hoverAt(onDelete, 'OnDelete'), 'pods are replaced only when someone deletes them');
  const history = daemonSet('  revisionHistoryLimit: 5');
  assertIncludes(hoverAt(history, 'revisionHistoryLimit'), 'Keeps 5 old ControllerRevisions (`agent-<hash>`');
});

test('nodeSelector, required node affinity and hostNetwork', () => {
  const text = daemonSet(
    '',
    `      hostNetwork: true
      nodeSelector:
        kubernetes.io/os: linux
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
            - matchExpressions:
              - key: node-type
                operator: In
                values: [worker, edge]`,
  );
  assertIncludes(
    hoverAt(text, 'nodeSelector'),
    'has the labels `kubernetes.io/os=linux` (`nodeSelector`)',
    'matches the required node affinity: `node-type In (worker, edge)`',
    '`node.kubernetes.io/network-unavailable:NoSchedule` (because `hostNetwork: true`)',
  );
});

test('restartPolicy of a DaemonSet', () => {
  assertIncludes(
    hoverAt(daemonSet('', '      restartPolicy: Always'), 'restartPolicy'),
    'A DaemonSet accepts only `Always` (the default)',
  );
});

test('Chinese: the rollout table', () => {
  const text = daemonSet(`  updateStrategy:
    rollingUpdate:
      maxUnavailable: 25%`);
  assertIncludes(
    hoverAt(text, '25%', { locale: 'zh-CN' }),
    '| 运行 Pod 的节点数 | 同时更新 | 轮数 |',
    '| 10 | 3 | 4 |',
    '向上取整',
  );
});
