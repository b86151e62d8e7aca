/**
 * The summary above the timeline: what was simulated, how it ended and why, how long it took, and
 * the counts a person asks first (pods created, succeeded, failed, retries). Plain DOM and text.
 */

import type { Timeline } from '../../server/src/protocol/webviewProtocol';
import { h, replaceChildren } from './dom';
import { formatCount, formatDuration } from './format';
import { getLocale, t } from './i18n';
import type { TimelineModel } from './timelineModel';

/** A glyph for an outcome, so that it does not rest on colour alone. */
function outcomeGlyph(outcome: string): string {
  if (outcome === 'Complete' || outcome === 'RolledOut') return '✓';
  if (outcome === 'Failed' || outcome === 'NotScheduling') return '✕';
  if (outcome === 'Suspended' || outcome === 'Idle' || outcome === 'NotManaged') return '⏸';
  return '●';
}

function outcomeClass(outcome: string): string {
  if (outcome === 'Complete' || outcome === 'RolledOut') return 'pl-outcome-ok';
  if (outcome === 'Failed' || outcome === 'NotScheduling') return 'pl-outcome-failed';
  return 'pl-outcome-other';
}

/** Renders the summary of a model into `element`. */
export function renderSummary(element: HTMLElement, model: TimelineModel, title: string): void {
  const timeline: Timeline = model.timeline;
  const summary = timeline.summary;
  const locale = getLocale();
  const count = (value: number): string => formatCount(value, locale);
  const finished = summary.finishTime;
  const stats: [string, string, string?][] = [
    [
      t('duration'),
      finished !== null
        ? t('finishedAfter', { time: formatDuration(finished) })
        : t(timeline.kind === 'CronJob' ? 'ranFor' : 'notFinished', { time: formatDuration(timeline.end) }),
    ],
    [t('podsCreated'), count(summary.podsCreated)],
    [t('succeeded'), count(summary.podsSucceeded)],
    [t('failed'), count(summary.podsFailed)],
    [
      t('retries'),
      count(model.replacements + model.restarts),
      t('retriesDetail', { replacements: model.replacements, restarts: model.restarts }),
    ],
    [
      t('peak'),
      summary.peakConcurrencyTime !== null
        ? t('peakDetail', {
            count: count(summary.peakConcurrency),
            time: formatDuration(summary.peakConcurrencyTime),
          })
        : count(summary.peakConcurrency),
    ],
  ];
  if (summary.failedPodSeconds > 0)
    stats.push([t('failedPodSeconds'), formatDuration(summary.failedPodSeconds)]);
  if (summary.podsDeleted > 0) stats.push([t('podsDeleted'), count(summary.podsDeleted)]);
  const cron = summary.cronJob;
  if (cron) {
    stats.push([
      t('jobsCreated'),
      count(cron.jobsCreated),
      t('jobsDetail', { succeeded: cron.jobsSucceeded, failed: cron.jobsFailed, deleted: cron.jobsDeleted }),
    ]);
    if (cron.runsSkipped > 0) stats.push([t('runsSkipped'), count(cron.runsSkipped)]);
  }
  const daemon = summary.daemonSet;
  if (daemon) {
    stats.push([t('desired'), count(daemon.desiredNumberScheduled)]);
    stats.push([t('available'), count(daemon.numberAvailable)]);
    stats.push([t('updated'), count(daemon.updatedNumberScheduled)]);
    stats.push([t('revision'), String(daemon.revision)]);
  }
  stats.push([t('seed'), String(timeline.seed)]);
  const ended =
    timeline.endReason === 'idle'
      ? t('endIdle', { time: formatDuration(timeline.end) })
      : timeline.endReason === 'horizon'
        ? t('endHorizon', { time: formatDuration(timeline.end) })
        : t('endTruncated', { time: formatDuration(timeline.end) });
  stats.push([t('runEnded'), ended]);

  const list = h('dl', { class: 'pl-stats' });
  for (const [label, value, detail] of stats) {
    list.append(
      h(
        'div',
        { class: 'pl-stat' },
        h('dt', {}, label),
        h(
          'dd',
          { attrs: { title: detail ?? null } },
          value,
          detail ? h('span', { class: 'pl-stat-detail' }, ` (${detail})`) : null,
        ),
      ),
    );
  }

  const children: (HTMLElement | null)[] = [
    h(
      'div',
      { class: 'pl-summary-title' },
      h('h1', { id: 'pl-title' }, title),
      h('span', { class: 'pl-kind' }, `${timeline.kind} · ${timeline.namespace}`),
    ),
    h(
      'div',
      { class: 'pl-outcome-line' },
      h(
        'span',
        {
          class: `pl-outcome ${outcomeClass(summary.outcome)}`,
          id: 'pl-outcome',
          attrs: { 'data-outcome': summary.outcome },
        },
        h('span', { attrs: { 'aria-hidden': 'true' } }, `${outcomeGlyph(summary.outcome)} `),
        summary.outcome,
      ),
      summary.reason ? h('span', { class: 'pl-reason', id: 'pl-reason' }, summary.reason) : null,
      summary.message ? h('span', { class: 'pl-message' }, summary.message) : null,
    ),
    list,
  ];
  if (timeline.truncated) {
    children.push(
      h(
        'p',
        { class: 'pl-warning', attrs: { role: 'note' } },
        t('truncatedWarning', { reason: timeline.truncationReason ?? '' }),
      ),
    );
  }
  const omitted = timeline.omitted;
  if (omitted.pods + omitted.jobs + omitted.events > 0) {
    children.push(
      h(
        'p',
        { class: 'pl-note' },
        t('omitted', { pods: omitted.pods, jobs: omitted.jobs, events: omitted.events }),
      ),
    );
  }
  if (timeline.notes.length > 0) {
    const notes = h('ul', { class: 'pl-notes' });
    for (const note of timeline.notes) notes.append(h('li', {}, note));
    children.push(h('div', { class: 'pl-notes-block' }, h('h2', {}, t('notes')), notes));
  }
  replaceChildren(element, ...children);
  element.dataset['outcome'] = summary.outcome;
}
