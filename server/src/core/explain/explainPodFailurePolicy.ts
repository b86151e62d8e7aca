/**
 * A Job's podFailurePolicy in words: each rule, the order they are tried in, which failures no
 * rule matches and what then happens, and how the actions meet backoffLimit, backoffLimitPerIndex
 * and maxFailedIndexes (kubernetes-behaviour §3.1 "podFailurePolicy", §3.4 on Ignore and the backoff).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { jobSpecOf, noteAt, workloadModel } from '../workload/workloadModel';
import { code, formatList, formatOrdinal, MAX_INT32 } from './explainFormat';
import type { JobSettings } from './jobSettings';

/** One rule of a podFailurePolicy, as far as it can be read. */
export interface PodFailureRule {
  readonly index: number;
  readonly action: string | undefined;
  readonly exitCodes:
    | {
        readonly containerName: string | undefined;
        readonly operator: string | undefined;
        readonly values: number[];
      }
    | undefined;
  readonly conditions: readonly { readonly type: string; readonly status: string }[] | undefined;
}

/**
 * The rules of `spec.podFailurePolicy` from the workload's defaulted model (onPodConditions
 * status defaults to True, §2.1). An action or operator the API server rejects is kept as
 * written (undefined when missing), so that the explanation can say so.
 */
export function readPodFailureRules(settings: JobSettings): PodFailureRule[] {
  const model = workloadModel(settings.workload);
  const rules = jobSpecOf(model)?.podFailurePolicy ?? [];
  const written = (path: string, used: string): string | undefined => {
    const note = noteAt(model, path);
    if (!note) return used;
    return note.value === 'null' || note.value === 'map' || note.value === 'seq' ? undefined : note.value;
  };
  return rules.map((rule, index) => ({
    index,
    action: written(`${rule.path}.action`, rule.action),
    exitCodes: rule.onExitCodes
      ? {
          containerName: rule.onExitCodes.containerName ?? undefined,
          operator: written(`${rule.path}.onExitCodes.operator`, rule.onExitCodes.operator),
          values: [...rule.onExitCodes.values],
        }
      : undefined,
    conditions:
      rule.onPodConditions.length > 0 ? rule.onPodConditions.map((pattern) => ({ ...pattern })) : undefined,
  }));
}

/** Non-zero exit codes of one container that no rule matches: all but a finite set, or a finite set. */
export type UnmatchedExitCodes =
  | { readonly kind: 'allExcept'; readonly values: readonly number[] }
  | { readonly kind: 'only'; readonly values: readonly number[] };

/**
 * The exit codes of `container` no onExitCodes rule matches (exit code 0 never matches). A rule
 * applies to a container when it names it or names none; `In` matches its values, `NotIn` every
 * non-zero code outside its values.
 */
export function unmatchedExitCodes(rules: readonly PodFailureRule[], container: string): UnmatchedExitCodes {
  const applicable = rules.filter(
    (rule) =>
      rule.exitCodes &&
      (rule.exitCodes.operator === 'In' || rule.exitCodes.operator === 'NotIn') &&
      (rule.exitCodes.containerName === undefined || rule.exitCodes.containerName === container),
  );
  const matchedByIn = new Set(
    applicable
      .filter((rule) => rule.exitCodes?.operator === 'In')
      .flatMap((rule) => rule.exitCodes?.values ?? []),
  );
  const notIns = applicable.filter((rule) => rule.exitCodes?.operator === 'NotIn');
  if (notIns.length === 0) {
    return {
      kind: 'allExcept',
      values: [...matchedByIn].filter((value) => value !== 0).sort((a, b) => a - b),
    };
  }
  // A code escapes every NotIn rule only when each of them lists it.
  const [first, ...rest] = notIns.map((rule) => new Set(rule.exitCodes?.values ?? []));
  const escaping = [...(first ?? [])].filter(
    (value) => value !== 0 && !matchedByIn.has(value) && rest.every((set) => set.has(value)),
  );
  return { kind: 'only', values: escaping.sort((a, b) => a - b) };
}

/** This module's podFailurePolicyMessages, in English and Simplified Chinese. */
export const podFailurePolicyMessages = defineCatalog(
  {
    heading: '**podFailurePolicy**',
    none: 'No rules: every failure is counted toward backoffLimit as usual.',
    order:
      'For each failed pod the rules are tried in order and the first that matches decides; a failure no rule matches is counted (`Count`).',
    rule: 'Rule {n}: if {condition}, {action}.',
    thisRule: '**{text}** ← this rule',
    exitIn: '{who} exits with code {codes}',
    exitNotIn: '{who} exits with a non-zero code other than {codes}',
    exitUnknown: '{who} exits with a code (operator {operator} is invalid)',
    container: 'container {name}',
    anyContainer: 'any container or init container',
    conditionTrue: 'the pod has the condition {type}',
    conditionStatus: 'the pod has the condition {type} = {status}',
    disruption: ' (set on preemption, eviction or a node drain)',
    conditionsJoin: ' or ',
    noRequirement: 'the rule has neither onExitCodes nor onPodConditions (it is rejected)',
    failJob:
      'the whole Job fails at once (reason `PodFailurePolicy`), without using `backoffLimit`; its running pods are deleted',
    ignore:
      'the failure is ignored: it does not count toward `backoffLimit` ({limit}){perIndex}, and the pod is replaced',
    ignorePerIndex: ' or `backoffLimitPerIndex`',
    count: 'the failure counts toward `backoffLimit` ({limit}) as usual',
    failIndex: 'the pod’s index is marked failed at once, without using `backoffLimitPerIndex`',
    unknownAction: 'action {action} applies (not a valid action)',
    unmatchedHeading: 'Failures no rule matches count toward `backoffLimit` ({limit}), for example:',
    unmatchedAll: 'any non-zero exit code from {who}',
    unmatchedExcept: 'a non-zero exit code other than {codes} from {who}',
    unmatchedOnly: 'exit code {codes} from {who}',
    unmatchedDisruption: 'a disruption (condition `DisruptionTarget`: preemption, eviction, a node drain)',
    noUnmatchedExitCodes: 'Every non-zero exit code is matched by some rule.',
    backoffLimit:
      'Counted failures use up `backoffLimit` {limit}: the {failing} counted failure fails the Job with `BackoffLimitExceeded`.',
    backoffLimitZero:
      'With `backoffLimit` 0, the first counted failure fails the Job with `BackoffLimitExceeded`.',
    ignoreBackoff:
      'Ignored failures do not use up the limit, but they still lengthen the controller’s delay before it creates replacement pods (10 s doubling).',
    perIndex:
      'With `backoffLimitPerIndex` {perIndex}, counted failures of an index use up that index’s own limit; `FailIndex` fails the index at once, and ignored failures are recorded in `batch.kubernetes.io/job-index-ignored-failure-count`.',
    maxFailedIndexes: 'More than {max} failed indexes (`maxFailedIndexes`) fail the Job at once.',
    failedPhase:
      'With a podFailurePolicy a pod counts as failed only once its phase is `Failed`, so podReplacementPolicy must be `Failed` (the default here): a terminating pod is replaced only after it has fully failed.',
    onFailure: 'restartPolicy `OnFailure` is rejected with a podFailurePolicy: use `Never`.',
  },
  {
    heading: '**podFailurePolicy**',
    none: '没有规则：所有失败照常计入 backoffLimit。',
    order:
      '对每个失败的 Pod 按顺序尝试各条规则，第一条匹配的规则起决定作用；没有规则匹配的失败照常计数（`Count`）。',
    rule: '规则 {n}：如果{condition}，{action}。',
    thisRule: '**{text}** ← 当前规则',
    exitIn: '{who}以退出码 {codes} 退出',
    exitNotIn: '{who}以 {codes} 以外的非零退出码退出',
    exitUnknown: '{who}退出（operator {operator} 无效）',
    container: '容器 {name} ',
    anyContainer: '任一容器或 Init 容器',
    conditionTrue: 'Pod 带有条件 {type}',
    conditionStatus: 'Pod 带有条件 {type} = {status}',
    disruption: '（在抢占、驱逐或节点排空时设置）',
    conditionsJoin: ' 或 ',
    noRequirement: '该规则既没有 onExitCodes 也没有 onPodConditions（会被拒绝）',
    failJob: '整个 Job 立即失败（原因 `PodFailurePolicy`），不消耗 `backoffLimit`；正在运行的 Pod 会被删除',
    ignore: '忽略这次失败：它不计入 `backoffLimit`（{limit}）{perIndex}，并会替换该 Pod',
    ignorePerIndex: '或 `backoffLimitPerIndex`',
    count: '这次失败照常计入 `backoffLimit`（{limit}）',
    failIndex: '立即把该 Pod 的索引标记为失败，不消耗 `backoffLimitPerIndex`',
    unknownAction: '执行 action {action}（不是有效的 action）',
    unmatchedHeading: '没有规则匹配的失败计入 `backoffLimit`（{limit}），例如：',
    unmatchedAll: '{who}的任意非零退出码',
    unmatchedExcept: '{who}的 {codes} 以外的非零退出码',
    unmatchedOnly: '{who}的退出码 {codes}',
    unmatchedDisruption: '中断（条件 `DisruptionTarget`：抢占、驱逐、节点排空）',
    noUnmatchedExitCodes: '所有非零退出码都有规则匹配。',
    backoffLimit:
      '计数的失败消耗 `backoffLimit` {limit}：{failing}计数的失败会让 Job 以 `BackoffLimitExceeded` 失败。',
    backoffLimitZero: '`backoffLimit` 为 0 时，第一次计数的失败就会让 Job 以 `BackoffLimitExceeded` 失败。',
    ignoreBackoff: '被忽略的失败不消耗上限，但仍会延长控制器创建替换 Pod 前的等待时间（从 10 秒开始翻倍）。',
    perIndex:
      '设置了 `backoffLimitPerIndex` {perIndex} 时，某个索引计数的失败消耗该索引自己的上限；`FailIndex` 立即让该索引失败，被忽略的失败记录在 `batch.kubernetes.io/job-index-ignored-failure-count` 中。',
    maxFailedIndexes: '失败的索引超过 {max} 个（`maxFailedIndexes`）时，Job 立即失败。',
    failedPhase:
      '设置了 podFailurePolicy 时，Pod 只有在阶段变为 `Failed` 后才算失败，因此 podReplacementPolicy 必须为 `Failed`（这里的默认值）：正在终止的 Pod 只有在完全失败后才会被替换。',
    onFailure: '设置了 podFailurePolicy 时不接受 restartPolicy `OnFailure`：请使用 `Never`。',
  },
);

type Key = keyof (typeof podFailurePolicyMessages)['en'];

/**
 * Markdown explaining the podFailurePolicy of a Job; `ruleIndex` marks the rule under the cursor.
 * Undefined when the Job has no podFailurePolicy.
 */
export function explainPodFailurePolicy(
  settings: JobSettings,
  locale: Locale,
  ruleIndex?: number,
): string | undefined {
  if (!settings.hasPodFailurePolicy) return undefined;
  const say = (key: Key, args?: MessageArgs): string =>
    formatMessage(podFailurePolicyMessages, locale, key, args);
  const rules = readPodFailureRules(settings);
  const limit = settings.backoffLimit.value;
  const perIndex = settings.backoffLimitPerIndex;
  const lines = [say('heading')];
  if (rules.length === 0) {
    lines.push(say('none'));
    return lines.join('\n\n');
  }
  const who = (name: string | undefined): string =>
    name === undefined ? say('anyContainer') : say('container', { name: code(name) });
  const codes = (values: readonly number[]): string => formatList(values.map(String), locale, 'or');
  const ruleLines = rules.map((rule) => {
    let condition: string;
    if (rule.exitCodes) {
      const { containerName, operator, values } = rule.exitCodes;
      condition =
        operator === 'In'
          ? say('exitIn', { who: who(containerName), codes: codes(values) })
          : operator === 'NotIn'
            ? say('exitNotIn', { who: who(containerName), codes: codes(values) })
            : say('exitUnknown', { who: who(containerName), operator: code(operator ?? '') });
    } else if (rule.conditions) {
      condition = rule.conditions
        .map(
          (pattern) =>
            (pattern.status === 'True'
              ? say('conditionTrue', { type: code(pattern.type) })
              : say('conditionStatus', { type: code(pattern.type), status: pattern.status })) +
            (pattern.type === 'DisruptionTarget' ? say('disruption') : ''),
        )
        .join(say('conditionsJoin'));
    } else {
      condition = say('noRequirement');
    }
    const action =
      rule.action === 'FailJob'
        ? say('failJob')
        : rule.action === 'Ignore'
          ? say('ignore', { limit, perIndex: perIndex !== undefined ? say('ignorePerIndex') : '' })
          : rule.action === 'Count'
            ? say('count', { limit })
            : rule.action === 'FailIndex'
              ? say('failIndex')
              : say('unknownAction', { action: code(rule.action ?? '') });
    const text = say('rule', { n: rule.index + 1, condition, action });
    return `- ${rule.index === ruleIndex ? say('thisRule', { text }) : text}`;
  });
  lines.push(ruleLines.join('\n'), say('order'));

  // Which failures slip through every rule.
  const examples: string[] = [];
  const containers = settings.containerNames.length > 0 ? settings.containerNames : [undefined];
  const hasExitRules = rules.some((rule) => rule.exitCodes);
  if (!hasExitRules) {
    examples.push(say('unmatchedAll', { who: who(undefined) }));
  } else {
    const groups = new Map<string, string[]>();
    for (const container of containers) {
      const unmatched = unmatchedExitCodes(rules, container ?? '');
      const key =
        unmatched.kind === 'allExcept'
          ? unmatched.values.length === 0
            ? 'all'
            : `except:${unmatched.values.join(',')}`
          : unmatched.values.length === 0
            ? ''
            : `only:${unmatched.values.join(',')}`;
      if (key === '') continue;
      groups.set(key, [...(groups.get(key) ?? []), container ?? '']);
    }
    for (const [key, names] of groups) {
      const whoText =
        names.length === containers.length && names.length > 1
          ? who(undefined)
          : formatList(
              names.map((name) => who(name)),
              locale,
              'or',
            );
      const values = key.includes(':')
        ? key
            .slice(key.indexOf(':') + 1)
            .split(',')
            .map(Number)
        : [];
      examples.push(
        key === 'all'
          ? say('unmatchedAll', { who: whoText })
          : key.startsWith('except:')
            ? say('unmatchedExcept', { who: whoText, codes: codes(values) })
            : say('unmatchedOnly', { who: whoText, codes: codes(values) }),
      );
    }
  }
  const disruptionHandled = rules.some((rule) =>
    rule.conditions?.some((pattern) => pattern.type === 'DisruptionTarget'),
  );
  if (!disruptionHandled) examples.push(say('unmatchedDisruption'));
  lines.push(
    examples.length > 0
      ? `${say('unmatchedHeading', { limit })}\n${examples.map((example) => `- ${example}`).join('\n')}`
      : say('noUnmatchedExitCodes'),
  );

  const bullets: string[] = [];
  if (limit < MAX_INT32)
    bullets.push(
      limit === 0
        ? say('backoffLimitZero')
        : say('backoffLimit', { limit, failing: formatOrdinal(limit + 1, locale) }),
    );
  if (rules.some((rule) => rule.action === 'Ignore')) bullets.push(say('ignoreBackoff'));
  if (perIndex !== undefined) bullets.push(say('perIndex', { perIndex }));
  if (settings.maxFailedIndexes !== undefined)
    bullets.push(say('maxFailedIndexes', { max: settings.maxFailedIndexes }));
  bullets.push(say('failedPhase'));
  if (settings.restartPolicy.value === 'OnFailure') bullets.push(say('onFailure'));
  lines.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  return lines.join('\n\n');
}
