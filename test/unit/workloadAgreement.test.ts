/**
 * Hover, code lens, preview and simulation agree on every fact they share about a workload: the
 * counts and retry limit of a Job, the settings of the Jobs a CronJob creates, and the
 * tolerations and placement of a DaemonSet's pods. All four read one defaulted model
 * (core/workload/workloadModel.ts); this test compares what each of them shows the user, on the
 * seed manifests, the Kubernetes documentation's examples and a few made for the purpose.
 *
 * Placement is checked against a matcher written here from `ToleratesTaint` and
 * `NodeShouldRunDaemonPod` (docs/kubernetes-behaviour.md §3.3), not against Podline's own.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { summarizeWorkload } from '../../server/src/core/editor/workloadCodeLens';
import { previewCreatedObjects } from '../../server/src/core/preview/previewObjects';
import { defaultSettings } from '../../server/src/core/settings';
import { simulateDocument } from '../../server/src/core/simulator';
import type { Timeline } from '../../server/src/core/simulator';
import type { Workload } from '../../server/src/core/workload/recognizeWorkload';
import { jobSpecOf, podTemplateOf, workloadModel } from '../../server/src/core/workload/workloadModel';
import { NOW, hoverAt } from './explainTestSupport';

type Json = Record<string, unknown>;
const fixtures = join(__dirname, '..', '..', '..', 'test', 'fixtures');

/** Every workload document of the fixture folders, with the name of its file. */
function fixtureWorkloads(): { name: string; text: string; workload: Workload }[] {
  return ['seed-manifests', 'kubernetes-docs'].flatMap((folder) =>
    readdirSync(join(fixtures, folder))
      .filter((file) => file.endsWith('.yaml'))
      .sort()
      .flatMap((file) => {
        const text = readFileSync(join(fixtures, folder, file), 'utf8');
        const analysis = analyzeDocument(text, defaultSettings);
        const rejected = analysis.findings.some((finding) => finding.severity === 'error');
        // Agreement is about manifests the API server accepts; a rejected one is a rule's business.
        return rejected
          ? []
          : analysis.workloads.map((workload) => ({ name: `${folder}/${file}`, text, workload }));
      }),
  );
}

function preview(text: string, document: number): Json[] {
  const output = previewCreatedObjects(analyzeDocument(text, defaultSettings), document, NOW, 'en');
  return parseAllDocuments(output).map((parsed) => parsed.toJS() as Json);
}

function simulate(text: string, document: number, scenario: Json = {}): Timeline {
  const result = simulateDocument(text, { document, scenarioText: JSON.stringify(scenario) });
  assert.ok(result.ok, `simulation failed: ${JSON.stringify(result.ok ? null : result.error)}`);
  return result.timeline;
}

const at = (value: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((current, key) => (current as Json | undefined)?.[key], value);

test('the fixtures give this test Jobs, CronJobs and DaemonSets to compare', () => {
  const kinds = new Set(fixtureWorkloads().map(({ workload }) => workload.kind));
  assert.deepEqual([...kinds].sort(), ['CronJob', 'DaemonSet', 'Job']);
});

test('Jobs: the code lens, the preview and the simulation agree on how many pods run at once and in all', () => {
  let compared = 0;
  for (const { name, text, workload } of fixtureWorkloads()) {
    if (workload.kind !== 'Job') continue;
    const job = jobSpecOf(workloadModel(workload));
    assert.ok(job);
    if (job.suspend || job.completions === null || job.parallelism === 0) continue;
    const atOnce = Math.min(job.parallelism, job.completions);
    const lens = summarizeWorkload(workload, 'en');
    if (job.completions === 1) assert.match(lens, /1 pod|Indexed 0/, name);
    else if (atOnce === job.completions)
      assert.ok(
        lens.includes(`${job.completions} completions, all at once`) ||
          lens.includes(`Indexed 0–${job.completions - 1}, ${atOnce} at a time`),
        `${name}: ${lens}`,
      );
    else assert.ok(lens.includes(`, ${atOnce} at a time`), `${name}: ${lens}`);

    // The preview shows one pod per index when Indexed (up to its cap), else one pod for all.
    const pods = preview(text, workload.document.index).filter((object) => object['kind'] === 'Pod');
    assert.ok(pods.length >= 1, name);
    for (const pod of pods) {
      assert.equal(at(pod, 'spec', 'restartPolicy'), job.template.restartPolicy, `${name}: restartPolicy`);
      assert.equal(
        at(pod, 'spec', 'terminationGracePeriodSeconds'),
        job.template.terminationGracePeriodMs / 1000,
        `${name}: terminationGracePeriodSeconds`,
      );
    }

    // Every pod succeeds after 10 s: the first wave is `atOnce` pods, and `completions` succeed.
    const timeline = simulate(text, workload.document.index, { pods: { startLatency: 0, runTime: '10s' } });
    const firstWave = timeline.pods.filter((pod) => pod.created === 0).length;
    assert.equal(firstWave, atOnce, `${name}: pods created at once`);
    assert.equal(timeline.summary.podsSucceeded, job.completions, `${name}: pods succeeded`);
    compared++;
  }
  assert.ok(compared >= 8, `only ${compared} Jobs compared`);
});

test('Jobs: the hover, the code lens and the simulation agree on the retry limit', () => {
  let compared = 0;
  for (const { name, text, workload } of fixtureWorkloads()) {
    if (workload.kind !== 'Job') continue;
    const job = jobSpecOf(workloadModel(workload));
    assert.ok(job);
    // A podFailurePolicy or a per-index limit decides otherwise; those have their own tests.
    if (job.podFailurePolicy || job.backoffLimitPerIndex !== null || job.suspend) continue;
    if (job.template.restartPolicy !== 'Never' || job.backoffLimit > 10) continue;
    const lens = summarizeWorkload(workload, 'en');
    const retries =
      job.backoffLimit === 0
        ? 'no retries'
        : job.backoffLimit === 1
          ? 'up to 1 retry'
          : `up to ${job.backoffLimit} retries`;
    assert.ok(lens.includes(retries), `${name}: ${lens}`);
    // Where the manifest writes backoffLimit, its hover names the same limit.
    if (/^\s+backoffLimit:/m.test(text)) {
      const hover = hoverAt(text, 'backoffLimit');
      assert.ok(hover.includes(String(job.backoffLimit)), `${name}: hover\n${hover}`);
    }
    // Every attempt fails: the Job fails at the first sync after its (backoffLimit + 1)-th failed
    // pod (restartPolicy Never); the controller batches pod updates for up to a second
    // (`syncJobBatchPeriod`). Pods that fail at the same instant are counted together.
    const timeline = simulate(text, workload.document.index, {
      pods: { startLatency: 0, runTime: '5s', exitCodes: [{ exitCode: 1 }] },
    });
    const failedJob = timeline.jobs[0];
    assert.equal(failedJob?.outcome, 'Failed', name);
    assert.equal(failedJob.reason, 'BackoffLimitExceeded', name);
    const errors = timeline.pods
      .map((pod) => pod.attempts.at(-1))
      .filter((attempt) => attempt?.reason === 'Error')
      .map((attempt) => attempt?.finished ?? Infinity)
      .sort((a, b) => a - b);
    const limitReached = errors[job.backoffLimit] ?? Infinity;
    const finished = failedJob.finished ?? Infinity;
    assert.ok(
      finished >= limitReached && finished <= limitReached + 1,
      `${name}: failed at ${finished}, limit reached at ${limitReached}`,
    );
    if (job.parallelism === 1) assert.equal(errors.length, job.backoffLimit + 1, `${name}: failed pods`);
    compared++;
  }
  assert.ok(compared >= 3, `only ${compared} Jobs compared`);
});

test('CronJobs: the preview of the created Job carries the settings the simulator runs with', () => {
  let compared = 0;
  for (const { name, text, workload } of fixtureWorkloads()) {
    if (workload.kind !== 'CronJob') continue;
    const model = workloadModel(workload);
    const job = jobSpecOf(model);
    assert.ok(job && model.kind === 'CronJob');
    const created = preview(text, workload.document.index).find((object) => object['kind'] === 'Job');
    assert.ok(created, name);
    const spec = at(created, 'spec') as Json;
    assert.equal(spec['parallelism'], job.parallelism, `${name}: parallelism`);
    assert.equal(spec['completions'] ?? null, job.completions, `${name}: completions`);
    assert.equal(spec['backoffLimit'], job.backoffLimit, `${name}: backoffLimit`);
    assert.equal(spec['completionMode'], job.completionMode, `${name}: completionMode`);
    assert.equal(spec['suspend'], job.suspend, `${name}: suspend`);
    assert.equal(spec['podReplacementPolicy'], job.podReplacementPolicy, `${name}: podReplacementPolicy`);
    assert.equal(at(spec, 'template', 'spec', 'restartPolicy'), job.template.restartPolicy, `${name}`);

    const lens = summarizeWorkload(workload, 'en');
    const policy = {
      Allow: 'runs may overlap',
      Forbid: 'skips runs while one is active',
      Replace: 'each run replaces the last',
    };
    assert.ok(lens.includes(policy[model.spec.concurrencyPolicy]), `${name}: ${lens}`);
    assert.ok(
      lens.includes(
        `keeps ${model.spec.successfulJobsHistoryLimit} succeeded, ${model.spec.failedJobsHistoryLimit} failed`,
      ),
      `${name}: ${lens}`,
    );

    // Over three hours, each Job the simulator creates runs the same number of pods at once.
    const timeline = simulate(text, workload.document.index, {
      horizon: '3h',
      pods: { startLatency: 0, runTime: '10s' },
    });
    const firstJob = timeline.jobs[0];
    assert.ok(firstJob, `${name}: no Job in three hours`);
    const atOnce = Math.min(job.parallelism, job.completions ?? job.parallelism);
    const firstWave = timeline.pods.filter(
      (pod) => pod.job === firstJob.name && pod.created === firstJob.created,
    );
    assert.equal(firstWave.length, atOnce, `${name}: pods of the first Job at once`);
    compared++;
  }
  assert.ok(compared >= 2, `only ${compared} CronJobs compared`);
});

/** A node of the test's cluster, with the taints the scenario gives it. */
interface TestNode {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly taints: { key: string; value?: string; effect: string }[];
  readonly unschedulable?: boolean;
}

const cluster: TestNode[] = [
  { name: 'worker', labels: { 'kubernetes.io/os': 'linux' }, taints: [] },
  {
    name: 'control-plane',
    labels: { 'kubernetes.io/os': 'linux', 'node-role.kubernetes.io/control-plane': '' },
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  },
  {
    name: 'old-master',
    labels: { 'kubernetes.io/os': 'linux' },
    taints: [{ key: 'node-role.kubernetes.io/master', effect: 'NoSchedule' }],
  },
  {
    name: 'logs-only',
    labels: { 'kubernetes.io/os': 'linux', dedicated: 'logs' },
    taints: [{ key: 'dedicated', value: 'logs', effect: 'NoSchedule' }],
  },
  { name: 'cordoned', labels: { 'kubernetes.io/os': 'linux' }, taints: [], unschedulable: true },
  {
    name: 'disk-pressure',
    labels: { 'kubernetes.io/os': 'linux' },
    taints: [{ key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' }],
  },
  {
    name: 'gpu',
    labels: { 'kubernetes.io/os': 'linux', accelerator: 'nvidia' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoExecute' }],
  },
];

/** `Toleration.ToleratesTaint`, written here from upstream's k8s.io/api/core/v1/toleration.go. */
function toleratesTaint(toleration: Json, taint: TestNode['taints'][number]): boolean {
  const effect = typeof toleration['effect'] === 'string' ? toleration['effect'] : '';
  const key = typeof toleration['key'] === 'string' ? toleration['key'] : '';
  if (effect !== '' && effect !== taint.effect) return false;
  if (key !== '' && key !== taint.key) return false;
  const operator = toleration['operator'] ?? '';
  if (operator === 'Exists') return true;
  if (operator === '' || operator === 'Equal') return (toleration['value'] ?? '') === (taint.value ?? '');
  return false;
}

/**
 * Whether a daemon pod as previewed should run on `node` (`NodeShouldRunDaemonPod` with
 * `predicates`): nodeSelector labels, and every NoSchedule and NoExecute taint tolerated; a
 * cordoned node carries the unschedulable taint, which the controller's tolerations cover.
 */
function shouldRun(pod: Json, node: TestNode): boolean {
  const selector = (at(pod, 'spec', 'nodeSelector') ?? {}) as Record<string, string>;
  if (Object.entries(selector).some(([key, value]) => node.labels[key] !== value)) return false;
  const tolerations = (at(pod, 'spec', 'tolerations') ?? []) as Json[];
  const taints = [
    ...node.taints,
    ...(node.unschedulable ? [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] : []),
  ];
  return taints
    .filter((taint) => taint.effect === 'NoSchedule' || taint.effect === 'NoExecute')
    .every((taint) => tolerations.some((toleration) => toleratesTaint(toleration, taint)));
}

const madeDaemonSets: Record<string, string> = {
  'tolerates everything': `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: everywhere}
spec:
  selector: {matchLabels: {app: everywhere}}
  template:
    metadata: {labels: {app: everywhere}}
    spec:
      tolerations:
      - operator: Exists
      containers: [{name: agent, image: agent:1.0}]
`,
  'one dedicated toleration and a timed copy of an automatic one': `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: logs}
spec:
  selector: {matchLabels: {app: logs}}
  template:
    metadata: {labels: {app: logs}}
    spec:
      hostNetwork: true
      tolerations:
      - {key: dedicated, operator: Equal, value: logs, effect: NoSchedule}
      - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 30}
      - {key: node-role.kubernetes.io/control-plane, effect: NoSchedule}
      containers: [{name: agent, image: agent:1.0}]
`,
  'a nodeSelector and a NoExecute toleration': `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: gpu}
spec:
  selector: {matchLabels: {app: gpu}}
  template:
    metadata: {labels: {app: gpu}}
    spec:
      nodeSelector: {accelerator: nvidia}
      tolerations:
      - {key: nvidia.com/gpu, operator: Exists, effect: NoExecute}
      containers: [{name: plugin, image: plugin:1.0}]
`,
};

function daemonSets(): { name: string; text: string; workload: Workload }[] {
  const made = Object.entries(madeDaemonSets).map(([name, text]) => {
    const workload = analyzeDocument(text, defaultSettings).workloads[0];
    assert.ok(workload, name);
    return { name, text, workload };
  });
  return [...fixtureWorkloads().filter(({ workload }) => workload.kind === 'DaemonSet'), ...made];
}

test('DaemonSets: the previewed pod and the simulation agree on every node, and so does the hover', () => {
  let compared = 0;
  const scenario = {
    nodes: cluster.map(({ name, labels, taints, unschedulable }) => ({
      name,
      labels,
      taints: taints.map((taint) => ({ value: '', ...taint })),
      unschedulable: unschedulable ?? false,
    })),
  };
  for (const { name, text, workload } of daemonSets()) {
    const model = workloadModel(workload);
    const [pod] = preview(text, workload.document.index).filter((object) => object['kind'] === 'Pod');
    assert.ok(pod, name);
    assert.ok(
      (at(pod, 'spec', 'tolerations') as unknown[]).length >= podTemplateOf(model).tolerations.length,
      `${name}: the controller only adds tolerations`,
    );
    const timeline = simulate(text, workload.document.index, scenario);
    for (const node of cluster) {
      const simulated = timeline.nodes.find((candidate) => candidate.name === node.name);
      assert.equal(simulated?.daemonSet?.shouldRun, shouldRun(pod, node), `${name}: node ${node.name}`);
      const hasPod = timeline.pods.some(
        (candidate) => candidate.node === node.name && candidate.deleted === null,
      );
      assert.equal(hasPod, shouldRun(pod, node), `${name}: a pod on ${node.name}`);
    }
    compared++;
    // The hover on the tolerations says whether the control-plane taint is tolerated.
    if (!text.includes('tolerations:')) continue;
    const hover = hoverAt(text, 'tolerations:');
    const controlPlaneTaint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
    const tolerated = ((at(pod, 'spec', 'tolerations') ?? []) as Json[]).some((toleration) =>
      toleratesTaint(toleration, controlPlaneTaint),
    );
    const expected = tolerated ? 'get a pod:' : 'get no pod:';
    assert.ok(
      hover.includes(
        `Control-plane nodes (taint \`node-role.kubernetes.io/control-plane:NoSchedule\`) ${expected}`,
      ),
      `${name}:\n${hover}`,
    );
  }
  assert.ok(compared >= 5, `only ${compared} DaemonSets compared`);
});
