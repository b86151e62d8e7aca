import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, stringValue } from '../yaml/fieldRef';
import { dns1123SubdomainProblems, isHttpPath, utf8Length } from '../k8s/nameSyntax';
import { reportApiError } from './reportApiError';
import type { ApiErrorReport } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    empty: 'managedBy must not be empty: omit it for the built-in Job controller',
    notDomainPrefixed: 'managedBy must be a domain-prefixed path (such as "acme.io/foo")',
    domainTooLong: 'The domain "{domain}" of managedBy must be no more than 253 characters',
    domainFormat:
      'The domain "{domain}" of managedBy must be a lowercase RFC 1123 subdomain: lowercase alphanumerics, "-" or ".", starting and ending with an alphanumeric',
    pathFormat:
      'The path "{path}" of managedBy may contain only letters, digits and the characters -._~%!$&\'()*+,;=:/',
    tooLong: 'managedBy is too long: {length} bytes, at most 63 are allowed',
  },
  {
    empty: 'managedBy 不能为空：使用内置 Job 控制器时请省略该字段',
    notDomainPrefixed: 'managedBy 必须是带域名前缀的路径（例如 "acme.io/foo"）',
    domainTooLong: 'managedBy 的域名 "{domain}" 不能超过 253 个字符',
    domainFormat:
      'managedBy 的域名 "{domain}" 必须是小写的 RFC 1123 子域名：只能包含小写字母、数字、"-" 或 "."，且必须以字母或数字开头和结尾',
    pathFormat: 'managedBy 的路径 "{path}" 只能包含字母、数字和字符 -._~%!$&\'()*+,;=:/',
    tooLong: 'managedBy 过长：{length} 字节，最多允许 63 字节',
  },
);

const maxManagedByLength = 63;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/managed-by': {
    severity: 'error',
    summary: 'managedBy that is not a domain-prefixed path of at most 63 characters.',
    source: `${kubernetesSources.batch} validateJobSpec`,
    example: 'managedBy: my-controller',
  },
} satisfies CodeDocs;

/**
 * `spec.managedBy` (kubernetes-behaviour §1.3, `IsDomainPrefixedPath` and the length limit): a DNS
 * subdomain, `/`, then HTTP path characters; at most 63 bytes. An empty value is Required, as
 * `IsDomainPrefixedPath` reports it.
 */
export const managedByRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const jobSpec = workloadRefs(context.workload).jobSpec;
    if (!jobSpec) return;
    const ref = field(jobSpec, 'managedBy');
    const value = stringValue(ref);
    if (value === undefined) return;
    const say = (key: keyof (typeof messages)['en'], args?: MessageArgs): string =>
      formatMessage(messages, context.locale, key, args);
    const report = (rest: Omit<ApiErrorReport, 'code' | 'ref'>): void =>
      reportApiError(context, { code: 'job/managed-by', ref, ...rest });

    if (value === '') {
      report({ type: 'Required', message: say('empty') });
      return;
    }
    const slash = value.indexOf('/');
    const domain = slash === -1 ? value : value.slice(0, slash);
    const path = slash === -1 ? '' : value.slice(slash + 1);
    if (slash <= 0 || path === '') {
      report({ type: 'Invalid', message: say('notDomainPrefixed') });
    } else {
      for (const problem of dns1123SubdomainProblems(domain)) {
        report({
          type: 'Invalid',
          message: say(problem.kind === 'tooLong' ? 'domainTooLong' : 'domainFormat', { domain }),
        });
      }
      if (!isHttpPath(path)) report({ type: 'Invalid', message: say('pathFormat', { path }) });
    }
    const length = utf8Length(value);
    if (length > maxManagedByLength) {
      report({
        type: 'TooLong',
        message: say('tooLong', { length }),
        data: { length, limit: maxManagedByLength },
      });
    }
  },
});
