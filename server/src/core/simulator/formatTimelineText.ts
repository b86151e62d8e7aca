/**
 * Renders a timeline as text: the pods as `kubectl get pods -w` would have printed them (with the
 * virtual time in front), then the events as `kubectl describe` lists them, then a summary.
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { formatSpan } from './durations';
import type { Timeline, TimelinePod } from './timeline';

const messages = defineCatalog(
  {
    header: 'Simulation of {kind}/{name} (seed {seed}, start {start}, controller zone {zone})',
    jobsHeader: 'Jobs:',
    nodesHeader: 'Nodes:',
    eventsHeader: 'Events ({count}):',
    noEvents: 'Events: <none>',
    outcome: 'Outcome: {outcome}',
    outcomeReason: 'Outcome: {outcome} ({reason}) at {time}: {message}',
    outcomeAt: 'Outcome: {outcome} at {time}',
    pods: 'Pods: {created} created, {succeeded} succeeded, {failed} failed, {deleted} deleted; at most {peak} at once; {failedSeconds}s spent on failed runs',
    cronTotals:
      'Jobs: {created} created, {succeeded} complete, {failed} failed, {deleted} deleted; {skipped} runs skipped (Forbid), {tooMany} TooManyMissedTimes',
    daemonTotals: 'DaemonSet: {available}/{desired} available, {updated} updated, revision {revision}',
    conditions: 'Conditions:',
    ended: 'The run ended at {time} ({reason}).',
    truncated: 'TRUNCATED: {reason}',
    notes: 'Notes:',
    runs: 'runs here',
    blocked: 'no pod: {reasons}',
    keepsRunning: '(a pod already there would keep running)',
    podsOmitted: '... and {count} more pods not listed',
  },
  {
    header: '{kind}/{name} 的模拟（种子 {seed}，开始于 {start}，控制器时区 {zone}）',
    jobsHeader: 'Job：',
    nodesHeader: '节点：',
    eventsHeader: '事件（{count} 个）：',
    noEvents: '事件：<无>',
    outcome: '结果：{outcome}',
    outcomeReason: '结果：{outcome}（{reason}），时间 {time}：{message}',
    outcomeAt: '结果：{outcome}，时间 {time}',
    pods: 'Pod：创建 {created} 个，成功 {succeeded} 个，失败 {failed} 个，删除 {deleted} 个；同时最多 {peak} 个；失败的运行共耗时 {failedSeconds} 秒',
    cronTotals:
      'Job：创建 {created} 个，完成 {complete} 个，失败 {failed} 个，删除 {deleted} 个；跳过 {skipped} 次运行（Forbid），{tooMany} 次 TooManyMissedTimes',
    daemonTotals: 'DaemonSet：{available}/{desired} 可用，{updated} 已更新，修订版本 {revision}',
    conditions: '状况：',
    ended: '运行在 {time} 结束（{reason}）。',
    truncated: '已截断：{reason}',
    notes: '说明：',
    runs: '在此运行',
    blocked: '无 Pod：{reasons}',
    keepsRunning: '（已在该节点上的 Pod 会继续运行）',
    podsOmitted: '……另有 {count} 个 Pod 未列出',
  },
);

function time(seconds: number): string {
  return formatSpan(Math.round(seconds * 1000));
}

function table(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd((widths[i] ?? 0) + 3)))
      .join('')
      .trimEnd(),
  );
}

interface WatchLine {
  readonly time: number;
  readonly order: number;
  readonly seq: number;
  readonly cells: string[];
}

/** The `kubectl get pods -w` lines of one pod. */
function watchLines(pod: TimelinePod, order: number): WatchLine[] {
  const lines: WatchLine[] = [];
  let seq = 0;
  const add = (at: number, ready: boolean, status: string, restarts: number): void => {
    lines.push({
      time: at,
      order,
      seq: seq++,
      cells: [time(at), pod.name, ready ? '1/1' : '0/1', status, String(restarts), time(at - pod.created)],
    });
  };
  add(pod.created, false, 'Pending', 0);
  if (pod.scheduled !== null) add(pod.scheduled, false, 'ContainerCreating', 0);
  pod.attempts.forEach((attempt, i) => {
    add(attempt.started, true, 'Running', attempt.restart);
    if (attempt.finished === null) return;
    const killed = pod.deleted !== null && attempt.finished >= pod.deleted;
    if (killed) return;
    if (pod.reason === 'DeadlineExceeded' && i === pod.attempts.length - 1) {
      add(attempt.finished, false, 'DeadlineExceeded', attempt.restart);
      return;
    }
    add(attempt.finished, false, attempt.exitCode === 0 ? 'Completed' : 'Error', attempt.restart);
    const next = pod.attempts[i + 1];
    if (next && next.started > attempt.finished)
      add(attempt.finished, false, 'CrashLoopBackOff', attempt.restart);
  });
  if (
    pod.deleted !== null &&
    (pod.removed === null || pod.removed > pod.deleted || pod.attempts.length > 0)
  ) {
    const lastFinished = pod.attempts[pod.attempts.length - 1]?.finished ?? null;
    const terminalBefore = lastFinished !== null && lastFinished < pod.deleted;
    if (!terminalBefore) add(pod.deleted, false, 'Terminating', pod.restarts);
  }
  return lines;
}

/** Formats a timeline for a terminal. */
export function formatTimelineText(timeline: Timeline, locale: Locale = 'en'): string {
  const say = (key: keyof (typeof messages)['en'], args?: MessageArgs): string =>
    formatMessage(messages, locale, key, args);
  const out: string[] = [
    say('header', {
      kind: timeline.kind,
      name: timeline.name,
      seed: timeline.seed,
      start: timeline.start,
      zone: timeline.controllerTimeZone,
    }),
    '',
  ];

  if (timeline.kind === 'CronJob' && timeline.jobs.length > 0) {
    out.push(say('jobsHeader'));
    const rows = [['NAME', 'SCHEDULED', 'CREATED', 'FINISHED', 'OUTCOME', 'PODS']];
    for (const job of timeline.jobs) {
      rows.push([
        job.name,
        job.scheduledTimestamp ?? '-',
        time(job.created),
        job.finished === null ? '-' : time(job.finished),
        job.reason === null ? job.outcome : `${job.outcome} (${job.reason})`,
        String(job.podsCreated),
      ]);
    }
    out.push(...table(rows).map((line) => `  ${line}`), '');
  }

  if (timeline.kind === 'DaemonSet') {
    out.push(say('nodesHeader'));
    const rows = [['NAME', 'TAINTS', 'DAEMON POD']];
    for (const node of timeline.nodes) {
      if (node.removed !== null || node.daemonSet === null) continue;
      const verdict = node.daemonSet;
      const reasons = verdict.blockedBy.map((block) => `${block.kind} ${block.detail}`).join('; ');
      rows.push([
        node.name,
        node.taints.join(',') || '<none>',
        verdict.shouldRun
          ? say('runs')
          : `${say('blocked', { reasons })}${verdict.shouldContinueRunning ? ` ${say('keepsRunning')}` : ''}`,
      ]);
    }
    out.push(...table(rows).map((line) => `  ${line}`), '');
  }

  const watch = timeline.pods.flatMap((pod, i) => watchLines(pod, i));
  watch.sort((a, b) => a.time - b.time || a.order - b.order || a.seq - b.seq);
  if (watch.length > 0) {
    out.push(
      ...table([['TIME', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'], ...watch.map((line) => line.cells)]),
    );
  }
  if (timeline.omitted.pods > 0) out.push(say('podsOmitted', { count: timeline.omitted.pods }));
  out.push('');

  if (timeline.events.length === 0) out.push(say('noEvents'));
  else {
    out.push(say('eventsHeader', { count: timeline.events.length + timeline.omitted.events }));
    const rows = [
      ['Type', 'Reason', 'At', 'Object', 'From', 'Message'],
      ['----', '------', '--', '------', '----', '-------'],
      ...timeline.events.map((event) => [
        event.type,
        event.reason,
        time(event.time),
        `${event.object.kind}/${event.object.name}`,
        event.source,
        event.message,
      ]),
    ];
    out.push(...table(rows).map((line) => `  ${line}`));
  }
  out.push('');

  const conditionJobs = timeline.kind === 'Job' ? timeline.jobs : [];
  for (const job of conditionJobs) {
    if (job.conditions.length === 0) continue;
    out.push(say('conditions'));
    for (const condition of job.conditions) {
      out.push(
        `  ${time(condition.time)}  ${condition.type}=${condition.status}  ${condition.reason}: ${condition.message}`,
      );
    }
  }

  const summary = timeline.summary;
  if (summary.finishTime !== null && summary.reason !== null && summary.message !== null) {
    out.push(
      say('outcomeReason', {
        outcome: summary.outcome,
        reason: summary.reason,
        time: time(summary.finishTime),
        message: summary.message,
      }),
    );
  } else if (summary.finishTime !== null) {
    out.push(say('outcomeAt', { outcome: summary.outcome, time: time(summary.finishTime) }));
  } else {
    out.push(
      say('outcome', {
        outcome: summary.reason ? `${summary.outcome} (${summary.reason})` : summary.outcome,
      }),
    );
  }
  out.push(
    say('pods', {
      created: summary.podsCreated,
      succeeded: summary.podsSucceeded,
      failed: summary.podsFailed,
      deleted: summary.podsDeleted,
      peak: summary.peakConcurrency,
      failedSeconds: summary.failedPodSeconds,
    }),
  );
  if (summary.cronJob) {
    out.push(
      say('cronTotals', {
        created: summary.cronJob.jobsCreated,
        succeeded: summary.cronJob.jobsSucceeded,
        complete: summary.cronJob.jobsSucceeded,
        failed: summary.cronJob.jobsFailed,
        deleted: summary.cronJob.jobsDeleted,
        skipped: summary.cronJob.runsSkipped,
        tooMany: summary.cronJob.tooManyMissed,
      }),
    );
  }
  if (summary.daemonSet) {
    out.push(
      say('daemonTotals', {
        available: summary.daemonSet.numberAvailable,
        desired: summary.daemonSet.desiredNumberScheduled,
        updated: summary.daemonSet.updatedNumberScheduled,
        revision: summary.daemonSet.revision,
      }),
    );
  }
  out.push(say('ended', { time: time(timeline.end), reason: timeline.endReason }));
  if (timeline.truncated && timeline.truncationReason)
    out.push(say('truncated', { reason: timeline.truncationReason }));
  if (timeline.notes.length > 0) {
    out.push(say('notes'));
    for (const note of timeline.notes) out.push(`  - ${note}`);
  }
  return `${out.join('\n')}\n`;
}
