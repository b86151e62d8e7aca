import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeDocument } from '../../../server/src/core/analysis/analyzeDocument';
import { containerEnvRule } from '../../../server/src/core/rules/containerEnvRule';
import { defaultSettings } from '../../../server/src/core/settings';
import { job, ruleTriples, testRuleRobustness } from './ruleTestSupport';

const rules = [containerEnvRule];
const c = 'spec.template.spec.containers[0]';

/** A Job whose main container has these extra lines (indented as container fields). */
const withContainer = (lines: string): string =>
  job().replace('image: busybox:1.36', `image: busybox:1.36\n${lines.replace(/^/gm, '        ')}`);

// Expectations from ValidateEnv, validateEnvVarValueFrom and ValidateEnvFrom, and the cases of
// TestValidateEnv, TestValidateEnvFrom and TestValidateEnvVarValueFrom (validation_test.go).
const cases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidateEnv success cases: value, fieldRef, resourceFieldRef, configMapKeyRef, secretKeyRef',
    withContainer(`env:
- {name: abc, value: value}
- {name: ABC, value: value}
- {name: AbC_123, value: value}
- {name: abc, value: ""}
- {name: a.b.c, value: value}
- {name: a-b-c, value: value}
- {name: POD_NAME, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
- {name: HOST_IPS, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: status.hostIPs}}}
- {name: APP, valueFrom: {fieldRef: {fieldPath: "metadata.labels['app']"}}}
- {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu}}}
- {name: HP, valueFrom: {resourceFieldRef: {resource: requests.hugepages-2Mi}}}
- {name: CM, valueFrom: {configMapKeyRef: {name: some-config-map, key: some-key}}}
- {name: S, valueFrom: {secretKeyRef: {name: some-secret, key: some_key.x}}}`),
    [],
  ],
  [
    'TestValidateEnv "illegal character" (a name with "=")',
    withContainer('env: [{name: "a=b", value: x}]'),
    [['pod/env-name', `${c}.env[0].name`, 'Invalid']],
  ],
  [
    'IsEnvVarName before 1.32: a name that is ".." (hasChDirPrefix)',
    `# podline: kubernetes=1.31\n${withContainer('env: [{name: "..", value: x}]')}`,
    [['pod/env-name', `${c}.env[0].name`, 'Invalid']],
  ],
  [
    'validateEnvVarValueFrom: "must specify one of" for an empty valueFrom',
    withContainer('env: [{name: B, valueFrom: {}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom`, 'Invalid']],
  ],
  [
    'validateEnvVarValueFrom: "may not be specified when `value` is not empty"',
    withContainer('env: [{name: B, value: x, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom`, 'Invalid']],
  ],
  [
    'validateEnvVarValueFrom: "may not have more than one field specified at a time"',
    withContainer(
      'env: [{name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}, secretKeyRef: {name: s, key: k}}}]',
    ),
    [['pod/env-value-from', `${c}.env[0].valueFrom`, 'Invalid']],
  ],
  [
    'TestValidateEnv "unsupported fieldPath": metadata.labels without a subscript',
    withContainer('env: [{name: L, valueFrom: {fieldRef: {fieldPath: metadata.labels}}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom.fieldRef.fieldPath`, 'NotSupported']],
  ],
  [
    'TestValidateEnv "invalid fieldPath": a field the downward API does not convert',
    withContainer('env: [{name: L, valueFrom: {fieldRef: {fieldPath: metadata.whoops}}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom.fieldRef.fieldPath`, 'Invalid']],
  ],
  [
    'TestValidateEnv "invalid apiVersion"',
    withContainer('env: [{name: L, valueFrom: {fieldRef: {apiVersion: v1b1, fieldPath: metadata.name}}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom.fieldRef.fieldPath`, 'Invalid']],
  ],
  [
    'validateContainerResourceFieldSelector: an unsupported resource',
    withContainer('env: [{name: R, valueFrom: {resourceFieldRef: {resource: limits.gpu}}}]'),
    [['pod/env-value-from', `${c}.env[0].valueFrom.resourceFieldRef.resource`, 'NotSupported']],
  ],
  [
    'validateConfigMapKeySelector: an invalid key and name',
    withContainer('env: [{name: K, valueFrom: {configMapKeyRef: {name: Bad_Name, key: "a b"}}}]'),
    [
      ['pod/env-value-from', `${c}.env[0].valueFrom.configMapKeyRef.name`, 'Invalid'],
      ['pod/env-value-from', `${c}.env[0].valueFrom.configMapKeyRef.key`, 'Invalid'],
    ],
  ],
  [
    'TestValidateEnvFrom success cases',
    withContainer('envFrom: [{configMapRef: {name: abc}}, {prefix: a.b, secretRef: {name: abc}}]'),
    [],
  ],
  [
    'TestValidateEnvFrom "no refs": "must specify one of" at the envFrom list',
    withContainer('envFrom: [{prefix: x}]'),
    [['pod/env-from', `${c}.envFrom`, 'Invalid']],
  ],
  [
    'TestValidateEnvFrom "multiple refs"',
    withContainer('envFrom: [{configMapRef: {name: abc}, secretRef: {name: abc}}]'),
    [['pod/env-from', `${c}.envFrom`, 'Invalid']],
  ],
  [
    'TestValidateEnvFrom "zero-length name"',
    withContainer('envFrom: [{configMapRef: {name: ""}}]'),
    [['pod/env-from', `${c}.envFrom[0].configMapRef.name`, 'Required']],
  ],
  [
    'TestValidateEnvFrom "invalid name"',
    withContainer('envFrom: [{secretRef: {name: "$%^&*#"}}]'),
    [['pod/env-from', `${c}.envFrom[0].secretRef.name`, 'Invalid']],
  ],
  [
    'TestValidateEnvFrom "invalid prefix" ("=")',
    withContainer('envFrom: [{prefix: "a=", configMapRef: {name: abc}}]'),
    [['pod/env-name', `${c}.envFrom[0].prefix`, 'Invalid']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`container env: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}

test('container env: RelaxedEnvironmentVariableValidation follows the target version', () => {
  // The gate is alpha (off) in 1.30 and 1.31 and beta (on) from 1.32 (kube_features.go): a name
  // starting with a digit is refused by IsEnvVarName and accepted by IsRelaxedEnvVarName.
  const text = withContainer('env: [{name: "1_VAR", value: x}, {name: "my var!", value: x}]');
  const codesFor = (kubernetesVersion: '1.31' | '1.32') =>
    analyzeDocument(text, { ...defaultSettings, kubernetesVersion }, rules).findings.map((f) => [
      f.code,
      f.path,
    ]);
  assert.deepEqual(codesFor('1.31'), [
    ['pod/env-name', `${c}.env[0].name`],
    ['pod/env-name', `${c}.env[1].name`],
  ]);
  assert.deepEqual(codesFor('1.32'), []);
});

testRuleRobustness('container env', rules);
