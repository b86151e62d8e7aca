import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, integerValue, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import { isValidPortName } from './containerPortsRule';
import { kubernetesMinor, podContainers } from './podContainers';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';

const messages = defineCatalog(
  {
    handlerRequired: '{key} must specify a handler type: one of {handlers}',
    handlerMany: 'A {key} may not specify more than one handler type: {handler} is a second one',
    initForbidden:
      '{key} may not be set on an init container without restartPolicy: Always (a sidecar may have it)',
    negative: '{key} must be greater than or equal to 0',
    successThreshold: 'successThreshold must be 1 for a {key}',
    probeGracePositive: 'terminationGracePeriodSeconds must be greater than 0',
    readinessGrace: 'terminationGracePeriodSeconds must not be set for a readinessProbe',
    commandRequired: 'exec needs a command',
    portRange: 'Port {value} is out of range: it must be between 1 and 65535, inclusive',
    portName:
      'Invalid port name "{value}": a named port is at most 15 characters of a-z, 0-9 and "-", with at least one letter (a number in quotes is a name)',
    headerName: 'Invalid HTTP header name "{value}": letters, digits and "-" only',
    sleepRange:
      'sleep.seconds {value} must be {lowest} or more and at most terminationGracePeriodSeconds ({grace})',
  },
  {
    handlerRequired: '{key} 必须指定一种处理方式：{handlers} 之一',
    handlerMany: '{key} 只能指定一种处理方式：{handler} 是第二种',
    initForbidden: '没有 restartPolicy: Always 的 init 容器不能设置 {key}（边车容器可以）',
    negative: '{key} 必须大于或等于 0',
    successThreshold: '{key} 的 successThreshold 必须为 1',
    probeGracePositive: 'terminationGracePeriodSeconds 必须大于 0',
    readinessGrace: 'readinessProbe 不能设置 terminationGracePeriodSeconds',
    commandRequired: 'exec 必须指定 command',
    portRange: '端口 {value} 超出范围：必须在 1 到 65535 之间（含两端）',
    portName:
      '无效的端口名称 "{value}"：命名端口最多 15 个字符，只能包含 a-z、0-9 和 "-"，至少有一个字母（带引号的数字是名称）',
    headerName: '无效的 HTTP 头名称 "{value}"：只能包含字母、数字和 "-"',
    sleepRange: 'sleep.seconds {value} 必须不小于 {lowest} 且不大于 terminationGracePeriodSeconds（{grace}）',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'pod/probe-handler': {
    severity: 'error',
    summary:
      'A probe or lifecycle hook with no handler, or with more than one (exec, httpGet, tcpSocket, grpc, sleep).',
    source: `${kubernetesSources.core} validateHandler`,
    example: 'livenessProbe: {exec: {command: [true]}, httpGet: {port: 80}}',
  },
  'pod/probe-field': {
    severity: 'error',
    summary:
      "A probe's or hook's fields out of range: negative counts, successThreshold other than 1 for liveness and startup, ports, an empty exec command, sleep seconds.",
    source: `${kubernetesSources.core} validateProbe / validateLivenessProbe / validateStartupProbe / ValidatePortNumOrName / validateSleepAction`,
    example: 'livenessProbe: {tcpSocket: {port: 80}, successThreshold: 2}',
  },
  'pod/init-container-probe': {
    severity: 'error',
    summary: 'lifecycle or a probe on an init container that is not a sidecar (restartPolicy: Always).',
    source: `${kubernetesSources.core} validateInitContainers`,
    example: 'initContainers: [{name: i, image: x, readinessProbe: {...}}]',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

const probeKeys = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;
const probeHandlers = ['exec', 'httpGet', 'tcpSocket', 'grpc'];
const lifecycleHandlers = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/**
 * Probes and lifecycle hooks as validateContainers and validateInitContainers check them: a
 * regular container's or a sidecar's go through validateLifecycle and the validate*Probe
 * functions; a plain init container may have none of them (Forbidden).
 */
export const probesRule = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const podSpec = workloadRefs(context.workload).podSpec;
    // terminationGracePeriodSeconds is defaulted to 30 before validation.
    const grace = integerValue(field(podSpec, 'terminationGracePeriodSeconds')) ?? 30;
    const zeroSleep = kubernetesMinor(context.kubernetesVersion) >= 33;
    for (const container of podContainers(podSpec)) {
      const lifecycle = field(container.ref, 'lifecycle');
      if (container.isInit && !container.isSidecar) {
        for (const key of ['lifecycle', ...probeKeys]) {
          const ref = field(container.ref, key);
          if (isSet(ref)) {
            reportApiError(context, {
              code: 'pod/init-container-probe',
              ref,
              type: 'Forbidden',
              message: say('initForbidden', { key }),
            });
          }
        }
        continue;
      }
      for (const hook of ['postStart', 'preStop']) {
        const handler = field(lifecycle, hook);
        if (handler.node?.kind === 'map')
          checkHandler(context, say, handler, hook, lifecycleHandlers, { grace, zeroSleep });
      }
      for (const key of probeKeys) {
        const probe = field(container.ref, key);
        if (probe.node?.kind === 'map') checkProbe(context, say, probe, key, { grace, zeroSleep });
      }
    }
  },
});

interface HandlerOptions {
  readonly grace: number;
  readonly zeroSleep: boolean;
}

/** validateProbe, with validateLivenessProbe's, validateReadinessProbe's and validateStartupProbe's extras. */
function checkProbe(
  context: RuleContext<Code>,
  say: Say,
  probe: FieldRef,
  key: (typeof probeKeys)[number],
  options: HandlerOptions,
): void {
  checkHandler(context, say, probe, key, probeHandlers, options);
  const invalid = (ref: FieldRef, message: string): void =>
    reportApiError(context, { code: 'pod/probe-field', ref, type: 'Invalid', message });
  for (const name of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ]) {
    const ref = field(probe, name);
    const value = integerValue(ref);
    if (value !== undefined && value < 0) invalid(ref, say('negative', { key: name }));
  }
  const grace = field(probe, 'terminationGracePeriodSeconds');
  const graceValue = integerValue(grace);
  if (graceValue !== undefined && graceValue <= 0) invalid(grace, say('probeGracePositive'));
  if (key === 'readinessProbe') {
    if (isSet(grace)) invalid(grace, say('readinessGrace'));
  } else {
    // A successThreshold of 0 (or none) is defaulted to 1.
    const ref = field(probe, 'successThreshold');
    const value = integerValue(ref);
    if (value !== undefined && value !== 0 && value !== 1) invalid(ref, say('successThreshold', { key }));
  }
}

/** validateHandler: exactly one handler, each with its own checks. */
function checkHandler(
  context: RuleContext<Code>,
  say: Say,
  handlerRef: FieldRef,
  key: string,
  handlers: readonly string[],
  options: HandlerOptions,
): void {
  let count = 0;
  for (const handler of handlers) {
    const ref = field(handlerRef, handler);
    if (!isSet(ref)) continue;
    if (count > 0) {
      reportApiError(context, {
        code: 'pod/probe-handler',
        ref,
        type: 'Forbidden',
        message: say('handlerMany', { key, handler }),
      });
      continue;
    }
    count++;
    checkAction(context, say, ref, handler, options);
  }
  if (count === 0) {
    reportApiError(context, {
      code: 'pod/probe-handler',
      ref: handlerRef,
      type: 'Required',
      message: say('handlerRequired', { key, handlers: handlers.join(', ') }),
    });
  }
}

function checkAction(
  context: RuleContext<Code>,
  say: Say,
  action: FieldRef,
  handler: string,
  options: HandlerOptions,
): void {
  const invalid = (ref: FieldRef, message: string): void =>
    reportApiError(context, { code: 'pod/probe-field', ref, type: 'Invalid', message });
  switch (handler) {
    case 'exec': {
      const command = field(action, 'command');
      if (items(command).length === 0) {
        reportApiError(context, {
          code: 'pod/probe-field',
          ref: command,
          type: 'Required',
          message: say('commandRequired'),
        });
      }
      return;
    }
    case 'httpGet':
      checkPort(context, say, field(action, 'port'));
      for (const header of items(field(action, 'httpHeaders'))) {
        const name = stringValue(field(header, 'name'));
        // Reported at httpHeaders, as validateHTTPGetAction does.
        if (name !== undefined && !/^[-A-Za-z0-9]+$/.test(name))
          reportApiError(context, {
            code: 'pod/probe-field',
            ref: field(header, 'name'),
            path: field(action, 'httpHeaders').path,
            type: 'Invalid',
            message: say('headerName', { value: name }),
          });
      }
      return;
    case 'tcpSocket':
    case 'grpc':
      checkPort(context, say, field(action, 'port'));
      return;
    case 'sleep': {
      // validateSleepAction; a zero sleep is allowed from 1.33 (PodLifecycleSleepActionAllowZero beta).
      const ref = field(action, 'seconds');
      const seconds = integerValue(ref);
      const lowest = options.zeroSleep ? 0 : 1;
      if (seconds !== undefined && (seconds < lowest || seconds > options.grace))
        invalid(ref, say('sleepRange', { value: seconds, lowest, grace: options.grace }));
      return;
    }
  }
}

/** ValidatePortNumOrName: a number in 1..65535, or an IANA_SVC_NAME. */
function checkPort(context: RuleContext<Code>, say: Say, port: FieldRef): void {
  // An absent port is the zero IntOrString, the number 0.
  const number = isSet(port) ? integerValue(port) : 0;
  const name = stringValue(port);
  const invalid = (message: string): void =>
    reportApiError(context, { code: 'pod/probe-field', ref: port, type: 'Invalid', message });
  // An int32 overflow is a decoding error, the schema's.
  if (number !== undefined && Math.abs(number) <= 2147483647 && (number < 1 || number > 65535))
    invalid(say('portRange', { value: number }));
  else if (name !== undefined && !isValidPortName(name)) invalid(say('portName', { value: name }));
}
