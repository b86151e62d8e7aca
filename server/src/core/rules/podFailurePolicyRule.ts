import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, integerValue, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { int32Field, isInt32 } from '../workload/jobSpecFields';
import { qualifiedNameProblems } from '../k8s/nameSyntax';
import type { QualifiedNameProblem } from '../k8s/nameSyntax';
import { reportApiError } from './reportApiError';
import type { ApiErrorReport } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    tooManyRules: 'Too many podFailurePolicy rules: {count}, at most 20 are allowed',
    actionRequired: 'action is required: one of "Count", "FailIndex", "FailJob", "Ignore"',
    actionUnsupported:
      'Unsupported action "{value}": supported values are "Count", "FailIndex", "FailJob", "Ignore"',
    failIndexNeedsPerIndex: 'action FailIndex requires backoffLimitPerIndex to be set',
    bothRequirements: 'Specifying both onExitCodes and onPodConditions in one rule is not supported',
    noRequirement: 'A rule needs exactly one of onExitCodes and onPodConditions',
    operatorRequired: 'operator is required: "In" or "NotIn"',
    operatorUnsupported: 'Unsupported operator "{value}": supported values are "In", "NotIn"',
    unknownContainer:
      'containerName "{value}" must be one of the container or initContainer names in the pod template',
    valuesRequired: 'At least one exit code value is required',
    tooManyValues: 'Too many exit code values: {count}, at most 255 are allowed',
    zeroWithIn: 'Exit code must not be 0 for the In operator',
    duplicateValue: 'Duplicate exit code {value}',
    unordered: 'Exit code values must be ordered (non-decreasing)',
    tooManyPatterns: 'Too many onPodConditions patterns: {count}, at most 20 are allowed',
    typeEmptyName: 'Condition type: name part must be non-empty',
    typeEmptyPrefix: 'Condition type: prefix part must be non-empty',
    typeNameTooLong: 'Condition type: name part must be no more than 63 characters',
    typePrefixTooLong: 'Condition type: prefix part must be no more than 253 characters',
    typeNameFormat:
      "Condition type: name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character",
    typePrefixFormat:
      'Condition type: prefix part must be a lowercase RFC 1123 subdomain (e.g. "example.com")',
    typeSlashes:
      'Condition type must be a qualified name: an optional DNS subdomain prefix and "/", then a name',
    statusUnsupported: 'Unsupported status "{value}": supported values are "False", "True", "Unknown"',
  },
  {
    tooManyRules: 'podFailurePolicy 规则过多：{count} 条，最多允许 20 条',
    actionRequired: '必须设置 action："Count"、"FailIndex"、"FailJob"、"Ignore" 之一',
    actionUnsupported: '不支持的 action "{value}"：支持的值为 "Count"、"FailIndex"、"FailJob"、"Ignore"',
    failIndexNeedsPerIndex: 'action 为 FailIndex 时必须设置 backoffLimitPerIndex',
    bothRequirements: '不支持在同一条规则中同时指定 onExitCodes 和 onPodConditions',
    noRequirement: '每条规则必须且只能指定 onExitCodes 和 onPodConditions 之一',
    operatorRequired: '必须设置 operator："In" 或 "NotIn"',
    operatorUnsupported: '不支持的 operator "{value}"：支持的值为 "In"、"NotIn"',
    unknownContainer: 'containerName "{value}" 必须是 Pod 模板中某个 container 或 initContainer 的名称',
    valuesRequired: '至少需要一个退出码值',
    tooManyValues: '退出码值过多：{count} 个，最多允许 255 个',
    zeroWithIn: 'operator 为 In 时退出码不能为 0',
    duplicateValue: '重复的退出码 {value}',
    unordered: '退出码值必须按非递减顺序排列',
    tooManyPatterns: 'onPodConditions 模式过多：{count} 个，最多允许 20 个',
    typeEmptyName: '条件类型：名称部分不能为空',
    typeEmptyPrefix: '条件类型：前缀部分不能为空',
    typeNameTooLong: '条件类型：名称部分不能超过 63 个字符',
    typePrefixTooLong: '条件类型：前缀部分不能超过 253 个字符',
    typeNameFormat: "条件类型：名称部分只能包含字母、数字、'-'、'_' 或 '.'，且必须以字母或数字开头和结尾",
    typePrefixFormat: '条件类型：前缀部分必须是小写的 RFC 1123 子域名（例如 "example.com"）',
    typeSlashes: '条件类型必须是限定名称：可选的 DNS 子域名前缀加 "/"，然后是名称',
    statusUnsupported: '不支持的 status "{value}"：支持的值为 "False"、"True"、"Unknown"',
  },
);

type MessageKey = keyof (typeof messages)['en'];

const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const operators = ['In', 'NotIn'];
const statuses = ['False', 'True', 'Unknown'];
const maxRules = 20;
const maxValues = 255;
const maxPatterns = 20;

/** The value of a field that is a sequence: its items, [] when absent, undefined when mistyped. */
function sequence(ref: FieldRef): FieldRef[] | undefined {
  if (!isSet(ref)) return [];
  return ref.node?.kind === 'seq' ? items(ref) : undefined;
}

/** True when the field is absent or a mapping (a nil or non-nil struct pointer). */
function isMapOrAbsent(ref: FieldRef): boolean {
  return !isSet(ref) || ref.node?.kind === 'map';
}

/** A value the API server decodes as the given string field: '' when absent, undefined when mistyped. */
function stringOrEmpty(ref: FieldRef): string | undefined {
  return isSet(ref) ? stringValue(ref) : '';
}

/** A case-insensitive match among the supported values, for a quick fix of a mis-cased value. */
function caseFix(value: string, allowed: readonly string[]): { replacement?: string } {
  const match = allowed.find((candidate) => candidate.toLowerCase() === value.toLowerCase());
  return match ? { replacement: match } : {};
}

/** The names of the template's containers and init containers, or undefined when one is mistyped. */
function containerNames(podSpec: FieldRef): Set<string> | undefined {
  const names = new Set<string>();
  for (const key of ['containers', 'initContainers']) {
    const list = sequence(field(podSpec, key));
    if (!list) return undefined;
    for (const container of list) {
      if (!isMapOrAbsent(container)) return undefined;
      const name = stringOrEmpty(field(container, 'name'));
      if (name === undefined) return undefined;
      names.add(name);
    }
  }
  return names;
}

const typeMessages: Readonly<Record<string, MessageKey>> = {
  'name:empty': 'typeEmptyName',
  'prefix:empty': 'typeEmptyPrefix',
  'name:tooLong': 'typeNameTooLong',
  'prefix:tooLong': 'typePrefixTooLong',
  'name:format': 'typeNameFormat',
  'prefix:format': 'typePrefixFormat',
  'whole:slashes': 'typeSlashes',
};

function typeMessageKey(problem: QualifiedNameProblem): MessageKey {
  return typeMessages[`${problem.part}:${problem.kind}`] ?? 'typeNameFormat';
}

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'job/pod-failure-policy': {
    severity: 'error',
    summary: 'A podFailurePolicy rule the API server rejects (actions, operators, exit codes, conditions).',
    source: `${kubernetesSources.batch} validatePodFailurePolicy`,
    example: 'onExitCodes: {operator: In, values: [0]}',
  },
} satisfies CodeDocs;

/**
 * `spec.podFailurePolicy` (kubernetes-behaviour §1.3, `validatePodFailurePolicy*`): at most 20 rules;
 * each with a supported action (FailIndex only with backoffLimitPerIndex) and exactly one of
 * onExitCodes (operator In/NotIn, a known containerName, 1..255 distinct ordered values, no 0 with
 * In) and onPodConditions (at most 20 patterns, a qualified-name type, status True/False/Unknown,
 * where an empty status is defaulted to True by v1 and so never Required).
 */
export const podFailurePolicyRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const jobSpec = refs.jobSpec;
    if (!jobSpec) return;
    const policy = field(jobSpec, 'podFailurePolicy');
    if (policy.node?.kind !== 'map') return;
    const rulesRef = field(policy, 'rules');
    const rules = sequence(rulesRef);
    if (!rules) return;
    const say = (key: MessageKey, args?: MessageArgs): string =>
      formatMessage(messages, context.locale, key, args);
    const report = (rest: Omit<ApiErrorReport, 'code'>): void =>
      reportApiError(context, { code: 'job/pod-failure-policy', ...rest });

    if (rules.length > maxRules) {
      report({
        ref: rulesRef,
        type: 'TooMany',
        message: say('tooManyRules', { count: rules.length }),
        data: { count: rules.length, limit: maxRules },
      });
    }
    const perIndex = int32Field(jobSpec, 'backoffLimitPerIndex');
    const names = containerNames(refs.podSpec);

    for (const rule of rules) {
      if (!isMapOrAbsent(rule)) continue;
      const actionRef = field(rule, 'action');
      const action = stringOrEmpty(actionRef);
      if (action === '') {
        report({
          ref: actionRef,
          type: 'Required',
          message: say('actionRequired'),
          data: { allowed: actions },
        });
      } else if (action === 'FailIndex') {
        if (!perIndex.present)
          report({ ref: actionRef, type: 'Invalid', message: say('failIndexNeedsPerIndex') });
      } else if (action !== undefined && !actions.includes(action)) {
        report({
          ref: actionRef,
          type: 'NotSupported',
          message: say('actionUnsupported', { value: action }),
          data: { allowed: actions, ...caseFix(action, actions) },
        });
      }

      const exitCodesRef = field(rule, 'onExitCodes');
      const conditionsRef = field(rule, 'onPodConditions');
      const conditions = sequence(conditionsRef);
      if (exitCodesRef.node?.kind === 'map') checkExitCodes(exitCodesRef);
      if (conditions && conditions.length > 0) checkConditions(conditionsRef, conditions);
      if (!isMapOrAbsent(exitCodesRef) || !conditions) continue;
      if (isSet(exitCodesRef) && conditions.length > 0) {
        report({ ref: conditionsRef, path: rule.path, type: 'Invalid', message: say('bothRequirements') });
      } else if (!isSet(exitCodesRef) && conditions.length === 0) {
        report({
          ref: isSet(actionRef) ? actionRef : rule,
          path: rule.path,
          type: 'Invalid',
          message: say('noRequirement'),
        });
      }
    }

    function checkExitCodes(exitCodesRef: FieldRef): void {
      const operatorRef = field(exitCodesRef, 'operator');
      const operator = stringOrEmpty(operatorRef);
      if (operator === '') {
        report({
          ref: operatorRef,
          type: 'Required',
          message: say('operatorRequired'),
          data: { allowed: operators },
        });
      } else if (operator !== undefined && !operators.includes(operator)) {
        report({
          ref: operatorRef,
          type: 'NotSupported',
          message: say('operatorUnsupported', { value: operator }),
          data: { allowed: operators, ...caseFix(operator, operators) },
        });
      }
      const containerRef = field(exitCodesRef, 'containerName');
      const containerName = stringValue(containerRef);
      if (isSet(containerRef) && containerName !== undefined && names && !names.has(containerName)) {
        report({
          ref: containerRef,
          type: 'Invalid',
          message: say('unknownContainer', { value: containerName }),
          data: { allowed: [...names].filter((name) => name !== '') },
        });
      }
      const valuesRef = field(exitCodesRef, 'values');
      const values = sequence(valuesRef);
      if (!values) return;
      if (values.length === 0) {
        report({ ref: valuesRef, type: 'Invalid', message: say('valuesRequired') });
      } else if (values.length > maxValues) {
        report({
          ref: valuesRef,
          type: 'TooMany',
          message: say('tooManyValues', { count: values.length }),
          data: { count: values.length, limit: maxValues },
        });
      }
      // A value that is not an int32 cannot be decoded: leave the values to the schema check.
      const codes: number[] = [];
      for (const value of values) {
        const code = integerValue(value);
        if (code === undefined || !isInt32(code)) return;
        codes.push(code);
      }
      const seen = new Map<number, number>();
      let ordered = true;
      codes.forEach((code, index) => {
        const valueRef = values[index];
        if (!valueRef) return;
        if (operator === 'In' && code === 0) {
          report({ ref: valueRef, type: 'Invalid', message: say('zeroWithIn') });
        }
        const first = seen.get(code);
        if (first !== undefined) {
          report({
            ref: valueRef,
            type: 'Duplicate',
            message: say('duplicateValue', { value: code }),
            data: { duplicateOf: first },
          });
        } else {
          seen.set(code, index);
        }
        const previous = codes[index - 1];
        if (previous !== undefined && previous > code) ordered = false;
      });
      if (!ordered) {
        report({
          ref: valuesRef,
          type: 'Invalid',
          message: say('unordered'),
          data: { replacement: [...seen.keys()].sort((a, b) => a - b) },
        });
      }
    }

    function checkConditions(conditionsRef: FieldRef, patterns: FieldRef[]): void {
      if (patterns.length > maxPatterns) {
        report({
          ref: conditionsRef,
          type: 'TooMany',
          message: say('tooManyPatterns', { count: patterns.length }),
          data: { count: patterns.length, limit: maxPatterns },
        });
      }
      for (const pattern of patterns) {
        if (!isMapOrAbsent(pattern)) continue;
        const typeRef = field(pattern, 'type');
        const type = stringOrEmpty(typeRef);
        if (type !== undefined) {
          for (const problem of qualifiedNameProblems(type)) {
            report({ ref: typeRef, type: 'Invalid', message: say(typeMessageKey(problem)) });
          }
        }
        // v1 defaults an empty or omitted status to True, so only other values are wrong.
        const statusRef = field(pattern, 'status');
        const status = stringValue(statusRef);
        if (status !== undefined && status !== '' && !statuses.includes(status)) {
          report({
            ref: statusRef,
            type: 'NotSupported',
            message: say('statusUnsupported', { value: status }),
            data: { allowed: statuses, ...caseFix(status, statuses) },
          });
        }
      }
    }
  },
});
