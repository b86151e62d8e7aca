import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { DaemonSetStatusSample, Timeline } from '../../server/src/core/simulator';
import { scaleIntOrPercent } from '../../server/src/core/workload/intOrPercent';
import { daemonSetManifest, finishedAt, simulateYaml } from './simulatorSupport';
import type { Json } from './simulatorSupport';

// Numbers follow the DaemonSet controller in docs/kubernetes-behaviour.md §3.3 and docs/scenarios.md: a pod
// starts (Running and Ready) 1 s after creation, a deleted pod stops 1 s later, and the manage loop
// creates a node's new pod once its old pod is gone.

const seeds = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests');
const seed = (name: string): string => readFileSync(join(seeds, name), 'utf8');
const lastStatus = (timeline: Timeline): DaemonSetStatusSample =>
  timeline.status.at(-1) as DaemonSetStatusSample;
const podNodes = (timeline: Timeline): (string | null)[] => timeline.pods.map((pod) => pod.node);
const workers = (count: number): { nodes: Json[] } => ({ nodes: [{ name: 'w', count }] });

test('the default cluster: no pod on the tainted control-plane node, and why', () => {
  const timeline = simulateYaml(seed('daemonset-fluentd-elasticsearch.yaml'));
  assert.deepEqual(podNodes(timeline), ['worker-1', 'worker-2']);
  const controlPlane = timeline.nodes.find((node) => node.name === 'control-plane');
  // The manifest tolerates the pre-1.24 `master` taint, not `control-plane`.
  assert.deepEqual(controlPlane?.daemonSet, {
    shouldRun: false,
    shouldContinueRunning: true,
    blockedBy: [{ kind: 'taint', detail: 'node-role.kubernetes.io/control-plane:NoSchedule' }],
  });
  assert.deepEqual(lastStatus(timeline), {
    time: 1,
    desiredNumberScheduled: 2,
    currentNumberScheduled: 2,
    numberReady: 2,
    numberAvailable: 2,
    updatedNumberScheduled: 2,
    numberMisscheduled: 0,
    numberUnavailable: 0,
  });
  assert.equal(timeline.summary.outcome, 'RolledOut');
  assert.equal(timeline.summary.finishTime, 1);
});

test('tolerating the control-plane taint puts a pod there too', () => {
  const manifest = daemonSetManifest(
    {},
    {
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
    },
  );
  assert.deepEqual(podNodes(simulateYaml(manifest)), ['control-plane', 'worker-1', 'worker-2']);
});

test('nodeSelector and required node affinity choose the nodes', () => {
  const scenario = {
    nodes: [
      { name: 'a', labels: { disk: 'ssd', zone: 'z1' } },
      { name: 'b', labels: { disk: 'hdd', zone: 'z1' } },
      { name: 'c', labels: { disk: 'ssd', zone: 'z2' } },
    ],
  };
  assert.deepEqual(
    podNodes(simulateYaml(daemonSetManifest({}, { nodeSelector: { disk: 'ssd' } }), scenario)),
    ['a', 'c'],
  );
  const affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['z1'] }] }],
      },
    },
  };
  const timeline = simulateYaml(daemonSetManifest({}, { affinity }), scenario);
  assert.deepEqual(podNodes(timeline), ['a', 'b']);
  assert.deepEqual(timeline.nodes.find((node) => node.name === 'c')?.daemonSet?.blockedBy, [
    { kind: 'nodeAffinity', detail: 'requiredDuringSchedulingIgnoredDuringExecution' },
  ]);
});

test('a drained (cordoned) node keeps its daemon pod: the unschedulable taint is tolerated automatically', () => {
  const timeline = simulateYaml(daemonSetManifest({}), {
    events: [{ at: '30s', type: 'drainNode', node: 'worker-1' }],
  });
  assert.equal(timeline.pods.length, 2);
  assert.equal(timeline.pods[0]?.deleted, null);
  const node = timeline.nodes.find((n) => n.name === 'worker-1');
  assert.equal(node?.unschedulable, true);
  assert.equal(node?.daemonSet?.shouldRun, true);
});

test('a NoSchedule taint added later leaves the pod (misscheduled); NoExecute removes it', () => {
  const soft = simulateYaml(daemonSetManifest({}), {
    events: [
      {
        at: '30s',
        type: 'taintNode',
        node: 'worker-1',
        taint: { key: 'dedicated', value: 'x', effect: 'NoSchedule' },
      },
    ],
  });
  assert.equal(soft.pods[0]?.deleted, null);
  assert.equal(lastStatus(soft).numberMisscheduled, 1);
  assert.equal(lastStatus(soft).desiredNumberScheduled, 1);
  const hard = simulateYaml(daemonSetManifest({}), {
    events: [
      {
        at: '30s',
        type: 'taintNode',
        node: 'worker-1',
        taint: { key: 'dedicated', value: 'x', effect: 'NoExecute' },
      },
    ],
  });
  assert.equal(hard.pods[0]?.deleted, 30);
  assert.equal(hard.pods[0]?.removed, 31);
  assert.equal(lastStatus(hard).numberMisscheduled, 0);
  assert.equal(lastStatus(hard).desiredNumberScheduled, 1);
});

test('a node with the lifecycle not-ready:NoSchedule taint gets no new pod (only NoExecute is tolerated)', () => {
  const timeline = simulateYaml(daemonSetManifest({}), {
    events: [
      {
        at: '1m',
        type: 'addNode',
        node: { name: 'new', taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }] },
      },
    ],
  });
  assert.deepEqual(podNodes(timeline), ['worker-1', 'worker-2']);
});

test('nodes joining get a pod; a deleted node drops out of the count at once and its pod is GC-ed 40 s later', () => {
  const timeline = simulateYaml(daemonSetManifest({}), {
    events: [
      { at: '1m', type: 'addNode', node: 'worker-3' },
      { at: '2m', type: 'removeNode', node: 'worker-2' },
    ],
  });
  assert.deepEqual(
    timeline.pods.map((pod) => [pod.node, pod.created, pod.removed]),
    [
      ['worker-1', 0, null],
      ['worker-2', 0, 160],
      ['worker-3', 60, null],
    ],
  );
  assert.equal(timeline.pods[1]?.conditions[0]?.reason, 'DeletionByPodGC');
  const at120 = timeline.status.filter((s) => s.time === 120).at(-1) as DaemonSetStatusSample;
  assert.equal(at120.desiredNumberScheduled, 2);
});

test('RollingUpdate, maxUnavailable 1: one node at a time, each new pod after the old one is gone', () => {
  const timeline = simulateYaml(daemonSetManifest({}), {
    ...workers(4),
    events: [{ at: '1m', type: 'changeTemplate' }],
  });
  const old = timeline.pods.filter((pod) => pod.revision === 1);
  const fresh = timeline.pods.filter((pod) => pod.revision === 2);
  assert.deepEqual(
    old.map((pod) => pod.deleted),
    [60, 62, 64, 66],
  );
  assert.deepEqual(
    fresh.map((pod) => [pod.node, pod.created]),
    [
      ['w-1', 61],
      ['w-2', 63],
      ['w-3', 65],
      ['w-4', 67],
    ],
  );
  assert.equal(timeline.summary.finishTime, 68);
  assert.deepEqual(
    timeline.revisions.map((r) => r.revision),
    [1, 2],
  );
  assert.equal(timeline.summary.daemonSet?.revision, 2);
});

test('percentages round up for DaemonSets: maxUnavailable 50% of 3 nodes is 2', () => {
  assert.equal(scaleIntOrPercent({ kind: 'percent', value: 50 }, 3), 2);
  assert.equal(scaleIntOrPercent({ kind: 'percent', value: 10 }, 3), 1);
  assert.equal(scaleIntOrPercent({ kind: 'percent', value: 25 }, 6), 2);
  const timeline = simulateYaml(
    daemonSetManifest({ updateStrategy: { rollingUpdate: { maxUnavailable: '50%' } } }),
    {
      ...workers(3),
      events: [{ at: '1m', type: 'changeTemplate' }],
    },
  );
  const old = timeline.pods.filter((pod) => pod.revision === 1);
  assert.deepEqual(
    old.map((pod) => pod.deleted),
    [60, 60, 62],
  );
  assert.equal(timeline.summary.finishTime, 64);
});

test('maxSurge 1 with minReadySeconds 10: a new pod beside the old one; the old one goes when the new is available', () => {
  const manifest = daemonSetManifest({
    minReadySeconds: 10,
    updateStrategy: { rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
  });
  const timeline = simulateYaml(manifest, { ...workers(3), events: [{ at: '1m', type: 'changeTemplate' }] });
  const fresh = timeline.pods.filter((pod) => pod.revision === 2);
  const old = timeline.pods.filter((pod) => pod.revision === 1);
  // New pod on w-1 at 60 s, Ready at 61 s, Available at 71 s: old w-1 pod deleted, w-2 surges.
  assert.deepEqual(
    fresh.map((pod) => [pod.node, pod.created]),
    [
      ['w-1', 60],
      ['w-2', 71],
      ['w-3', 82],
    ],
  );
  assert.deepEqual(
    old.map((pod) => pod.deleted),
    [71, 82, 93],
  );
  // At 71 s: three old pods (w-1's terminating), w-1's new pod and w-2's surge pod.
  assert.equal(timeline.summary.peakConcurrency, 5);
  assert.equal(timeline.summary.finishTime, 94);
});

test('OnDelete: a template change replaces nothing until a pod is deleted', () => {
  const manifest = daemonSetManifest({ updateStrategy: { type: 'OnDelete' } });
  const timeline = simulateYaml(manifest, {
    events: [
      { at: '1m', type: 'changeTemplate' },
      { at: '90s', type: 'deletePod', node: 'worker-1' },
    ],
  });
  assert.deepEqual(
    timeline.pods.map((pod) => [pod.node, pod.revision, pod.created, pod.deleted]),
    [
      ['worker-1', 1, 0, 90],
      ['worker-2', 1, 0, null],
      ['worker-1', 2, 91, null],
    ],
  );
  assert.equal(timeline.summary.outcome, 'Progressing');
  assert.equal(lastStatus(timeline).updatedNumberScheduled, 1);
});

test('revisionHistoryLimit 0: the old revision is deleted once no pod uses it', () => {
  const timeline = simulateYaml(daemonSetManifest({ revisionHistoryLimit: 0 }), {
    ...workers(2),
    events: [{ at: '1m', type: 'changeTemplate' }],
  });
  // Old pods deleted at 60 and 62 s; the last one is gone at 63 s.
  assert.deepEqual(
    timeline.revisions.map((r) => [r.revision, r.deleted]),
    [
      [1, 63],
      [2, null],
    ],
  );
  assert.equal(finishedAt(timeline.pods[1] as never), 63);
});

test('a rollout whose maxUnavailable exceeds burstReplicas (250 per sync) still replaces every pod', () => {
  // 10% of 3,000 and of 5,000 nodes is 300 and 500: more old pods may go than one sync deletes,
  // so the controller deletes 250, and the rest at its next sync, never more than maxUnavailable.
  for (const [nodes, maxUnavailable] of [
    [3000, 300],
    [5000, 500],
  ] as const) {
    const timeline = simulateYaml(
      daemonSetManifest({ updateStrategy: { rollingUpdate: { maxUnavailable: '10%' } } }),
      { ...workers(nodes), events: [{ at: '1m', type: 'changeTemplate' }] },
    );
    assert.equal(timeline.summary.outcome, 'RolledOut', `${nodes} nodes`);
    assert.equal(lastStatus(timeline).updatedNumberScheduled, nodes);
    assert.equal(lastStatus(timeline).numberAvailable, nodes);
    // From the template change on (before it, the first pods were still starting).
    const unavailable = (timeline.status as DaemonSetStatusSample[])
      .filter((sample) => sample.time >= 60)
      .map((sample) => sample.numberUnavailable);
    assert.equal(Math.max(...unavailable), maxUnavailable, `${nodes} nodes`);
  }
});
