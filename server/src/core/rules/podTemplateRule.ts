import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { checkDns1123Label, checkLabelValue, checkQualifiedName } from '../k8s/nameValidation';
import { field, integerValue, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { checkLabelMap } from './metadataRule';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    containersRequired: 'The pod template needs at least one container',
    templateSpecMissing: 'The pod template has no spec, so no containers: {key} is required',
    templateMissing: 'The workload has no pod template, so no containers: {key} is required',
    nameRequired: 'A container needs a name',
    nameInvalid:
      'Invalid container name "{value}": a lowercase RFC 1123 label (at most 63 lowercase letters, digits or "-")',
    nameDuplicate:
      'Duplicate container name "{value}": names must be unique across containers and init containers',
    imageRequired: 'A container needs an image',
    mountNotFound: 'volumeMounts refers to volume "{value}", which spec.volumes does not define',
    activeDeadline: 'activeDeadlineSeconds must be between 1 and 2147483647, inclusive',
    ephemeral: 'Ephemeral containers are not allowed in a pod template',
    containerRestartForbidden: 'restartPolicy may not be set on a regular container',
    initRestartUnsupported:
      'Unsupported init container restartPolicy "{value}": only Always (a sidecar) is accepted',
    tolerationEmptyKey: 'operator must be Exists when key is empty (which tolerates every taint)',
    tolerationSeconds: 'effect must be NoExecute when tolerationSeconds is set',
    tolerationExistsValue: 'value must be empty when operator is Exists',
    tolerationOperator: 'Unsupported toleration operator "{value}": Equal or Exists',
    tolerationEffect: 'Unsupported taint effect "{value}": NoSchedule, PreferNoSchedule or NoExecute',
    tolerationKey: 'Invalid toleration key "{value}": it must be a qualified name like a label key',
    tolerationValue: 'Invalid toleration value "{value}": it must be a valid label value',
  },
  {
    containersRequired: 'Pod 模板至少需要一个容器',
    templateSpecMissing: 'Pod 模板没有 spec，因此没有容器：必须提供 {key}',
    templateMissing: '工作负载没有 Pod 模板，因此没有容器：必须提供 {key}',
    nameRequired: '容器必须有名称',
    nameInvalid: '无效的容器名称 "{value}"：必须是小写 RFC 1123 标签（最多 63 个小写字母、数字或 "-"）',
    nameDuplicate: '重复的容器名称 "{value}"：容器和 init 容器的名称必须唯一',
    imageRequired: '容器必须指定镜像',
    mountNotFound: 'volumeMounts 引用了卷 "{value}"，但 spec.volumes 中没有定义它',
    activeDeadline: 'activeDeadlineSeconds 必须在 1 到 2147483647 之间（含两端）',
    ephemeral: 'Pod 模板中不允许临时容器',
    containerRestartForbidden: '普通容器不能设置 restartPolicy',
    initRestartUnsupported: '不支持的 init 容器 restartPolicy "{value}"：只接受 Always（边车容器）',
    tolerationEmptyKey: 'key 为空时 operator 必须是 Exists（表示容忍所有污点）',
    tolerationSeconds: '设置了 tolerationSeconds 时 effect 必须是 NoExecute',
    tolerationExistsValue: 'operator 为 Exists 时 value 必须为空',
    tolerationOperator: '不支持的容忍 operator "{value}"：只能是 Equal 或 Exists',
    tolerationEffect: '不支持的污点 effect "{value}"：只能是 NoSchedule、PreferNoSchedule 或 NoExecute',
    tolerationKey: '无效的容忍 key "{value}"：必须是与标签键相同格式的限定名',
    tolerationValue: '无效的容忍 value "{value}"：必须是有效的标签值',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/containers': {
    severity: 'error',
    summary: 'The pod template has no containers (or no spec).',
    source: `${kubernetesSources.core} ValidatePodTemplateSpec`,
    example: 'template:\n  metadata:\n    spec: {}',
  },
  'pod/container-name': {
    severity: 'error',
    summary: 'A container name is missing, not a DNS-1123 label, or duplicated.',
    source: `${kubernetesSources.core} validateContainers`,
    example: '- name: Main',
  },
  'pod/image-required': {
    severity: 'error',
    summary: 'A container without an image.',
    source: `${kubernetesSources.core} validateContainers`,
    example: '- name: main',
  },
  'pod/volume-mount': {
    severity: 'error',
    summary: 'A volumeMount names a volume spec.volumes does not define.',
    source: `${kubernetesSources.core} ValidateVolumeMounts`,
    example: 'volumeMounts: [{name: data, mountPath: /d}]',
  },
  'pod/active-deadline-seconds': {
    severity: 'error',
    summary: 'The pod activeDeadlineSeconds outside 1..2147483647.',
    source: `${kubernetesSources.core} ValidatePodSpec`,
    example: 'activeDeadlineSeconds: 0',
  },
  'pod/node-selector': {
    severity: 'error',
    summary: 'nodeSelector labels that are not valid label syntax.',
    source: `${kubernetesSources.core} ValidatePodSpec`,
    example: 'nodeSelector: {disk: "s s d"}',
  },
  'pod/toleration': {
    severity: 'error',
    summary: 'A toleration whose key, operator, value or effect the API server rejects.',
    source: `${kubernetesSources.core} ValidateTolerations`,
    example: '- {key: k, operator: Exists, value: v}',
  },
  'pod/container-restart-policy': {
    severity: 'error',
    summary: 'restartPolicy on a regular container, or other than Always on an init container.',
    source: `${kubernetesSources.core} validateInitContainers / validateContainers`,
    example: 'initContainers: [{name: i, image: x, restartPolicy: Never}]',
  },
  'pod/ephemeral-containers': {
    severity: 'error',
    summary: 'Ephemeral containers in a pod template.',
    source: `${kubernetesSources.core} ValidatePodTemplateSpec`,
    example: 'ephemeralContainers: [...]',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * The core pod template rules that matter for workloads (kubernetes-behaviour §1.2): containers and
 * their names and images, volume mounts, the pod's activeDeadlineSeconds range, nodeSelector,
 * tolerations, container restart policies and ephemeral containers.
 */
export const podTemplateRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const podSpec = refs.podSpec;
    const containers = field(podSpec, 'containers');
    if (!isSet(podSpec)) {
      // The template is a struct, not a pointer: without one (or without its spec), ValidatePodSpec
      // still runs on an empty spec and validateContainers reports the containers Required.
      reportApiError(context, {
        code: 'pod/containers',
        ref: containers,
        type: 'Required',
        message: say(isSet(refs.template) ? 'templateSpecMissing' : 'templateMissing', {
          key: containers.path,
        }),
      });
      return;
    }
    if (items(containers).length === 0) {
      reportApiError(context, {
        code: 'pod/containers',
        ref: containers,
        type: 'Required',
        message: say('containersRequired'),
      });
    }
    const volumeNames = new Set(
      items(field(podSpec, 'volumes')).map((volume) => stringValue(field(volume, 'name'))),
    );
    const seenNames = new Set<string>();
    for (const [list, isInit] of [
      [field(podSpec, 'initContainers'), true],
      [containers, false],
    ] as const) {
      for (const container of items(list))
        checkContainer(context, say, container, isInit, seenNames, volumeNames);
    }
    const ephemeral = field(podSpec, 'ephemeralContainers');
    if (items(ephemeral).length > 0) {
      reportApiError(context, {
        code: 'pod/ephemeral-containers',
        ref: ephemeral,
        type: 'Forbidden',
        message: say('ephemeral'),
      });
    }
    const deadline = field(podSpec, 'activeDeadlineSeconds');
    const deadlineValue = integerValue(deadline);
    if (deadlineValue !== undefined && (deadlineValue < 1 || deadlineValue > 2147483647)) {
      reportApiError(context, {
        code: 'pod/active-deadline-seconds',
        ref: deadline,
        type: 'Invalid',
        message: say('activeDeadline'),
      });
    }
    checkLabelMap(context, field(podSpec, 'nodeSelector'), 'pod/node-selector');
    items(field(podSpec, 'tolerations')).forEach((toleration) => checkToleration(context, say, toleration));
  },
});

function checkContainer(
  context: RuleContext<Code>,
  say: Say,
  container: FieldRef,
  isInit: boolean,
  seenNames: Set<string>,
  volumeNames: ReadonlySet<string | undefined>,
): void {
  const nameRef = field(container, 'name');
  const name = stringValue(nameRef);
  if (!isSet(nameRef)) {
    reportApiError(context, {
      code: 'pod/container-name',
      ref: nameRef,
      type: 'Required',
      message: say('nameRequired'),
    });
  } else if (name !== undefined) {
    if (checkDns1123Label(name).length > 0) {
      reportApiError(context, {
        code: 'pod/container-name',
        ref: nameRef,
        type: 'Invalid',
        message: say('nameInvalid', { value: name }),
      });
    } else if (seenNames.has(name)) {
      reportApiError(context, {
        code: 'pod/container-name',
        ref: nameRef,
        type: 'Duplicate',
        message: say('nameDuplicate', { value: name }),
      });
    }
    seenNames.add(name);
  }
  const image = field(container, 'image');
  if (!isSet(image) || stringValue(image) === '') {
    reportApiError(context, {
      code: 'pod/image-required',
      ref: image,
      type: 'Required',
      message: say('imageRequired'),
    });
  }
  for (const mount of items(field(container, 'volumeMounts'))) {
    const mountName = field(mount, 'name');
    const value = stringValue(mountName);
    if (value !== undefined && value !== '' && !volumeNames.has(value)) {
      reportApiError(context, {
        code: 'pod/volume-mount',
        ref: mountName,
        type: 'NotFound',
        message: say('mountNotFound', { value }),
      });
    }
  }
  const restartPolicy = field(container, 'restartPolicy');
  const policy = stringValue(restartPolicy);
  if (isSet(restartPolicy)) {
    if (!isInit) {
      reportApiError(context, {
        code: 'pod/container-restart-policy',
        ref: restartPolicy,
        type: 'Forbidden',
        message: say('containerRestartForbidden'),
      });
    } else if (policy !== 'Always') {
      reportApiError(context, {
        code: 'pod/container-restart-policy',
        ref: restartPolicy,
        type: 'NotSupported',
        message: say('initRestartUnsupported', { value: policy ?? '' }),
        data: { replacement: 'Always' },
      });
    }
  }
}

/** `ValidateTolerations` in core validation, in its order. */
function checkToleration(context: RuleContext<Code>, say: Say, toleration: FieldRef): void {
  const key = stringValue(field(toleration, 'key')) ?? '';
  const operatorRef = field(toleration, 'operator');
  const operator = stringValue(operatorRef) ?? '';
  const value = stringValue(field(toleration, 'value')) ?? '';
  const effectRef = field(toleration, 'effect');
  const effect = stringValue(effectRef) ?? '';
  if (key !== '' && checkQualifiedName(key).length > 0) {
    reportApiError(context, {
      code: 'pod/toleration',
      ref: field(toleration, 'key'),
      type: 'Invalid',
      message: say('tolerationKey', { value: key }),
    });
  }
  if (key === '' && operator !== 'Exists') {
    reportApiError(context, {
      code: 'pod/toleration',
      ref: operatorRef,
      type: 'Invalid',
      message: say('tolerationEmptyKey'),
    });
  }
  if (isSet(field(toleration, 'tolerationSeconds')) && effect !== 'NoExecute') {
    reportApiError(context, {
      code: 'pod/toleration',
      ref: effectRef,
      type: 'Invalid',
      message: say('tolerationSeconds'),
    });
  }
  if (operator === 'Equal' || operator === '') {
    if (checkLabelValue(value).length > 0) {
      reportApiError(context, {
        code: 'pod/toleration',
        ref: operatorRef,
        type: 'Invalid',
        message: say('tolerationValue', { value }),
      });
    }
  } else if (operator === 'Exists') {
    if (value !== '') {
      reportApiError(context, {
        code: 'pod/toleration',
        ref: operatorRef,
        type: 'Invalid',
        message: say('tolerationExistsValue'),
      });
    }
  } else {
    reportApiError(context, {
      code: 'pod/toleration',
      ref: operatorRef,
      type: 'NotSupported',
      message: say('tolerationOperator', { value: operator }),
    });
  }
  if (effect !== '' && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) {
    reportApiError(context, {
      code: 'pod/toleration',
      ref: effectRef,
      type: 'NotSupported',
      message: say('tolerationEffect', { value: effect }),
    });
  }
}
