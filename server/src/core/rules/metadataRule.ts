import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import {
  checkDns1123Subdomain,
  checkLabelValue,
  checkQualifiedName,
  findPlaceholder,
} from '../k8s/nameValidation';
import type { NameProblem } from '../k8s/nameValidation';
import type { RuleContext } from './rule';
import { entries, field, isSet, stringValue, withValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    nameRequired: 'metadata.name is required (or metadata.generateName)',
    nameInvalid: 'Invalid name "{value}": {why}',
    namePlaceholder:
      'Invalid name "{value}": "{placeholder}" looks like an unexpanded placeholder; replace it before applying',
    cronJobNameTooLong:
      'A CronJob name may have at most 52 characters (it has {length}): its Jobs are named <name>-<11 digits>',
    labelKeyInvalid: 'Invalid label key "{value}": {why}',
    labelValueInvalid: 'Invalid label value "{value}": {why}',
    annotationKeyInvalid: 'Invalid annotation key "{value}": {why}',
    annotationsTooLong: 'Annotations total {size} bytes; at most 262144 are allowed',
    tooLong: 'must be no more than {max} characters',
    dns1123Subdomain:
      "a lowercase RFC 1123 subdomain must consist of lowercase letters, digits, '-' and '.', and start and end with a letter or digit",
    qualifiedNamePart:
      "the name part must consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit",
    qualifiedNamePrefix: 'the prefix before "/" must be a lowercase RFC 1123 subdomain',
    qualifiedNameSlashes: 'a qualified name has at most one "/"',
    empty: 'the name part must not be empty',
    labelValue:
      "a label value must be empty or consist of letters, digits, '-', '_' or '.', and start and end with a letter or digit",
  },
  {
    nameRequired: '必须提供 metadata.name（或 metadata.generateName）',
    nameInvalid: '无效的名称 "{value}"：{why}',
    namePlaceholder: '无效的名称 "{value}"："{placeholder}" 像是未替换的占位符，应用前请先替换',
    cronJobNameTooLong:
      'CronJob 名称最多 52 个字符（当前 {length} 个）：它创建的 Job 名为 <名称>-<11 位数字>',
    labelKeyInvalid: '无效的标签键 "{value}"：{why}',
    labelValueInvalid: '无效的标签值 "{value}"：{why}',
    annotationKeyInvalid: '无效的注解键 "{value}"：{why}',
    annotationsTooLong: '注解总计 {size} 字节，最多允许 262144 字节',
    tooLong: '不能超过 {max} 个字符',
    dns1123Subdomain: '小写 RFC 1123 子域名只能包含小写字母、数字、"-" 和 "."，且必须以字母或数字开头和结尾',
    qualifiedNamePart: '名称部分只能包含字母、数字、"-"、"_" 或 "."，且必须以字母或数字开头和结尾',
    qualifiedNamePrefix: '"/" 之前的前缀必须是小写 RFC 1123 子域名',
    qualifiedNameSlashes: '限定名最多包含一个 "/"',
    empty: '名称部分不能为空',
    labelValue: '标签值必须为空，或只包含字母、数字、"-"、"_" 或 "."，且以字母或数字开头和结尾',
  },
);

type MessageKey = keyof (typeof messages)['en'];

function explain(
  context: Pick<RuleContext, 'locale'>,
  problems: readonly NameProblem[],
  max: number,
): string {
  return problems
    .map((problem) => {
      if (problem === 'tooLong') return formatMessage(messages, context.locale, 'tooLong', { max });
      if (problem === 'dns1123Label' || problem === 'dns1123Subdomain')
        return formatMessage(messages, context.locale, 'dns1123Subdomain');
      return formatMessage(messages, context.locale, problem);
    })
    .join('; ');
}

/** Validates a label map (`metadata.labels`, a template's labels, `nodeSelector`), reporting at `path`. */
export function checkLabelMap<LabelCode extends string>(
  context: RuleContext<LabelCode>,
  labels: FieldRef,
  code: NoInfer<LabelCode>,
  path = labels.path,
): void {
  const say = (key: MessageKey, args: MessageArgs): string =>
    formatMessage(messages, context.locale, key, args);
  for (const { key, ref } of entries(labels)) {
    const keyProblems = checkQualifiedName(key);
    if (keyProblems.length > 0) {
      reportApiError(context, {
        code,
        ref: withValue(ref, null, null),
        type: 'Invalid',
        path,
        message: say('labelKeyInvalid', { value: key, why: explain(context, keyProblems, 63) }),
      });
    }
    const value = stringValue(ref);
    const valueProblems = value === undefined ? [] : checkLabelValue(value);
    if (value !== undefined && valueProblems.length > 0) {
      reportApiError(context, {
        code,
        ref,
        type: 'Invalid',
        path,
        message: say('labelValueInvalid', { value, why: explain(context, valueProblems, 63) }),
      });
    }
  }
}

function checkAnnotations(context: RuleContext<Code>, annotations: FieldRef, code: Code, path: string): void {
  const say = (key: MessageKey, args: MessageArgs): string =>
    formatMessage(messages, context.locale, key, args);
  let size = 0;
  for (const { key, ref } of entries(annotations)) {
    size += key.length + (stringValue(ref)?.length ?? 0);
    const problems = checkQualifiedName(key.toLowerCase());
    if (problems.length > 0) {
      reportApiError(context, {
        code,
        ref: withValue(ref, null, null),
        type: 'Invalid',
        path,
        message: say('annotationKeyInvalid', { value: key, why: explain(context, problems, 63) }),
      });
    }
  }
  if (size > 256 * 1024) {
    reportApiError(context, {
      code,
      ref: annotations,
      type: 'TooLong',
      path,
      message: say('annotationsTooLong', { size }),
    });
  }
}

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'metadata/name': {
    severity: 'error',
    summary: 'metadata.name is missing or not a DNS-1123 subdomain (unexpanded placeholders are named).',
    source: `${kubernetesSources.meta} NameIsDNSSubdomain`,
    example: 'name: process-item-$ITEM',
  },
  'metadata/labels': {
    severity: 'error',
    summary:
      'A label key or value is not valid label syntax (also template labels, at spec.template.labels).',
    source: `${kubernetesSources.meta} ValidateLabels`,
    example: 'labels: {"-bad": x}',
  },
  'metadata/annotations': {
    severity: 'error',
    summary: 'An annotation key is not a qualified name, or annotations exceed 256 KiB.',
    source: `${kubernetesSources.meta} ValidateAnnotations`,
    example: 'annotations: {"a b": x}',
  },
  'cronjob/name-too-long': {
    severity: 'error',
    summary: 'A CronJob name longer than 52 characters (its Jobs append 11 digits).',
    source: `${kubernetesSources.batch} ValidateCronJobCreate`,
    example: 'name: <53 characters>',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * Object metadata (kubernetes-behaviour §1.1): the name is a DNS-1123 subdomain (a CronJob's at most 52
 * characters), label and annotation keys are qualified names, label values are valid; the same
 * label and annotation rules for the pod template, reported at `<template>.labels`.
 */
export const metadataRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const say = (key: MessageKey, args: MessageArgs = {}): string =>
      formatMessage(messages, context.locale, key, args);
    const nameRef = field(refs.metadata, 'name');
    const name = stringValue(nameRef);
    if (!isSet(nameRef) && !isSet(field(refs.metadata, 'generateName'))) {
      reportApiError(context, {
        code: 'metadata/name',
        ref: nameRef,
        type: 'Required',
        message: say('nameRequired'),
      });
    } else if (name !== undefined) {
      const problems = checkDns1123Subdomain(name);
      const placeholder = findPlaceholder(name);
      if (problems.length > 0) {
        reportApiError(context, {
          code: 'metadata/name',
          ref: nameRef,
          type: 'Invalid',
          message: placeholder
            ? say('namePlaceholder', { value: name, placeholder })
            : say('nameInvalid', { value: name, why: explain(context, problems, 253) }),
          data: placeholder ? { placeholder } : {},
        });
      } else if (context.workload.kind === 'CronJob' && name.length > 52) {
        reportApiError(context, {
          code: 'cronjob/name-too-long',
          ref: nameRef,
          type: 'Invalid',
          message: say('cronJobNameTooLong', { length: name.length }),
        });
      }
    }
    checkLabelMap(context, field(refs.metadata, 'labels'), 'metadata/labels');
    checkAnnotations(
      context,
      field(refs.metadata, 'annotations'),
      'metadata/annotations',
      'metadata.annotations',
    );
    const templateMetadata = field(refs.template, 'metadata');
    checkLabelMap(
      context,
      field(templateMetadata, 'labels'),
      'metadata/labels',
      `${refs.template.path}.labels`,
    );
    checkAnnotations(
      context,
      field(templateMetadata, 'annotations'),
      'metadata/annotations',
      `${refs.template.path}.annotations`,
    );
  },
});
