import assert from 'node:assert/strict';
import { test } from 'node:test';
import { volumeMountsRule } from '../../../server/src/core/rules/volumeMountsRule';
import { volumesRule } from '../../../server/src/core/rules/volumesRule';
import { job, ruleTriples, testRuleRobustness } from './ruleTestSupport';

const v = 'spec.template.spec.volumes';
const m = 'spec.template.spec.containers[0].volumeMounts';

const withVolumes = (volumes: string): string =>
  job('', `  volumes:\n${volumes.replace(/^/gm, '  ')}\n  restartPolicy: Never`);
const withMounts = (
  mounts: string,
  volumes = '- {name: a, emptyDir: {}}\n- {name: b, emptyDir: {}}',
  container = '',
): string =>
  withVolumes(volumes).replace(
    'image: busybox:1.36',
    `image: busybox:1.36\n${container}        volumeMounts: ${mounts}`,
  );

// Expectations from ValidateVolumes, validateVolumeSource and the source validators, with the
// TestValidateVolumes cases (validation_test.go) named per row.
const volumeCases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidateVolumes success cases: each common source, modes and items',
    withVolumes(`- {name: empty, emptyDir: {sizeLimit: 1Gi}}
- {name: host, hostPath: {path: /var/log, type: Directory}}
- name: cfg
  configMap: {name: my-config, defaultMode: 0644, items: [{key: a, path: dir/a.conf, mode: 0400}]}
- {name: sec, secret: {secretName: my-secret, defaultMode: 420}}
- {name: claim, persistentVolumeClaim: {claimName: data}}
- name: dapi
  downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}, {path: cpu, resourceFieldRef: {containerName: main, resource: limits.cpu}}]}
- name: proj
  projected:
    sources:
    - serviceAccountToken: {path: token, expirationSeconds: 3600}
    - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
    - downwardAPI: {items: [{path: namespace, fieldRef: {fieldPath: metadata.namespace}}]}`),
    [],
  ],
  [
    '"name not a DNS label"',
    withVolumes('- {name: My_Volume, emptyDir: {}}'),
    [['pod/volume-name', `${v}[0].name`, 'Invalid']],
  ],
  [
    '"name not unique" (issue 14: two volumes with the same name)',
    withVolumes('- {name: data, emptyDir: {}}\n- {name: data, emptyDir: {}}'),
    [['pod/volume-name', `${v}[1].name`, 'Duplicate']],
  ],
  [
    '"more than one source" (issue 14): Forbidden at the second type',
    withVolumes('- {name: v, emptyDir: {}, secret: {secretName: s}}'),
    [['pod/volume-source', `${v}[0].secret`, 'Forbidden']],
  ],
  [
    'validateVolumeSource reports a second downwardAPI source as "downwarAPI", as upstream spells it',
    withVolumes('- {name: v, emptyDir: {}, downwardAPI: {items: []}}'),
    [['pod/volume-source', `${v}[0].downwarAPI`, 'Forbidden']],
  ],
  [
    '"no source": "must specify a volume type"',
    withVolumes('- {name: v}'),
    [['pod/volume-source', `${v}[0]`, 'Required']],
  ],
  [
    'validateSecretVolumeSource: defaultMode 0999 is the decimal 999 in YAML 1.1 (issue 14)',
    withVolumes('- {name: v, secret: {secretName: s, defaultMode: 0999}}'),
    [['pod/volume-file-mode', `${v}[0].secret.defaultMode`, 'Invalid']],
  ],
  [
    'validateConfigMapVolumeSource: defaultMode 01000 (512) is above 0777',
    withVolumes('- {name: v, configMap: {name: c, defaultMode: 01000}}'),
    [['pod/volume-file-mode', `${v}[0].configMap.defaultMode`, 'Invalid']],
  ],
  [
    'validateKeyToPath: a negative item mode',
    withVolumes('- {name: v, configMap: {name: c, items: [{key: k, path: p, mode: -1}]}}'),
    [['pod/volume-file-mode', `${v}[0].configMap.items[0].mode`, 'Invalid']],
  ],
  [
    'validateKeyToPath: "absolute path", "contains \'..\'" and "starts with \'..\'"',
    withVolumes(
      '- {name: v, configMap: {name: c, items: [{key: a, path: /etc/a}, {key: b, path: x/../b}, {key: c, path: ..c}]}}',
    ),
    [
      ['pod/volume-field', `${v}[0].configMap.items[0].path`, 'Invalid'],
      ['pod/volume-field', `${v}[0].configMap.items[1].path`, 'Invalid'],
      ['pod/volume-field', `${v}[0].configMap.items[2].path`, 'Invalid'],
    ],
  ],
  [
    'validateSecretVolumeSource: secretName is Required',
    withVolumes('- {name: v, secret: {defaultMode: 0400}}'),
    [['pod/volume-field', `${v}[0].secret.secretName`, 'Required']],
  ],
  [
    'validateHostPathVolumeSource: "must not contain \'..\'"',
    withVolumes('- {name: v, hostPath: {path: /var/../etc}}'),
    [['pod/volume-field', `${v}[0].hostPath.path`, 'Invalid']],
  ],
  [
    'validateVolumeSource: a negative emptyDir sizeLimit is Forbidden',
    withVolumes('- {name: v, emptyDir: {sizeLimit: "-1Gi"}}'),
    [['pod/volume-field', `${v}[0].emptyDir.sizeLimit`, 'Forbidden']],
  ],
  [
    'validateDownwardAPIVolumeFile: errors at the downwardAPI path, as upstream passes it',
    withVolumes(
      '- {name: v, downwardAPI: {items: [{path: a}, {path: b, fieldRef: {fieldPath: spec.nodeName}}]}}',
    ),
    [
      ['pod/volume-field', `${v}[0].downwardAPI`, 'Required'],
      ['pod/volume-field', `${v}[0].downwardAPI.fieldRef.fieldPath`, 'NotSupported'],
    ],
  ],
  [
    'validateProjectionSources: two types in one source, and a token shorter than 10 minutes',
    withVolumes(
      '- name: v\n  projected: {sources: [{secret: {name: s}, configMap: {name: c}}, {serviceAccountToken: {path: t, expirationSeconds: 60}}]}',
    ),
    [
      ['pod/volume-source', `${v}[0].projected.sources[0]`, 'Forbidden'],
      ['pod/volume-field', `${v}[0].projected.sources[1].serviceAccountToken.expirationSeconds`, 'Invalid'],
    ],
  ],
  [
    'validateProjectionSources: "conflicting duplicate paths"',
    withVolumes(
      '- name: v\n  projected: {sources: [{secret: {name: s, items: [{key: a, path: x}]}}, {configMap: {name: c, items: [{key: b, path: x}]}}]}',
    ),
    [['pod/volume-field', `${v}[0].projected`, 'Invalid']],
  ],
];

for (const [name, text, expected] of volumeCases) {
  test(`volumes: ${name}`, () => assert.deepEqual(ruleTriples(text, [volumesRule]), expected));
}

// Expectations from ValidateVolumeMounts, validateMountPropagation and
// validateMountRecursiveReadOnly, with TestValidateVolumeMounts and TestValidateMountPropagation cases.
const mountCases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidateVolumeMounts success cases',
    withMounts(
      '[{name: a, mountPath: /foo}, {name: a, mountPath: /bar, subPath: baz}, {name: b, mountPath: /ro, readOnly: true, recursiveReadOnly: Enabled}, {name: b, mountPath: /exp, subPathExpr: $(POD_NAME)}]',
    ),
    [],
  ],
  [
    'ValidateVolumeMounts: duplicate mountPath "must be unique" (issue 14)',
    withMounts('[{name: a, mountPath: /data}, {name: b, mountPath: /data}]'),
    [['pod/mount-path', `${m}[1].mountPath`, 'Invalid']],
  ],
  [
    'TestValidateVolumeMounts "subpath with ..", at volumeMounts.subPath as upstream reports it',
    withMounts('[{name: a, mountPath: /d, subPath: ../etc}]'),
    [['pod/mount-sub-path', `${m}.subPath`, 'Invalid']],
  ],
  [
    'TestValidateVolumeMounts "absolute subpath"',
    withMounts('[{name: a, mountPath: /d, subPath: /etc}]'),
    [['pod/mount-sub-path', `${m}.subPath`, 'Invalid']],
  ],
  [
    'TestValidateVolumeMounts "subpath and subpathexpr"',
    withMounts('[{name: a, mountPath: /d, subPath: sub, subPathExpr: expr}]'),
    [['pod/mount-sub-path', `${m}[0].subPathExpr`, 'Invalid']],
  ],
  [
    'TestValidateMountPropagation: Bidirectional in a non-privileged container',
    withMounts('[{name: a, mountPath: /d, mountPropagation: Bidirectional}]'),
    [['pod/mount-propagation', `${m}.mountPropagation`, 'Forbidden']],
  ],
  [
    'TestValidateMountPropagation: Bidirectional in a privileged container',
    withMounts(
      '[{name: a, mountPath: /d, mountPropagation: Bidirectional}]',
      undefined,
      '        securityContext: {privileged: true}\n',
    ),
    [],
  ],
  [
    'validateMountRecursiveReadOnly: Enabled without readOnly, and with HostToContainer propagation',
    withMounts(
      '[{name: a, mountPath: /d, recursiveReadOnly: Enabled}, {name: b, mountPath: /e, readOnly: true, mountPropagation: HostToContainer, recursiveReadOnly: IfPossible}]',
    ),
    [
      ['pod/recursive-read-only', `${m}.recursiveReadOnly`, 'Forbidden'],
      ['pod/recursive-read-only', `${m}.recursiveReadOnly`, 'Forbidden'],
    ],
  ],
  [
    'validateMountRecursiveReadOnly: an unknown value is NotSupported',
    withMounts('[{name: a, mountPath: /d, readOnly: true, recursiveReadOnly: Always}]'),
    [['pod/recursive-read-only', `${m}.recursiveReadOnly`, 'NotSupported']],
  ],
  [
    'ValidateVolumeMounts: subPath on an image volume',
    withMounts(
      '[{name: img, mountPath: /d, subPath: x}]',
      '- {name: img, image: {reference: "quay.io/x:1"}}',
    ),
    [['pod/mount-sub-path', `${m}[0].subPath`, 'Invalid']],
  ],
];

for (const [name, text, expected] of mountCases) {
  test(`volume mounts: ${name}`, () => assert.deepEqual(ruleTriples(text, [volumeMountsRule]), expected));
}

testRuleRobustness('volumes', [volumesRule, volumeMountsRule]);
