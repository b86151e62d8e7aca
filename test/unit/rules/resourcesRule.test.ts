import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resourcesRule } from '../../../server/src/core/rules/resourcesRule';
import { job, ruleTriples, testRuleRobustness } from './ruleTestSupport';

const rules = [resourcesRule];
const r = 'spec.template.spec.containers[0].resources';

const withResources = (resources: string): string =>
  job().replace('image: busybox:1.36', `image: busybox:1.36\n        resources: ${resources}`);

// Expectations from validateResourceRequirements, validateContainerResourceName and
// ValidateResourceQuantityValue, and the TestValidateContainers error cases named in each row
// (getResourceLimits(cpu, memory) there).
const cases: [string, string, [string, string | null, unknown][]][] = [
  [
    'TestValidateContainers success: requests at or below limits, extended and hugepages resources',
    withResources(
      '{requests: {cpu: 250m, memory: 64Mi, ephemeral-storage: 1Gi, example.com/gpu: 1, hugepages-2Mi: 4Mi}, limits: {cpu: "1", memory: 0.5Gi, example.com/gpu: "1", hugepages-2Mi: 4Mi}}',
    ),
    [],
  ],
  [
    '"Request limit simple invalid": cpu request 6 above limit 5, reported at requests',
    withResources('{limits: {cpu: 5, memory: 3}, requests: {cpu: 6, memory: 3}}'),
    [['pod/resource-request-limit', `${r}.requests`, 'Invalid']],
  ],
  [
    '"Request limit multiple invalid": both cpu and memory',
    withResources('{limits: {cpu: 5, memory: 3}, requests: {cpu: 6, memory: 4}}'),
    [
      ['pod/resource-request-limit', `${r}.requests`, 'Invalid'],
      ['pod/resource-request-limit', `${r}.requests`, 'Invalid'],
    ],
  ],
  [
    'a memory request above its limit in other units (issue 14)',
    withResources('{requests: {memory: 2Gi}, limits: {memory: 1500M}}'),
    [['pod/resource-request-limit', `${r}.requests`, 'Invalid']],
  ],
  [
    'equal quantities written differently',
    withResources('{requests: {cpu: 1000m, memory: 1Gi}, limits: {cpu: 1, memory: 1024Mi}}'),
    [],
  ],
  [
    '"Resource CPU invalid": a negative limit',
    withResources('{limits: {cpu: "-10"}}'),
    [['pod/resource-quantity', `${r}.limits.cpu`, 'Invalid']],
  ],
  [
    '"Resource Requests CPU invalid": a negative request',
    withResources('{requests: {cpu: "-10"}}'),
    [['pod/resource-quantity', `${r}.requests.cpu`, 'Invalid']],
  ],
  [
    'validateContainerResourceName: an unprefixed name that is not a container resource',
    withResources('{limits: {gpu: 1}}'),
    [['pod/resource-name', `${r}.limits.gpu`, 'Invalid']],
  ],
  [
    'validateContainerResourceName: a standard resource that is not a container resource (pods)',
    withResources('{requests: {pods: 1}}'),
    [['pod/resource-name', `${r}.requests.pods`, 'Invalid']],
  ],
  [
    'ValidateResourceQuantityValue: an extended resource must be a whole number',
    withResources('{requests: {example.com/gpu: 500m}, limits: {example.com/gpu: 500m}}'),
    [
      ['pod/resource-quantity', `${r}.requests[example.com/gpu]`, 'Invalid'],
      ['pod/resource-quantity', `${r}.limits[example.com/gpu]`, 'Invalid'],
    ],
  ],
  [
    'non-overcommitable: an extended resource request without a limit',
    withResources('{requests: {example.com/gpu: 1}}'),
    [['pod/resource-request-limit', `${r}.limits`, 'Required']],
  ],
  [
    'non-overcommitable: a hugepages request below its limit must be equal',
    withResources('{requests: {memory: 1Gi, hugepages-2Mi: 2Mi}, limits: {hugepages-2Mi: 4Mi}}'),
    [['pod/resource-request-limit', `${r}.requests`, 'Invalid']],
  ],
  [
    'validateResourceQuantityHugePageValue: not a multiple of the page size',
    withResources('{requests: {memory: 1Gi}, limits: {hugepages-2Mi: 3Mi}}'),
    [['pod/resource-quantity', `${r}.limits[hugepages-2Mi]`, 'Invalid']],
  ],
  [
    '"HugePages require cpu or memory"',
    withResources('{limits: {hugepages-2Mi: 4Mi}}'),
    [['pod/hugepages', r, 'Forbidden']],
  ],
];

for (const [name, text, expected] of cases) {
  test(`resources: ${name}`, () => assert.deepEqual(ruleTriples(text, rules), expected));
}

test('resources: init containers and sidecars are checked too', () => {
  const text = job(
    '',
    '  initContainers: [{name: i, image: x, resources: {requests: {memory: 2Gi}, limits: {memory: 1Gi}}}]\n  restartPolicy: Never',
  );
  assert.deepEqual(ruleTriples(text, rules), [
    ['pod/resource-request-limit', 'spec.template.spec.initContainers[0].resources.requests', 'Invalid'],
  ]);
});

testRuleRobustness('resources', rules);
