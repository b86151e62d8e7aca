/**
 * What completions, parallelism and completionMode make a Job do: single pod, fixed completion
 * count, work queue or Indexed; how many pods run at once and in how many waves; what success means
 * (kubernetes-behaviour §2.1 defaults, §3.1 "Target number of active pods", "Normal success", Indexed pods).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { field, stringValue } from '../yaml/fieldRef';
import { code } from './explainFormat';
import type { JobSettings } from './jobSettings';
import { isIndexed } from './jobSettings';

/** The ways a Job's completions and parallelism combine. */
export type CompletionModeKind = 'single' | 'fixed' | 'workQueue' | 'indexed' | 'noCompletions' | 'paused';

/** How a Job's pods run, in numbers. */
export interface CompletionPlan {
  readonly mode: CompletionModeKind;
  readonly completions: number | null;
  readonly parallelism: number;
  /** Pods running at once at the start: min(parallelism, completions), or parallelism for a work queue. */
  readonly atOnce: number;
  /** When pods take equal time and none fails: ceil(completions / atOnce) waves. 0 for a work queue. */
  readonly waveCount: number;
  /** The size of the last wave (the others have `atOnce` pods). */
  readonly lastWaveSize: number;
}

/** Works out the mode, the pods at once and the waves of a Job (defaults already applied). */
export function computeCompletionPlan(input: {
  readonly completions: number | null;
  readonly parallelism: number;
  readonly indexed: boolean;
}): CompletionPlan {
  const { completions, parallelism, indexed } = input;
  const base = { completions, parallelism };
  if (parallelism <= 0) return { ...base, mode: 'paused', atOnce: 0, waveCount: 0, lastWaveSize: 0 };
  if (completions === null)
    return { ...base, mode: 'workQueue', atOnce: parallelism, waveCount: 0, lastWaveSize: 0 };
  if (completions <= 0) return { ...base, mode: 'noCompletions', atOnce: 0, waveCount: 0, lastWaveSize: 0 };
  const atOnce = Math.min(parallelism, completions);
  const waveCount = Math.ceil(completions / atOnce);
  const lastWaveSize = completions - (waveCount - 1) * atOnce;
  const mode = indexed ? 'indexed' : completions === 1 ? 'single' : 'fixed';
  return { ...base, mode, atOnce, waveCount, lastWaveSize };
}

/** The wave sizes written out ("3, 3, 2"), or summarised when there are many. */
export function describeWaves(plan: CompletionPlan): string {
  if (plan.waveCount === 0) return '';
  if (plan.waveCount <= 8) {
    return [...Array<number>(plan.waveCount - 1).fill(plan.atOnce), plan.lastWaveSize].join(', ');
  }
  return `${plan.atOnce} × ${plan.waveCount - 1}, ${plan.lastWaveSize}`;
}

/** This module's completionsMessages, in English and Simplified Chinese. */
export const completionsMessages = defineCatalog(
  {
    heading: '**Completions**',
    single:
      'One pod: the Job is complete when one pod has succeeded. A failed pod is replaced, within backoffLimit.',
    fixed:
      'Fixed completion count: at most {atOnce} pods at once until {completions} have succeeded. Success means {completions} succeeded pods; any pod is as good as another.',
    waves:
      'When the pods take equal time and none fails: {waveCount} waves of {waves} pods (ceil({completions} / {atOnce}) = {waveCount}). Each wave pays the pod start-up time again.',
    oneWave: 'All {completions} pods start at once: one wave.',
    parallelismAbove:
      'parallelism {parallelism} is more than the {completions} completions needed: only {atOnce} run at once.',
    workQueue:
      'Work queue (completions unset): {parallelism} pods start at once and are expected to take their work from a queue. The Job succeeds once any pod has succeeded and all pods have ended; no new pods start after the first success. Until then a failed pod is replaced, within backoffLimit.',
    workQueueSingle:
      'Work queue (completions unset) with one pod at a time: the Job succeeds once that pod has succeeded.',
    indexed:
      'Indexed: each pod gets an index from 0 to {last}, and the Job is complete when every index has one succeeded pod. At most {atOnce} pods run at once, the lowest pending indexes first.',
    indexedWaves: 'When the pods take equal time and none fails: {waveCount} waves ({waves}).',
    indexedEnv:
      'The index is in the annotation and the label `batch.kubernetes.io/job-completion-index` of each pod, and in the environment variable `JOB_COMPLETION_INDEX` of every container and init container.',
    indexedNames:
      'Pods are named `{job}-<index>-<suffix>` and get the hostname `{job}-<index>` ({first} … {lastName}){subdomain}.',
    indexedSubdomain: ', reachable as `<hostname>.{subdomain}` through a headless Service named {subdomain}',
    indexedNeedsCompletions:
      'An Indexed Job needs completions: without it the manifest is rejected (in a CronJob even when parallelism is unset too).',
    noCompletions: 'completions 0: the Job completes at once, without creating pods.',
    paused: 'parallelism 0: no pods start; the Job waits until parallelism is raised.',
    nonIndexed:
      'completionMode NonIndexed (the default): pods are interchangeable; success counts succeeded pods, not which pod did what.',
    createdJobDefaults:
      'Unset in a jobTemplate: the CronJob keeps them unset, and each Job it creates gets completions 1 and parallelism 1.',
    cronJobName: '<job>',
  },
  {
    heading: '**完成数**',
    single: '单个 Pod：有一个 Pod 成功后 Job 即完成。失败的 Pod 会在 backoffLimit 范围内被替换。',
    fixed:
      '固定完成数：同时最多运行 {atOnce} 个 Pod，直到 {completions} 个成功。成功即有 {completions} 个 Pod 成功；各个 Pod 之间没有区别。',
    waves:
      '如果各 Pod 耗时相同且没有失败：共 {waveCount} 批，每批 {waves} 个 Pod（ceil({completions} / {atOnce}) = {waveCount}）。每一批都要重新承担 Pod 启动时间。',
    oneWave: '全部 {completions} 个 Pod 同时启动：只有一批。',
    parallelismAbove:
      'parallelism {parallelism} 大于所需的 {completions} 个完成数：同时只会运行 {atOnce} 个。',
    workQueue:
      '工作队列（未设置 completions）：同时启动 {parallelism} 个 Pod，由它们自己从队列中领取工作。任一 Pod 成功且所有 Pod 都结束后，Job 成功；第一次成功之后不再启动新的 Pod。在此之前，失败的 Pod 会在 backoffLimit 范围内被替换。',
    workQueueSingle: '工作队列（未设置 completions），每次一个 Pod：该 Pod 成功后 Job 即成功。',
    indexed:
      '索引模式（Indexed）：每个 Pod 获得 0 到 {last} 之间的一个索引，每个索引都有一个成功的 Pod 时 Job 完成。同时最多运行 {atOnce} 个 Pod，优先运行编号最小的待处理索引。',
    indexedWaves: '如果各 Pod 耗时相同且没有失败：共 {waveCount} 批（{waves}）。',
    indexedEnv:
      '索引写在每个 Pod 的注解和标签 `batch.kubernetes.io/job-completion-index` 中，也写在每个容器和 Init 容器的环境变量 `JOB_COMPLETION_INDEX` 中。',
    indexedNames:
      'Pod 命名为 `{job}-<索引>-<后缀>`，主机名为 `{job}-<索引>`（{first} … {lastName}）{subdomain}。',
    indexedSubdomain: '，可通过无头 Service {subdomain} 以 `<主机名>.{subdomain}` 访问',
    indexedNeedsCompletions:
      'Indexed Job 必须设置 completions：否则清单会被拒绝（在 CronJob 中即使也未设置 parallelism 也是如此）。',
    noCompletions: 'completions 为 0：Job 立即完成，不创建任何 Pod。',
    paused: 'parallelism 为 0：不启动任何 Pod；Job 会一直等到 parallelism 被调大。',
    nonIndexed:
      'completionMode 为 NonIndexed（默认）：各 Pod 可以互换；成功只统计成功的 Pod 数量，不区分哪个 Pod 做了什么。',
    createdJobDefaults:
      '在 jobTemplate 中未设置：CronJob 中保持未设置，它创建的每个 Job 会得到 completions 1 和 parallelism 1。',
    cronJobName: '<job>',
  },
);

type Key = keyof (typeof completionsMessages)['en'];

/** The name Job pods are named after: the Job's, or a placeholder for the Jobs a CronJob creates. */
function jobNameFor(settings: JobSettings, locale: Locale): string {
  if (settings.inCronJob) return formatMessage(completionsMessages, locale, 'cronJobName');
  return settings.name ?? '<job>';
}

/** Markdown explaining the Job's completion mode, pods at once, waves and success. */
export function explainCompletions(settings: JobSettings, locale: Locale): string {
  const say = (key: Key, args?: MessageArgs): string => formatMessage(completionsMessages, locale, key, args);
  const indexed = isIndexed(settings);
  const plan = computeCompletionPlan({
    completions: settings.completions.value,
    parallelism: settings.parallelism.value,
    indexed,
  });
  const lines = [say('heading')];
  const bullets: string[] = [];
  const numbers = {
    atOnce: plan.atOnce,
    completions: plan.completions ?? 0,
    parallelism: plan.parallelism,
    waveCount: plan.waveCount,
    waves: describeWaves(plan),
  };
  if (indexed && settings.completions.value === null) {
    lines.push(say('indexedNeedsCompletions'));
    return lines.join('\n\n');
  }
  switch (plan.mode) {
    case 'paused':
      lines.push(say('paused'));
      break;
    case 'noCompletions':
      lines.push(say('noCompletions'));
      break;
    case 'workQueue':
      lines.push(say(plan.parallelism === 1 ? 'workQueueSingle' : 'workQueue', numbers));
      break;
    case 'single':
      lines.push(say('single'));
      if (plan.parallelism > 1) bullets.push(say('parallelismAbove', numbers));
      break;
    case 'fixed':
      lines.push(say('fixed', numbers));
      bullets.push(say(plan.waveCount === 1 ? 'oneWave' : 'waves', numbers));
      if (plan.parallelism > (plan.completions ?? 0)) bullets.push(say('parallelismAbove', numbers));
      break;
    case 'indexed': {
      const last = (plan.completions ?? 1) - 1;
      lines.push(say('indexed', { ...numbers, last }));
      if (plan.waveCount > 1)
        bullets.push(say('indexedWaves', { ...numbers, waves: describeIndexWaves(plan) }));
      if (plan.parallelism > (plan.completions ?? 0)) bullets.push(say('parallelismAbove', numbers));
      bullets.push(say('indexedEnv'));
      const job = jobNameFor(settings, locale);
      const subdomain = stringValue(field(settings.refs.podSpec, 'subdomain'));
      bullets.push(
        say('indexedNames', {
          job,
          first: code(`${job}-0`),
          lastName: code(`${job}-${last}`),
          subdomain: subdomain ? say('indexedSubdomain', { subdomain }) : '',
        }),
      );
      break;
    }
  }
  if (!indexed && plan.mode !== 'workQueue' && settings.completionMode.written)
    bullets.push(say('nonIndexed'));
  if (settings.inCronJob && !settings.completions.written && !settings.parallelism.written)
    bullets.push(say('createdJobDefaults'));
  if (bullets.length > 0) lines.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  return lines.join('\n\n');
}

/** Index ranges of the waves: "0–2, 3–4" (summarised when there are many). */
function describeIndexWaves(plan: CompletionPlan): string {
  const ranges: string[] = [];
  const total = plan.completions ?? 0;
  for (let start = 0, wave = 0; start < total && wave < 6; start += plan.atOnce, wave++) {
    const end = Math.min(start + plan.atOnce, total) - 1;
    ranges.push(start === end ? String(start) : `${start}–${end}`);
  }
  if (plan.waveCount > 6) ranges.push('…');
  return ranges.join(', ');
}

/** The short completion phrase of the code lens. */
export function summarizeCompletions(settings: JobSettings): CompletionPlan {
  return computeCompletionPlan({
    completions: settings.completions.value,
    parallelism: settings.parallelism.value,
    indexed: isIndexed(settings),
  });
}
