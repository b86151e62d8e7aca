/**
 * Navigation: the outline of a file (one symbol per resource, its main parts inside) and go to
 * definition from selectors to labels and from a subdomain to its Service.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { computeDefinitions } from '../../server/src/core/editor/definitions';
import type { DefinitionTarget } from '../../server/src/core/editor/definitions';
import { computeDocumentSymbols } from '../../server/src/core/editor/documentSymbols';
import type { DocumentSymbolItem } from '../../server/src/core/editor/documentSymbols';
import { editorContext, offsetOf, seed } from './explainTestSupport';

/** The outline as indented lines: "name (kind) detail". */
function outline(symbols: readonly DocumentSymbolItem[], depth = 0): string[] {
  return symbols.flatMap((symbol) => [
    `${'  '.repeat(depth)}${symbol.name} (${symbol.kind})${symbol.detail !== undefined ? ` ${symbol.detail}` : ''}`,
    ...outline(symbol.children, depth + 1),
  ]);
}

function contained(inner: { start: number; end: number }, outer: { start: number; end: number }): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

function assertNested(symbols: readonly DocumentSymbolItem[], parent?: DocumentSymbolItem): void {
  for (const symbol of symbols) {
    assert.ok(contained(symbol.selectionRange, symbol.range), `${symbol.name}: selection inside range`);
    if (parent) assert.ok(contained(symbol.range, parent.range), `${symbol.name} inside ${parent.name}`);
    assertNested(symbol.children, symbol);
  }
}

test('the outline of a Service and an Indexed Job', () => {
  const text = seed('job-indexed-with-headless-service.yaml');
  const symbols = computeDocumentSymbols(editorContext(text));
  assert.deepEqual(outline(symbols), [
    'Service headless-svc (resource) v1',
    '  metadata (section)',
    '  spec (section)',
    '    clusterIP (field) None',
    '    selector (section)',
    'Job example-job (resource) batch/v1',
    '  metadata (section)',
    '  spec (section)',
    '    completions (field) 3',
    '    parallelism (field) 3',
    '    completionMode (field) Indexed',
    '    template (section)',
    '      spec (section)',
    '        subdomain (field) headless-svc',
    '        restartPolicy (field) Never',
    '        containers (list)',
    '          example-workload (item) bash:latest',
  ]);
  assertNested(symbols);
  const job = symbols[1];
  assert.equal(text.slice(job?.selectionRange.start, job?.selectionRange.end), 'example-job');
});

test('the outline of a CronJob and a DaemonSet', () => {
  assert.deepEqual(outline(computeDocumentSymbols(editorContext(seed('cronjob-hello-batch-v1.yaml')))), [
    'CronJob hello (resource) batch/v1',
    '  metadata (section)',
    '  spec (section)',
    '    schedule (field) * * * * *',
    '    jobTemplate (section)',
    '      spec (section)',
    '        template (section)',
    '          spec (section)',
    '            containers (list)',
    '              hello (item) busybox:1.28',
    '            restartPolicy (field) OnFailure',
  ]);
  const daemonSet = outline(
    computeDocumentSymbols(editorContext(seed('daemonset-fluentd-elasticsearch.yaml'))),
  );
  assert.deepEqual(daemonSet.slice(0, 9), [
    'DaemonSet fluentd-elasticsearch (resource) apps/v1',
    '  metadata (section)',
    '    labels (section)',
    '  spec (section)',
    '    selector (section)',
    '    template (section)',
    '      metadata (section)',
    '        labels (section)',
    '      spec (section)',
  ]);
  assert.ok(daemonSet.includes('          varlog (item)'));
  assert.ok(
    daemonSet.includes('          fluentd-elasticsearch (item) k8s.gcr.io/fluentd-elasticsearch:1.20'),
  );
});

test('podFailurePolicy rules appear by number and action', () => {
  const lines = outline(computeDocumentSymbols(editorContext(seed('job-pod-failure-policy-failjob.yaml'))));
  assert.ok(lines.includes('    podFailurePolicy (section)'));
  assert.ok(lines.includes('      rules (list)'));
  assert.ok(lines.includes('        1: FailJob (item)'));
});

test('the outline survives broken and huge files', () => {
  const broken = computeDocumentSymbols(editorContext(seed('daemonset-fluentd-broken.yaml')));
  assert.equal(broken[0]?.name, 'DaemonSet fluentd-elasticsearch');
  const many = Array.from({ length: 300 }, (_, i) => `kind: ConfigMap\nmetadata:\n  name: c${i}\n`).join(
    '---\n',
  );
  assert.equal(computeDocumentSymbols(editorContext(many)).length, 300);
});

/** The text each target selects. */
function selected(text: string, targets: readonly DefinitionTarget[]): string[] {
  return targets.map((target) => text.slice(target.selectionRange.start, target.selectionRange.end));
}

test('from a DaemonSet selector key or value to the template label', () => {
  const text = seed('daemonset-fluentd-elasticsearch.yaml');
  const context = editorContext(text);
  // matchLabels `name: fluentd-elasticsearch` (lines 11) → template labels (line 15).
  const keyOffset = text.indexOf('name: fluentd-elasticsearch', text.indexOf('matchLabels'));
  const fromKey = computeDefinitions(context, keyOffset + 1);
  const labelKey = text.indexOf('name: fluentd-elasticsearch', text.indexOf('template:'));
  assert.deepEqual(
    fromKey.map((target) => target.selectionRange.start),
    [labelKey],
  );
  assert.deepEqual(selected(text, fromKey), ['name']);
  const fromValue = computeDefinitions(context, keyOffset + 'name: '.length + 2);
  assert.deepEqual(selected(text, fromValue), ['fluentd-elasticsearch']);
  assert.equal(fromValue[0]?.selectionRange.start, labelKey + 'name: '.length);
  assert.equal(fromValue[0]?.document, 0);
});

test('a selector value that the template does not carry leads nowhere', () => {
  const text = seed('daemonset-fluentd-elasticsearch.yaml').replace(
    'matchLabels:\n      name: fluentd-elasticsearch',
    'matchLabels:\n      name: other',
  );
  assert.deepEqual(computeDefinitions(editorContext(text), text.indexOf('other') + 1), []);
});

test('from a matchExpressions key to the template label', () => {
  const text = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchExpressions:
    - key: tier
      operator: Exists
  template:
    metadata:
      labels:
        tier: node
    spec:
      containers:
      - name: agent
        image: agent:1.0
`;
  assert.deepEqual(selected(text, computeDefinitions(editorContext(text), offsetOf(text, 'tier') + 1)), [
    'tier',
  ]);
});

test('from subdomain to the Service of that name', () => {
  const text = seed('job-indexed-with-headless-service.yaml');
  const context = editorContext(text);
  for (const offset of [offsetOf(text, 'subdomain') + 2, offsetOf(text, 'headless-svc', 1) + 2]) {
    const targets = computeDefinitions(context, offset);
    assert.deepEqual(selected(text, targets), ['headless-svc']);
    assert.equal(targets[0]?.document, 0);
    assert.equal(targets[0]?.selectionRange.start, offsetOf(text, 'headless-svc'));
    assert.equal(targets[0]?.range.start, 0);
  }
  const renamed = text.replace('subdomain: headless-svc', 'subdomain: missing-svc');
  assert.deepEqual(computeDefinitions(editorContext(renamed), offsetOf(renamed, 'missing-svc') + 1), []);
});

test('from a Service selector to the Job name behind the job-name label the controller adds', () => {
  const text = seed('job-indexed-with-headless-service.yaml');
  const targets = computeDefinitions(editorContext(text), offsetOf(text, 'example-job') + 2);
  assert.deepEqual(selected(text, targets), ['example-job']);
  assert.equal(targets[0]?.document, 1);
  assert.equal(targets[0]?.selectionRange.start, offsetOf(text, 'example-job', 1));
});

test('elsewhere there is no definition', () => {
  const text = seed('job-pi.yaml');
  assert.deepEqual(computeDefinitions(editorContext(text), offsetOf(text, 'backoffLimit')), []);
  assert.deepEqual(computeDefinitions(editorContext(text), text.length + 10), []);
});
