/**
 * restartPolicy per kind: the values a Job (or a CronJob's Jobs) and a DaemonSet accept, why, and
 * what the chosen value does (kubernetes-behaviour §1.3, §1.5, §2.4, §3.1, §3.4 on the kubelet's restarts).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import type { WorkloadKind } from '../workload/recognizeWorkload';
import { code } from './explainFormat';

/** This module's restartPolicyMessages, in English and Simplified Chinese. */
export const restartPolicyMessages = defineCatalog(
  {
    heading: '**restartPolicy**',
    jobAccepts:
      'A {kind} accepts only `OnFailure` or `Never`. `Always`, which is also the default when restartPolicy is omitted, is rejected: a Job’s pods must be able to finish, and with `Always` the kubelet would restart even a container that exited successfully, so the pod would never complete.',
    cronJobKind: 'CronJob’s jobTemplate',
    jobKind: 'Job',
    jobWithPolicy:
      'With a podFailurePolicy only `Never` is accepted: the policy looks at pods that have failed as a whole.',
    never:
      '`Never` (this manifest): a failed container fails its pod; the Job controller then creates a new pod, after its backoff delay (10 s doubling, capped at 10 min). Each failed pod counts toward backoffLimit.',
    onFailure:
      '`OnFailure` (this manifest): the kubelet restarts a failed container inside the same pod (at once, then after 10 s, 20 s, 40 s … capped at 5 min). The restarts of the Job’s running pods count toward backoffLimit.',
    always: '`Always` (this manifest{omitted}): rejected for a Job. Use `Never` or `OnFailure`.',
    omittedMark: ', by default',
    other: '{value} (this manifest): not a restart policy; use `Never` or `OnFailure`.',
    daemonSetAccepts:
      'A DaemonSet accepts only `Always` (the default): its pod should run on its node all the time, so the kubelet restarts any container that exits, even successfully.',
    daemonSetOther: '{value} (this manifest): rejected for a DaemonSet; use `Always` or leave it out.',
  },
  {
    heading: '**restartPolicy**',
    jobAccepts:
      '{kind}只接受 `OnFailure` 或 `Never`。`Always`（省略 restartPolicy 时的默认值）会被拒绝：Job 的 Pod 必须能够结束，而使用 `Always` 时即使容器成功退出，kubelet 也会重启它，Pod 永远不会完成。',
    cronJobKind: 'CronJob 的 jobTemplate ',
    jobKind: 'Job ',
    jobWithPolicy: '设置了 podFailurePolicy 时只接受 `Never`：该策略针对整个失败的 Pod。',
    never:
      '`Never`（本清单）：容器失败即 Pod 失败；Job 控制器在退避等待（从 10 秒开始翻倍，上限 10 分钟）后创建新的 Pod。每个失败的 Pod 都计入 backoffLimit。',
    onFailure:
      '`OnFailure`（本清单）：kubelet 在同一个 Pod 内重启失败的容器（第一次立即重启，之后等待 10 秒、20 秒、40 秒……上限 5 分钟）。Job 正在运行的 Pod 的重启次数计入 backoffLimit。',
    always: '`Always`（本清单{omitted}）：Job 不接受。请使用 `Never` 或 `OnFailure`。',
    omittedMark: '，默认值',
    other: '{value}（本清单）：不是有效的重启策略；请使用 `Never` 或 `OnFailure`。',
    daemonSetAccepts:
      'DaemonSet 只接受 `Always`（默认值）：它的 Pod 应当一直在节点上运行，因此容器退出（即使成功退出）时 kubelet 都会重启它。',
    daemonSetOther: '{value}（本清单）：DaemonSet 不接受；请使用 `Always` 或省略。',
  },
);

type Key = keyof (typeof restartPolicyMessages)['en'];

/** Markdown explaining restartPolicy for `kind`, given the value after defaulting. */
export function explainRestartPolicy(
  kind: WorkloadKind,
  value: string,
  written: boolean,
  hasPodFailurePolicy: boolean,
  locale: Locale,
): string {
  const say = (key: Key, args?: MessageArgs): string =>
    formatMessage(restartPolicyMessages, locale, key, args);
  const lines = [say('heading')];
  if (kind === 'DaemonSet') {
    lines.push(say('daemonSetAccepts'));
    if (value !== 'Always') lines.push(say('daemonSetOther', { value: code(value) }));
    return lines.join('\n\n');
  }
  lines.push(say('jobAccepts', { kind: say(kind === 'CronJob' ? 'cronJobKind' : 'jobKind') }));
  if (hasPodFailurePolicy) lines.push(say('jobWithPolicy'));
  if (value === 'Never') lines.push(say('never'));
  else if (value === 'OnFailure') lines.push(say('onFailure'));
  else if (value === 'Always') lines.push(say('always', { omitted: written ? '' : say('omittedMark') }));
  else lines.push(say('other', { value: code(value) }));
  return lines.join('\n\n');
}
