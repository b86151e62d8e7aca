import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containerPortsRule } from '../../../server/src/core/rules/containerPortsRule';
import { schemaRule } from '../../../server/src/core/rules/schemaRule';
import {
  daemonSet,
  inJobTemplate,
  cronJobLike,
  job,
  ruleTriples,
  testRuleRobustness,
} from './ruleTestSupport';

const rules = [containerPortsRule];
const c = 'spec.template.spec.containers';

/** A Job whose main container has these ports (a YAML flow list). */
const withPorts = (ports: string, podExtra = ''): string =>
  job('', `${podExtra}  restartPolicy: Never`).replace(
    'image: busybox:1.36',
    `image: busybox:1.36\n        ports: ${ports}`,
  );

// Expectations from validateContainerPorts and TestValidatePorts (validation_test.go), whose
// error cases are named in each row; checkHostPortConflicts / TestValidatePodSpec for host ports.
const cases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidatePorts success case: named and unnamed ports, all protocols',
    withPorts(
      '[{name: abc, containerPort: 80, hostPort: 80, protocol: TCP}, {name: easy, containerPort: 82, protocol: TCP}, {name: as, containerPort: 83, protocol: UDP}, {name: do-re-me, containerPort: 84, protocol: SCTP}, {containerPort: 85}]',
    ),
    [],
  ],
  [
    'TestValidatePorts "name > 15 characters"',
    withPorts('[{name: aaaaaaaaaaaaaaaa, containerPort: 80}]'),
    [['pod/port-name', `${c}[0].ports[0].name`, 'Invalid']],
  ],
  [
    'TestValidatePorts "name contains invalid characters"',
    withPorts('[{name: a.b.c, containerPort: 80}]'),
    [['pod/port-name', `${c}[0].ports[0].name`, 'Invalid']],
  ],
  [
    'TestValidatePorts "name is a number" (a quoted "80")',
    withPorts('[{name: "80", containerPort: 80}]'),
    [['pod/port-name', `${c}[0].ports[0].name`, 'Invalid']],
  ],
  [
    'TestValidatePorts "name not unique"',
    withPorts('[{name: abc, containerPort: 80}, {name: abc, containerPort: 81}]'),
    [['pod/port-name', `${c}[0].ports[1].name`, 'Duplicate']],
  ],
  [
    'TestValidatePorts "invalid container port": 65536',
    withPorts('[{containerPort: 65536}]'),
    [['pod/container-port', `${c}[0].ports[0].containerPort`, 'Invalid']],
  ],
  [
    'a container port of 70000 (issue 14)',
    withPorts('[{containerPort: 70000}]'),
    [['pod/container-port', `${c}[0].ports[0].containerPort`, 'Invalid']],
  ],
  [
    'TestValidatePorts "invalid host port": 65536',
    withPorts('[{containerPort: 80, hostPort: 65536}]'),
    [['pod/container-port', `${c}[0].ports[0].hostPort`, 'Invalid']],
  ],
  ['hostPort 0 is unset, not out of range', withPorts('[{containerPort: 80, hostPort: 0}]'), []],
  [
    'a negative container port',
    withPorts('[{containerPort: -1}]'),
    [['pod/container-port', `${c}[0].ports[0].containerPort`, 'Invalid']],
  ],
  [
    'checkHostPortConflicts: two regular containers on one host port',
    job(
      '',
      '  restartPolicy: Never\n  initContainers: []\n  containers:\n  - {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}\n  - {name: b, image: x, ports: [{containerPort: 81, hostPort: 8080}]}',
    ).replace('      containers:\n      - name: main\n        image: busybox:1.36\n', ''),
    [['pod/host-port', `${c}[1].ports[0].hostPort`, 'Duplicate']],
  ],
  [
    'checkHostPortConflicts: different protocols do not conflict',
    withPorts('[{containerPort: 80, hostPort: 8080}, {containerPort: 81, hostPort: 8080, protocol: UDP}]'),
    [],
  ],
  [
    'checkHostPortConflicts: init containers are checked one by one, each as initContainers[0]',
    job(
      '',
      '  initContainers:\n  - {name: a, image: x, ports: [{containerPort: 80, hostPort: 8080}]}\n  - {name: b, image: x, ports: [{containerPort: 80, hostPort: 9090}, {containerPort: 81, hostPort: 9090}]}\n  restartPolicy: Never',
    ),
    [['pod/host-port', 'spec.template.spec.initContainers[0].ports[1].hostPort', 'Duplicate']],
  ],
  [
    'validatePodHostNetworkDeps: hostPort differs from containerPort with hostNetwork',
    withPorts('[{containerPort: 80, hostPort: 81}]', '  hostNetwork: true\n'),
    [['pod/container-port', `${c}[0].ports[0].hostPort`, 'Invalid']],
  ],
  [
    'validatePodHostNetworkDeps: an unset hostPort is allowed in a template',
    withPorts('[{containerPort: 80}]', '  hostNetwork: true\n'),
    [],
  ],
  [
    'init container ports are validated too',
    job(
      '',
      '  initContainers: [{name: i, image: x, ports: [{name: Web, containerPort: 80}]}]\n  restartPolicy: Never',
    ),
    [['pod/port-name', 'spec.template.spec.initContainers[0].ports[0].name', 'Invalid']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`container ports: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}

test('container ports: a CronJob reports at its jobTemplate path', () => {
  const text = cronJobLike('', '  restartPolicy: Never').replace(
    'image: busybox:1.36',
    'image: busybox:1.36\n            ports: [{containerPort: 0x11170}]',
  );
  assert.deepEqual(
    ruleTriples(text, rules),
    inJobTemplate([['pod/container-port', `${c}[0].ports[0].containerPort`, 'Invalid']]),
  );
});

test('container ports: a DaemonSet is checked', () => {
  const text = daemonSet('', '').replace(
    'image: busybox:1.36',
    'image: busybox:1.36\n        ports: [{containerPort: 99999}]',
  );
  assert.deepEqual(ruleTriples(text, rules), [
    ['pod/container-port', `${c}[0].ports[0].containerPort`, 'Invalid'],
  ]);
});

test("container ports: the protocol and a missing containerPort stay the schema's findings", () => {
  // validateContainerPorts' NotSupported protocol and Required containerPort: reported once, by the schema.
  const text = withPorts('[{containerPort: 80, protocol: HTTP}, {name: web}]');
  assert.deepEqual(ruleTriples(text, [schemaRule, containerPortsRule]), [
    ['schema/required', `${c}[0].ports[1].containerPort`, 'Required'],
    ['schema/enum', `${c}[0].ports[0].protocol`, 'NotSupported'],
  ]);
});

testRuleRobustness('container ports', rules);
