import { kubernetesSources } from '../findings/codeDoc';
import type { CodeDocs } from '../findings/codeDoc';
import { defineCatalog, formatMessage } from '../l10n';
import type { MessageArgs } from '../l10n';
import { field, integerValue, isSet, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { reportApiError } from './reportApiError';
import { defineRule } from './rule';
import type { RuleContext } from './rule';
import { workloadRefs } from '../workload/workloadRefs';

const messages = defineCatalog(
  {
    nonNegative: '{field} must be greater than or equal to 0',
    activeDeadline: 'A DaemonSet may not set activeDeadlineSeconds: its pods run until the node goes away',
    strategyType: 'Unsupported updateStrategy type "{value}": RollingUpdate or OnDelete',
    percent: 'Invalid value "{value}": a percent is a whole number followed by "%", such as "25%"',
    over100: '{field} must not be greater than 100%',
    bothNonZero:
      'maxSurge may not be set when maxUnavailable is non-zero (maxUnavailable defaults to 1): set maxUnavailable: 0 to surge',
    bothZero: 'maxUnavailable cannot be 0 when maxSurge is 0: the rollout could never proceed',
  },
  {
    nonNegative: '{field} 必须大于或等于 0',
    activeDeadline: 'DaemonSet 不能设置 activeDeadlineSeconds：它的 Pod 会一直运行到节点消失',
    strategyType: '不支持的 updateStrategy 类型 "{value}"：只能是 RollingUpdate 或 OnDelete',
    percent: '无效的值 "{value}"：百分比应为整数加 "%"，例如 "25%"',
    over100: '{field} 不能大于 100%',
    bothNonZero:
      'maxUnavailable 非 0 时不能设置 maxSurge（maxUnavailable 默认为 1）：要使用 surge，请设置 maxUnavailable: 0',
    bothZero: 'maxSurge 为 0 时 maxUnavailable 不能为 0：否则滚动更新永远无法推进',
  },
);

type Say = (key: keyof (typeof messages)['en'], args?: MessageArgs) => string;

/** An IntOrString as `getIntOrPercentValue` reads it: a valid percent, else `IntValue()` (0 for non-numbers). */
function intOrPercentValue(
  ref: FieldRef,
  fallback: number,
): { value: number; percent: boolean; validPercent: boolean } {
  if (!isSet(ref)) return { value: fallback, percent: false, validPercent: false };
  const text = stringValue(ref);
  if (text === undefined) return { value: integerValue(ref) ?? 0, percent: false, validPercent: false };
  if (/^[0-9]+%$/.test(text)) return { value: Number.parseInt(text, 10), percent: true, validPercent: true };
  // Go's strconv.Atoi: an optional sign and decimal digits, else 0.
  return {
    value: /^[+-]?[0-9]+$/.test(text) ? Number.parseInt(text, 10) : 0,
    percent: false,
    validPercent: false,
  };
}

function checkIntOrPercent(context: RuleContext<Code>, say: Say, ref: FieldRef, name: string): void {
  if (!isSet(ref)) return;
  const text = stringValue(ref);
  const number = integerValue(ref);
  if (text !== undefined && !/^[0-9]+%$/.test(text)) {
    reportApiError(context, {
      code: 'daemonset/rolling-update',
      ref,
      type: 'Invalid',
      message: say('percent', { value: text }),
    });
  } else if (number !== undefined && number < 0) {
    reportApiError(context, {
      code: 'daemonset/rolling-update',
      ref,
      type: 'Invalid',
      message: say('nonNegative', { field: name }),
    });
  }
}

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'daemonset/active-deadline-seconds': {
    severity: 'error',
    summary: 'activeDeadlineSeconds in a DaemonSet pod template.',
    source: `${kubernetesSources.apps} ValidateDaemonSetSpec`,
    example: 'activeDeadlineSeconds: 30',
  },
  'daemonset/negative-field': {
    severity: 'error',
    summary: 'minReadySeconds or revisionHistoryLimit below 0.',
    source: `${kubernetesSources.apps} ValidateDaemonSetSpec`,
    example: 'minReadySeconds: -1',
  },
  'daemonset/update-strategy': {
    severity: 'error',
    summary: 'An updateStrategy type other than RollingUpdate or OnDelete (reported at spec.updateStrategy).',
    source: `${kubernetesSources.apps} ValidateDaemonSetUpdateStrategy`,
    example: 'updateStrategy: {type: Recreate}',
  },
  'daemonset/rolling-update': {
    severity: 'error',
    summary:
      'maxUnavailable/maxSurge after defaulting: not int ≥ 0 or percent ≤ 100%, both non-zero, or both zero.',
    source: `${kubernetesSources.apps} ValidateRollingUpdateDaemonSet`,
    example: 'rollingUpdate: {maxSurge: 1}',
  },
} satisfies CodeDocs;
type Code = keyof typeof codes;

/**
 * A DaemonSet's own fields (kubernetes-behaviour §1.5, with §2.3's defaults): no activeDeadlineSeconds,
 * non-negative counters, the update strategy type, and rollingUpdate's maxUnavailable/maxSurge
 * after defaulting (unset maxUnavailable is 1, unset maxSurge 0).
 */
export const daemonSetSpecRule = defineRule({
  codes,
  kinds: ['DaemonSet'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const say: Say = (key, args = {}) => formatMessage(messages, context.locale, key, args);
    const spec = refs.spec;
    if (!isSet(spec)) return;
    const deadline = field(refs.podSpec, 'activeDeadlineSeconds');
    if (isSet(deadline)) {
      reportApiError(context, {
        code: 'daemonset/active-deadline-seconds',
        ref: deadline,
        type: 'Forbidden',
        message: say('activeDeadline'),
      });
    }
    for (const name of ['minReadySeconds', 'revisionHistoryLimit']) {
      const ref = field(spec, name);
      const value = integerValue(ref);
      if (value !== undefined && value < 0) {
        reportApiError(context, {
          code: 'daemonset/negative-field',
          ref,
          type: 'Invalid',
          message: say('nonNegative', { field: name }),
        });
      }
    }
    const strategy = field(spec, 'updateStrategy');
    const typeRef = field(strategy, 'type');
    const type = stringValue(typeRef) || 'RollingUpdate';
    if (type === 'OnDelete') return;
    if (type !== 'RollingUpdate') {
      reportApiError(context, {
        code: 'daemonset/update-strategy',
        ref: typeRef,
        path: 'spec.updateStrategy',
        type: 'NotSupported',
        message: say('strategyType', { value: type }),
      });
      return;
    }
    const rollingUpdate = field(strategy, 'rollingUpdate');
    const maxUnavailableRef = field(rollingUpdate, 'maxUnavailable');
    const maxSurgeRef = field(rollingUpdate, 'maxSurge');
    checkIntOrPercent(context, say, maxUnavailableRef, 'maxUnavailable');
    checkIntOrPercent(context, say, maxSurgeRef, 'maxSurge');
    const maxUnavailable = intOrPercentValue(maxUnavailableRef, 1);
    const maxSurge = intOrPercentValue(maxSurgeRef, 0);
    for (const [value, ref, name] of [
      [maxUnavailable, maxUnavailableRef, 'maxUnavailable'],
      [maxSurge, maxSurgeRef, 'maxSurge'],
    ] as const) {
      if (value.validPercent && value.value > 100) {
        reportApiError(context, {
          code: 'daemonset/rolling-update',
          ref,
          type: 'Invalid',
          message: say('over100', { field: name }),
        });
      }
    }
    if (maxUnavailable.value !== 0 && maxSurge.value !== 0) {
      reportApiError(context, {
        code: 'daemonset/rolling-update',
        ref: maxSurgeRef,
        type: 'Invalid',
        message: say('bothNonZero'),
        data: { maxUnavailableWritten: isSet(maxUnavailableRef) },
      });
    } else if (maxUnavailable.value === 0 && maxSurge.value === 0) {
      reportApiError(context, {
        code: 'daemonset/rolling-update',
        ref: maxUnavailableRef,
        type: 'Required',
        message: say('bothZero'),
      });
    }
  },
});
