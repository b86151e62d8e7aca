import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import { hasValue, int32Field, int64Field } from '../workload/jobSpecFields';
import type { IntegerField } from '../workload/jobSpecFields';
import type { FieldRef } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  { negative: '{field} must be greater than or equal to 0' },
  { negative: '{field} 必须大于或等于 0' },
);

/** The Job spec's counts and timers, in the order `validateJobSpec` checks them, with their Go types. */
const nonNegativeFields: readonly (readonly [string, (parent: FieldRef, key: string) => IntegerField])[] = [
  ['parallelism', int32Field],
  ['completions', int32Field],
  ['activeDeadlineSeconds', int64Field],
  ['backoffLimit', int32Field],
  ['ttlSecondsAfterFinished', int32Field],
  ['backoffLimitPerIndex', int32Field],
  ['maxFailedIndexes', int32Field],
];

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/negative-count': {
    severity: 'error',
    summary:
      'parallelism, completions, backoffLimit, activeDeadlineSeconds, ttlSecondsAfterFinished, backoffLimitPerIndex or maxFailedIndexes below 0.',
    source: `${kubernetesSources.batch} validateJobSpec`,
    example: 'backoffLimit: -1',
  },
} satisfies CodeDocs;

/**
 * The Job spec's counts and timers must not be negative (kubernetes-behaviour §1.3, `ValidateNonnegativeField`),
 * in a Job's `spec` and a CronJob's `spec.jobTemplate.spec` alike. Zero is accepted everywhere.
 */
export const jobCountsRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const jobSpec = workloadRefs(context.workload).jobSpec;
    if (!jobSpec) return;
    for (const [key, read] of nonNegativeFields) {
      const item = read(jobSpec, key);
      if (!hasValue(item) || item.value >= 0) continue;
      reportApiError(context, {
        code: 'job/negative-count',
        ref: item.ref,
        type: 'Invalid',
        message: formatMessage(messages, context.locale, 'negative', { field: key }),
        data: { value: item.value, minimum: 0 },
      });
    }
  },
});
