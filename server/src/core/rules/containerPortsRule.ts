import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { booleanValue, field, integerValue, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { podContainers } from './podContainers';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    portRange: '{key} {value} is out of range: it must be between 1 and 65535, inclusive',
    portName:
      'Invalid port name "{value}": at most 15 characters of a-z, 0-9 and "-", with at least one letter, no "--", and no "-" at either end',
    portNameDuplicate: 'Duplicate port name "{value}" in this container',
    hostPortDuplicate: 'Host port {value} is used twice: {key} must be unique per protocol and hostIP',
    hostNetworkPort: 'hostPort {value} must match containerPort ({port}) when hostNetwork is true',
  },
  {
    portRange: '{key} {value} 超出范围：必须在 1 到 65535 之间（含两端）',
    portName:
      '无效的端口名称 "{value}"：最多 15 个字符，只能包含 a-z、0-9 和 "-"，至少有一个字母，不能有 "--"，两端不能是 "-"',
    portNameDuplicate: '同一容器中端口名称 "{value}" 重复',
    hostPortDuplicate: '主机端口 {value} 被使用了两次：{key} 在同一协议和 hostIP 下必须唯一',
    hostNetworkPort: 'hostNetwork 为 true 时，hostPort {value} 必须与 containerPort（{port}）相同',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/container-port': {
    severity: 'error',
    summary:
      'A containerPort or hostPort outside 1..65535, or a hostPort that differs from containerPort with hostNetwork.',
    source: `${kubernetesSources.core} validateContainerPorts / validatePodHostNetworkDeps`,
    example: 'ports: [{containerPort: 70000}]',
  },
  'pod/port-name': {
    severity: 'error',
    summary:
      'A port name that is not an IANA_SVC_NAME (at most 15 of a-z, 0-9, "-"), or a duplicate in a container.',
    source: `${kubernetesSources.core} validateContainerPorts (IsValidPortName)`,
    example: 'ports: [{name: metrics-endpoint-http, containerPort: 9090}]',
  },
  'pod/host-port': {
    severity: 'error',
    summary: 'Two container ports that claim the same hostPort, protocol and hostIP.',
    source: `${kubernetesSources.core} checkHostPortConflicts`,
    example: 'ports: [{containerPort: 80, hostPort: 80}, {containerPort: 81, hostPort: 80}]',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/** int32: a value outside it is a decoding error (the schema's), not a validation error. */
const int32Max = 2147483647;

/**
 * Container and init-container ports as ValidatePodSpec checks them: validateContainerPorts for
 * each container (name syntax and uniqueness, port ranges; the protocol enum and a missing
 * containerPort are the schema's), checkHostPortConflicts across the regular containers and
 * within each init container, and validatePodHostNetworkDeps for the regular containers.
 */
export const containerPortsRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const podSpec = workloadRefs(context.workload).podSpec;
    const containers = podContainers(podSpec);
    for (const container of containers) checkPorts(context, say, container.ref);

    // checkHostPortConflicts: regular containers share one set; each init container has its own,
    // since init containers run one at a time.
    const regularPorts = new Set<string>();
    const initList = field(podSpec, 'initContainers');
    for (const container of containers) {
      if (container.isInit) {
        // Upstream passes the init container alone with the list's path, so it names every init
        // container `initContainers[0]` in this message; Podline reports the same path.
        checkHostPortConflicts(context, say, container.ref, new Set(), `${initList.path}[0]`);
      } else checkHostPortConflicts(context, say, container.ref, regularPorts);
    }

    if (booleanValue(field(podSpec, 'hostNetwork')) === true) {
      for (const container of containers.filter((c) => !c.isInit)) {
        for (const port of items(field(container.ref, 'ports'))) {
          const hostPortRef = field(port, 'hostPort');
          const hostPort = integerValue(hostPortRef) ?? 0;
          const containerPort = integerValue(field(port, 'containerPort')) ?? 0;
          // In a template an unset hostPort is allowed: it is defaulted when the pod is created.
          if (hostPort !== 0 && hostPort !== containerPort) {
            reportApiError(context, {
              code: 'pod/container-port',
              ref: hostPortRef,
              type: 'Invalid',
              message: say('hostNetworkPort', { value: hostPort, port: containerPort }),
            });
          }
        }
      }
    }
  },
});

/** validateContainerPorts, for one container. */
function checkPorts(context: RuleContext<Code>, say: Say, container: FieldRef): void {
  const names = new Set<string>();
  for (const port of items(field(container, 'ports'))) {
    const nameRef = field(port, 'name');
    const name = stringValue(nameRef);
    if (name !== undefined && name !== '') {
      if (!isValidPortName(name)) {
        reportApiError(context, {
          code: 'pod/port-name',
          ref: nameRef,
          type: 'Invalid',
          message: say('portName', { value: name }),
        });
      } else if (names.has(name)) {
        reportApiError(context, {
          code: 'pod/port-name',
          ref: nameRef,
          type: 'Duplicate',
          message: say('portNameDuplicate', { value: name }),
        });
      } else names.add(name);
    }
    // containerPort 0 or missing is the schema's Required; hostPort 0 means unset.
    for (const key of ['containerPort', 'hostPort']) {
      const ref = field(port, key);
      const value = integerValue(ref);
      if (value === undefined || value === 0 || Math.abs(value) > int32Max) continue;
      if (value < 1 || value > 65535) {
        reportApiError(context, {
          code: 'pod/container-port',
          ref,
          type: 'Invalid',
          message: say('portRange', { key, value }),
        });
      }
    }
  }
}

/** AccumulateUniqueHostPorts: `protocol/hostIP/hostPort` once per set. */
function checkHostPortConflicts(
  context: RuleContext<Code>,
  say: Say,
  container: FieldRef,
  seen: Set<string>,
  containerPath?: string,
): void {
  items(field(container, 'ports')).forEach((port, index) => {
    const hostPortRef = field(port, 'hostPort');
    const hostPort = integerValue(hostPortRef);
    if (hostPort === undefined || hostPort === 0) return;
    // The protocol is defaulted to TCP before validation.
    const protocol = stringValue(field(port, 'protocol')) || 'TCP';
    const key = `${protocol}/${stringValue(field(port, 'hostIP')) ?? ''}/${hostPort}`;
    if (seen.has(key)) {
      reportApiError(context, {
        code: 'pod/host-port',
        ref: hostPortRef,
        type: 'Duplicate',
        message: say('hostPortDuplicate', { value: key, key: 'hostPort' }),
        ...(containerPath ? { path: `${containerPath}.ports[${index}].hostPort` } : {}),
      });
    } else seen.add(key);
  });
}

/** apimachinery's IsValidPortName (an IANA_SVC_NAME, RFC 6335, lowercase only). */
export function isValidPortName(port: string): boolean {
  return (
    port.length <= 15 &&
    /^[-a-z0-9]+$/.test(port) &&
    /[a-z]/.test(port) &&
    !port.includes('--') &&
    !port.startsWith('-') &&
    !port.endsWith('-')
  );
}
