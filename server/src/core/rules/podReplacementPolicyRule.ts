import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import { field, isSet, stringValue } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    withPodFailurePolicy:
      'Unsupported podReplacementPolicy "{value}": only "Failed" is supported when podFailurePolicy is set',
    unsupported:
      'Unsupported podReplacementPolicy "{value}": supported values are "Failed", "TerminatingOrFailed"',
    empty:
      'podReplacementPolicy must not be empty: omit it to get the default, or use "Failed" or "TerminatingOrFailed"',
  },
  {
    withPodFailurePolicy:
      '不支持的 podReplacementPolicy "{value}"：设置了 podFailurePolicy 时只支持 "Failed"',
    unsupported: '不支持的 podReplacementPolicy "{value}"：支持的值为 "Failed"、"TerminatingOrFailed"',
    empty:
      'podReplacementPolicy 不能为空字符串：省略它以使用默认值，或使用 "Failed" 或 "TerminatingOrFailed"',
  },
);

const policies = ['Failed', 'TerminatingOrFailed'];

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/pod-replacement-policy': {
    severity: 'error',
    summary:
      'A podReplacementPolicy other than Failed/TerminatingOrFailed (only Failed with a podFailurePolicy).',
    source: `${kubernetesSources.batch} validatePodReplacementPolicy`,
    example: 'podReplacementPolicy: ""',
  },
} satisfies CodeDocs;

/**
 * `spec.podReplacementPolicy` (kubernetes-behaviour §1.3, `validatePodReplacementPolicy`): only `Failed`
 * with a podFailurePolicy, otherwise `Failed` or `TerminatingOrFailed`. Only an omitted value is
 * defaulted, so an explicit `""` is rejected like any other unsupported value.
 */
export const podReplacementPolicyRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const jobSpec = workloadRefs(context.workload).jobSpec;
    if (!jobSpec) return;
    const ref = field(jobSpec, 'podReplacementPolicy');
    const value = stringValue(ref);
    if (value === undefined) return;
    const withPodFailurePolicy = isSet(field(jobSpec, 'podFailurePolicy'));
    const allowed = withPodFailurePolicy ? ['Failed'] : policies;
    if (allowed.includes(value)) return;
    const caseMatch = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
    const replacement = withPodFailurePolicy ? 'Failed' : caseMatch;
    reportApiError(context, {
      code: 'job/pod-replacement-policy',
      ref,
      type: 'NotSupported',
      message: formatMessage(
        messages,
        context.locale,
        withPodFailurePolicy ? 'withPodFailurePolicy' : value === '' ? 'empty' : 'unsupported',
        { value },
      ),
      data: { allowed, ...(replacement ? { replacement } : {}) },
    });
  },
});
