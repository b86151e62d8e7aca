import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyzeDocument } from '../../server/src/core/analysis/analyzeDocument';
import { defaultSettings } from '../../server/src/core/settings';
import { supportedKubernetesVersions } from '../../server/src/core/schema/kubernetesVersions';

const folder = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'kubernetes-docs');

// The Job, CronJob and DaemonSet examples of the Kubernetes documentation (kubernetes/website
// content/en/examples/controllers and the task pages), which the API server accepts.
for (const file of readdirSync(folder).filter((name) => name.endsWith('.yaml'))) {
  test(`the documentation example ${file} has no errors`, () => {
    const text = readFileSync(join(folder, file), 'utf8');
    const result = analyzeDocument(text, defaultSettings);
    assert.equal(result.workloads.length, 1, 'one workload');
    const errors = result.findings.filter((finding) => finding.severity === 'error');
    assert.deepEqual(
      errors.map((finding) => `${finding.code} ${finding.path ?? ''}: ${finding.message}`),
      [],
    );
  });
}

test('the documentation examples that use only long-standing fields are valid in every supported version', () => {
  for (const file of ['job.yaml', 'cronjob.yaml', 'daemonset.yaml', 'indexed-job.yaml']) {
    const text = readFileSync(join(folder, file), 'utf8');
    for (const kubernetesVersion of supportedKubernetesVersions) {
      const errors = analyzeDocument(text, { ...defaultSettings, kubernetesVersion }).findings.filter(
        (finding) => finding.severity === 'error',
      );
      assert.deepEqual(errors, [], `${file} for Kubernetes ${kubernetesVersion}`);
    }
  }
});
