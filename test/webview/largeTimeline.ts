/**
 * A synthetic timeline of many pods for the rendering benchmark: a work-queue Job whose pods run
 * in waves of 500 at once, with some failures and their replacements.
 */
import type { Timeline, TimelineEvent, TimelinePod } from '../../server/src/core/simulator/timeline';

/** A Job timeline with `count` pods. */
export function makeLargeTimeline(count: number): Timeline {
  const pods: TimelinePod[] = [];
  const events: TimelineEvent[] = [];
  const parallelism = 500;
  for (let i = 0; i < count; i++) {
    const wave = Math.floor(i / parallelism);
    const created = wave * 31 + (i % 7) * 0.01;
    const fails = i % 97 === 13;
    const finished = created + 1 + 30;
    const name = `bulk-${i.toString(36).padStart(5, '0')}`;
    pods.push({
      name,
      job: 'bulk',
      ordinal: i + 1,
      index: null,
      node: `worker-${(i % 20) + 1}`,
      revision: null,
      created,
      scheduled: created,
      phases: [
        { phase: 'Pending', from: created, to: created + 1 },
        { phase: 'Running', from: created + 1, to: finished },
        { phase: fails ? 'Failed' : 'Succeeded', from: finished, to: null },
      ],
      attempts: [
        {
          restart: 0,
          container: 'worker',
          started: created + 1,
          finished,
          exitCode: fails ? 1 : 0,
          reason: fails ? 'Error' : 'Completed',
        },
      ],
      restarts: 0,
      deleted: null,
      removed: null,
      reason: null,
      conditions: [],
      countedAs: fails ? 'failed' : 'succeeded',
      failurePolicy: null,
    });
    events.push({
      time: created,
      type: 'Normal',
      reason: 'SuccessfulCreate',
      object: { kind: 'Job', name: 'bulk' },
      source: 'job-controller',
      message: `Created pod: ${name}`,
    });
  }
  const end = Math.ceil(count / parallelism) * 31 + 1;
  const failed = pods.filter((pod) => pod.countedAs === 'failed').length;
  return {
    formatVersion: 1,
    kind: 'Job',
    name: 'bulk',
    namespace: 'default',
    seed: 1,
    start: '2026-01-05T00:00:00Z',
    controllerTimeZone: 'UTC',
    end,
    endReason: 'idle',
    truncated: false,
    truncationReason: null,
    truncationLimit: null,
    eventsProcessed: count * 4,
    notes: [],
    nodes: [],
    jobs: [
      {
        name: 'bulk',
        ordinal: 1,
        scheduledTime: null,
        scheduledTimestamp: null,
        created: 0,
        startTime: 0,
        completionTime: end,
        finished: end,
        deleted: null,
        deletedBy: null,
        outcome: 'Complete',
        reason: 'CompletionsReached',
        message: 'Reached expected number of succeeded pods',
        conditions: [
          {
            type: 'SuccessCriteriaMet',
            status: 'True',
            reason: 'CompletionsReached',
            message: '',
            time: end,
          },
          { type: 'Complete', status: 'True', reason: 'CompletionsReached', message: '', time: end },
        ],
        status: [],
        podsCreated: count,
      },
    ],
    pods,
    events,
    status: [],
    revisions: [],
    summary: {
      outcome: 'Complete',
      reason: 'CompletionsReached',
      message: null,
      finishTime: end,
      podsCreated: count,
      podsSucceeded: count - failed,
      podsFailed: failed,
      podsDeleted: 0,
      peakConcurrency: parallelism,
      peakConcurrencyTime: 0,
      failedPodSeconds: failed * 30,
      cronJob: null,
      daemonSet: null,
    },
    omitted: { pods: 0, jobs: 0, events: 0, status: 0 },
  };
}
