import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { hasValue, int32Field, jobCounts } from '../workload/jobSpecFields';
import { utf8Length } from '../k8s/nameSyntax';
import { reportApiError } from './reportApiError';
import type { ApiErrorReport } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    requiresIndexed: 'successPolicy requires completionMode Indexed',
    rulesRequired: 'At least one rule must be specified when the successPolicy is specified',
    tooManyRules: 'Too many successPolicy rules: {count}, at most 20 are allowed',
    criterionRequired: 'At least one of succeededCount or succeededIndexes must be specified',
    indexesTooLong: 'succeededIndexes is too long: {length} bytes, at most 65536 are allowed',
    notInteger: 'Error parsing succeededIndexes: cannot convert "{text}" to an integer index',
    tooLarge:
      'Error parsing succeededIndexes: index {text} is too large: indexes must be below completions ({completions})',
    nonIncreasing:
      'Error parsing succeededIndexes: non-increasing order, previous: {previous}, current: {current}',
    tooManyParts:
      'Error parsing succeededIndexes: the fragment "{fragment}" is not an index or an interval "N-M" (at most two parts separated by "-")',
    countNegative: 'succeededCount must be greater than or equal to 0',
    countAboveCompletions:
      'succeededCount must be less than or equal to {completions} (the number of specified completions)',
    countAboveIndexes:
      'succeededCount must be less than or equal to {total} (the number of indexes in the specified succeededIndexes field)',
  },
  {
    requiresIndexed: 'successPolicy 要求 completionMode 为 Indexed',
    rulesRequired: '指定 successPolicy 时必须至少指定一条规则',
    tooManyRules: 'successPolicy 规则过多：{count} 条，最多允许 20 条',
    criterionRequired: '必须至少指定 succeededCount 或 succeededIndexes 之一',
    indexesTooLong: 'succeededIndexes 过长：{length} 字节，最多允许 65536 字节',
    notInteger: '解析 succeededIndexes 出错：无法将 "{text}" 转换为整数索引',
    tooLarge: '解析 succeededIndexes 出错：索引 {text} 过大，索引必须小于 completions（{completions}）',
    nonIncreasing: '解析 succeededIndexes 出错：顺序不是严格递增，前一个：{previous}，当前：{current}',
    tooManyParts:
      '解析 succeededIndexes 出错：片段 "{fragment}" 不是索引或 "N-M" 区间（最多两个由 "-" 分隔的部分）',
    countNegative: 'succeededCount 必须大于或等于 0',
    countAboveCompletions: 'succeededCount 必须小于或等于 {completions}（指定的 completions 数）',
    countAboveIndexes: 'succeededCount 必须小于或等于 {total}（succeededIndexes 中指定的索引数）',
  },
);

type MessageKey = keyof (typeof messages)['en'];

const maxRules = 20;
const maxSucceededIndexesBytes = 64 * 1024;
const maxInt64 = 9223372036854775807n;

/** Why a `succeededIndexes` string does not parse, with the arguments of its message. */
export interface IndexesError {
  readonly key: 'notInteger' | 'tooLarge' | 'nonIncreasing' | 'tooManyParts';
  readonly args: MessageArgs;
}

/** `strconv.Atoi` as used by `parseIndexInterval`: an optional `+` and decimal digits, within int64. */
function parseIndex(text: string): bigint | undefined {
  if (!/^\+?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text.replace('+', ''));
  return value > maxInt64 ? undefined : value;
}

/**
 * `validateIndexesFormat`: a comma-separated list of indexes `N` and intervals `N-M` (N < M), in
 * strictly increasing order, each below `completions` (unchecked when completions is unknown).
 * Returns the number of indexes, or the first error, as the API server does.
 */
export function parseSucceededIndexes(
  text: string,
  completions: number | undefined,
): { total: number } | { error: IndexesError } {
  if (text === '') return { total: 0 };
  const limit = completions === undefined ? undefined : BigInt(completions);
  let last: bigint | undefined;
  let total = 0;
  for (const fragment of text.split(',')) {
    const limits = fragment.split('-');
    if (limits.length > 2) return { error: { key: 'tooManyParts', args: { fragment } } };
    const bounds: bigint[] = [];
    for (const part of limits) {
      const index = parseIndex(part);
      if (index === undefined) return { error: { key: 'notInteger', args: { text: part } } };
      if (limit !== undefined && index >= limit)
        return { error: { key: 'tooLarge', args: { text: part, completions: String(limit) } } };
      bounds.push(index);
    }
    const first = bounds[0] ?? 0n;
    const end = bounds[1] ?? first;
    if (bounds.length > 1 && first >= end)
      return { error: { key: 'nonIncreasing', args: { previous: String(first), current: String(end) } } };
    if (last !== undefined && last >= first)
      return { error: { key: 'nonIncreasing', args: { previous: String(last), current: String(first) } } };
    total += Number(end - first) + 1;
    last = end;
  }
  return { total };
}

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/success-policy': {
    severity: 'error',
    summary:
      'A successPolicy the API server rejects (Indexed only, rule shape, succeededIndexes syntax, succeededCount bounds).',
    source: `${kubernetesSources.batch} validateSuccessPolicy`,
    example: 'successPolicy: {rules: [{succeededIndexes: "3-1"}]}',
  },
} satisfies CodeDocs;

/**
 * `spec.successPolicy` (kubernetes-behaviour §1.3, `validateSuccessPolicy*`): only with completionMode
 * Indexed; 1..20 rules, each with succeededCount or succeededIndexes; succeededIndexes at most
 * 64 KiB and well-formed; succeededCount ≥ 0, ≤ completions and ≤ the indexes it names. Where
 * completions is unset (only a CronJob template or a Job with parallelism alone; the API server
 * then fails internally), the checks against completions are skipped: the completion-mode rule
 * already reports the missing completions.
 */
export const successPolicyRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const jobSpec = refs.jobSpec;
    if (!jobSpec) return;
    const policy = field(jobSpec, 'successPolicy');
    if (policy.node?.kind !== 'map') return;
    const say = (key: MessageKey, args?: MessageArgs): string =>
      formatMessage(messages, context.locale, key, args);
    const report = (rest: Omit<ApiErrorReport, 'code'>): void =>
      reportApiError(context, { code: 'job/success-policy', ...rest });

    const modeRef = field(jobSpec, 'completionMode');
    const mode = stringValue(modeRef);
    if (isSet(modeRef) && mode === undefined) return;
    if (mode !== 'Indexed') {
      report({
        ref: policy,
        type: 'Invalid',
        message: say('requiresIndexed'),
        data: { completionMode: 'Indexed' },
      });
      return;
    }
    const rulesRef = field(policy, 'rules');
    if (isSet(rulesRef) && rulesRef.node?.kind !== 'seq') return;
    const rules = items(rulesRef);
    if (rules.length === 0) {
      report({ ref: rulesRef, type: 'Required', message: say('rulesRequired') });
    } else if (rules.length > maxRules) {
      report({
        ref: rulesRef,
        type: 'TooMany',
        message: say('tooManyRules', { count: rules.length }),
        data: { count: rules.length, limit: maxRules },
      });
    }
    const { completions } = jobCounts(refs, jobSpec);
    const completionsValue = hasValue(completions) ? completions.value : undefined;
    for (const rule of rules) checkRule(rule);

    function checkRule(rule: FieldRef): void {
      if (isSet(rule) && rule.node?.kind !== 'map') return;
      const indexesRef = field(rule, 'succeededIndexes');
      const count = int32Field(rule, 'succeededCount');
      if (!isSet(indexesRef) && !count.present) {
        report({ ref: rule, type: 'Required', message: say('criterionRequired') });
        return;
      }
      // A mistyped succeededIndexes is the schema check's; only the count's own checks remain.
      const indexes = stringValue(indexesRef);
      let total: number | undefined;
      if (indexes !== undefined) {
        const length = utf8Length(indexes);
        if (length > maxSucceededIndexesBytes) {
          report({
            ref: indexesRef,
            type: 'TooLong',
            message: say('indexesTooLong', { length }),
            data: { length, limit: maxSucceededIndexesBytes },
          });
        }
        const parsed = parseSucceededIndexes(indexes, completionsValue);
        if ('error' in parsed) {
          report({
            ref: indexesRef,
            type: 'Invalid',
            message: say(parsed.error.key, parsed.error.args),
            data: { reason: parsed.error.key },
          });
          // The API server goes on with 0 indexes, so a succeededCount above 0 is reported too.
          total = 0;
        } else {
          total = parsed.total;
        }
      }
      if (!hasValue(count)) return;
      if (count.value < 0) {
        report({ ref: count.ref, type: 'Invalid', message: say('countNegative'), data: { minimum: 0 } });
      }
      if (completionsValue !== undefined && count.value > completionsValue) {
        report({
          ref: count.ref,
          type: 'Invalid',
          message: say('countAboveCompletions', { completions: completionsValue }),
          data: { maximum: completionsValue },
        });
      }
      if (total !== undefined && count.value > total) {
        report({
          ref: count.ref,
          type: 'Invalid',
          message: say('countAboveIndexes', { total }),
          data: { maximum: total },
        });
      }
    }
  },
});
