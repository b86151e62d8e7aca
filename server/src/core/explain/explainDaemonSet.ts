/**
 * Where a DaemonSet runs and how it rolls out: the nodes that get a pod (nodeSelector, required
 * node affinity, taints against the pod's tolerations plus those the controller adds), the update
 * strategy for a given number of nodes with percentages rounded up, minReadySeconds and
 * revisionHistoryLimit (kubernetes-behaviour §2.3, §3.3, §3.4).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { entries, field, fieldAt, items, scalarText, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { formatIntOrPercent, scaleIntOrPercent } from '../workload/intOrPercent';
import type { IntOrPercent } from '../workload/intOrPercent';
import type { Workload } from '../workload/recognizeWorkload';
import { automaticDaemonTolerations, tolerates } from '../workload/tolerations';
import type { Taint, Toleration } from '../workload/tolerations';
import { defaultAt, noteAt, podTemplateOf, workloadModel } from '../workload/workloadModel';
import type { WorkloadRefs } from '../workload/workloadRefs';
import { code, formatDuration, formatList } from './explainFormat';

/** A rollingUpdate value as the explanation shows it: accepted, or rejected with its text. */
export type StrategyValue = IntOrPercent | { readonly kind: 'invalid'; readonly text: string };

/** A DaemonSet's update strategy after defaulting (§2.3), from the workload's model. */
export interface DaemonSetStrategy {
  readonly type: string;
  readonly typeWritten: boolean;
  readonly maxUnavailable: StrategyValue;
  readonly maxSurge: StrategyValue;
  readonly maxUnavailableWritten: boolean;
  readonly maxSurgeWritten: boolean;
}

/**
 * The update strategy of a DaemonSet's model: type RollingUpdate, maxUnavailable 1 and maxSurge 0
 * when unset. A value the API server rejects is shown as written.
 */
export function readDaemonSetStrategy(workload: Workload): DaemonSetStrategy {
  const model = workloadModel(workload);
  const spec = model.kind === 'DaemonSet' ? model.spec : undefined;
  const typePath = 'spec.updateStrategy.type';
  const value = (key: 'maxUnavailable' | 'maxSurge', fallback: number): StrategyValue => {
    const rejected = noteAt(model, `spec.updateStrategy.rollingUpdate.${key}`);
    if (rejected) return { kind: 'invalid', text: rejected.value };
    return spec ? spec[key] : { kind: 'int', value: fallback };
  };
  const written = (key: string): boolean =>
    defaultAt(model, `spec.updateStrategy.rollingUpdate.${key}`) === undefined;
  return {
    type: noteAt(model, typePath)?.value ?? spec?.updateStrategy ?? 'RollingUpdate',
    typeWritten: defaultAt(model, typePath) === undefined,
    maxUnavailable: value('maxUnavailable', 1),
    maxSurge: value('maxSurge', 0),
    maxUnavailableWritten: written('maxUnavailable'),
    maxSurgeWritten: written('maxSurge'),
  };
}

function scaled(value: StrategyValue, total: number): number {
  return value.kind === 'invalid' ? 0 : scaleIntOrPercent(value, total);
}

/** One line of a rollout: for `nodes` nodes, how many are updated at once and in how many rounds. */
export interface RolloutBatch {
  readonly nodes: number;
  readonly maxUnavailable: number;
  readonly maxSurge: number;
  /** `surge`: new pods start next to old ones; `unavailable`: old pods are deleted first. */
  readonly mode: 'surge' | 'unavailable';
  readonly atOnce: number;
  /** ceil(nodes / atOnce), when every node's new pod takes the same time to become available. */
  readonly rounds: number;
}

/**
 * Scales maxUnavailable and maxSurge against `nodes` (the desired number scheduled), rounding
 * percentages up; when both come out as 0 with nodes > 0, maxUnavailable counts as 1 (§3.3).
 */
export function computeRolloutBatch(
  strategy: Pick<DaemonSetStrategy, 'maxUnavailable' | 'maxSurge'>,
  nodes: number,
): RolloutBatch {
  let maxUnavailable = scaled(strategy.maxUnavailable, nodes);
  const maxSurge = scaled(strategy.maxSurge, nodes);
  if (maxUnavailable === 0 && maxSurge === 0 && nodes > 0) maxUnavailable = 1;
  const mode = maxSurge > 0 ? 'surge' : 'unavailable';
  const atOnce = Math.max(1, Math.min(nodes, mode === 'surge' ? maxSurge : maxUnavailable));
  return {
    nodes,
    maxUnavailable,
    maxSurge,
    mode,
    atOnce,
    rounds: nodes === 0 ? 0 : Math.ceil(nodes / atOnce),
  };
}

/** The node counts the rollout explanation shows. */
export const EXAMPLE_NODE_COUNTS: readonly number[] = [3, 10, 100];

/** This module's daemonSetMessages, in English and Simplified Chinese. */
export const daemonSetMessages = defineCatalog(
  {
    nodesHeading: '**Which nodes get a pod**',
    nodesIntro: 'The DaemonSet controller puts one pod on every node that:',
    nodeName: 'is the node {name} (`nodeName`);',
    nodeSelector: 'has the labels {labels} (`nodeSelector`);',
    affinity: 'matches the required node affinity: {terms} (preferred terms are ignored by the controller);',
    taints:
      'has no `NoSchedule` or `NoExecute` taint the pod does not tolerate (`PreferNoSchedule` taints are ignored).',
    everyNode: 'With no nodeSelector or required node affinity, that is every node apart from tainted ones.',
    resources:
      'The controller does not check resources, ports or readiness: the scheduler binds the pod later, and may leave it Pending.',
    automaticHeading: 'Tolerations the controller adds to every pod (operator `Exists`):',
    hostNetworkMark: ' (because `hostNetwork: true`)',
    writtenHeading: 'Tolerations in the template: {list}.',
    writtenNone: 'The template has no tolerations of its own.',
    cordoned: 'Cordoned nodes get a pod: the `unschedulable` taint is tolerated.',
    notReady:
      'A node with the lifecycle taint `node.kubernetes.io/not-ready:NoSchedule` gets no new pod (only the `NoExecute` one is tolerated); pods already there keep running.',
    controlPlaneNo:
      'Control-plane nodes (taint `node-role.kubernetes.io/control-plane:NoSchedule`) get no pod: no toleration matches that taint.',
    controlPlaneYes:
      'Control-plane nodes (taint `node-role.kubernetes.io/control-plane:NoSchedule`) get a pod: {toleration} tolerates it.',
    laterTaints:
      'A `NoExecute` taint added later that the pod does not tolerate removes the pod; a `NoSchedule` one leaves it running.',
    strategyHeading: '**updateStrategy**',
    onDelete:
      '`OnDelete`: a template change is recorded, but pods are replaced only when someone deletes them; the controller then creates the new pod from the current template. rollingUpdate is ignored.',
    unknownType: '{value}: not an update strategy (RollingUpdate or OnDelete); the manifest is rejected.',
    rolling:
      '`RollingUpdate`{typeDefault} with maxUnavailable {unavailable}{unavailableDefault} and maxSurge {surge}{surgeDefault}.',
    defaultMark: ' (default)',
    unavailableMode:
      'On each node the old pod is deleted first and the new one created after it: at most maxUnavailable nodes are without an available pod at a time.',
    surgeMode:
      'Up to maxSurge nodes at a time get the new pod next to the old one, which is deleted once the new pod is available; a node whose old pod is not available gets the new pod at once.',
    invalidBoth:
      'Rejected: maxSurge may only be set with `maxUnavailable: 0` (maxUnavailable defaults to 1).',
    invalidZero: 'Rejected: maxUnavailable cannot be 0 when maxSurge is 0.',
    invalidValue: 'Rejected: {value} is not a whole number or a percent such as `25%`.',
    tableHeader: '| Nodes running the pod | Updated at once | Rounds |\n|---:|---:|---:|',
    rounding:
      'Percentages are taken of the nodes that should run the pod and rounded up (a Deployment rounds maxUnavailable down; a DaemonSet does not); if both come out as 0, maxUnavailable counts as 1. Rounds assume each node’s new pod becomes available in the same time{minReady}.',
    minReadyNote: ', including minReadySeconds ({seconds})',
    minReadyHeading: '**minReadySeconds**',
    minReady:
      'A new pod counts as available only after it has been Ready for {seconds}; a rolling update moves on to further nodes only then, so each round takes at least that long.',
    minReadyZero: '0 (the default): a pod counts as available as soon as it is Ready.',
    historyHeading: '**revisionHistoryLimit**',
    history:
      'Keeps {limit} old ControllerRevisions (`{name}-<hash>`, one per distinct template) for rollbacks{defaulted}; older ones are deleted oldest first, but never one whose hash a live pod still carries.',
    historyDefault: ' (the default)',
  },
  {
    nodesHeading: '**哪些节点会运行 Pod**',
    nodesIntro: 'DaemonSet 控制器在满足以下条件的每个节点上放置一个 Pod：',
    nodeName: '是节点 {name}（`nodeName`）；',
    nodeSelector: '带有标签 {labels}（`nodeSelector`）；',
    affinity: '满足必需的节点亲和性：{terms}（控制器忽略首选项）；',
    taints: '没有 Pod 不容忍的 `NoSchedule` 或 `NoExecute` 污点（忽略 `PreferNoSchedule` 污点）。',
    everyNode: '没有 nodeSelector 或必需的节点亲和性时，即除有污点的节点外的所有节点。',
    resources: '控制器不检查资源、端口或就绪状态：之后由调度器绑定 Pod，Pod 也可能一直处于 Pending。',
    automaticHeading: '控制器为每个 Pod 添加的容忍（operator 为 `Exists`）：',
    hostNetworkMark: '（因为 `hostNetwork: true`）',
    writtenHeading: '模板中的容忍：{list}。',
    writtenNone: '模板本身没有容忍。',
    cordoned: '被封锁（cordon）的节点也会运行 Pod：`unschedulable` 污点被容忍。',
    notReady:
      '带有生命周期污点 `node.kubernetes.io/not-ready:NoSchedule` 的节点不会获得新的 Pod（只容忍 `NoExecute` 的那个）；已有的 Pod 继续运行。',
    controlPlaneNo:
      '控制平面节点（污点 `node-role.kubernetes.io/control-plane:NoSchedule`）不会运行 Pod：没有容忍与该污点匹配。',
    controlPlaneYes:
      '控制平面节点（污点 `node-role.kubernetes.io/control-plane:NoSchedule`）会运行 Pod：{toleration} 容忍了它。',
    laterTaints:
      '之后添加的、Pod 不容忍的 `NoExecute` 污点会移除 Pod；`NoSchedule` 污点则不影响已运行的 Pod。',
    strategyHeading: '**updateStrategy**',
    onDelete:
      '`OnDelete`：模板的修改会被记录，但只有在有人删除 Pod 时才会替换；随后控制器用当前模板创建新的 Pod。rollingUpdate 被忽略。',
    unknownType: '{value}：不是有效的更新策略（RollingUpdate 或 OnDelete）；清单会被拒绝。',
    rolling:
      '`RollingUpdate`{typeDefault}，maxUnavailable 为 {unavailable}{unavailableDefault}，maxSurge 为 {surge}{surgeDefault}。',
    defaultMark: '（默认值）',
    unavailableMode:
      '在每个节点上先删除旧 Pod，再创建新 Pod：同一时间最多有 maxUnavailable 个节点没有可用的 Pod。',
    surgeMode:
      '同一时间最多有 maxSurge 个节点在旧 Pod 旁边启动新 Pod，新 Pod 可用后再删除旧 Pod；旧 Pod 不可用的节点会立即获得新 Pod。',
    invalidBoth: '会被拒绝：只有在 `maxUnavailable: 0` 时才能设置 maxSurge（maxUnavailable 默认为 1）。',
    invalidZero: '会被拒绝：maxSurge 为 0 时 maxUnavailable 不能为 0。',
    invalidValue: '会被拒绝：{value} 既不是整数，也不是 `25%` 这样的百分比。',
    tableHeader: '| 运行 Pod 的节点数 | 同时更新 | 轮数 |\n|---:|---:|---:|',
    rounding:
      '百分比按应运行 Pod 的节点数计算并向上取整（Deployment 的 maxUnavailable 向下取整，DaemonSet 不是）；如果两者都为 0，maxUnavailable 按 1 计。轮数假定每个节点的新 Pod 变为可用所需的时间相同{minReady}。',
    minReadyNote: '，包括 minReadySeconds（{seconds}）',
    minReadyHeading: '**minReadySeconds**',
    minReady:
      '新 Pod 要持续就绪 {seconds} 后才算可用；滚动更新要等到那时才会继续更新其他节点，因此每一轮至少需要这么长时间。',
    minReadyZero: '0（默认值）：Pod 一就绪就算可用。',
    historyHeading: '**revisionHistoryLimit**',
    history:
      '保留 {limit} 个旧的 ControllerRevision（`{name}-<哈希>`，每个不同的模板一个）用于回滚{defaulted}；更早的按从旧到新删除，但仍有运行中的 Pod 使用其哈希的不会删除。',
    historyDefault: '（默认值）',
  },
);

type Key = keyof (typeof daemonSetMessages)['en'];

function sayer(locale: Locale): (key: Key, args?: MessageArgs) => string {
  return (key, args) => formatMessage(daemonSetMessages, locale, key, args);
}

/** "key:effect", "key=value:effect", "all taints" for a toleration. */
export function formatToleration(toleration: Toleration): string {
  const key = toleration.key === '' ? '*' : toleration.key;
  const value = toleration.operator === 'Exists' || toleration.value === '' ? '' : `=${toleration.value}`;
  const effect = toleration.effect === '' ? '' : `:${toleration.effect}`;
  return code(`${key}${value}${effect}${toleration.operator === 'Exists' ? ' (Exists)' : ''}`);
}

/** The required node-affinity terms in words: `a In (x, y)` and … or …. */
function describeAffinityTerms(podSpec: FieldRef, locale: Locale): string | undefined {
  const terms = items(
    fieldAt(
      podSpec,
      'affinity',
      'nodeAffinity',
      'requiredDuringSchedulingIgnoredDuringExecution',
      'nodeSelectorTerms',
    ),
  );
  if (terms.length === 0) return undefined;
  const describeTerm = (term: FieldRef): string => {
    const requirements = ['matchExpressions', 'matchFields'].flatMap((key) =>
      items(field(term, key)).map((requirement) => {
        const values = items(field(requirement, 'values')).map((value) => scalarText(value));
        const operator = stringValue(field(requirement, 'operator')) ?? '';
        const keyText = stringValue(field(requirement, 'key')) ?? '';
        return code(
          values.length > 0 ? `${keyText} ${operator} (${values.join(', ')})` : `${keyText} ${operator}`,
        );
      }),
    );
    return formatList(requirements, locale, 'and');
  };
  return formatList(terms.map(describeTerm), locale, 'or');
}

/** Markdown explaining which nodes get a daemon pod and why. */
export function explainDaemonSetNodes(workload: Workload, refs: WorkloadRefs, locale: Locale): string {
  const say = sayer(locale);
  const podSpec = refs.podSpec;
  const template = podTemplateOf(workloadModel(workload));
  const conditions: string[] = [];
  const nodeName = stringValue(field(podSpec, 'nodeName'));
  if (nodeName) conditions.push(say('nodeName', { name: code(nodeName) }));
  const labels = entries(field(podSpec, 'nodeSelector')).map(({ key, ref }) =>
    code(`${key}=${scalarText(ref)}`),
  );
  if (labels.length > 0) conditions.push(say('nodeSelector', { labels: formatList(labels, locale, 'and') }));
  const terms = describeAffinityTerms(podSpec, locale);
  if (terms) conditions.push(say('affinity', { terms }));
  conditions.push(say('taints'));
  const lines = [
    say('nodesHeading'),
    `${say('nodesIntro')}\n${conditions.map((line) => `- ${line}`).join('\n')}`,
  ];
  if (labels.length === 0 && !terms && !nodeName) lines.push(say('everyNode'));
  const automatic = automaticDaemonTolerations(template.hostNetwork).map(
    (toleration) =>
      `- ${code(`${toleration.key}:${toleration.effect}`)}${
        toleration.key === 'node.kubernetes.io/network-unavailable' ? say('hostNetworkMark') : ''
      }`,
  );
  lines.push(`${say('automaticHeading')}\n${automatic.join('\n')}`);
  const written = template.tolerations;
  lines.push(
    written.length > 0
      ? say('writtenHeading', { list: formatList(written.map(formatToleration), locale, 'and') })
      : say('writtenNone'),
  );
  const controlPlane: Taint = {
    key: 'node-role.kubernetes.io/control-plane',
    value: '',
    effect: 'NoSchedule',
  };
  const tolerating = written.find((toleration) => tolerates(toleration, controlPlane));
  lines.push(
    [
      say('cordoned'),
      say('notReady'),
      tolerating
        ? say('controlPlaneYes', { toleration: formatToleration(tolerating) })
        : say('controlPlaneNo'),
      say('laterTaints'),
      say('resources'),
    ]
      .map((line) => `- ${line}`)
      .join('\n'),
  );
  return lines.join('\n\n');
}

function formatStrategyValue(value: StrategyValue): string {
  return code(value.kind === 'invalid' ? value.text : formatIntOrPercent(value));
}

/** Markdown explaining the update strategy, with a table for 3, 10 and 100 nodes. */
export function explainUpdateStrategy(workload: Workload, locale: Locale): string {
  const say = sayer(locale);
  const strategy = readDaemonSetStrategy(workload);
  const model = workloadModel(workload);
  const lines = [say('strategyHeading')];
  if (strategy.type === 'OnDelete') {
    lines.push(say('onDelete'));
    return lines.join('\n\n');
  }
  if (strategy.type !== 'RollingUpdate') {
    lines.push(say('unknownType', { value: code(strategy.type) }));
    return lines.join('\n\n');
  }
  lines.push(
    say('rolling', {
      typeDefault: strategy.typeWritten ? '' : say('defaultMark'),
      unavailable: formatStrategyValue(strategy.maxUnavailable),
      unavailableDefault: strategy.maxUnavailableWritten ? '' : say('defaultMark'),
      surge: formatStrategyValue(strategy.maxSurge),
      surgeDefault: strategy.maxSurgeWritten ? '' : say('defaultMark'),
    }),
  );
  const { maxUnavailable, maxSurge } = strategy;
  if (maxUnavailable.kind === 'invalid' || maxSurge.kind === 'invalid') {
    const text =
      maxUnavailable.kind === 'invalid'
        ? maxUnavailable.text
        : maxSurge.kind === 'invalid'
          ? maxSurge.text
          : '';
    lines.push(say('invalidValue', { value: code(text) }));
    return lines.join('\n\n');
  }
  const unavailableRaw = maxUnavailable.value;
  const surgeRaw = maxSurge.value;
  if (unavailableRaw !== 0 && surgeRaw !== 0) {
    lines.push(say('invalidBoth'));
    return lines.join('\n\n');
  }
  if (unavailableRaw === 0 && surgeRaw === 0) {
    lines.push(say('invalidZero'));
    return lines.join('\n\n');
  }
  lines.push(say(surgeRaw > 0 ? 'surgeMode' : 'unavailableMode'));
  const rows = EXAMPLE_NODE_COUNTS.map((nodes) => {
    const batch = computeRolloutBatch(strategy, nodes);
    return `| ${nodes} | ${batch.atOnce} | ${batch.rounds} |`;
  });
  lines.push(`${say('tableHeader')}\n${rows.join('\n')}`);
  const minReady = model.kind === 'DaemonSet' ? model.spec.minReadyMs / 1000 : 0;
  lines.push(
    say('rounding', {
      minReady: minReady > 0 ? say('minReadyNote', { seconds: formatDuration(minReady, locale) }) : '',
    }),
  );
  return lines.join('\n\n');
}

/** Markdown explaining minReadySeconds. */
export function explainMinReadySeconds(workload: Workload, locale: Locale): string {
  const say = sayer(locale);
  const model = workloadModel(workload);
  const seconds = model.kind === 'DaemonSet' ? model.spec.minReadyMs / 1000 : 0;
  return [
    say('minReadyHeading'),
    seconds > 0 ? say('minReady', { seconds: formatDuration(seconds, locale) }) : say('minReadyZero'),
  ].join('\n\n');
}

/** Markdown explaining revisionHistoryLimit. */
export function explainRevisionHistoryLimit(workload: Workload, refs: WorkloadRefs, locale: Locale): string {
  const say = sayer(locale);
  const model = workloadModel(workload);
  const defaulted = defaultAt(model, 'spec.revisionHistoryLimit') !== undefined;
  return [
    say('historyHeading'),
    say('history', {
      limit: model.kind === 'DaemonSet' ? model.spec.revisionHistoryLimit : 10,
      name: stringValue(field(refs.metadata, 'name')) ?? '<daemonset>',
      defaulted: defaulted ? say('historyDefault') : '',
    }),
  ].join('\n\n');
}

/** The strategy for the code lens, and whether the API server accepts its rollingUpdate values. */
export function summarizeRollout(workload: Workload): { strategy: DaemonSetStrategy; valid: boolean } {
  const strategy = readDaemonSetStrategy(workload);
  const { maxUnavailable, maxSurge } = strategy;
  if (maxUnavailable.kind === 'invalid' || maxSurge.kind === 'invalid') return { strategy, valid: false };
  // Exactly one of the two may be non-zero (§1.5).
  const valid = (maxUnavailable.value === 0) !== (maxSurge.value === 0);
  return { strategy, valid };
}
