import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probesRule } from '../../../server/src/core/rules/probesRule';
import { job, ruleTriples, testRuleRobustness } from './ruleTestSupport';

const rules = [probesRule];
const c = 'spec.template.spec.containers[0]';
const i = 'spec.template.spec.initContainers[0]';

const withContainer = (lines: string): string =>
  job().replace('image: busybox:1.36', `image: busybox:1.36\n${lines.replace(/^/gm, '        ')}`);
const withInit = (fields: string): string =>
  job('', `  initContainers: [{name: init, image: busybox, ${fields}}]\n  restartPolicy: Never`);

// Expectations from validateHandler, validateProbe, validateLivenessProbe/StartupProbe,
// validateReadinessProbe, ValidatePortNumOrName and validateInitContainers, with the
// TestValidateProbe, TestValidateHandler and TestValidateInitContainers cases named per row.
const cases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidateHandler success cases and a full liveness probe',
    withContainer(`livenessProbe: {httpGet: {path: /healthz, port: 8080, httpHeaders: [{name: X-Forwarded-For, value: x}]}, initialDelaySeconds: 3, periodSeconds: 10, successThreshold: 1, failureThreshold: 3}
readinessProbe: {tcpSocket: {port: http}, successThreshold: 3}
startupProbe: {grpc: {port: 9090}}
lifecycle: {postStart: {exec: {command: [sh, -c, date]}}, preStop: {sleep: {seconds: 5}}}`),
    [],
  ],
  [
    'validateHandler: "may not specify more than 1 handler type" (issue 14: a probe with two handlers)',
    withContainer('livenessProbe: {exec: {command: ["true"]}, httpGet: {port: 80}}'),
    [['pod/probe-handler', `${c}.livenessProbe.httpGet`, 'Forbidden']],
  ],
  [
    'validateHandler: "must specify a handler type"',
    withContainer('readinessProbe: {periodSeconds: 5}'),
    [['pod/probe-handler', `${c}.readinessProbe`, 'Required']],
  ],
  [
    'validateLivenessProbe: successThreshold "must be 1"',
    withContainer('livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}'),
    [['pod/probe-field', `${c}.livenessProbe.successThreshold`, 'Invalid']],
  ],
  [
    'validateStartupProbe: successThreshold "must be 1"',
    withContainer('startupProbe: {tcpSocket: {port: 80}, successThreshold: 3}'),
    [['pod/probe-field', `${c}.startupProbe.successThreshold`, 'Invalid']],
  ],
  [
    'TestValidateProbe: negative numeric fields (ValidateNonnegativeField)',
    withContainer('readinessProbe: {tcpSocket: {port: 80}, initialDelaySeconds: -1, timeoutSeconds: -1}'),
    [
      ['pod/probe-field', `${c}.readinessProbe.initialDelaySeconds`, 'Invalid'],
      ['pod/probe-field', `${c}.readinessProbe.timeoutSeconds`, 'Invalid'],
    ],
  ],
  [
    'validateReadinessProbe: terminationGracePeriodSeconds "must not be set for readinessProbes"',
    withContainer('readinessProbe: {tcpSocket: {port: 80}, terminationGracePeriodSeconds: 10}'),
    [['pod/probe-field', `${c}.readinessProbe.terminationGracePeriodSeconds`, 'Invalid']],
  ],
  [
    'ValidatePortNumOrName: a named port that is not an IANA_SVC_NAME',
    withContainer('livenessProbe: {httpGet: {port: Metrics_Port}}'),
    [['pod/probe-field', `${c}.livenessProbe.httpGet.port`, 'Invalid']],
  ],
  [
    'ValidatePortNumOrName: a quoted number is a port name, and has no letter',
    withContainer('livenessProbe: {tcpSocket: {port: "8080"}}'),
    [['pod/probe-field', `${c}.livenessProbe.tcpSocket.port`, 'Invalid']],
  ],
  [
    'ValidatePortNumOrName: port 0 and port 65536',
    withContainer('livenessProbe: {tcpSocket: {port: 0}}\nreadinessProbe: {httpGet: {port: 65536}}'),
    [
      ['pod/probe-field', `${c}.livenessProbe.tcpSocket.port`, 'Invalid'],
      ['pod/probe-field', `${c}.readinessProbe.httpGet.port`, 'Invalid'],
    ],
  ],
  [
    'validateExecAction: an empty command is Required',
    withContainer('lifecycle: {preStop: {exec: {command: []}}}'),
    [['pod/probe-field', `${c}.lifecycle.preStop.exec.command`, 'Required']],
  ],
  [
    'validateHTTPGetAction: an invalid header name, reported at httpHeaders',
    withContainer('livenessProbe: {httpGet: {port: 80, httpHeaders: [{name: "X Bad", value: x}]}}'),
    [['pod/probe-field', `${c}.livenessProbe.httpGet.httpHeaders`, 'Invalid']],
  ],
  [
    'validateSleepAction: longer than terminationGracePeriodSeconds (defaulted to 30)',
    withContainer('lifecycle: {preStop: {sleep: {seconds: 60}}}'),
    [['pod/probe-field', `${c}.lifecycle.preStop.sleep.seconds`, 'Invalid']],
  ],
  [
    'validateSleepAction: zero is allowed from 1.33 (PodLifecycleSleepActionAllowZero)',
    withContainer('lifecycle: {preStop: {sleep: {seconds: 0}}}'),
    [],
  ],
  [
    'validateSleepAction: zero is refused for 1.32',
    `# podline: kubernetes=1.32\n${withContainer('lifecycle: {preStop: {sleep: {seconds: 0}}}')}`,
    [['pod/probe-field', `${c}.lifecycle.preStop.sleep.seconds`, 'Invalid']],
  ],
  [
    'validateInitContainers: a readiness probe on a plain init container (issue 14)',
    withInit('readinessProbe: {exec: {command: ["true"]}}'),
    [['pod/init-container-probe', `${i}.readinessProbe`, 'Forbidden']],
  ],
  [
    'validateInitContainers: lifecycle, liveness and startup probes on an init container with restartPolicy Never',
    withInit(
      'restartPolicy: Never, lifecycle: {postStart: {exec: {command: [a]}}}, livenessProbe: {exec: {command: [a]}}, startupProbe: {exec: {command: [a]}}',
    ),
    [
      ['pod/init-container-probe', `${i}.lifecycle`, 'Forbidden'],
      ['pod/init-container-probe', `${i}.livenessProbe`, 'Forbidden'],
      ['pod/init-container-probe', `${i}.startupProbe`, 'Forbidden'],
    ],
  ],
  [
    'TestValidateInitContainers: a sidecar (restartPolicy Always) may have probes and lifecycle',
    withInit(
      'restartPolicy: Always, lifecycle: {preStop: {exec: {command: [a]}}}, readinessProbe: {tcpSocket: {port: 80}}, startupProbe: {exec: {command: [a]}}',
    ),
    [],
  ],
  [
    "a sidecar's probes are validated like a regular container's",
    withInit('restartPolicy: Always, livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}'),
    [['pod/probe-field', `${i}.livenessProbe.successThreshold`, 'Invalid']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`probes: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}

testRuleRobustness('probes', rules);
