import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import { field, isSet, stringValue } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { DEFAULTS } from '../workload/workloadModel';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    jobOmitted:
      'A Job needs restartPolicy OnFailure or Never: omitted, it defaults to Always, which a Job rejects',
    jobAlways: 'A Job does not accept restartPolicy Always: use OnFailure or Never',
    jobUnsupported: 'Unsupported restartPolicy "{value}": a Job accepts OnFailure or Never',
    jobWithPodFailurePolicy: 'Only restartPolicy Never is supported when podFailurePolicy is set',
    daemonSetUnsupported: 'Unsupported restartPolicy "{value}": a DaemonSet accepts only Always',
  },
  {
    jobOmitted: 'Job 需要 restartPolicy 为 OnFailure 或 Never：省略时默认为 Always，而 Job 不接受 Always',
    jobAlways: 'Job 不接受 restartPolicy Always：请使用 OnFailure 或 Never',
    jobUnsupported: '不支持的 restartPolicy "{value}"：Job 只接受 OnFailure 或 Never',
    jobWithPodFailurePolicy: '设置了 podFailurePolicy 时，restartPolicy 只支持 Never',
    daemonSetUnsupported: '不支持的 restartPolicy "{value}"：DaemonSet 只接受 Always',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/restart-policy': {
    severity: 'error',
    summary:
      'A Job (or CronJob jobTemplate) restartPolicy other than OnFailure or Never; Never only with a podFailurePolicy.',
    source: `${kubernetesSources.batch} validateJobSpec`,
    example: 'restartPolicy: Always',
  },
  'daemonset/restart-policy': {
    severity: 'error',
    summary: 'A DaemonSet restartPolicy other than Always.',
    source: `${kubernetesSources.apps} ValidateDaemonSetSpec`,
    example: 'restartPolicy: Never',
  },
} satisfies CodeDocs;

/**
 * `restartPolicy` per kind (kubernetes-behaviour §1.3, §1.5): a Job's pods must be OnFailure or Never
 * (Always, also the default, is Required-rejected), only Never with a podFailurePolicy; a
 * DaemonSet's only Always. The core pod check's NotSupported for other values is folded in.
 */
export const restartPolicyRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const refs = workloadRefs(context.workload);
    if (!isSet(refs.podSpec)) return;
    const ref = field(refs.podSpec, 'restartPolicy');
    const written = stringValue(ref);
    // The defaulted value without building the whole model: rules run on every document of a
    // file, the model only where a feature asks for it.
    const value = written ?? DEFAULTS.podSpec.restartPolicy;
    const say = (key: keyof (typeof messages)['en']): string =>
      formatMessage(messages, context.locale, key, { value });
    if (context.workload.kind === 'DaemonSet') {
      if (value !== 'Always') {
        reportApiError(context, {
          code: 'daemonset/restart-policy',
          ref,
          type: 'NotSupported',
          message: say('daemonSetUnsupported'),
          data: { replacement: 'Always', allowed: ['Always'] },
        });
      }
      return;
    }
    if (value === 'Always') {
      reportApiError(context, {
        code: 'job/restart-policy',
        ref,
        type: 'Required',
        message: say(written === undefined ? 'jobOmitted' : 'jobAlways'),
        data: { replacement: 'Never', allowed: ['OnFailure', 'Never'], omitted: written === undefined },
      });
    } else if (value !== 'OnFailure' && value !== 'Never') {
      reportApiError(context, {
        code: 'job/restart-policy',
        ref,
        type: 'NotSupported',
        message: say('jobUnsupported'),
        data: { replacement: 'Never', allowed: ['OnFailure', 'Never'] },
      });
    } else if (value === 'OnFailure' && refs.jobSpec && isSet(field(refs.jobSpec, 'podFailurePolicy'))) {
      reportApiError(context, {
        code: 'job/restart-policy',
        ref,
        type: 'Invalid',
        message: say('jobWithPodFailurePolicy'),
        data: { replacement: 'Never', allowed: ['Never'] },
      });
    }
  },
});
