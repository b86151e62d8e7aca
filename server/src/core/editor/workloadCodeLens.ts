/**
 * A code lens above each workload: a one-line summary of what it will do ("Job · 8 completions, 3
 * at a time · up to 4 retries · gives up within 10 min") and "▶ Simulate", which the client turns
 * into the simulation panel for that document.
 */

import { summarizeRetries } from '../explain/explainBackoff';
import { summarizeCompletions } from '../explain/explainCompletions';
import { readCronJobSettings } from '../explain/explainCronJob';
import { computeRolloutBatch, summarizeRollout } from '../explain/explainDaemonSet';
import { formatDuration, formatList } from '../explain/explainFormat';
import { readJobSettings } from '../explain/jobSettings';
import type { JobSettings } from '../explain/jobSettings';
import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { workloadRefs } from '../workload/workloadRefs';
import type { Workload } from '../workload/recognizeWorkload';
import type { CodeLensItem, CodeLensProvider } from './editorFeature';

/** This module's workloadLensMessages, in English and Simplified Chinese. */
export const workloadLensMessages = defineCatalog(
  {
    separator: ' · ',
    single: '1 pod',
    fixed: '{completions} completions, {atOnce} at a time',
    fixedAllAtOnce: '{completions} completions, all at once',
    workQueue: 'work queue, {parallelism} at a time',
    indexed: 'Indexed {first}–{last}, {atOnce} at a time',
    indexedOne: 'Indexed 0',
    noCompletions: 'completes at once (0 completions)',
    paused: 'paused (parallelism 0)',
    retries: 'up to {count} retries',
    oneRetry: 'up to 1 retry',
    noRetries: 'no retries',
    restarts: 'fails at {count} restarts',
    firstRestart: 'fails at the first restart',
    unlimited: 'no overall retry limit',
    perIndex: '{count} retries per index',
    invalidRestartPolicy: 'restartPolicy must be OnFailure or Never',
    deadline: 'gives up within {duration}',
    suspended: 'suspended',
    allow: 'runs may overlap',
    forbid: 'skips runs while one is active',
    replace: 'each run replaces the last',
    startingDeadline: 'skips runs late by over {duration}',
    history: 'keeps {succeeded} succeeded, {failed} failed',
    eachJob: 'each Job: {job}',
    daemonNodes: 'one pod per matching node',
    rollingInt: 'updates {count} node{s} at a time',
    rollingPercent: 'updates {percent}% of nodes at a time (rounded up: {examples})',
    surgeInt: 'surges {count} node{s} at a time',
    surgePercent: 'surges {percent}% of nodes at a time (rounded up: {examples})',
    example: '{atOnce} of {nodes}',
    onDelete: 'updates pods only when they are deleted',
    invalidStrategy: 'invalid updateStrategy',
    simulate: '▶ Simulate',
  },
  {
    separator: ' · ',
    single: '1 个 Pod',
    fixed: '{completions} 个完成数，每次 {atOnce} 个',
    fixedAllAtOnce: '{completions} 个完成数，全部同时运行',
    workQueue: '工作队列，每次 {parallelism} 个',
    indexed: 'Indexed {first}–{last}，每次 {atOnce} 个',
    indexedOne: 'Indexed 0',
    noCompletions: '立即完成（completions 为 0）',
    paused: '已暂停（parallelism 为 0）',
    retries: '最多重试 {count} 次',
    oneRetry: '最多重试 1 次',
    noRetries: '不重试',
    restarts: '重启 {count} 次即失败',
    firstRestart: '第一次重启即失败',
    unlimited: '没有整体重试上限',
    perIndex: '每个索引重试 {count} 次',
    invalidRestartPolicy: 'restartPolicy 必须为 OnFailure 或 Never',
    deadline: '{duration}内放弃',
    suspended: '已挂起',
    allow: '运行可能重叠',
    forbid: '有 Job 运行时跳过',
    replace: '每次运行替换上一次',
    startingDeadline: '迟到超过 {duration}则跳过',
    history: '保留 {succeeded} 个成功、{failed} 个失败',
    eachJob: '每个 Job：{job}',
    daemonNodes: '每个匹配的节点一个 Pod',
    rollingInt: '每次更新 {count} 个节点',
    rollingPercent: '每次更新 {percent}% 的节点（向上取整：{examples}）',
    surgeInt: '每次超额更新 {count} 个节点',
    surgePercent: '每次超额更新 {percent}% 的节点（向上取整：{examples}）',
    example: '{nodes} 个中 {atOnce} 个',
    onDelete: '仅在删除 Pod 时更新',
    invalidStrategy: 'updateStrategy 无效',
    simulate: '▶ 模拟',
  },
);

type Key = keyof (typeof workloadLensMessages)['en'];
type Say = (key: Key, args?: MessageArgs) => string;

/** The Job part of a summary: completions, retries, deadline, suspension. */
function summarizeJob(job: JobSettings, say: Say, locale: Locale): string[] {
  const parts: string[] = [];
  const plan = summarizeCompletions(job);
  switch (plan.mode) {
    case 'single':
      parts.push(say('single'));
      break;
    case 'fixed':
      parts.push(
        plan.atOnce === plan.completions
          ? say('fixedAllAtOnce', { completions: plan.completions })
          : say('fixed', { completions: plan.completions ?? 0, atOnce: plan.atOnce }),
      );
      break;
    case 'workQueue':
      parts.push(say('workQueue', { parallelism: plan.parallelism }));
      break;
    case 'indexed':
      parts.push(
        plan.completions === 1
          ? say('indexedOne')
          : say('indexed', { first: 0, last: (plan.completions ?? 1) - 1, atOnce: plan.atOnce }),
      );
      break;
    case 'noCompletions':
      parts.push(say('noCompletions'));
      break;
    case 'paused':
      parts.push(say('paused'));
      break;
  }
  const retries = summarizeRetries(job);
  switch (retries.kind) {
    case 'pods':
      parts.push(
        retries.count === 0
          ? say('noRetries')
          : retries.count === 1
            ? say('oneRetry')
            : say('retries', { count: retries.count }),
      );
      break;
    case 'restarts':
      parts.push(
        job.backoffLimit.value <= 1 ? say('firstRestart') : say('restarts', { count: retries.count }),
      );
      break;
    case 'unlimited':
      parts.push(
        job.backoffLimitPerIndex !== undefined
          ? say('perIndex', { count: job.backoffLimitPerIndex })
          : say('unlimited'),
      );
      break;
    case 'none':
      parts.push(say('invalidRestartPolicy'));
      break;
  }
  if (job.activeDeadlineSeconds !== undefined)
    parts.push(say('deadline', { duration: formatDuration(job.activeDeadlineSeconds, locale) }));
  if (job.suspend.value) parts.push(say('suspended'));
  return parts;
}

/** The one-line summary of a workload, as the code lens shows it. */
export function summarizeWorkload(workload: Workload, locale: Locale): string {
  const say: Say = (key, args) => formatMessage(workloadLensMessages, locale, key, args);
  const refs = workloadRefs(workload);
  const parts: string[] = [workload.kind];
  if (workload.kind === 'Job') {
    const job = readJobSettings(workload, refs);
    if (job) parts.push(...summarizeJob(job, say, locale));
  } else if (workload.kind === 'CronJob') {
    const settings = readCronJobSettings(workload);
    if (settings.suspend) parts.push(say('suspended'));
    const policy = settings.concurrencyPolicy;
    if (policy === 'Allow') parts.push(say('allow'));
    else if (policy === 'Forbid') parts.push(say('forbid'));
    else if (policy === 'Replace') parts.push(say('replace'));
    if (settings.startingDeadlineSeconds !== undefined)
      parts.push(
        say('startingDeadline', { duration: formatDuration(settings.startingDeadlineSeconds, locale) }),
      );
    parts.push(
      say('history', {
        succeeded: settings.successfulJobsHistoryLimit,
        failed: settings.failedJobsHistoryLimit,
      }),
    );
    const job = readJobSettings(workload, refs);
    if (job) parts.push(say('eachJob', { job: summarizeJob(job, say, locale).join(say('separator')) }));
  } else {
    parts.push(say('daemonNodes'));
    const { strategy, valid } = summarizeRollout(workload);
    if (strategy.type === 'OnDelete') parts.push(say('onDelete'));
    else if (strategy.type !== 'RollingUpdate' || !valid) parts.push(say('invalidStrategy'));
    else {
      const surge = strategy.maxSurge.kind !== 'invalid' && strategy.maxSurge.value > 0;
      const value = surge ? strategy.maxSurge : strategy.maxUnavailable;
      if (value.kind === 'percent') {
        const examples = formatList(
          [10, 100].map((nodes) =>
            say('example', { nodes, atOnce: computeRolloutBatch(strategy, nodes).atOnce }),
          ),
          locale,
        );
        parts.push(say(surge ? 'surgePercent' : 'rollingPercent', { percent: value.value, examples }));
      } else if (value.kind === 'int') {
        parts.push(
          say(surge ? 'surgeInt' : 'rollingInt', { count: value.value, s: value.value === 1 ? '' : 's' }),
        );
      }
    }
  }
  return parts.join(say('separator'));
}

/** The code lens provider: a summary and "▶ Simulate" above each workload. */
export const workloadCodeLens: CodeLensProvider = (context): CodeLensItem[] => {
  const say: Say = (key, args) => formatMessage(workloadLensMessages, context.locale, key, args);
  return context.analysis.workloads.flatMap((workload) => {
    const start = workload.root.range.start;
    const range = { start, end: start };
    return [
      { range, title: summarizeWorkload(workload, context.locale) },
      {
        range,
        title: say('simulate'),
        command: { name: 'simulate', arguments: [{ document: workload.document.index }] },
      },
    ];
  });
};
