/**
 * The rest of a Job's life: successPolicy, podReplacementPolicy, suspend, ttlSecondsAfterFinished
 * and managedBy (kubernetes-behaviour §3.1 "successPolicy", "podReplacementPolicy", "suspend",
 * "ttlSecondsAfterFinished", "Entry conditions"; §4.1 item 5 on rules the controller ignores).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { field, integerValue, items, stringValue } from '../yaml/fieldRef';
import { code, formatDuration } from './explainFormat';
import type { JobSettings } from './jobSettings';
import { isIndexed } from './jobSettings';

/** This module's jobLifecycleMessages, in English and Simplified Chinese. */
export const jobLifecycleMessages = defineCatalog(
  {
    successHeading: '**successPolicy**',
    successNotIndexed:
      'successPolicy requires `completionMode: Indexed`; the manifest is rejected otherwise.',
    successNone: 'Without rules the manifest is rejected: give at least one rule.',
    successRuleIndexes: 'Rule {n}: the Job succeeds once indexes {indexes} have all succeeded.',
    successRuleBoth: 'Rule {n}: the Job succeeds once {count} of the indexes {indexes} have succeeded.',
    successRuleCount: 'Rule {n}: the Job succeeds once any {count} indexes have succeeded.',
    successRuleIgnored:
      'Rule {n}: sets neither succeededIndexes nor succeededCount; the controller never matches it.',
    successRuleEmptyIndexes:
      'Rule {n}: its succeededIndexes names no index the controller can read, so the controller skips the rule.',
    successRuleZero:
      'Rule {n}: succeededCount 0 is met at once: the Job succeeds as soon as any index has succeeded.',
    successOrder:
      'Rules are checked in order against the succeeded indexes; on the first match the Job gets `SuccessCriteriaMet` (reason `SuccessPolicy`), its remaining pods are deleted, and then it is `Complete`.',
    successDefault:
      'Without a successPolicy an Indexed Job succeeds only when every index (0 to {last}) has succeeded.',
    replacementHeading: '**podReplacementPolicy**',
    terminatingOrFailed:
      '`TerminatingOrFailed`{defaulted}: a pod being deleted counts as failed at once (unless it succeeded) and is replaced at once, so the old and the new pod can run side by side for a while.',
    failed:
      '`Failed`{defaulted}: a replacement pod is created only when the old pod has fully terminated (phase `Failed`); terminating pods are shown in `status.terminating`. No overlap, but replacements start later.',
    failedRequired: 'With a podFailurePolicy only `Failed` is accepted.',
    defaultedMark: ' (the default here)',
    suspendHeading: '**suspend**',
    suspendedJob:
      'The Job is created suspended: no pods run, and it has no startTime. Set `suspend: false` to start it; activeDeadlineSeconds counts from then.',
    runningJob:
      'The Job runs at once. Setting `suspend: true` later deletes its running pods (they are not counted as failures) and stops the deadline clock; resuming resets `startTime`.',
    suspendedTemplate:
      'Every Job this CronJob creates starts suspended: nothing runs until each Job is resumed (`suspend: false`).',
    ttlHeading: '**ttlSecondsAfterFinished**',
    ttl: 'The Job is deleted {ttl} after it finishes (Complete or Failed, from that condition’s time), its pods first (foreground deletion).',
    ttlZero: 'The Job is deleted as soon as it finishes (Complete or Failed), its pods first.',
    ttlUnset: 'Finished Jobs stay until someone deletes them.',
    ttlUnsetCron:
      'Unset: the CronJob’s history limits ({succeeded} succeeded, {failed} failed) decide which finished Jobs are deleted.',
    ttlCron:
      'In a CronJob this may delete finished Jobs before the history limits ({succeeded} succeeded, {failed} failed) would.',
    managedByHeading: '**managedBy**',
    managedByBuiltIn:
      '`kubernetes.io/job-controller`: the built-in Job controller runs this Job (the same as leaving it unset).',
    managedByOther:
      '{value}: the built-in Job controller skips this Job entirely; the controller named here must run it, or nothing happens.',
  },
  {
    successHeading: '**successPolicy**',
    successNotIndexed: 'successPolicy 需要 `completionMode: Indexed`，否则清单会被拒绝。',
    successNone: '没有规则时清单会被拒绝：请至少给出一条规则。',
    successRuleIndexes: '规则 {n}：索引 {indexes} 全部成功后 Job 即成功。',
    successRuleBoth: '规则 {n}：索引 {indexes} 中有 {count} 个成功后 Job 即成功。',
    successRuleCount: '规则 {n}：任意 {count} 个索引成功后 Job 即成功。',
    successRuleIgnored: '规则 {n}：既没有 succeededIndexes 也没有 succeededCount；控制器永远不会匹配它。',
    successRuleEmptyIndexes: '规则 {n}：succeededIndexes 中没有控制器能读出的索引，控制器会跳过这条规则。',
    successRuleZero: '规则 {n}：succeededCount 为 0 立即满足：只要有任意一个索引成功，Job 即成功。',
    successOrder:
      '按顺序用已成功的索引检查各条规则；第一条匹配时 Job 获得 `SuccessCriteriaMet`（原因 `SuccessPolicy`），剩余的 Pod 被删除，随后变为 `Complete`。',
    successDefault: '没有 successPolicy 时，Indexed Job 只有在每个索引（0 到 {last}）都成功后才成功。',
    replacementHeading: '**podReplacementPolicy**',
    terminatingOrFailed:
      '`TerminatingOrFailed`{defaulted}：正在删除的 Pod 立即算作失败（除非它已成功）并立即被替换，因此新旧 Pod 可能会同时运行一段时间。',
    failed:
      '`Failed`{defaulted}：只有旧 Pod 完全终止（阶段为 `Failed`）后才创建替换 Pod；正在终止的 Pod 显示在 `status.terminating` 中。不会重叠，但替换 Pod 启动得更晚。',
    failedRequired: '设置了 podFailurePolicy 时只接受 `Failed`。',
    defaultedMark: '（这里的默认值）',
    suspendHeading: '**suspend**',
    suspendedJob:
      'Job 创建时即处于挂起状态：不运行任何 Pod，也没有 startTime。设置 `suspend: false` 启动它；activeDeadlineSeconds 从那时开始计时。',
    runningJob:
      'Job 立即运行。之后设置 `suspend: true` 会删除正在运行的 Pod（不算作失败）并停止截止时间计时；恢复时会重置 `startTime`。',
    suspendedTemplate:
      '此 CronJob 创建的每个 Job 都以挂起状态启动：在逐个恢复（`suspend: false`）之前什么都不会运行。',
    ttlHeading: '**ttlSecondsAfterFinished**',
    ttl: 'Job 结束（Complete 或 Failed，从该条件的时间算起）{ttl}后被删除，先删除其 Pod（前台删除）。',
    ttlZero: 'Job 一结束（Complete 或 Failed）就被删除，先删除其 Pod。',
    ttlUnset: '已结束的 Job 会一直保留，直到有人删除它。',
    ttlUnsetCron:
      '未设置：由 CronJob 的历史限制（保留 {succeeded} 个成功、{failed} 个失败）决定删除哪些已结束的 Job。',
    ttlCron:
      '在 CronJob 中，它可能在历史限制（保留 {succeeded} 个成功、{failed} 个失败）生效之前就删除已结束的 Job。',
    managedByHeading: '**managedBy**',
    managedByBuiltIn: '`kubernetes.io/job-controller`：由内置的 Job 控制器运行此 Job（与不设置相同）。',
    managedByOther:
      '{value}：内置的 Job 控制器会完全跳过此 Job；必须由这里指定的控制器运行它，否则什么都不会发生。',
  },
);

type Key = keyof (typeof jobLifecycleMessages)['en'];

function sayer(locale: Locale): (key: Key, args?: MessageArgs) => string {
  return (key, args) => formatMessage(jobLifecycleMessages, locale, key, args);
}

/** Markdown explaining successPolicy (or, on an Indexed Job without one, the default success). */
export function explainSuccessPolicy(settings: JobSettings, locale: Locale): string | undefined {
  const say = sayer(locale);
  const lines = [say('successHeading')];
  if (!isIndexed(settings)) {
    if (!settings.hasSuccessPolicy) return undefined;
    lines.push(say('successNotIndexed'));
    return lines.join('\n\n');
  }
  if (!settings.hasSuccessPolicy) {
    lines.push(say('successDefault', { last: Math.max(0, (settings.completions.value ?? 1) - 1) }));
    return lines.join('\n\n');
  }
  const rules = items(field(field(settings.jobSpec, 'successPolicy'), 'rules'));
  if (rules.length === 0) {
    lines.push(say('successNone'));
    return lines.join('\n\n');
  }
  const ruleLines = rules.map((rule, index) => {
    const indexes = stringValue(field(rule, 'succeededIndexes'));
    const count = integerValue(field(rule, 'succeededCount'));
    const n = index + 1;
    // matchSuccessPolicy (pkg/controller/job/success_policy.go): a rule whose succeededIndexes
    // parses to nothing is skipped; otherwise `contains >= succeededCount` holds for a count of 0
    // once any index has succeeded, with or without succeededIndexes.
    const usableIndexes = indexes !== undefined && indexes.trim() !== '';
    if (indexes !== undefined && !usableIndexes) return say('successRuleEmptyIndexes', { n });
    if (count === 0) return say('successRuleZero', { n });
    const usableCount = count !== undefined && count > 0;
    if (usableIndexes && usableCount) return say('successRuleBoth', { n, count, indexes: code(indexes) });
    if (usableIndexes) return say('successRuleIndexes', { n, indexes: code(indexes) });
    if (usableCount) return say('successRuleCount', { n, count });
    return say('successRuleIgnored', { n });
  });
  lines.push(ruleLines.map((line) => `- ${line}`).join('\n'), say('successOrder'));
  return lines.join('\n\n');
}

/** Markdown explaining the effective podReplacementPolicy. */
export function explainPodReplacementPolicy(settings: JobSettings, locale: Locale): string {
  const say = sayer(locale);
  const { value, written } = settings.podReplacementPolicy;
  const defaulted = written ? '' : say('defaultedMark');
  const lines = [say('replacementHeading')];
  if (value === 'Failed') lines.push(say('failed', { defaulted }));
  else lines.push(say('terminatingOrFailed', { defaulted }));
  if (settings.hasPodFailurePolicy) lines.push(say('failedRequired'));
  return lines.join('\n\n');
}

/** Markdown explaining a Job's (or a jobTemplate's) suspend. */
export function explainJobSuspend(settings: JobSettings, locale: Locale): string {
  const say = sayer(locale);
  const suspended = settings.suspend.value;
  const text = settings.inCronJob
    ? suspended
      ? say('suspendedTemplate')
      : say('runningJob')
    : suspended
      ? say('suspendedJob')
      : say('runningJob');
  return [say('suspendHeading'), text].join('\n\n');
}

/** Markdown explaining ttlSecondsAfterFinished; `history` gives a CronJob's effective limits. */
export function explainTtl(
  settings: JobSettings,
  locale: Locale,
  history?: { readonly succeeded: number; readonly failed: number },
): string {
  const say = sayer(locale);
  const ttl = settings.ttlSecondsAfterFinished;
  const lines = [say('ttlHeading')];
  if (ttl === undefined) {
    lines.push(history ? say('ttlUnsetCron', history) : say('ttlUnset'));
  } else {
    lines.push(ttl === 0 ? say('ttlZero') : say('ttl', { ttl: formatDuration(ttl, locale) }));
    if (history) lines.push(say('ttlCron', history));
  }
  return lines.join('\n\n');
}

/** Markdown explaining managedBy. */
export function explainManagedBy(settings: JobSettings, locale: Locale): string | undefined {
  const say = sayer(locale);
  const value = settings.managedBy;
  if (value === undefined) return undefined;
  return [
    say('managedByHeading'),
    value === 'kubernetes.io/job-controller'
      ? say('managedByBuiltIn')
      : say('managedByOther', { value: code(value) }),
  ].join('\n\n');
}
