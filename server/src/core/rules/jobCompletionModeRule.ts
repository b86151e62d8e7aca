import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, isSet, stringValue } from '../yaml/fieldRef';
import { hasValue, int32Field, jobCounts } from '../workload/jobSpecFields';
import type { IntegerField } from '../workload/jobSpecFields';
import { reportApiError } from './reportApiError';
import type { ApiErrorReport } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    unsupportedMode: 'Unsupported completionMode "{value}": supported values are "NonIndexed", "Indexed"',
    completionsRequiredJob:
      'completions is required when completionMode is Indexed (with parallelism set, it is not defaulted)',
    completionsRequiredTemplate:
      "completions is required when completionMode is Indexed (a CronJob's jobTemplate gets no Job defaults)",
    parallelismIndexed: 'parallelism must be less than or equal to 100000 when completionMode is Indexed',
    maxFailedAboveCompletions: 'maxFailedIndexes must be less than or equal to completions ({completions})',
    maxFailedLimit: 'maxFailedIndexes must be less than or equal to 100000',
    maxFailedRequired:
      'maxFailedIndexes must be specified when completions is above 100000 and backoffLimitPerIndex is set',
    parallelismHighCompletions:
      'parallelism must be less than or equal to 10000 when completions are above 100000 and used with backoffLimitPerIndex',
    maxFailedHighCompletions:
      'maxFailedIndexes must be less than or equal to 10000 when completions are above 100000 and used with backoffLimitPerIndex',
    requiresIndexed: '{field} requires completionMode Indexed',
    perIndexRequired: 'backoffLimitPerIndex is required when maxFailedIndexes is specified',
    trackingWarning:
      'In Indexed Jobs with more than 100000 completions and a parallelism above 10000, Kubernetes might not be able to track completedIndexes when many indexes fail',
  },
  {
    unsupportedMode: '不支持的 completionMode "{value}"：支持的值为 "NonIndexed"、"Indexed"',
    completionsRequiredJob:
      'completionMode 为 Indexed 时必须设置 completions（已设置 parallelism，completions 不会取默认值）',
    completionsRequiredTemplate:
      'completionMode 为 Indexed 时必须设置 completions（CronJob 的 jobTemplate 不应用 Job 默认值）',
    parallelismIndexed: 'completionMode 为 Indexed 时，parallelism 必须小于或等于 100000',
    maxFailedAboveCompletions: 'maxFailedIndexes 必须小于或等于 completions（{completions}）',
    maxFailedLimit: 'maxFailedIndexes 必须小于或等于 100000',
    maxFailedRequired: 'completions 大于 100000 且设置了 backoffLimitPerIndex 时，必须指定 maxFailedIndexes',
    parallelismHighCompletions:
      'completions 大于 100000 且使用 backoffLimitPerIndex 时，parallelism 必须小于或等于 10000',
    maxFailedHighCompletions:
      'completions 大于 100000 且使用 backoffLimitPerIndex 时，maxFailedIndexes 必须小于或等于 10000',
    requiresIndexed: '{field} 要求 completionMode 为 Indexed',
    perIndexRequired: '指定 maxFailedIndexes 时必须设置 backoffLimitPerIndex',
    trackingWarning:
      '在 completions 大于 100000 且 parallelism 大于 10000 的 Indexed Job 中，大量索引失败时 Kubernetes 可能无法跟踪 completedIndexes',
  },
);

type MessageKey = keyof (typeof messages)['en'];

const completionModes = ['NonIndexed', 'Indexed'];
const maxParallelismForIndexedJob = 100_000;
const maxFailedIndexesForIndexedJob = 100_000;
const completionsSoftLimit = 100_000;
const parallelismLimitForHighCompletions = 10_000;
const maxFailedIndexesLimitForHighCompletions = 10_000;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/completion-mode': {
    severity: 'error',
    summary:
      'completionMode and the Indexed limits: completions required, parallelism ≤ 100000, per-index backoff only when Indexed.',
    source: `${kubernetesSources.batch} validateJobSpec`,
    example: 'completionMode: Indexed\nparallelism: 3',
  },
  'job/indexed-tracking-limit': {
    severity: 'warning',
    summary: 'An Indexed Job with completions above 100000 and parallelism above 10000.',
    source: 'pkg/api/job/warnings.go',
    example: 'completions: 200000\nparallelism: 20000',
  },
} satisfies CodeDocs;

/**
 * `completionMode` and the Indexed limits of `validateJobSpec` (kubernetes-behaviour §1.3), after the
 * Job defaults of §2.1 for a top-level Job only: the mode must be NonIndexed or Indexed; an
 * Indexed Job needs completions and bounded parallelism and maxFailedIndexes; backoffLimitPerIndex
 * and maxFailedIndexes need Indexed; maxFailedIndexes needs backoffLimitPerIndex. Also the §1.7
 * warning for Indexed Jobs whose completedIndexes may become too long to track, under its own
 * code `job/indexed-tracking-limit`.
 */
export const jobCompletionModeRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const jobSpec = refs.jobSpec;
    if (!jobSpec || !isSet(jobSpec)) return;
    const say = (key: MessageKey, args?: MessageArgs): string =>
      formatMessage(messages, context.locale, key, args);
    const report = (rest: Omit<ApiErrorReport, 'code'>): void =>
      reportApiError(context, { code: 'job/completion-mode', ...rest });

    const modeRef = field(jobSpec, 'completionMode');
    const mode = stringValue(modeRef);
    const { completions, parallelism } = jobCounts(refs, jobSpec);
    const perIndex = int32Field(jobSpec, 'backoffLimitPerIndex');
    const maxFailed = int32Field(jobSpec, 'maxFailedIndexes');
    const above = (item: IntegerField, limit: number): boolean => hasValue(item) && item.value > limit;

    if (hasValue(maxFailed) && !perIndex.present) {
      report({ ref: perIndex.ref, type: 'Required', message: say('perIndexRequired') });
    }
    if (mode !== undefined && !completionModes.includes(mode)) {
      const replacement = completionModes.find((known) => known.toLowerCase() === mode.toLowerCase());
      report({
        ref: modeRef,
        type: 'NotSupported',
        message: say('unsupportedMode', { value: mode }),
        data: { allowed: completionModes, ...(replacement ? { replacement } : {}) },
      });
    }
    if (mode === 'Indexed') {
      if (!completions.present) {
        report({
          ref: completions.ref,
          type: 'Required',
          message: say(refs.jobDefaultsApply ? 'completionsRequiredJob' : 'completionsRequiredTemplate'),
        });
      }
      if (above(parallelism, maxParallelismForIndexedJob)) {
        report({
          ref: parallelism.ref,
          type: 'Invalid',
          message: say('parallelismIndexed'),
          data: { maximum: maxParallelismForIndexedJob },
        });
      }
      if (hasValue(completions) && hasValue(maxFailed) && maxFailed.value > completions.value) {
        report({
          ref: maxFailed.ref,
          type: 'Invalid',
          message: say('maxFailedAboveCompletions', { completions: completions.value }),
          data: { maximum: completions.value },
        });
      }
      if (above(maxFailed, maxFailedIndexesForIndexedJob)) {
        report({
          ref: maxFailed.ref,
          type: 'Invalid',
          message: say('maxFailedLimit'),
          data: { maximum: maxFailedIndexesForIndexedJob },
        });
      }
      if (above(completions, completionsSoftLimit) && hasValue(perIndex)) {
        if (!maxFailed.present) {
          report({ ref: maxFailed.ref, type: 'Required', message: say('maxFailedRequired') });
        }
        if (above(parallelism, parallelismLimitForHighCompletions)) {
          report({
            ref: parallelism.ref,
            type: 'Invalid',
            message: say('parallelismHighCompletions'),
            data: { maximum: parallelismLimitForHighCompletions },
          });
        }
        if (above(maxFailed, maxFailedIndexesLimitForHighCompletions)) {
          report({
            ref: maxFailed.ref,
            type: 'Invalid',
            message: say('maxFailedHighCompletions'),
            data: { maximum: maxFailedIndexesLimitForHighCompletions },
          });
        }
      }
      // A warning, not an error (pkg/api/job/warnings.go); unset counts read as 0 there.
      if (
        above(completions, completionsSoftLimit) &&
        above(parallelism, parallelismLimitForHighCompletions)
      ) {
        reportApiError(context, {
          code: 'job/indexed-tracking-limit',
          ref: parallelism.ref,
          path: jobSpec.path,
          severity: 'warning',
          message: say('trackingWarning'),
        });
      }
    }
    // An omitted mode is NonIndexed (defaulted for a Job, nil in a jobTemplate: the same check).
    if (!isSet(modeRef) || mode === 'NonIndexed') {
      const needIndexed = [
        ['backoffLimitPerIndex', perIndex],
        ['maxFailedIndexes', maxFailed],
      ] as const;
      for (const [name, item] of needIndexed) {
        if (!hasValue(item)) continue;
        report({ ref: item.ref, type: 'Invalid', message: say('requiresIndexed', { field: name }) });
      }
    }
  },
});
