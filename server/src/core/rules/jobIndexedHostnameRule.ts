import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import { field, stringValue } from '../yaml/fieldRef';
import { hasValue, jobCounts, objectName } from '../workload/jobSpecFields';
import { dns1123LabelMaxLength, dns1123LabelProblems } from '../k8s/nameSyntax';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    invalidHostname:
      'Cannot create the pods of this Indexed Job: the hostname of the last index, "{hostname}", is not a valid DNS label (at most 63 characters, lowercase alphanumerics and "-")',
  },
  {
    invalidHostname:
      '无法创建此 Indexed Job 的 Pod：最后一个索引的主机名 "{hostname}" 不是有效的 DNS 标签（最多 63 个字符，只能包含小写字母、数字和 "-"）',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/indexed-hostname': {
    severity: 'error',
    summary: 'An Indexed Job whose largest pod hostname <name>-<completions-1> is not a DNS label.',
    source: `${kubernetesSources.batch} ValidateJob`,
    example: 'name: <60 characters>\ncompletionMode: Indexed',
  },
} satisfies CodeDocs;

/**
 * The Indexed hostname check of `ValidateJob` (kubernetes-behaviour §1.1, §1.3): the pods of an Indexed
 * Job are named `<name>-<index>`, so `<name>-<completions-1>` must be a DNS-1123 label, reported as
 * Invalid at `metadata.name`. Top-level Jobs only: a CronJob's jobTemplate is exempt (§1.4).
 */
export const jobIndexedHostnameRule = defineRule({
  codes,
  kinds: ['Job'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const jobSpec = refs.jobSpec;
    if (!jobSpec || stringValue(field(jobSpec, 'completionMode')) !== 'Indexed') return;
    const { completions } = jobCounts(refs, jobSpec);
    if (!hasValue(completions) || completions.value <= 0) return;
    const name = objectName(refs);
    if (!name) return;
    const lastIndex = String(completions.value - 1);
    const hostname = `${name.name}-${lastIndex}`;
    if (dns1123LabelProblems(hostname).length === 0) return;
    reportApiError(context, {
      code: 'job/indexed-hostname',
      ref: name.ref,
      path: 'metadata.name',
      type: 'Invalid',
      message: formatMessage(messages, context.locale, 'invalidHostname', { hostname }),
      data: {
        hostname,
        maxNameLength: dns1123LabelMaxLength - 1 - lastIndex.length,
        generated: name.generated,
      },
    });
  },
});
