import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { checkDns1123Subdomain, checkQualifiedName } from '../k8s/nameValidation';
import { field, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { kubernetesMinor, podContainers } from './podContainers';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    envNameStrict:
      'Invalid environment variable name "{value}": letters, digits, "_", "-" or ".", not starting with a digit, and not ".", ".." or starting with ".." (Kubernetes {version})',
    envNameRelaxed:
      'Invalid environment variable name "{value}": only printable ASCII characters other than "="',
    valueFromNone:
      'valueFrom must specify one of fieldRef, resourceFieldRef, configMapKeyRef or secretKeyRef',
    valueFromWithValue: 'valueFrom may not be set when value is not empty',
    valueFromMany: 'valueFrom may not have more than one source at a time',
    refName: 'Invalid name "{value}": a lowercase RFC 1123 subdomain (at most 253 of a-z, 0-9, "-" and ".")',
    refNameRequired: '{key} needs a name',
    refKey:
      'Invalid key "{value}": at most 253 of letters, digits, "-", "_" or ".", and not ".", ".." or starting with ".."',
    fieldPathVersion: 'Unsupported fieldRef apiVersion "{value}": only v1',
    fieldPathUnknown: 'fieldPath "{value}" is not a field the downward API knows',
    fieldPathSubscript: 'fieldPath "{value}" does not support a subscript',
    fieldPathKey: 'Invalid key in fieldPath "{value}": it must be a qualified name like a label key',
    fieldPathUnsupported: 'fieldPath "{value}" is not supported here; supported: {supported}',
    resourceUnsupported: 'Unsupported resource "{value}"; supported: {supported}',
    envFromNone: 'Each envFrom entry must specify one of configMapRef or secretRef',
    envFromMany: 'An envFrom entry may not have both configMapRef and secretRef',
  },
  {
    envNameStrict:
      '无效的环境变量名 "{value}"：只能包含字母、数字、"_"、"-" 或 "."，不能以数字开头，也不能是 "."、".." 或以 ".." 开头（Kubernetes {version}）',
    envNameRelaxed: '无效的环境变量名 "{value}"：只能包含除 "=" 以外的可打印 ASCII 字符',
    valueFromNone: 'valueFrom 必须指定 fieldRef、resourceFieldRef、configMapKeyRef 或 secretKeyRef 之一',
    valueFromWithValue: 'value 不为空时不能设置 valueFrom',
    valueFromMany: 'valueFrom 一次只能指定一个来源',
    refName: '无效的名称 "{value}"：必须是小写 RFC 1123 子域名（最多 253 个 a-z、0-9、"-" 和 "."）',
    refNameRequired: '{key} 必须有名称',
    refKey: '无效的键 "{value}"：最多 253 个字母、数字、"-"、"_" 或 "."，且不能是 "."、".." 或以 ".." 开头',
    fieldPathVersion: '不支持的 fieldRef apiVersion "{value}"：只能是 v1',
    fieldPathUnknown: 'fieldPath "{value}" 不是 downward API 支持的字段',
    fieldPathSubscript: 'fieldPath "{value}" 不支持下标',
    fieldPathKey: 'fieldPath "{value}" 中的键无效：必须是与标签键相同格式的限定名',
    fieldPathUnsupported: '此处不支持 fieldPath "{value}"；支持：{supported}',
    resourceUnsupported: '不支持的资源 "{value}"；支持：{supported}',
    envFromNone: '每个 envFrom 条目必须指定 configMapRef 或 secretRef 之一',
    envFromMany: '一个 envFrom 条目不能同时指定 configMapRef 和 secretRef',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/env-name': {
    severity: 'error',
    summary:
      'An env var name or envFrom prefix the target version refuses (C-identifier-like before 1.32; printable ASCII without "=" from 1.32).',
    source: `${kubernetesSources.core} ValidateEnv / ValidateEnvFrom (IsEnvVarName, IsRelaxedEnvVarName)`,
    example: 'env: [{name: "1_VAR", value: x}]',
  },
  'pod/env-value-from': {
    severity: 'error',
    summary:
      'An env var valueFrom with no source, more than one, or beside a value; or a source the API server refuses.',
    source: `${kubernetesSources.core} validateEnvVarValueFrom`,
    example: 'env: [{name: A, valueFrom: {}}]',
  },
  'pod/env-from': {
    severity: 'error',
    summary: 'An envFrom entry without exactly one of configMapRef and secretRef, or with an invalid name.',
    source: `${kubernetesSources.core} ValidateEnvFrom`,
    example: 'envFrom: [{prefix: APP_}]',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/** validEnvDownwardAPIFieldPathExpressions. */
const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];
/** What ConvertDownwardAPIFieldLabel (pkg/apis/core/pods) accepts without a subscript. */
const convertibleFieldPaths = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
  'spec.terminationGracePeriodSeconds',
  'spec.host',
]);
/** validContainerResourceFieldPathExpressions, and the hugepages prefixes allowed beside them. */
const containerResourcePaths = [
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
];

/**
 * env and envFrom of every container as validateContainerCommon checks them: ValidateEnv (names
 * for the target version: RelaxedEnvironmentVariableValidation is beta, on by default, from
 * 1.32), validateEnvVarValueFrom with its selectors, and ValidateEnvFrom. A missing name or key
 * is the schema's Required.
 */
export const containerEnvRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const relaxed = kubernetesMinor(context.kubernetesVersion) >= 32;
    for (const container of podContainers(workloadRefs(context.workload).podSpec)) {
      for (const envVar of items(field(container.ref, 'env'))) {
        const nameRef = field(envVar, 'name');
        const name = stringValue(nameRef);
        if (name !== undefined && name !== '' && !isValidEnvName(name, relaxed)) {
          reportApiError(context, {
            code: 'pod/env-name',
            ref: nameRef,
            type: 'Invalid',
            message: relaxed
              ? say('envNameRelaxed', { value: name })
              : say('envNameStrict', { value: name, version: context.kubernetesVersion }),
          });
        }
        checkValueFrom(context, say, envVar);
      }
      checkEnvFrom(context, say, field(container.ref, 'envFrom'), relaxed);
    }
  },
});

/** IsEnvVarName before 1.32, IsRelaxedEnvVarName from 1.32. */
export function isValidEnvName(name: string, relaxed: boolean): boolean {
  if (relaxed) return /^[\x20-\x3c\x3e-\x7e]+$/.test(name);
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name) && !hasChDirPrefix(name);
}

/** apimachinery's hasChDirPrefix: ".", ".." or starting with "..". */
function hasChDirPrefix(value: string): boolean {
  return value === '.' || value.startsWith('..');
}

function checkValueFrom(context: RuleContext<Code>, say: Say, envVar: FieldRef): void {
  const valueFrom = field(envVar, 'valueFrom');
  if (valueFrom.node?.kind !== 'map') return;
  let sources = 0;
  const fieldRef = field(valueFrom, 'fieldRef');
  if (isSet(fieldRef)) {
    sources++;
    checkFieldSelector(context, say, fieldRef);
  }
  const resourceFieldRef = field(valueFrom, 'resourceFieldRef');
  if (isSet(resourceFieldRef)) {
    sources++;
    const resourceRef = field(resourceFieldRef, 'resource');
    const resource = stringValue(resourceRef);
    if (
      resource !== undefined &&
      resource !== '' &&
      !containerResourcePaths.includes(resource) &&
      !resource.startsWith('requests.hugepages-') &&
      !resource.startsWith('limits.hugepages-')
    ) {
      reportApiError(context, {
        code: 'pod/env-value-from',
        ref: resourceRef,
        type: 'NotSupported',
        message: say('resourceUnsupported', {
          value: resource,
          supported: containerResourcePaths.join(', '),
        }),
      });
    }
  }
  for (const key of ['configMapKeyRef', 'secretKeyRef']) {
    const selector = field(valueFrom, key);
    if (!isSet(selector)) continue;
    sources++;
    // validateConfigMapKeySelector / validateSecretKeySelector: the name is a DNS subdomain
    // even when omitted (an empty name is Invalid, not Required).
    const nameRef = field(selector, 'name');
    const name = stringValue(nameRef) ?? (isSet(nameRef) ? undefined : '');
    if (name !== undefined && checkDns1123Subdomain(name).length > 0) {
      reportApiError(context, {
        code: 'pod/env-value-from',
        ref: nameRef,
        type: 'Invalid',
        message: say('refName', { value: name }),
      });
    }
    const keyRef = field(selector, 'key');
    const keyValue = stringValue(keyRef);
    if (keyValue !== undefined && keyValue !== '' && !isConfigMapKey(keyValue)) {
      reportApiError(context, {
        code: 'pod/env-value-from',
        ref: keyRef,
        type: 'Invalid',
        message: say('refKey', { value: keyValue }),
      });
    }
  }
  const value = stringValue(field(envVar, 'value')) ?? '';
  const problem =
    sources === 0
      ? 'valueFromNone'
      : value !== ''
        ? 'valueFromWithValue'
        : sources > 1
          ? 'valueFromMany'
          : undefined;
  if (problem) {
    reportApiError(context, {
      code: 'pod/env-value-from',
      ref: valueFrom,
      type: 'Invalid',
      message: say(problem),
    });
  }
}

/** validateObjectFieldSelector with the env var field paths. */
function checkFieldSelector(context: RuleContext<Code>, say: Say, fieldRef: FieldRef): void {
  // apiVersion is defaulted to v1; an empty fieldPath is the schema's Required.
  const apiVersion = stringValue(field(fieldRef, 'apiVersion')) || 'v1';
  const pathRef = field(fieldRef, 'fieldPath');
  const fieldPath = stringValue(pathRef);
  if (fieldPath === undefined || fieldPath === '') return;
  const report = (ref: FieldRef, type: 'Invalid' | 'NotSupported', message: string): void =>
    reportApiError(context, { code: 'pod/env-value-from', ref, type, message });
  if (apiVersion !== 'v1') return report(pathRef, 'Invalid', say('fieldPathVersion', { value: apiVersion }));
  const subscripted = splitSubscript(fieldPath);
  if (subscripted) {
    const [path, subscript] = subscripted;
    if (path !== 'metadata.annotations' && path !== 'metadata.labels')
      return report(pathRef, 'Invalid', say('fieldPathSubscript', { value: fieldPath }));
    const key = path === 'metadata.annotations' ? subscript.toLowerCase() : subscript;
    // Reported at fieldRef itself, as validateObjectFieldSelector does.
    if (checkQualifiedName(key).length > 0)
      report(fieldRef, 'Invalid', say('fieldPathKey', { value: fieldPath }));
    return;
  }
  if (!convertibleFieldPaths.has(fieldPath))
    return report(pathRef, 'Invalid', say('fieldPathUnknown', { value: fieldPath }));
  const internal = fieldPath === 'spec.host' ? 'spec.nodeName' : fieldPath;
  if (!envFieldPaths.includes(internal)) {
    report(
      pathRef,
      'NotSupported',
      say('fieldPathUnsupported', { value: fieldPath, supported: envFieldPaths.join(', ') }),
    );
  }
}

/** fieldpath.SplitMaybeSubscriptedPath: `path['key']`. */
function splitSubscript(fieldPath: string): [string, string] | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const inner = fieldPath.slice(0, -2);
  const at = inner.indexOf("['");
  if (at <= 0) return undefined;
  return [inner.slice(0, at), inner.slice(at + 2)];
}

/** IsConfigMapKey. */
function isConfigMapKey(key: string): boolean {
  return key.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(key) && !hasChDirPrefix(key);
}

/** ValidateEnvFrom: prefix syntax, exactly one source, and the source's name. */
function checkEnvFrom(context: RuleContext<Code>, say: Say, envFrom: FieldRef, relaxed: boolean): void {
  for (const entry of items(envFrom)) {
    if (entry.node?.kind !== 'map') continue;
    const prefixRef = field(entry, 'prefix');
    const prefix = stringValue(prefixRef);
    if (prefix !== undefined && prefix !== '' && !isValidEnvName(prefix, relaxed)) {
      reportApiError(context, {
        code: 'pod/env-name',
        ref: prefixRef,
        type: 'Invalid',
        message: relaxed
          ? say('envNameRelaxed', { value: prefix })
          : say('envNameStrict', { value: prefix, version: context.kubernetesVersion }),
      });
    }
    let sources = 0;
    for (const key of ['configMapRef', 'secretRef']) {
      const source = field(entry, key);
      if (!isSet(source)) continue;
      sources++;
      const nameRef = field(source, 'name');
      const name = stringValue(nameRef);
      if (!isSet(nameRef) || name === '') {
        reportApiError(context, {
          code: 'pod/env-from',
          ref: nameRef,
          type: 'Required',
          message: say('refNameRequired', { key }),
        });
      } else if (name !== undefined && checkDns1123Subdomain(name.replace(/-$/, 'a')).length > 0) {
        // ValidateConfigMapName / ValidateSecretName with prefix=true: a trailing "-" is allowed.
        reportApiError(context, {
          code: 'pod/env-from',
          ref: nameRef,
          type: 'Invalid',
          message: say('refName', { value: name }),
        });
      }
    }
    if (sources !== 1) {
      // Upstream reports these at the envFrom list, not at the entry.
      reportApiError(context, {
        code: 'pod/env-from',
        ref: entry,
        type: 'Invalid',
        path: envFrom.path,
        message: say(sources === 0 ? 'envFromNone' : 'envFromMany'),
      });
    }
  }
}
