import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, integerValue, isSet, stringValue } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';

const messages = defineCatalog(
  {
    nonNegative: '{field} must be greater than or equal to 0',
    concurrencyPolicy: 'Unsupported concurrencyPolicy "{value}": Allow, Forbid or Replace',
    scheduleRequired: 'A CronJob needs a schedule',
  },
  {
    nonNegative: '{field} 必须大于或等于 0',
    concurrencyPolicy: '不支持的 concurrencyPolicy "{value}"：只能是 Allow、Forbid 或 Replace',
    scheduleRequired: 'CronJob 必须有 schedule',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'cronjob/schedule-required': {
    severity: 'error',
    summary: 'A CronJob without a schedule.',
    source: `${kubernetesSources.batch} validateCronJobSpec`,
    example: 'schedule: ""',
  },
  'cronjob/negative-field': {
    severity: 'error',
    summary: 'startingDeadlineSeconds or a history limit below 0.',
    source: `${kubernetesSources.batch} validateCronJobSpec`,
    example: 'startingDeadlineSeconds: -1',
  },
  'cronjob/concurrency-policy': {
    severity: 'error',
    summary: 'concurrencyPolicy other than Allow, Forbid or Replace.',
    source: `${kubernetesSources.batch} validateCronJobSpec`,
    example: 'concurrencyPolicy: forbid',
  },
} satisfies CodeDocs;

/**
 * A CronJob's own fields (kubernetes-behaviour §1.4): the counters that must not be negative and
 * concurrencyPolicy, and a schedule that is present. The schedule's syntax and the time zone are
 * cronScheduleRule's.
 */
export const cronJobSpecRule = defineRule({
  codes,
  kinds: ['CronJob'],
  check(context) {
    const say = (key: keyof (typeof messages)['en'], args: MessageArgs = {}): string =>
      formatMessage(messages, context.locale, key, args);
    const spec = workloadRefs(context.workload).spec;
    if (!isSet(spec)) return;
    for (const name of ['startingDeadlineSeconds', 'successfulJobsHistoryLimit', 'failedJobsHistoryLimit']) {
      const ref = field(spec, name);
      const value = integerValue(ref);
      if (value !== undefined && value < 0) {
        reportApiError(context, {
          code: 'cronjob/negative-field',
          ref,
          type: 'Invalid',
          message: say('nonNegative', { field: name }),
        });
      }
    }
    const policyRef = field(spec, 'concurrencyPolicy');
    const policy = stringValue(policyRef);
    if (policy !== undefined && policy !== '' && !['Allow', 'Forbid', 'Replace'].includes(policy)) {
      reportApiError(context, {
        code: 'cronjob/concurrency-policy',
        ref: policyRef,
        type: 'NotSupported',
        message: say('concurrencyPolicy', { value: policy }),
      });
    }
    const scheduleRef = field(spec, 'schedule');
    const schedule = stringValue(scheduleRef);
    if (!isSet(scheduleRef) || schedule === '') {
      reportApiError(context, {
        code: 'cronjob/schedule-required',
        ref: scheduleRef,
        type: 'Required',
        message: say('scheduleRequired'),
      });
    }
  },
});
