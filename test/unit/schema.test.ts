/**
 * Schema validation: what Kubernetes' strict decoder and schema-derived checks reject. Each
 * expectation comes from the API server's behaviour (kubectl's default fieldValidation=Strict),
 * not from Podline's output.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Locale } from '../../server/src/core/l10n';
import type { RuleReport } from '../../server/src/core/findings/finding';
import { newestKubernetesVersion } from '../../server/src/core/schema/kubernetesVersions';
import type { KubernetesVersion } from '../../server/src/core/schema/kubernetesVersions';
import { describeField, validateSchema } from '../../server/src/core/schema/validateSchema';
import { LineIndex } from '../../server/src/core/text/offsetRange';
import { recognizeWorkload } from '../../server/src/core/workload/recognizeWorkload';
import { parseYamlFile } from '../../server/src/core/yaml/parseYamlFile';

const seeds = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests');

/** Schema reports of every workload in `text`, with 1-based line:column ranges. */
function check(
  text: string,
  version: KubernetesVersion = newestKubernetesVersion,
  locale: Locale = 'en',
): (RuleReport & { at: string; text: string })[] {
  const lines = new LineIndex(text);
  const position = (offset: number): string => {
    const { line, character } = lines.positionAt(offset);
    return `${line + 1}:${character + 1}`;
  };
  return parseYamlFile(text).documents.flatMap((document) => {
    const workload = recognizeWorkload(document);
    if (!workload) return [];
    return validateSchema(workload, version, locale).map((report) => ({
      ...report,
      at: `${position(report.range.start)}-${position(report.range.end)}`,
      text: text.slice(report.range.start, report.range.end),
    }));
  });
}

/** `[code, path]` pairs, the compact form most cases assert. */
function codes(text: string, version?: KubernetesVersion): [string, string | null][] {
  return check(text, version).map((report) => [report.code, report.path]);
}

/** A valid Job; `spec`, `pod` and `container` add lines at those levels (two-space indents). */
function job({ spec = '', pod = '', container = '' } = {}): string {
  const indent = (block: string, by: string): string =>
    block
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => `${by}${line}\n`)
      .join('');
  return (
    'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: pi\nspec:\n' +
    indent(spec, '  ') +
    '  template:\n    spec:\n      restartPolicy: Never\n' +
    indent(pod, '      ') +
    '      containers:\n      - name: main\n        image: busybox:1.36\n' +
    indent(container, '        ')
  );
}

// ---------------------------------------------------------------------------------------------
// The seed manifests (test/fixtures/seed-manifests/EXPECTATIONS.md)

test('daemonset-fluentd-broken.yaml: spec indented under template.metadata is an unknown field (line 16)', () => {
  const text = readFileSync(join(seeds, 'daemonset-fluentd-broken.yaml'), 'utf8');
  const reports = check(text);
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.at]),
    [['schema/unknown-field', 'spec.template.metadata.spec', '16:7-16:11']],
  );
  assert.equal(reports[0]?.message, 'unknown field "spec.template.metadata.spec"');
  assert.deepEqual(reports[0]?.data, { field: 'spec', removable: true });
});

for (const name of ['cronjob-hello-v1beta1.yaml', 'cronjob-hello-busybox-v1beta1.yaml']) {
  test(`${name}: batch/v1beta1 is removed, and nothing else is wrong for batch/v1`, () => {
    const text = readFileSync(join(seeds, name), 'utf8');
    const reports = check(text);
    assert.deepEqual(
      reports.map((report) => [report.code, report.path, report.text]),
      [['schema/removed-api-version', 'apiVersion', 'batch/v1beta1']],
    );
    assert.deepEqual(reports[0]?.data, { replacement: 'batch/v1', removedIn: '1.25' });
    assert.equal(reports[0]?.message, 'CronJob batch/v1beta1 was removed in Kubernetes 1.25; use batch/v1');
  });
}

const validSeeds = [
  'cronjob-hello-batch-v1.yaml',
  'daemonset-fluentd-elasticsearch.yaml',
  'job-calculate-pi.yaml',
  'job-calculate-pi-parallel.yaml',
  'job-indexed-downward-api.yaml',
  'job-indexed-init-container.yaml',
  'job-indexed-with-headless-service.yaml',
  'job-pi-parallel-with-transcript.yaml',
  'job-pi.yaml',
  'job-pod-failure-policy-config-issue.yaml',
  'job-pod-failure-policy-failjob.yaml',
  'job-pod-failure-policy-ignore.yaml',
  'job-template-item.yaml',
  'job-work-queue-fixed.yaml',
  'job-work-queue-open.yaml',
  'job-work-queue-placeholder-image.yaml',
  'pod-node-affinity.yaml',
  'pod-toleration.yaml',
];
for (const name of validSeeds) {
  test(`${name}: nothing for the schema to report`, () => {
    assert.deepEqual(codes(readFileSync(join(seeds, name), 'utf8')), []);
  });
}

// ---------------------------------------------------------------------------------------------
// Unknown fields and fields of other versions

test('an unknown field is reported at its key, with the data a "remove" quick fix needs', () => {
  const reports = check(job({ spec: 'foo: 1' }));
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.text, report.severity]),
    [['schema/unknown-field', 'spec.foo', 'foo', 'error']],
  );
  assert.deepEqual(reports[0]?.data, { field: 'foo', removable: true });
  assert.equal(reports[0]?.errorType, undefined);
});

test('field names are case-sensitive, as sigs.k8s.io/json decodes them', () => {
  assert.deepEqual(codes(job({ spec: 'BackoffLimit: 1' })), [['schema/unknown-field', 'spec.BackoffLimit']]);
});

test('unknown fields are found at every depth, in maps of structs and in lists', () => {
  assert.deepEqual(
    codes(job({ container: 'resources:\n  limit:\n    cpu: 1\nenv:\n- name: A\n  valu: x' })),
    [
      ['schema/unknown-field', 'spec.template.spec.containers[0].resources.limit'],
      ['schema/unknown-field', 'spec.template.spec.containers[0].env[0].valu'],
    ],
  );
});

test('an unknown field stops the walk below it: its children are not reported again', () => {
  assert.deepEqual(codes(job({ spec: 'extra:\n  nested: {a: 1}' })), [
    ['schema/unknown-field', 'spec.extra'],
  ]);
});

// Introduced: podReplacementPolicy and backoffLimitPerIndex 1.28 (alpha), managedBy and
// successPolicy 1.30, Volume.image 1.31, PodSpec.resources 1.32, Lifecycle.stopSignal 1.33,
// PodSpec.hostnameOverride 1.34, PodSpec.workloadRef 1.35 (the Workload API, alpha),
// PodSpec.schedulingGroup 1.36, JobSpec.scheduling and VolumeMount.bindMountOptions 1.37 (alpha,
// gates WorkloadWithJob and VolumeBindMountOptions).
const lateFields: [string, Parameters<typeof job>[0], KubernetesVersion, string, string][] = [
  ['managedBy', { spec: 'managedBy: acme.io/foo' }, '1.29', 'spec.managedBy', '1.30'],
  [
    'successPolicy',
    { spec: 'completionMode: Indexed\ncompletions: 3\nsuccessPolicy:\n  rules:\n  - succeededCount: 1' },
    '1.29',
    'spec.successPolicy',
    '1.30',
  ],
  [
    'an image volume',
    { pod: 'volumes:\n- name: v\n  image: {reference: x}' },
    '1.30',
    'spec.template.spec.volumes[0].image',
    '1.31',
  ],
  [
    'pod-level resources',
    { pod: 'resources: {limits: {cpu: 1}}' },
    '1.31',
    'spec.template.spec.resources',
    '1.32',
  ],
  [
    'stopSignal',
    { container: 'lifecycle: {stopSignal: SIGTERM}' },
    '1.32',
    'spec.template.spec.containers[0].lifecycle.stopSignal',
    '1.33',
  ],
  ['hostnameOverride', { pod: 'hostnameOverride: h' }, '1.33', 'spec.template.spec.hostnameOverride', '1.34'],
  [
    'workloadRef',
    { pod: 'workloadRef: {name: w, podGroup: g}' },
    '1.34',
    'spec.template.spec.workloadRef',
    '1.35',
  ],
  [
    'schedulingGroup',
    { pod: 'schedulingGroup: {podGroupName: g}' },
    '1.35',
    'spec.template.spec.schedulingGroup',
    '1.36',
  ],
  [
    'a Job scheduling policy',
    { spec: 'scheduling:\n  schedulingPolicy:\n    gang: {minCount: 2}' },
    '1.36',
    'spec.scheduling',
    '1.37',
  ],
  [
    'bind mount options',
    {
      pod: 'volumes:\n- name: v\n  emptyDir: {}',
      container: 'volumeMounts:\n- name: v\n  mountPath: /data\n  bindMountOptions: [noexec]',
    },
    '1.36',
    'spec.template.spec.containers[0].volumeMounts[0].bindMountOptions',
    '1.37',
  ],
];
for (const [label, parts, version, path, sinceVersion] of lateFields) {
  test(`${label} is "requires Kubernetes ≥ ${sinceVersion}" for ${version}, and accepted from ${sinceVersion}`, () => {
    const reports = check(job(parts), version);
    assert.deepEqual(
      reports.map((report) => [report.code, report.path, report.data?.['sinceVersion']]),
      [['schema/field-requires-version', path, sinceVersion]],
    );
    assert.equal(
      reports[0]?.message,
      `field "${path}" requires Kubernetes ≥ ${sinceVersion}; validating for ${version}`,
    );
    assert.deepEqual(codes(job(parts), sinceVersion as KubernetesVersion), []);
  });
}

test('a field that later versions dropped: PodResourceClaim.source (1.29 and 1.30; 1.31 has resourceClaimName)', () => {
  const parts = { pod: 'resourceClaims:\n- name: gpu\n  source: {resourceClaimName: c}' };
  assert.deepEqual(codes(job(parts), '1.30'), []);
  const reports = check(job(parts), '1.34');
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.data?.['lastVersion']]),
    [['schema/unknown-field', 'spec.template.spec.resourceClaims[0].source', '1.30']],
  );
  assert.equal(
    reports[0]?.message,
    'unknown field "spec.template.spec.resourceClaims[0].source": Kubernetes 1.34 no longer has it (last seen in 1.30)',
  );
  const renamed = { pod: 'resourceClaims:\n- name: gpu\n  resourceClaimName: c' };
  assert.deepEqual(codes(job(renamed), '1.30'), [
    ['schema/field-requires-version', 'spec.template.spec.resourceClaims[0].resourceClaimName'],
  ]);
});

test('a field only 1.35 has: PodSpec.workloadRef, which 1.36 replaced with schedulingGroup', () => {
  const parts = { pod: 'workloadRef: {name: w, podGroup: g}' };
  assert.deepEqual(codes(job(parts), '1.35'), []);
  for (const version of ['1.36', '1.37'] as const) {
    const reports = check(job(parts), version);
    assert.deepEqual(
      reports.map((report) => [report.code, report.path, report.data?.['lastVersion']]),
      [['schema/unknown-field', 'spec.template.spec.workloadRef', '1.35']],
    );
    assert.equal(
      reports[0]?.message,
      `unknown field "spec.template.spec.workloadRef": Kubernetes ${version} no longer has it (last seen in 1.35)`,
    );
  }
});

test('podReplacementPolicy and backoffLimitPerIndex exist in every supported version (since 1.28)', () => {
  const spec =
    'podReplacementPolicy: Failed\ncompletionMode: Indexed\ncompletions: 2\nbackoffLimitPerIndex: 1';
  assert.deepEqual(codes(job({ spec }), '1.29'), []);
});

// ---------------------------------------------------------------------------------------------
// Types

const typeCases: [string, Parameters<typeof job>[0], string, string][] = [
  // [label, manifest parts, path, message]
  [
    'a quoted number for an int32',
    { spec: 'backoffLimit: "3"' },
    'spec.backoffLimit',
    'spec.backoffLimit must be an integer (int32), not the string "3": remove the quotes',
  ],
  [
    'a fraction for an int32',
    { spec: 'parallelism: 1.5' },
    'spec.parallelism',
    'spec.parallelism must be an integer (int32), not the number 1.5',
  ],
  [
    'a list for an int64',
    { spec: 'activeDeadlineSeconds: [1]' },
    'spec.activeDeadlineSeconds',
    'spec.activeDeadlineSeconds must be an integer (int64), not a list',
  ],
  [
    'YAML 1.1 yes for a string',
    { container: 'env:\n- name: DEBUG\n  value: yes' },
    'spec.template.spec.containers[0].env[0].value',
    'spec.template.spec.containers[0].env[0].value must be a string, not the boolean true: YAML reads unquoted yes, no, on, off, true and false as booleans; quote the value',
  ],
  [
    'a number for a string',
    { container: 'env:\n- name: VERSION\n  value: 1.10' },
    'spec.template.spec.containers[0].env[0].value',
    'spec.template.spec.containers[0].env[0].value must be a string, not the number 1.1: quote the value to keep it a string',
  ],
  [
    'a YAML 1.1 octal for a string',
    { container: 'workingDir: 0777' },
    'spec.template.spec.containers[0].workingDir',
    'spec.template.spec.containers[0].workingDir must be a string, not the number 511: quote the value to keep it a string',
  ],
  [
    'a quoted boolean',
    { spec: 'suspend: "true"' },
    'spec.suspend',
    'spec.suspend must be a boolean, not the string "true": remove the quotes',
  ],
  [
    'a string for a boolean',
    { spec: 'suspend: maybe' },
    'spec.suspend',
    'spec.suspend must be a boolean, not the string "maybe"',
  ],
  [
    'a string for a list',
    { container: 'args: echo hi' },
    'spec.template.spec.containers[0].args',
    'spec.template.spec.containers[0].args must be a list, not the string "echo hi"',
  ],
  [
    'a number in a list of strings',
    { container: 'args: [echo, 1]' },
    'spec.template.spec.containers[0].args[1]',
    'spec.template.spec.containers[0].args[1] must be a string, not the number 1: quote the value to keep it a string',
  ],
  [
    'a list for a struct',
    { pod: 'securityContext: []' },
    'spec.template.spec.securityContext',
    'spec.template.spec.securityContext must be an object, not a list',
  ],
  [
    'a label value that is a number',
    { pod: 'nodeSelector: {disk: 1}' },
    'spec.template.spec.nodeSelector[disk]',
    'spec.template.spec.nodeSelector[disk] must be a string, not the number 1: quote the value to keep it a string',
  ],
  [
    'a boolean for an IntOrString',
    { container: 'livenessProbe: {httpGet: {port: true}}' },
    'spec.template.spec.containers[0].livenessProbe.httpGet.port',
    'spec.template.spec.containers[0].livenessProbe.httpGet.port must be an integer or a string, not the boolean true',
  ],
  [
    'a boolean for a Quantity',
    { container: 'resources: {limits: {cpu: true}}' },
    'spec.template.spec.containers[0].resources.limits[cpu]',
    'spec.template.spec.containers[0].resources.limits[cpu] must be a quantity (a number or a string such as 500m or 1Gi), not the boolean true',
  ],
  [
    '1GB is not a quantity',
    { container: 'resources: {limits: {memory: 1GB}}' },
    'spec.template.spec.containers[0].resources.limits[memory]',
    "spec.template.spec.containers[0].resources.limits[memory]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  ],
  [
    '1mi has no such suffix',
    { container: 'resources: {requests: {memory: 1mi}}' },
    'spec.template.spec.containers[0].resources.requests[memory]',
    `spec.template.spec.containers[0].resources.requests[memory]: unable to parse quantity's suffix in "1mi"`,
  ],
];
for (const [label, parts, path, message] of typeCases) {
  test(`type: ${label}`, () => {
    const reports = check(job(parts));
    assert.deepEqual(
      reports.map((report) => [report.code, report.path, report.message]),
      [['schema/type', path, message]],
    );
  });
}

test('type: the finding underlines the value', () => {
  const reports = check(job({ spec: 'backoffLimit: "3"' }));
  assert.equal(reports[0]?.text, '"3"');
});

const acceptedValues: [string, Parameters<typeof job>[0]][] = [
  ['an int64 above int32', { spec: 'activeDeadlineSeconds: 2147483648' }],
  ['YAML 1.1 yes for a boolean', { spec: 'suspend: yes' }],
  ['a float with no fraction for an integer (JSON 1)', { spec: 'parallelism: 1.0' }],
  ['hex for an integer', { spec: 'backoffLimit: 0x10' }],
  [
    'null for any field (unset)',
    { spec: 'backoffLimit: null\nselector: ~\nsuspend:', container: 'args: null\nresources: {limits: null}' },
  ],
  [
    'named and numbered ports',
    {
      container:
        'ports:\n- containerPort: 80\n  name: http\nlivenessProbe: {httpGet: {port: http}}\nreadinessProbe: {tcpSocket: {port: 80}}',
    },
  ],
  [
    'quantities as numbers and strings',
    {
      container:
        'resources:\n  limits: {cpu: 1, memory: 1Gi}\n  requests: {cpu: 0.5, memory: 512Mi, ephemeral-storage: 1e3, hugepages-2Mi: 2M}',
    },
  ],
  ['a quoted number for a string', { container: 'env:\n- name: VERSION\n  value: "1.10"' }],
  ['an explicit !!str tag', { container: 'env:\n- name: DEBUG\n  value: !!str yes' }],
  ['a map of strings with any keys', { pod: 'nodeSelector:\n  kubernetes.io/os: linux\n  "1": "x"' }],
];
for (const [label, parts] of acceptedValues) {
  test(`accepted: ${label}`, () => {
    assert.deepEqual(codes(job(parts)), []);
  });
}

test('times: metadata.creationTimestamp must be RFC 3339 when set; null is what kubectl writes', () => {
  const withTime = (value: string): string =>
    job().replace('  name: pi\n', `  name: pi\n  creationTimestamp: ${value}\n`);
  assert.deepEqual(codes(withTime('null')), []);
  assert.deepEqual(codes(withTime('2024-05-01T10:00:00Z')), []);
  assert.deepEqual(codes(withTime('"2024-05-01T10:00:00.5+02:00"')), []);
  assert.deepEqual(codes(withTime('yesterday')), [['schema/type', 'metadata.creationTimestamp']]);
  assert.deepEqual(codes(withTime('1714557600')), [['schema/type', 'metadata.creationTimestamp']]);
});

const rangeCases: [string, string, boolean][] = [
  ['backoffLimit: 2147483647', 'int32 maximum', false],
  ['backoffLimit: 2147483648', 'int32 maximum + 1', true],
  ['backoffLimit: -2147483648', 'int32 minimum', false],
  ['backoffLimit: -2147483649', 'int32 minimum - 1', true],
  ['activeDeadlineSeconds: 9223372036854775807', 'int64 maximum', false],
  ['activeDeadlineSeconds: 99999999999999999999', 'beyond int64', true],
];
for (const [line, label, overflows] of rangeCases) {
  test(`integer range: ${label} ${overflows ? 'overflows' : 'fits'}`, () => {
    const reports = check(job({ spec: line }));
    if (!overflows) return assert.deepEqual(reports, []);
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.code, 'schema/type');
    assert.deepEqual(reports[0]?.data, {
      expected: line.startsWith('backoff') ? 'int32' : 'int64',
      overflow: true,
    });
  });
}

test('int32 overflow message names the range', () => {
  assert.equal(
    check(job({ spec: 'backoffLimit: 2147483648' }))[0]?.message,
    'spec.backoffLimit: 2147483648 is out of range for int32 (-2147483648 to 2147483647)',
  );
});

test('IntOrString ports must fit an int32', () => {
  assert.deepEqual(codes(job({ container: 'livenessProbe: {httpGet: {port: 4294967296}}' })), [
    ['schema/type', 'spec.template.spec.containers[0].livenessProbe.httpGet.port'],
  ]);
});

// ---------------------------------------------------------------------------------------------
// Enums and required fields

test('enum: an unsupported imagePullPolicy is NotSupported with the supported values', () => {
  const reports = check(job({ container: 'imagePullPolicy: Sometimes' }));
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.errorType, report.text]),
    [['schema/enum', 'spec.template.spec.containers[0].imagePullPolicy', 'NotSupported', 'Sometimes']],
  );
  assert.equal(
    reports[0]?.message,
    'Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"',
  );
  assert.deepEqual(reports[0]?.data, { value: 'Sometimes', supported: ['Always', 'IfNotPresent', 'Never'] });
});

const enumCases: [string, Parameters<typeof job>[0], string, string][] = [
  [
    'port protocol',
    { container: 'ports: [{containerPort: 80, protocol: tcp}]' },
    'spec.template.spec.containers[0].ports[0].protocol',
    'NotSupported',
  ],
  ['dnsPolicy', { pod: 'dnsPolicy: ClusterLast' }, 'spec.template.spec.dnsPolicy', 'NotSupported'],
  [
    'an access mode in a list',
    {
      pod: 'volumes:\n- name: v\n  ephemeral:\n    volumeClaimTemplate:\n      spec:\n        accessModes: [ReadWriteOnce, ReadWriteSometimes]\n        resources: {requests: {storage: 1Gi}}',
    },
    'spec.template.spec.volumes[0].ephemeral.volumeClaimTemplate.spec.accessModes[1]',
    'NotSupported',
  ],
  [
    'a node selector operator (Invalid, as validateNodeSelectorRequirement says)',
    {
      pod: 'affinity:\n  nodeAffinity:\n    requiredDuringSchedulingIgnoredDuringExecution:\n      nodeSelectorTerms:\n      - matchExpressions:\n        - {key: a, operator: Equals, values: [b]}',
    },
    'spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0].matchExpressions[0].operator',
    'Invalid',
  ],
];
for (const [label, parts, path, errorType] of enumCases) {
  test(`enum: ${label}`, () => {
    assert.deepEqual(
      check(job(parts)).map((report) => [report.code, report.path, report.errorType]),
      [['schema/enum', path, errorType]],
    );
  });
}

test('enum: the fields hand-written rules own, and empty strings, are not checked here', () => {
  const text = job({
    spec: 'completionMode: Sometimes\npodReplacementPolicy: Never',
    pod: 'tolerations: [{operator: Maybe, effect: Often}]',
    container: 'imagePullPolicy: ""',
  }).replace('restartPolicy: Never', 'restartPolicy: Sometimes');
  assert.deepEqual(codes(text), []);
});

test('required: an env var, a volume and a mount without their names and path', () => {
  const reports = check(
    job({
      pod: 'volumes:\n- emptyDir: {}',
      container: 'env:\n- value: x\nvolumeMounts:\n- name: ""\n  readOnly: true',
    }),
  );
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.errorType]),
    [
      ['schema/required', 'spec.template.spec.volumes[0].name', 'Required'],
      ['schema/required', 'spec.template.spec.containers[0].env[0].name', 'Required'],
      ['schema/required', 'spec.template.spec.containers[0].volumeMounts[0].mountPath', 'Required'],
      ['schema/required', 'spec.template.spec.containers[0].volumeMounts[0].name', 'Required'],
    ],
  );
  assert.equal(
    reports[1]?.message,
    'Required value: spec.template.spec.containers[0].env[0].name must be set',
  );
  // A missing field is underlined at the key of the list that holds it; an empty one at its value.
  assert.deepEqual(
    reports.map((report) => report.text),
    ['volumes', 'env', 'volumeMounts', '""'],
  );
});

test('required: container name and image, containers, and selectors are left to the hand-written rules', () => {
  const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: d
spec:
  template:
    spec:
      containers:
      - imagePullPolicy: Always
`;
  assert.deepEqual(codes(text), []);
});

test('required: a containerPort of 0 or missing is Required', () => {
  assert.deepEqual(codes(job({ container: 'ports:\n- name: http\n- containerPort: 0' })), [
    ['schema/required', 'spec.template.spec.containers[0].ports[0].containerPort'],
    ['schema/required', 'spec.template.spec.containers[0].ports[1].containerPort'],
  ]);
});

// ---------------------------------------------------------------------------------------------
// API versions

test('DaemonSet extensions/v1beta1 and apps/v1beta2 were removed in 1.16; the rest is checked as apps/v1', () => {
  for (const apiVersion of ['extensions/v1beta1', 'apps/v1beta2']) {
    const text = `apiVersion: ${apiVersion}
kind: DaemonSet
metadata:
  name: d
spec:
  templateGeneration: 1
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers: [{name: c, image: i}]
`;
    const reports = check(text);
    assert.deepEqual(
      reports.map((report) => [report.code, report.path, report.data?.['replacement']]),
      [
        ['schema/removed-api-version', 'apiVersion', 'apps/v1'],
        // templateGeneration was an extensions/v1beta1 field; apps/v1 has none.
        ['schema/unknown-field', 'spec.templateGeneration', undefined],
      ],
    );
  }
});

test('CronJob batch/v2alpha1 was removed in 1.21', () => {
  const text = readFileSync(join(seeds, 'cronjob-hello-batch-v1.yaml'), 'utf8').replace(
    'batch/v1',
    'batch/v2alpha1',
  );
  assert.deepEqual(
    check(text).map((report) => [report.code, report.data?.['removedIn']]),
    [['schema/removed-api-version', '1.21']],
  );
});

test('a version a kind never had is "no matches for kind", and nothing else is checked', () => {
  const text = job({ spec: 'foo: 1' }).replace('batch/v1', 'batch/v2');
  const reports = check(text);
  assert.deepEqual(
    reports.map((report) => [report.code, report.text, report.message]),
    [['schema/unknown-api-version', 'batch/v2', 'no matches for kind "Job" in version "batch/v2"']],
  );
});

// ---------------------------------------------------------------------------------------------
// Aliases and merge keys

test('aliases are followed: a mistake in an anchored list is reported where it is and where it is reused', () => {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - name: a
        image: busybox
        env: &env
        - name: A
          valu: x
      - name: b
        image: busybox
        env: *env
`;
  const reports = check(text);
  assert.deepEqual(
    reports.map((report) => [report.code, report.path, report.text, report.data?.['removable']]),
    [
      ['schema/unknown-field', 'spec.template.spec.containers[0].env[0].valu', 'valu', true],
      ['schema/unknown-field', 'spec.template.spec.containers[1].env[0].valu', '*env', false],
    ],
  );
});

test('merge keys (<<) are expanded as go-yaml does; explicit keys win', () => {
  const text = `apiVersion: batch/v1
kind: Job
metadata:
  name: pi
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
      - &base
        name: a
        image: busybox
        imagePullPolicy: Always
      - <<: *base
        name: b
        imagePullPolicy: Never
      - <<: [*base]
        name: c
        tty: "yes"
`;
  assert.deepEqual(
    check(text).map((report) => [report.code, report.path, report.text]),
    [['schema/type', 'spec.template.spec.containers[2].tty', '"yes"']],
  );
  const bad = text.replace('imagePullPolicy: Always', 'imagePullPolicy: Sometimes');
  assert.deepEqual(
    check(bad).map((report) => [report.path, report.text]),
    [
      ['spec.template.spec.containers[0].imagePullPolicy', 'Sometimes'],
      // b overrides imagePullPolicy; c inherits the bad one through the merge.
      ['spec.template.spec.containers[2].tty', '"yes"'],
      ['spec.template.spec.containers[2].imagePullPolicy', '*base'],
    ],
  );
});

// ---------------------------------------------------------------------------------------------
// Messages, robustness

test('messages are translated', () => {
  const reports = check(job({ spec: 'foo: 1\nbackoffLimit: "3"' }), newestKubernetesVersion, 'zh-CN');
  assert.deepEqual(
    reports.map((report) => report.message),
    ['未知字段 "spec.foo"', 'spec.backoffLimit 应为整数（int32），而不是字符串 "3"：请去掉引号'],
  );
});

test('malformed documents never throw', () => {
  const texts = [
    'apiVersion: batch/v1\nkind: Job\nspec: 3\n',
    'apiVersion: batch/v1\nkind: Job\nspec:\n  template: [1, 2]\n',
    'apiVersion: batch/v1\nkind: Job\nspec:\n  ? [a]\n  : b\n',
    'apiVersion: batch/v1\nkind: Job\nmetadata: *nowhere\n',
    'apiVersion: batch/v1\nkind: Job\nspec: {<<: 5, <<: [1, *x]}\n',
    'apiVersion: batch/v1\nkind: Job\nspec: {template: {spec: {containers: [~, [], {name: [a]}]}}}\n',
  ];
  for (const text of texts) assert.doesNotThrow(() => check(text));
  assert.deepEqual(codes(texts[0] ?? ''), [['schema/type', 'spec']]);
});

// ---------------------------------------------------------------------------------------------
// Hovers

test('describeField: type, description and enum of a field, list indexes and map keys included', () => {
  const backoff = describeField('Job', 'batch/v1', 'spec.backoffLimit', '1.34');
  assert.equal(backoff?.type, 'integer (int32)');
  assert.match(backoff?.description ?? '', /number of retries before marking this job failed/);
  assert.equal(backoff?.sinceVersion, undefined);
  const pull = describeField(
    'CronJob',
    'batch/v1',
    'spec.jobTemplate.spec.template.spec.containers[0].imagePullPolicy',
    '1.34',
  );
  assert.deepEqual(pull?.enumValues, ['Always', 'IfNotPresent', 'Never']);
  assert.equal(pull?.type, 'string');
  assert.equal(
    describeField('Job', 'batch/v1', 'spec.template.spec.containers', '1.34')?.type,
    '[]Container',
  );
  assert.equal(
    describeField('DaemonSet', 'apps/v1', 'spec.template.metadata.labels', '1.34')?.type,
    'map[string]string',
  );
  assert.equal(
    describeField('DaemonSet', 'apps/v1', 'spec.template.spec.containers[0].resources.limits[cpu]', '1.34')
      ?.type,
    'Quantity',
  );
  assert.equal(
    describeField('DaemonSet', 'apps/v1', 'spec.updateStrategy.rollingUpdate.maxUnavailable', '1.34')?.type,
    'IntOrString',
  );
});

test('describeField: sinceVersion for late fields; undefined where the version lacks the field', () => {
  assert.equal(describeField('Job', 'batch/v1', 'spec.managedBy', '1.34')?.sinceVersion, '1.30');
  assert.equal(describeField('Job', 'batch/v1', 'spec.managedBy', '1.29'), undefined);
  assert.equal(describeField('Job', 'batch/v1', 'spec.nope', '1.34'), undefined);
  // A removed apiVersion is described as its replacement.
  assert.equal(describeField('CronJob', 'batch/v1beta1', 'spec.schedule', '1.34')?.type, 'string');
  assert.equal(describeField('CronJob', 'batch/v2', 'spec.schedule', '1.34'), undefined);
});
