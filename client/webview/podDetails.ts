/**
 * What a pod's or Job's tooltip says, as label/value pairs, and the one-line description a screen
 * reader hears for its row. The tooltip renders these with `textContent`.
 */

import type { Timeline, TimelineJob, TimelinePod } from '../../server/src/protocol/webviewProtocol';
import { formatDuration, formatInstant } from './format';
import { t } from './i18n';
import type { TimelineRow } from './timelineModel';
import { podState } from './timelineRenderer';

/** A tooltip's content. */
export interface Details {
  readonly title: string;
  readonly subtitle: string;
  readonly fields: readonly (readonly [string, string])[];
}

const at = (timeline: Timeline, time: number): string => {
  const instant = formatInstant(timeline.start, time);
  return instant ? `${formatDuration(time)} (${instant})` : formatDuration(time);
};

/** The details of a row's pod or Job. */
export function rowDetails(timeline: Timeline, row: TimelineRow): Details {
  return row.kind === 'pod' ? podDetails(timeline, row.pod, row.backoffFrom) : jobDetails(timeline, row.job);
}

function podDetails(timeline: Timeline, pod: TimelinePod, backoffFrom: number | null): Details {
  const fields: [string, string][] = [];
  if (pod.job !== null) fields.push([t('job'), pod.job]);
  if (pod.index !== null) fields.push([t('index'), String(pod.index)]);
  fields.push([t('node'), pod.node ?? t('notScheduled')]);
  if (pod.revision !== null) fields.push([t('revision'), String(pod.revision)]);
  fields.push([t('created'), at(timeline, pod.created)]);
  if (backoffFrom !== null) fields.push([t('backoffBefore'), formatDuration(pod.created - backoffFrom)]);
  if (pod.scheduled !== null) fields.push([t('scheduled'), formatDuration(pod.scheduled)]);
  fields.push([
    t('phases'),
    pod.phases
      .map(
        (phase) =>
          `${phase.phase} ${formatDuration(phase.from)} → ${phase.to === null ? '' : formatDuration(phase.to)}`,
      )
      .join(', '),
  ]);
  pod.attempts.forEach((attempt, i) => {
    const result =
      attempt.finished === null || attempt.exitCode === null
        ? t('stillRunning')
        : t('exitResult', { code: attempt.exitCode, reason: attempt.reason ?? '' });
    fields.push([
      t('attempt', { number: i + 1 }),
      t('attemptLine', {
        container: attempt.container,
        from: formatDuration(attempt.started),
        to: attempt.finished === null ? '' : formatDuration(attempt.finished),
        result,
      }),
    ]);
  });
  if (pod.restarts > 0) fields.push([t('restarts'), String(pod.restarts)]);
  if (pod.deleted !== null) fields.push([t('deleted'), formatDuration(pod.deleted)]);
  if (pod.removed !== null) fields.push([t('removed'), formatDuration(pod.removed)]);
  if (pod.reason !== null) fields.push([t('reason'), pod.reason]);
  for (const condition of pod.conditions) {
    fields.push([
      t('conditions'),
      `${condition.type}=${condition.status}${condition.reason ? ` (${condition.reason})` : ''} ${formatDuration(condition.time)}`,
    ]);
  }
  if (pod.countedAs !== null) fields.push([t('countedAs'), pod.countedAs]);
  if (pod.failurePolicy !== null) {
    fields.push([
      t('failurePolicy'),
      t('failurePolicyRule', { action: pod.failurePolicy.action, rule: pod.failurePolicy.rule }),
    ]);
  }
  return { title: pod.name, subtitle: `${t('pod')} · ${podState(pod)}`, fields };
}

function jobDetails(timeline: Timeline, job: TimelineJob): Details {
  const fields: [string, string][] = [];
  if (job.scheduledTime !== null) fields.push([t('scheduled'), at(timeline, job.scheduledTime)]);
  fields.push([t('created'), at(timeline, job.created)]);
  if (job.finished !== null) fields.push([t('duration'), formatDuration(job.finished - job.created)]);
  if (job.reason !== null) fields.push([t('reason'), job.reason]);
  for (const condition of job.conditions) {
    fields.push([
      t('conditions'),
      `${condition.type}=${condition.status} (${condition.reason}) ${formatDuration(condition.time)}`,
    ]);
  }
  fields.push([t('podsCreated'), String(job.podsCreated)]);
  if (job.deleted !== null)
    fields.push([t('deleted'), `${formatDuration(job.deleted)} (${job.deletedBy ?? ''})`]);
  return { title: job.name, subtitle: `${t('job')} · ${job.outcome}`, fields };
}

/** The one line a screen reader hears for a row. */
export function rowAriaLabel(row: TimelineRow): string {
  if (row.kind === 'job') return `${t('jobRow', { name: row.job.name })}, ${row.job.outcome}`;
  const pod = row.pod;
  const parts = [
    t('podRowLabel', { name: pod.name, state: podState(pod), time: formatDuration(pod.created) }),
  ];
  if (row.group) parts.push(row.group);
  if (pod.restarts > 0) parts.push(`${t('restarts')} ${pod.restarts}`);
  const last = pod.attempts[pod.attempts.length - 1];
  if (last && last.exitCode !== null) parts.push(t('exit', { code: last.exitCode }));
  return parts.join(', ');
}
