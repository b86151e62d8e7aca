import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import { objectName } from '../workload/jobSpecFields';
import { dns1123LabelMaxLength, dns1123LabelProblems, dns1123SubdomainProblems } from '../k8s/nameSyntax';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    dots: 'The name is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: it must not contain dots',
    tooLong:
      'The name is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: it must be no more than 63 characters',
    dotsAndTooLong:
      'The name is used in Pod names and hostnames, which can result in surprising behavior; a DNS label is recommended: it must be no more than 63 characters and must not contain dots',
  },
  {
    dots: '此名称会用于 Pod 名称和主机名，可能导致意外行为；建议使用 DNS 标签：不能包含点',
    tooLong: '此名称会用于 Pod 名称和主机名，可能导致意外行为；建议使用 DNS 标签：不能超过 63 个字符',
    dotsAndTooLong:
      '此名称会用于 Pod 名称和主机名，可能导致意外行为；建议使用 DNS 标签：不能超过 63 个字符，且不能包含点',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'workload/name-not-dns-label': {
    severity: 'warning',
    summary: 'A Job or CronJob name that is a subdomain but not a DNS label (used in pod hostnames).',
    source: 'pkg/api/job/warnings.go',
    example: 'name: my.job',
  },
} satisfies CodeDocs;

/**
 * The warning (kubernetes-behaviour §1.7) of the Job and CronJob strategies' `WarningsOnCreate`: a name that is a valid
 * DNS subdomain but not a DNS-1123 label (dots, or longer than 63) is accepted with a warning.
 * Names that are not even valid subdomains are the `metadata/name` rule's errors, not warned here.
 */
export const nameDnsLabelWarningRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const name = objectName(workloadRefs(context.workload));
    if (!name || name.name === '' || dns1123SubdomainProblems(name.name).length > 0) return;
    const problems = dns1123LabelProblems(name.name);
    if (problems.length === 0) return;
    const dots = problems.some((problem) => problem.kind === 'dots');
    const tooLong = problems.some((problem) => problem.kind === 'tooLong');
    // Dots become dashes when that alone makes a label; a written name only, not a generated one.
    const dashed = name.name.replace(/\./g, '-');
    const replacement =
      dots && !name.generated && dns1123LabelProblems(dashed).length === 0 ? { replacement: dashed } : {};
    reportApiError(context, {
      code: 'workload/name-not-dns-label',
      ref: name.ref,
      path: 'metadata.name',
      severity: 'warning',
      message: formatMessage(
        messages,
        context.locale,
        dots && tooLong ? 'dotsAndTooLong' : dots ? 'dots' : 'tooLong',
      ),
      data: { dots, tooLong, maxLength: dns1123LabelMaxLength, ...replacement },
    });
  },
});
