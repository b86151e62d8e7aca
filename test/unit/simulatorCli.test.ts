import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { runSimulateCommand, scenarioPathFor } from '../../server/src/cli/simulateCommand';
import type { Timeline } from '../../server/src/core/simulator';
import { jobManifest } from './simulatorSupport';

function withFolder(files: Record<string, string>, run: (cwd: string) => void): void {
  const cwd = mkdtempSync(join(tmpdir(), 'podline-simulate-'));
  try {
    for (const [name, text] of Object.entries(files)) writeFileSync(join(cwd, name), text);
    run(cwd);
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

const simulate = (argv: string[], cwd: string) => runSimulateCommand(argv, { env: {}, now: 0, cwd }, 'en');
const job = JSON.stringify(jobManifest({ completions: 2, parallelism: 2 }, {}, 'pi'));

test('the scenario beside a manifest is found by name', () => {
  assert.equal(scenarioPathFor('jobs/pi.yaml'), 'jobs/pi.podline-scenario.yaml');
  assert.equal(scenarioPathFor('pi.yml'), 'pi.podline-scenario.yaml');
});

test('--format json prints the timeline, using the scenario beside the manifest', () => {
  withFolder(
    { 'pi.yaml': job, 'pi.podline-scenario.yaml': 'pods: {startLatency: 0, runTime: 30s}\n' },
    (cwd) => {
      const result = simulate(['pi.yaml', '--format', 'json'], cwd);
      assert.equal(result.exitCode, 0, result.stderr);
      const timeline = JSON.parse(result.stdout) as Timeline;
      assert.equal(timeline.formatVersion, 1);
      assert.equal(timeline.kind, 'Job');
      assert.equal(timeline.jobs[0]?.finished, 30);
    },
  );
});

test('--scenario and --seed override; the same seed gives the same output', () => {
  withFolder({ 'pi.yaml': job, 'other.yaml': 'seed: 3\npods: {runTime: 5s}\n' }, (cwd) => {
    const first = simulate(['pi.yaml', '--scenario', 'other.yaml', '--format', 'json'], cwd);
    const second = simulate(['pi.yaml', '--scenario', 'other.yaml', '--format', 'json'], cwd);
    assert.equal(first.stdout, second.stdout);
    assert.equal((JSON.parse(first.stdout) as Timeline).seed, 3);
    const seeded = simulate(['pi.yaml', '--scenario', 'other.yaml', '--seed', '11', '--format', 'json'], cwd);
    assert.equal((JSON.parse(seeded.stdout) as Timeline).seed, 11);
  });
});

test('text output reads like kubectl get pods -w, then the events', () => {
  withFolder({ 'pi.yaml': job }, (cwd) => {
    const result = simulate(['pi.yaml'], cwd);
    assert.equal(result.exitCode, 0);
    const lines = result.stdout.split('\n');
    assert.match(lines[0] ?? '', /^Simulation of Job\/pi \(seed 1/);
    assert.ok(lines.some((line) => /^TIME\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE$/.test(line)));
    assert.ok(lines.some((line) => /^11s\s+pi-\w{5}\s+0\/1\s+Completed\s+0\s+11s$/.test(line)));
    assert.ok(
      lines.some((line) => /Normal\s+Completed\s+11s\s+Job\/pi\s+job-controller\s+Job completed/.test(line)),
    );
  });
});

test('--document picks the workload; a document that is not one is an error', () => {
  const text = `apiVersion: v1\nkind: Service\nmetadata: {name: s}\n---\n${job}\n`;
  withFolder({ 'two.yaml': text }, (cwd) => {
    assert.equal(simulate(['two.yaml', '--document', '1', '--format', 'json'], cwd).exitCode, 0);
    const wrong = simulate(['two.yaml', '--document', '0'], cwd);
    assert.equal(wrong.exitCode, 2);
    assert.match(wrong.stderr, /two\.yaml: Document 0 is not a Job, CronJob or DaemonSet/);
    assert.match(simulate(['two.yaml', '--document', '7'], cwd).stderr, /no document 7/);
    // Without --document, the first workload.
    assert.equal(simulate(['two.yaml'], cwd).exitCode, 0);
  });
});

test('scenario errors are printed as file:line:column and exit 2', () => {
  withFolder({ 'pi.yaml': job, 'bad.yaml': 'pods:\n  runTime: soon\n' }, (cwd) => {
    const result = simulate(['pi.yaml', '--scenario', 'bad.yaml'], cwd);
    assert.equal(result.exitCode, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^bad\.yaml:2:12: pods\.runTime: 'soon' is not a duration/);
    assert.match(result.stderr, /the scenario has 1 error\(s\)/);
  });
});

test('usage problems exit 2 with a clear message', () => {
  withFolder({ 'pi.yaml': job }, (cwd) => {
    assert.match(simulate([], cwd).stderr, /name one manifest file/);
    assert.match(simulate(['a.yaml', 'b.yaml'], cwd).stderr, /exactly one/);
    assert.match(simulate(['missing.yaml'], cwd).stderr, /cannot read 'missing\.yaml': no such file/);
    assert.match(simulate(['pi.yaml', '--scenario', 'nope.yaml'], cwd).stderr, /cannot read 'nope\.yaml'/);
    assert.match(simulate(['pi.yaml', '--seed', '-1'], cwd).stderr, /--seed must be a whole number/);
    assert.match(simulate(['pi.yaml', '--document', 'x'], cwd).stderr, /--document must be a whole number/);
    assert.match(simulate(['pi.yaml', '--format', 'yaml'], cwd).stderr, /--format must be one of text, json/);
    for (const argv of [[], ['missing.yaml'], ['pi.yaml', '--seed', 'x']])
      assert.equal(simulate(argv, cwd).exitCode, 2);
  });
});

test('a workload that cannot be simulated names the scenario line', () => {
  withFolder({ 'pi.yaml': job, 's.yaml': 'events:\n  - {at: 1s, type: changeTemplate}\n' }, (cwd) => {
    const result = simulate(['pi.yaml', '--scenario', 's.yaml'], cwd);
    assert.equal(result.exitCode, 2);
    assert.match(result.stderr, /s\.yaml:2: event 'changeTemplate' does not apply to a Job/);
  });
});

test('Chinese output with --locale zh-CN', () => {
  withFolder({ 'pi.yaml': job }, (cwd) => {
    const result = simulate(['pi.yaml', '--locale', 'zh-CN'], cwd);
    assert.match(result.stdout, /^Job\/pi 的模拟/);
  });
});
