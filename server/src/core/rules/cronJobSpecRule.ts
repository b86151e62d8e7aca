import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, integerValue, isSet, stringValue } from './fieldRef';
import { workloadRefs } from './workloadRefs';
import { reportApiError } from './reportApiError';
import type { Rule } from './rule';

const messages = defineCatalog(
  {
    nonNegative: '{field} must be greater than or equal to 0',
    concurrencyPolicy: 'Unsupported concurrencyPolicy "{value}": Allow, Forbid or Replace',
    scheduleRequired: 'A CronJob needs a schedule',
    scheduleTz: 'The schedule may not contain TZ or CRON_TZ: set spec.timeZone instead',
    timeZoneEmpty: 'timeZone must be omitted or a non-empty time zone name',
    timeZoneLocal: 'timeZone must be an explicit IANA time zone, not Local',
  },
  {
    nonNegative: '{field} 必须大于或等于 0',
    concurrencyPolicy: '不支持的 concurrencyPolicy "{value}"：只能是 Allow、Forbid 或 Replace',
    scheduleRequired: 'CronJob 必须有 schedule',
    scheduleTz: 'schedule 中不能包含 TZ 或 CRON_TZ：请改用 spec.timeZone',
    timeZoneEmpty: 'timeZone 要么省略，要么是非空的时区名称',
    timeZoneLocal: 'timeZone 必须是明确的 IANA 时区，不能是 Local',
  },
);

/**
 * A CronJob's own fields (k8s-semantics §1.4): the counters that must not be negative and
 * concurrencyPolicy. `schedule` and `timeZone` get only the checks that need no cron parser here;
 * the cron module's rule reports syntax, never-firing schedules and unknown zones.
 */
export const cronJobSpecRule: Rule = {
  code: 'cronjob/concurrency-policy',
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
    const timeZoneRef = field(spec, 'timeZone');
    const timeZone = stringValue(timeZoneRef);
    if (timeZone === '') {
      reportApiError(context, {
        code: 'cronjob/time-zone',
        ref: timeZoneRef,
        type: 'Invalid',
        message: say('timeZoneEmpty'),
      });
    } else if (timeZone?.toLowerCase() === 'local') {
      reportApiError(context, {
        code: 'cronjob/time-zone',
        ref: timeZoneRef,
        type: 'Invalid',
        message: say('timeZoneLocal'),
      });
    }
  },
};
