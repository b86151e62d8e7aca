import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simulateDocument } from '../../server/src/core/simulator';
import {
  conditionList,
  createdTimes,
  eventReasons,
  finishedAt,
  jobManifest,
  simulateYaml,
  theJob,
} from './simulatorSupport';
import type { Json } from './simulatorSupport';

// Every number below is derived from the Job controller's rules in docs/kubernetes-behaviour.md §3.1 and the
// timing model in docs/scenarios.md, not read off the simulator: pods start `startLatency` after
// creation and run `runTime`; a pod success triggers a sync at once, a pod failure a sync 1 s
// later (the controller's batch period); the pod-failure backoff is 10 s × 2^(n−1) from the last
// failure's finish time; a deleted pod stops after `terminationTime` (1 s by default).

const seeds = join(__dirname, '..', '..', '..', 'test', 'fixtures', 'seed-manifests');
const seed = (name: string): string => readFileSync(join(seeds, name), 'utf8');

test('completions 8, parallelism 3, 30 s pods: waves of 3, 3 and 2, complete at 90 s', () => {
  const timeline = simulateYaml(jobManifest({ completions: 8, parallelism: 3 }), {
    pods: { startLatency: 0, runTime: '30s' },
  });
  assert.deepEqual(createdTimes(timeline), [0, 0, 0, 30, 30, 30, 60, 60]);
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['SuccessCriteriaMet', 'True', 'CompletionsReached', 90],
    ['Complete', 'True', 'CompletionsReached', 90],
  ]);
  assert.equal(job.completionTime, 90);
  assert.equal(timeline.summary.peakConcurrency, 3);
  assert.equal(timeline.summary.podsSucceeded, 8);
  assert.deepEqual(eventReasons(timeline).slice(-1), ['Completed']);
  assert.equal(timeline.events.at(-1)?.message, 'Job completed');
});

test('each wave pays the start latency again: 2 s latency puts the waves at 0, 32 and 64 s, done at 96 s', () => {
  const timeline = simulateYaml(jobManifest({ completions: 8, parallelism: 3 }), {
    pods: { startLatency: '2s', runTime: '30s' },
  });
  assert.deepEqual(createdTimes(timeline), [0, 0, 0, 32, 32, 32, 64, 64]);
  assert.equal(theJob(timeline).finished, 96);
});

test('backoffLimit 4, Never, pods that always fail: 5 pods, delays 10, 20, 40, 80 s, then BackoffLimitExceeded', () => {
  const timeline = simulateYaml(jobManifest({ backoffLimit: 4 }), {
    pods: { startLatency: 0, runTime: '30s', exitCodes: [{ exitCode: 1 }] },
  });
  const created = createdTimes(timeline);
  const failed = timeline.pods.map(finishedAt) as number[];
  assert.equal(timeline.pods.length, 5);
  // Pod k+1 is created at (pod k's failure) + 10 s × 2^(k−1).
  assert.deepEqual(
    created.slice(1).map((time, k) => time - (failed[k] ?? 0)),
    [10, 20, 40, 80],
  );
  assert.deepEqual(created, [0, 40, 90, 160, 270]);
  // The 5th failure (at 300 s) is the one that exceeds the limit; its sync comes 1 s later.
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'BackoffLimitExceeded', 301],
    ['Failed', 'True', 'BackoffLimitExceeded', 301],
  ]);
  assert.equal(job.message, 'Job has reached the specified backoff limit');
  assert.deepEqual(eventReasons(timeline).slice(-1), ['BackoffLimitExceeded']);
  assert.equal(timeline.events.at(-1)?.type, 'Warning');
  assert.equal(timeline.summary.podsFailed, 5);
  assert.equal(timeline.summary.failedPodSeconds, 150);
});

test('backoffLimit 0 fails on the first failed pod; 6 (the default) on the 7th', () => {
  const zero = simulateYaml(jobManifest({ backoffLimit: 0 }), { pods: { exitCodes: [{ exitCode: 1 }] } });
  assert.equal(zero.pods.length, 1);
  assert.equal(theJob(zero).reason, 'BackoffLimitExceeded');
  const defaulted = simulateYaml(jobManifest({}), { pods: { exitCodes: [{ exitCode: 1 }] } });
  assert.equal(defaulted.pods.length, 7);
  assert.equal(theJob(defaulted).outcome, 'Failed');
});

test('the pod-failure backoff is capped at 10 minutes (current code), or at controller.jobBackoffCap', () => {
  const gaps = (scenario: Json): number[] => {
    const timeline = simulateYaml(jobManifest({ backoffLimit: 8 }), scenario);
    const failed = timeline.pods.map(finishedAt) as number[];
    return createdTimes(timeline)
      .slice(1)
      .map((time, k) => time - (failed[k] ?? 0));
  };
  const base = { startLatency: 0, runTime: '1s', exitCodes: [{ exitCode: 1 }] };
  assert.deepEqual(gaps({ pods: base }), [10, 20, 40, 80, 160, 320, 600, 600]);
  assert.deepEqual(
    gaps({ pods: base, controller: { jobBackoffCap: '6m' } }),
    [10, 20, 40, 80, 160, 320, 360, 360],
  );
});

test('a success resets the backoff: fail, succeed, fail gives two 10 s delays', () => {
  const timeline = simulateYaml(jobManifest({ completions: 2, parallelism: 1 }), {
    pods: { startLatency: 0, runTime: '5s', exitCodes: [{ exitCode: 1, pods: [1, 3] }] },
  });
  // Pod 1 fails at 5 → pod 2 at 15, succeeds at 20 → pod 3 at 20, fails at 25 → pod 4 at 35.
  assert.deepEqual(createdTimes(timeline), [0, 15, 20, 35]);
  assert.equal(theJob(timeline).finished, 40);
});

test('exit code 42 under a FailJob rule fails the Job at the first failure with PodFailurePolicy', () => {
  const timeline = simulateYaml(seed('job-pod-failure-policy-failjob.yaml'), {
    pods: { startLatency: 0, runTime: '30s', exitCodes: [{ exitCode: 42, container: 'main' }] },
  });
  const job = theJob(timeline);
  // Both pods (parallelism 2) exit 42 at 30 s; the failure sync at 31 s matches the rule at once,
  // without using backoffLimit 6, and nothing is left to terminate.
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'PodFailurePolicy', 31],
    ['Failed', 'True', 'PodFailurePolicy', 31],
  ]);
  const first = timeline.pods[0]?.name;
  assert.equal(
    job.message,
    `Container main for pod default/${first} failed with exit code 42 matching FailJob rule at index 0`,
  );
  assert.equal(timeline.pods.length, 2);
  assert.equal(job.status.at(-1)?.failed, 2);
  assert.deepEqual(
    timeline.pods.map((pod) => pod.failurePolicy),
    [
      { action: 'FailJob', rule: 0 },
      { action: 'FailJob', rule: 0 },
    ],
  );
});

test('FailJob with other pods running: FailureTarget first, Failed once they have terminated, and they count as failed', () => {
  const timeline = simulateYaml(seed('job-pod-failure-policy-failjob.yaml'), {
    pods: {
      startLatency: 0,
      runTime: '30s',
      terminationTime: '5s',
      exitCodes: [{ exitCode: 42, pods: 1, runTime: '10s' }],
    },
  });
  const job = theJob(timeline);
  // Pod 1 fails at 10 s, sync at 11 s: FailureTarget, pod 2 deleted, stops 5 s later.
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'PodFailurePolicy', 11],
    ['Failed', 'True', 'PodFailurePolicy', 16],
  ]);
  assert.equal(job.status.at(-1)?.failed, 2);
  assert.equal(timeline.pods[1]?.countedAs, 'failed');
  assert.equal(timeline.pods[1]?.attempts[0]?.exitCode, 143);
});

test('a FailJob rule on a pod condition (ConfigIssue) fails the Job with the condition message', () => {
  const timeline = simulateYaml(seed('job-pod-failure-policy-config-issue.yaml'), {
    pods: { startLatency: 0, runTime: '5s', exitCodes: [{ exitCode: 1, conditions: ['ConfigIssue'] }] },
  });
  const job = theJob(timeline);
  assert.equal(job.reason, 'PodFailurePolicy');
  assert.equal(
    job.message,
    `Pod default/${timeline.pods[0]?.name} has condition ConfigIssue matching FailJob rule at index 0`,
  );
  assert.equal(job.finished, 6);
});

test('an Ignore rule for DisruptionTarget: a drained pod is replaced, not counted, and the Job completes', () => {
  const timeline = simulateYaml(seed('job-pod-failure-policy-ignore.yaml'), {
    pods: { startLatency: '2s', runTime: '90s' },
    events: [{ at: '30s', type: 'drainNode', node: 'worker-1' }],
  });
  const evicted = timeline.pods.find((pod) => pod.node === 'worker-1');
  assert.ok(evicted);
  assert.equal(evicted.countedAs, 'ignored');
  assert.deepEqual(evicted.failurePolicy, { action: 'Ignore', rule: 0 });
  assert.equal(evicted.conditions[0]?.type, 'DisruptionTarget');
  assert.equal(evicted.conditions[0]?.reason, 'EvictionByEvictionAPI');
  // Evicted at 30 s, Failed at 31 s; the ignored failure still sets a 10 s backoff (§3.4).
  assert.equal(timeline.pods[2]?.created, 41);
  assert.equal(timeline.pods[2]?.node, 'worker-2');
  const job = theJob(timeline);
  assert.equal(job.outcome, 'Complete');
  assert.equal(job.status.at(-1)?.failed, 0);
  assert.equal(timeline.summary.podsSucceeded, 4);
});

test('without a podFailurePolicy the same drain counts against backoffLimit 0 and fails the Job', () => {
  const manifest = jobManifest({ completions: 4, parallelism: 2, backoffLimit: 0 });
  const timeline = simulateYaml(manifest, {
    pods: { startLatency: '2s', runTime: '90s' },
    events: [{ at: '30s', type: 'drainNode', node: 'worker-1' }],
  });
  const job = theJob(timeline);
  // TerminatingOrFailed: the evicted pod counts as failed as soon as its deletion starts.
  assert.equal(job.conditions[0]?.reason, 'BackoffLimitExceeded');
  assert.equal(job.conditions[0]?.time, 30);
  assert.equal(job.outcome, 'Failed');
});

test('OnFailure: restarts after 0, 10, 20, 40 s; the 4th restart reaches backoffLimit 4', () => {
  const timeline = simulateYaml(jobManifest({ backoffLimit: 4 }, { restartPolicy: 'OnFailure' }), {
    pods: { startLatency: 0, runTime: '5s', exitCodes: [{ exitCode: 1 }] },
  });
  const pod = timeline.pods[0];
  assert.ok(pod);
  assert.equal(timeline.pods.length, 1);
  assert.deepEqual(
    pod.attempts.map((attempt) => [attempt.restart, attempt.started]),
    [
      [0, 0],
      [1, 5],
      [2, 20],
      [3, 45],
      [4, 90],
    ],
  );
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'BackoffLimitExceeded', 90],
    ['Failed', 'True', 'BackoffLimitExceeded', 91],
  ]);
  // The pod was deleted when the Job failed, and the failing Job counts it.
  assert.equal(job.status.at(-1)?.failed, 1);
});

test('activeDeadlineSeconds: DeadlineExceeded at the deadline, pods terminated, Failed after their termination', () => {
  const timeline = simulateYaml(jobManifest({ completions: 4, parallelism: 2, activeDeadlineSeconds: 25 }), {
    pods: { startLatency: 0, runTime: '20s', terminationTime: '3s' },
  });
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'DeadlineExceeded', 25],
    ['Failed', 'True', 'DeadlineExceeded', 28],
  ]);
  assert.equal(job.message, 'Job was active longer than specified deadline');
  assert.deepEqual(
    { succeeded: job.status.at(-1)?.succeeded, failed: job.status.at(-1)?.failed },
    { succeeded: 2, failed: 2 },
  );
  assert.deepEqual(eventReasons(timeline).slice(-3), [
    'SuccessfulDelete',
    'SuccessfulDelete',
    'DeadlineExceeded',
  ]);
});

test('suspend deletes the active pods without counting them, resume restarts the deadline clock', () => {
  const timeline = simulateYaml(jobManifest({ completions: 4, parallelism: 2, activeDeadlineSeconds: 25 }), {
    pods: { startLatency: 0, runTime: '30s' },
    events: [
      { at: '10s', type: 'suspend' },
      { at: '1m', type: 'resume' },
    ],
  });
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['Suspended', 'True', 'JobSuspended', 10],
    ['Suspended', 'False', 'JobResumed', 60],
    ['FailureTarget', 'True', 'DeadlineExceeded', 85],
    ['Failed', 'True', 'DeadlineExceeded', 86],
  ]);
  assert.equal(job.startTime, 60);
  assert.deepEqual(createdTimes(timeline), [0, 0, 60, 60]);
  assert.equal(timeline.pods[0]?.countedAs, null);
  assert.deepEqual(
    eventReasons(timeline).filter((reason) => reason === 'Suspended' || reason === 'Resumed'),
    ['Suspended', 'Resumed'],
  );
});

test('a Job created suspended has no startTime and no pods', () => {
  const timeline = simulateYaml(jobManifest({ suspend: true }));
  const job = theJob(timeline);
  assert.equal(job.startTime, null);
  assert.equal(job.outcome, 'Suspended');
  assert.equal(timeline.pods.length, 0);
  assert.equal(timeline.summary.outcome, 'Suspended');
});

test('podReplacementPolicy: TerminatingOrFailed replaces a terminating pod (after backoff); Failed waits for it to fail', () => {
  const scenario = {
    pods: { startLatency: 0, runTime: '60s', terminationTime: '20s' },
    events: [{ at: '10s', type: 'disruptPod', pod: 1 }],
  };
  const eager = simulateYaml(jobManifest({}, { terminationGracePeriodSeconds: 30 }), scenario);
  // Counted failed at 10 s, replaced when the 10 s backoff ends: overlap with the old pod until 30 s.
  assert.deepEqual(createdTimes(eager), [0, 20]);
  const patient = simulateYaml(
    jobManifest({ podReplacementPolicy: 'Failed' }, { terminationGracePeriodSeconds: 30 }),
    scenario,
  );
  // Failed at 30 s, synced at 31 s, replaced 10 s after the finish: 40 s.
  assert.deepEqual(createdTimes(patient), [0, 40]);
  const terminating = theJob(patient).status.find((sample) => sample.time === 10);
  assert.equal(terminating?.terminating, 1);
  assert.equal(terminating?.active, 0);
});

test('backoffLimitPerIndex 1: a failing index is retried once (after its own backoff), then FailedIndexes', () => {
  const manifest = jobManifest({
    completions: 4,
    parallelism: 2,
    completionMode: 'Indexed',
    backoffLimitPerIndex: 1,
    maxFailedIndexes: 1,
  });
  const timeline = simulateYaml(manifest, {
    pods: { startLatency: 0, runTime: '10s', exitCodes: [{ exitCode: 3, indexes: 1 }] },
  });
  // At 10 s the first two pending indexes are 1 and 2 (firstPendingIndexes); 1 waits out its
  // backoff until 20 s and keeps its place, so only 2 starts (getPodCreationInfoForIndependentIndexes).
  // At 20 s index 2 finishes and 1 and 3 start.
  assert.deepEqual(
    timeline.pods.map((pod) => [pod.index, pod.created]),
    [
      [0, 0],
      [1, 0],
      [2, 10],
      [1, 20],
      [3, 20],
    ],
  );
  assert.match(timeline.pods[3]?.name ?? '', /^job-1-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  const job = theJob(timeline);
  // At 30 s index 1 fails for good as index 3 succeeds; the success is synced at once (only a
  // failure waits for the batch period), and that sync sees both.
  assert.deepEqual(conditionList(job), [
    ['FailureTarget', 'True', 'FailedIndexes', 30],
    ['Failed', 'True', 'FailedIndexes', 30],
  ]);
  assert.equal(job.status.at(-1)?.completedIndexes, '0,2,3');
  assert.equal(job.status.at(-1)?.failedIndexes, '1');
});

test('maxFailedIndexes 0: the first failed index fails the Job with MaxFailedIndexesExceeded', () => {
  const manifest = jobManifest({
    completions: 4,
    parallelism: 4,
    completionMode: 'Indexed',
    backoffLimitPerIndex: 0,
    maxFailedIndexes: 0,
  });
  const timeline = simulateYaml(manifest, {
    pods: { startLatency: 0, runTime: '30s', exitCodes: [{ exitCode: 1, indexes: 2, runTime: '5s' }] },
  });
  const job = theJob(timeline);
  assert.equal(job.conditions[0]?.reason, 'MaxFailedIndexesExceeded');
  assert.equal(job.conditions[0]?.time, 6);
  assert.equal(job.message, 'Job has exceeded the specified maximal number of failed indexes');
  // The other three pods are deleted at 6 s and stop 1 s later.
  assert.equal(job.finished, 7);
});

test('a FailIndex rule marks the index failed at once, without retries', () => {
  const manifest = jobManifest({
    completions: 3,
    parallelism: 3,
    completionMode: 'Indexed',
    backoffLimitPerIndex: 5,
    podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [7] } }] },
  });
  const timeline = simulateYaml(manifest, {
    pods: { startLatency: 0, runTime: '10s', exitCodes: [{ exitCode: 7, indexes: 0 }] },
  });
  assert.equal(timeline.pods.length, 3);
  const job = theJob(timeline);
  assert.equal(job.reason, 'FailedIndexes');
  assert.equal(job.status.at(-1)?.failedIndexes, '0');
  assert.equal(job.status.at(-1)?.completedIndexes, '1,2');
});

test('successPolicy: SuccessCriteriaMet when index 0 succeeds; the rest are deleted, not failed, then Complete', () => {
  const manifest = jobManifest({
    completions: 5,
    parallelism: 5,
    completionMode: 'Indexed',
    successPolicy: { rules: [{ succeededIndexes: '0' }] },
  });
  const timeline = simulateYaml(manifest, {
    pods: { startLatency: 0, runTime: '60s', exitCodes: [{ exitCode: 0, indexes: 0, runTime: '10s' }] },
  });
  const job = theJob(timeline);
  assert.deepEqual(conditionList(job), [
    ['SuccessCriteriaMet', 'True', 'SuccessPolicy', 10],
    ['Complete', 'True', 'SuccessPolicy', 11],
  ]);
  assert.equal(job.message, 'Matched rules at index 0');
  assert.equal(job.status.at(-1)?.failed, 0);
  assert.equal(job.status.at(-1)?.succeeded, 1);
});

test('successPolicy succeededCount: two of the listed indexes are enough', () => {
  const manifest = jobManifest({
    completions: 6,
    parallelism: 6,
    completionMode: 'Indexed',
    successPolicy: { rules: [{ succeededIndexes: '1-3', succeededCount: 2 }] },
  });
  const timeline = simulateYaml(manifest, {
    pods: {
      startLatency: 0,
      runTime: '60s',
      exitCodes: [
        { exitCode: 0, indexes: 2, runTime: '10s' },
        { exitCode: 0, indexes: 3, runTime: '20s' },
      ],
    },
  });
  assert.equal(theJob(timeline).conditions[0]?.time, 20);
  assert.equal(theJob(timeline).conditions[0]?.reason, 'SuccessPolicy');
});

test('work queue (no completions): no new pods after the first success; complete when all have ended', () => {
  const timeline = simulateYaml(jobManifest({ parallelism: 3 }), {
    pods: {
      startLatency: 0,
      exitCodes: [
        { exitCode: 0, pods: 1, runTime: '10s' },
        { exitCode: 0, pods: 2, runTime: '20s' },
        { exitCode: 0, pods: 3, runTime: '30s' },
      ],
    },
  });
  assert.equal(timeline.pods.length, 3);
  assert.equal(theJob(timeline).finished, 30);
  assert.equal(theJob(timeline).status.at(-1)?.succeeded, 3);
});

test('Indexed pods get the lowest pending indexes and <job>-<index>- names', () => {
  const timeline = simulateYaml(
    jobManifest({ completions: 5, parallelism: 3, completionMode: 'Indexed' }, {}, 'indexed-job'),
    {
      pods: { startLatency: 0, runTime: '10s' },
    },
  );
  assert.deepEqual(
    timeline.pods.map((pod) => [pod.index, pod.created]),
    [
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 10],
      [4, 10],
    ],
  );
  for (const pod of timeline.pods) assert.ok(pod.name.startsWith(`indexed-job-${pod.index}-`));
  assert.equal(theJob(timeline).status.at(-1)?.completedIndexes, '0-4');
});

test('ttlSecondsAfterFinished deletes the Job and its pods that long after it finished', () => {
  const timeline = simulateYaml(jobManifest({ ttlSecondsAfterFinished: 100 }), {
    pods: { startLatency: 0, runTime: '10s' },
  });
  const job = theJob(timeline);
  assert.equal(job.finished, 10);
  assert.equal(job.deleted, 110);
  assert.equal(job.deletedBy, 'ttlAfterFinished');
  assert.equal(timeline.pods[0]?.removed, 110);
  assert.equal(timeline.end, 110);
});

test('the pod template activeDeadlineSeconds fails the pod with DeadlineExceeded', () => {
  const timeline = simulateYaml(jobManifest({ backoffLimit: 0 }, { activeDeadlineSeconds: 15 }), {
    pods: { startLatency: '1s', runTime: '60s' },
  });
  const pod = timeline.pods[0];
  assert.equal(pod?.reason, 'DeadlineExceeded');
  assert.equal(finishedAt(pod as never), 15);
  assert.equal(pod?.attempts[0]?.exitCode, 137);
  assert.equal(theJob(timeline).reason, 'BackoffLimitExceeded');
});

test('status counters: active, ready and succeeded over time', () => {
  const timeline = simulateYaml(jobManifest({ completions: 2, parallelism: 2 }), {
    pods: { startLatency: '2s', runTime: '10s' },
  });
  const samples = theJob(timeline).status.map((s) => [s.time, s.active, s.ready, s.succeeded]);
  assert.deepEqual(samples, [
    [0, 2, 0, 0],
    [2, 2, 1, 0],
    [2, 2, 2, 0],
    [12, 0, 0, 2],
  ]);
});

test('completions 0 completes at once; parallelism 0 never starts', () => {
  const none = simulateYaml(jobManifest({ completions: 0 }));
  assert.equal(theJob(none).finished, 0);
  assert.equal(none.pods.length, 0);
  const paused = simulateYaml(jobManifest({ completions: 3, parallelism: 0 }));
  assert.equal(theJob(paused).outcome, 'Running');
  assert.equal(paused.pods.length, 0);
  assert.equal(paused.endReason, 'idle');
});

test('a Job managed by another controller is left alone', () => {
  const timeline = simulateYaml(jobManifest({ managedBy: 'example.com/other' }));
  assert.equal(timeline.summary.outcome, 'NotManaged');
  assert.equal(timeline.pods.length, 0);
  assert.equal(timeline.notes.length, 1);
});

test('pods that no node accepts stay Pending; a node added later takes them', () => {
  const timeline = simulateYaml(jobManifest({}, { nodeSelector: { disktype: 'ssd' } }), {
    pods: { startLatency: 0, runTime: '10s' },
    events: [{ at: '1m', type: 'addNode', node: { name: 'fast', labels: { disktype: 'ssd' } } }],
  });
  const pod = timeline.pods[0];
  assert.equal(pod?.scheduled, 60);
  assert.equal(pod?.node, 'fast');
  assert.equal(theJob(timeline).finished, 70);
});

test('a Job whose template says restartPolicy Always (or nothing) is not simulated', () => {
  const manifest = JSON.stringify(jobManifest({}, { restartPolicy: 'Always' }));
  const result = simulateDocument(manifest);
  assert.equal(result.ok, false);
  assert.equal(result.ok ? '' : result.error.kind, 'workload');
});
