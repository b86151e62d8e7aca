import assert from 'node:assert/strict';
import { simulateDocument } from '../../server/src/core/simulator';
import type { Timeline, TimelineJob, TimelinePod } from '../../server/src/core/simulator';

/** A JSON value, written into manifests and scenarios (YAML is a superset of JSON). */
export type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json };

/** Simulates a manifest (text or object) with a scenario (text or object); fails the test on errors. */
export function simulateYaml(manifest: string | Json, scenario: string | Json = ''): Timeline {
  const text = typeof manifest === 'string' ? manifest : JSON.stringify(manifest);
  const scenarioText = typeof scenario === 'string' ? scenario : JSON.stringify(scenario);
  const result = simulateDocument(text, { scenarioText });
  assert.ok(result.ok, `simulation failed: ${JSON.stringify(result.ok ? null : result.error)}`);
  return result.timeline;
}

/** A Job manifest: `spec` fields, and pod `template.spec` fields (restartPolicy Never by default). */
export function jobManifest(
  spec: { readonly [key: string]: Json },
  podSpec: { readonly [key: string]: Json } = {},
  name = 'job',
): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name },
    spec: {
      ...spec,
      template: {
        spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }], ...podSpec },
      },
    },
  };
}

/** A CronJob manifest: `spec` fields, and Job spec fields for the jobTemplate. */
export function cronJobManifest(
  spec: { readonly [key: string]: Json },
  jobSpec: { readonly [key: string]: Json } = {},
  name = 'cron',
): Json {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name },
    spec: {
      ...spec,
      jobTemplate: {
        spec: {
          ...jobSpec,
          template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }] } },
        },
      },
    },
  };
}

/** A DaemonSet manifest: `spec` fields and pod `template.spec` fields. */
export function daemonSetManifest(
  spec: { readonly [key: string]: Json },
  podSpec: { readonly [key: string]: Json } = {},
  name = 'ds',
): Json {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      ...spec,
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: 'busybox' }], ...podSpec },
      },
    },
  };
}

/** The only Job of a Job timeline. */
export function theJob(timeline: Timeline): TimelineJob {
  assert.equal(timeline.jobs.length, 1);
  return timeline.jobs[0] as TimelineJob;
}

/** `[type, status, reason, time]` of each condition transition. */
export function conditionList(job: TimelineJob): [string, string, string, number][] {
  return job.conditions.map((c) => [c.type, c.status, c.reason, c.time]);
}

/** The creation times of the pods, in creation order. */
export function createdTimes(timeline: Timeline): number[] {
  return timeline.pods.map((pod) => pod.created);
}

/** The reasons of the events, in order, optionally only for one object kind. */
export function eventReasons(timeline: Timeline, kind?: string): string[] {
  return timeline.events
    .filter((event) => kind === undefined || event.object.kind === kind)
    .map((event) => event.reason);
}

/** The time a pod reached its final phase (Succeeded or Failed), or null. */
export function finishedAt(pod: TimelinePod): number | null {
  const last = pod.phases[pod.phases.length - 1];
  return last && (last.phase === 'Succeeded' || last.phase === 'Failed') ? last.from : null;
}
