/**
 * The default of a field when it is unset, and whether that default applies where the field is
 * (kubernetes-behaviour §2): Job defaults apply to a top-level Job but not to a CronJob's jobTemplate,
 * where only each created Job gets them; rollingUpdate defaults only with RollingUpdate; and
 * imagePullPolicy depends on the image.
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { booleanValue, field, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import type { WorkloadRefs } from '../workload/workloadRefs';
import type { WorkloadKind } from '../workload/recognizeWorkload';
import { parseImageReference } from '../k8s/imageReference';
import { DEFAULTS, reachesCreatedJobsOnly } from '../workload/workloadModel';
import { code } from './explainFormat';
import type { JobSettings } from './jobSettings';

/** Where a field sits in a workload. */
export type FieldScope =
  'object' | 'jobSpec' | 'cronJobSpec' | 'daemonSetSpec' | 'podTemplate' | 'podSpec' | 'container';

/** What the default lookup needs. */
export interface FieldDefaultInput {
  readonly kind: WorkloadKind;
  readonly scope: FieldScope;
  /** The path inside the scope with indexes dropped: `backoffLimit`, `rules[].onPodConditions[].status`. */
  readonly relative: string;
  /** The field itself, to tell written from unset. */
  readonly ref: FieldRef;
  readonly refs: WorkloadRefs;
  readonly job: JobSettings | undefined;
  /** For container fields: the container. */
  readonly container?: FieldRef;
  readonly locale: Locale;
}

/** This module's fieldDefaultMessages, in English and Simplified Chinese. */
export const fieldDefaultMessages = defineCatalog(
  {
    defaultValue: 'Default: {value}.',
    unsetApplies: 'Not set here, so the default applies{here}.',
    hereValue: ': {value}',
    setHere: 'Default when unset: {value}.',
    setHereCronJob:
      'Default when unset: {value}; in a jobTemplate it is applied not to the CronJob but to each Job it creates.',
    cronJobTemplate:
      'Not set in this jobTemplate: Job defaults are not written into a CronJob, but each Job it creates gets {value}.',
    noDefault: 'No default: when unset, {meaning}.',
    completions:
      'if completions and parallelism are both unset, both become 1; otherwise an unset completions stays unset (work-queue mode)',
    backoffLimit: '6, or 2147483647 when backoffLimitPerIndex is set',
    podReplacementPolicy: '`Failed` with a podFailurePolicy, otherwise `TerminatingOrFailed`',
    imagePullPolicy: '`Always` for a `:latest` or untagged image, `IfNotPresent` otherwise',
    hostPort: 'the containerPort when `hostNetwork: true`, otherwise unset',
    rollingUpdateOnDelete: 'With `type: OnDelete` rollingUpdate is neither defaulted nor used.',
    jobLabels:
      'the template’s labels (including the generated `job-name` and `controller-uid`) when the Job has none',
    meaningActiveDeadline: 'the Job has no time limit',
    meaningTtl: 'finished Jobs stay until deleted',
    meaningPerIndex: 'failures are only counted for the whole Job (backoffLimit)',
    meaningMaxFailedIndexes: 'the Job goes on until every index has succeeded or failed',
    meaningSuccessPolicy: 'the Job succeeds when all its completions have succeeded',
    meaningPodFailurePolicy: 'every failure counts toward backoffLimit',
    meaningManagedBy: 'the built-in Job controller runs the Job',
    meaningStartingDeadline: 'a late run starts however late it is',
    meaningTimeZone: 'the schedule is read in the controller’s local zone, usually UTC',
    meaningSelector:
      'the API server generates one that matches the `batch.kubernetes.io/controller-uid` label',
  },
  {
    defaultValue: '默认值：{value}。',
    unsetApplies: '此处未设置，因此使用默认值{here}。',
    hereValue: '：{value}',
    setHere: '未设置时的默认值：{value}。',
    setHereCronJob:
      '未设置时的默认值：{value}；在 jobTemplate 中它不会应用到 CronJob，而是应用到它创建的每个 Job。',
    cronJobTemplate:
      '此 jobTemplate 中未设置：Job 的默认值不会写入 CronJob，但它创建的每个 Job 都会得到 {value}。',
    noDefault: '没有默认值：未设置时，{meaning}。',
    completions:
      '如果 completions 和 parallelism 都未设置，两者都为 1；否则未设置的 completions 保持未设置（工作队列模式）',
    backoffLimit: '6；设置了 backoffLimitPerIndex 时为 2147483647',
    podReplacementPolicy: '设置了 podFailurePolicy 时为 `Failed`，否则为 `TerminatingOrFailed`',
    imagePullPolicy: '镜像为 `:latest` 或未指定标签时为 `Always`，否则为 `IfNotPresent`',
    hostPort: '`hostNetwork: true` 时等于 containerPort，否则不设置',
    rollingUpdateOnDelete: '`type: OnDelete` 时 rollingUpdate 既不会被设置默认值，也不会被使用。',
    jobLabels: 'Job 没有标签时，复制模板的标签（包括生成的 `job-name` 和 `controller-uid`）',
    meaningActiveDeadline: 'Job 没有时间限制',
    meaningTtl: '已结束的 Job 会一直保留，直到被删除',
    meaningPerIndex: '只按整个 Job 统计失败（backoffLimit）',
    meaningMaxFailedIndexes: 'Job 会一直运行到每个索引都成功或失败',
    meaningSuccessPolicy: '所有完成数都成功后 Job 才成功',
    meaningPodFailurePolicy: '每次失败都计入 backoffLimit',
    meaningManagedBy: '由内置的 Job 控制器运行该 Job',
    meaningStartingDeadline: '迟到的运行无论晚了多久都会启动',
    meaningTimeZone: '按控制器的本地时区（通常为 UTC）解释调度',
    meaningSelector: 'API 服务器会生成一个匹配 `batch.kubernetes.io/controller-uid` 标签的选择器',
  },
);

type Key = keyof (typeof fieldDefaultMessages)['en'];

/** A default: its description, the value it takes here when unset, or the meaning of "unset". */
type DefaultSpec =
  | {
      readonly value: (input: FieldDefaultInput, say: Say) => string;
      readonly here?: (input: FieldDefaultInput) => string | undefined;
    }
  | { readonly meaning: Key };

type Say = (key: Key, args?: MessageArgs) => string;

const fixed =
  (value: string): ((input: FieldDefaultInput, say: Say) => string) =>
  () =>
    code(value);

/**
 * `SetDefaults_Container`'s imagePullPolicy: `Always` when `ParseImageName` gives the tag
 * `latest` (also for an image with neither tag nor digest, which it gives `latest`),
 * `IfNotPresent` otherwise, including for an image it cannot parse (its error is ignored there).
 */
export function defaultImagePullPolicy(image: string): 'Always' | 'IfNotPresent' {
  const reference = parseImageReference(image);
  if (!reference) return 'IfNotPresent';
  const tag = reference.tag ?? (reference.digest === null ? 'latest' : null);
  return tag === 'latest' ? 'Always' : 'IfNotPresent';
}

const jobSpecDefaults: Readonly<Record<string, DefaultSpec>> = {
  completions: {
    value: (_input, say) => say('completions'),
    here: (input) =>
      input.job?.completions.value === null ? undefined : String(input.job?.completions.value ?? ''),
  },
  parallelism: { value: fixed(String(DEFAULTS.job.parallelism)) },
  backoffLimit: {
    value: (_input, say) => say('backoffLimit'),
    here: (input) => (input.job ? String(input.job.backoffLimit.value) : undefined),
  },
  completionMode: { value: fixed(DEFAULTS.job.completionMode) },
  suspend: { value: fixed(String(DEFAULTS.job.suspend)) },
  manualSelector: { value: fixed(String(DEFAULTS.job.manualSelector)) },
  podReplacementPolicy: {
    value: (_input, say) => say('podReplacementPolicy'),
    here: (input) => input.job?.podReplacementPolicy.value,
  },
  'podFailurePolicy.rules[].onPodConditions[].status': { value: fixed(DEFAULTS.job.onPodConditionsStatus) },
  activeDeadlineSeconds: { meaning: 'meaningActiveDeadline' },
  ttlSecondsAfterFinished: { meaning: 'meaningTtl' },
  backoffLimitPerIndex: { meaning: 'meaningPerIndex' },
  maxFailedIndexes: { meaning: 'meaningMaxFailedIndexes' },
  successPolicy: { meaning: 'meaningSuccessPolicy' },
  podFailurePolicy: { meaning: 'meaningPodFailurePolicy' },
  managedBy: { meaning: 'meaningManagedBy' },
  selector: { meaning: 'meaningSelector' },
};

const cronJobSpecDefaults: Readonly<Record<string, DefaultSpec>> = {
  concurrencyPolicy: { value: fixed(DEFAULTS.cronJob.concurrencyPolicy) },
  suspend: { value: fixed(String(DEFAULTS.cronJob.suspend)) },
  successfulJobsHistoryLimit: { value: fixed(String(DEFAULTS.cronJob.successfulJobsHistoryLimit)) },
  failedJobsHistoryLimit: { value: fixed(String(DEFAULTS.cronJob.failedJobsHistoryLimit)) },
  startingDeadlineSeconds: { meaning: 'meaningStartingDeadline' },
  timeZone: { meaning: 'meaningTimeZone' },
};

const daemonSetSpecDefaults: Readonly<Record<string, DefaultSpec>> = {
  'updateStrategy.type': { value: fixed(DEFAULTS.daemonSet.updateStrategyType) },
  'updateStrategy.rollingUpdate.maxUnavailable': { value: fixed(String(DEFAULTS.daemonSet.maxUnavailable)) },
  'updateStrategy.rollingUpdate.maxSurge': { value: fixed(String(DEFAULTS.daemonSet.maxSurge)) },
  revisionHistoryLimit: { value: fixed(String(DEFAULTS.daemonSet.revisionHistoryLimit)) },
  minReadySeconds: { value: fixed('0') },
};

const podSpecDefaults: Readonly<Record<string, DefaultSpec>> = {
  restartPolicy: { value: fixed(DEFAULTS.podSpec.restartPolicy) },
  dnsPolicy: { value: fixed('ClusterFirst') },
  schedulerName: { value: fixed('default-scheduler') },
  terminationGracePeriodSeconds: { value: fixed(String(DEFAULTS.podSpec.terminationGracePeriodSeconds)) },
  securityContext: { value: fixed('{}') },
};

const containerDefaults: Readonly<Record<string, DefaultSpec>> = {
  terminationMessagePath: { value: fixed('/dev/termination-log') },
  terminationMessagePolicy: { value: fixed('File') },
  imagePullPolicy: {
    value: (_input, say) => say('imagePullPolicy'),
    here: (input) => {
      const image = input.container ? stringValue(field(input.container, 'image')) : undefined;
      return image === undefined ? undefined : defaultImagePullPolicy(image);
    },
  },
  'ports[].protocol': { value: fixed('TCP') },
  'ports[].hostPort': {
    value: (_input, say) => say('hostPort'),
    here: (input) =>
      booleanValue(field(input.refs.podSpec, 'hostNetwork')) === true ? 'containerPort' : undefined,
  },
};

function specFor(input: FieldDefaultInput): DefaultSpec | undefined {
  switch (input.scope) {
    case 'jobSpec':
      return jobSpecDefaults[input.relative];
    case 'cronJobSpec':
      return cronJobSpecDefaults[input.relative];
    case 'daemonSetSpec':
      return daemonSetSpecDefaults[input.relative];
    case 'podSpec':
      return podSpecDefaults[input.relative];
    case 'container':
      return containerDefaults[input.relative];
    default:
      return undefined;
  }
}

/**
 * One or two Markdown sentences on the field's default and whether it applies here; undefined for
 * fields without a default worth mentioning.
 */
export function describeFieldDefault(input: FieldDefaultInput): string | undefined {
  const say: Say = (key, args) => formatMessage(fieldDefaultMessages, input.locale, key, args);
  const written = input.ref.node !== null;
  if (input.kind === 'Job' && input.scope === 'object' && input.relative === 'metadata.labels') {
    return say('defaultValue', { value: say('jobLabels') });
  }
  if (input.kind === 'DaemonSet' && input.relative.startsWith('updateStrategy.rollingUpdate')) {
    const type = stringValue(field(field(input.refs.spec, 'updateStrategy'), 'type'));
    if (type === 'OnDelete') return say('rollingUpdateOnDelete');
  }
  const spec = specFor(input);
  if (!spec) return undefined;
  if ('meaning' in spec) return written ? undefined : say('noDefault', { meaning: say(spec.meaning) });
  const value = spec.value(input, say);
  // In a CronJob's jobTemplate, Job defaults reach only the Jobs it creates (the model's rule).
  const createdJobOnly =
    input.scope === 'jobSpec' && input.job?.inCronJob === true && reachesCreatedJobsOnly(input.relative);
  if (written) return say(createdJobOnly ? 'setHereCronJob' : 'setHere', { value });
  if (createdJobOnly) return say('cronJobTemplate', { value });
  const here = spec.here?.(input);
  return `${say('defaultValue', { value })} ${say('unsetApplies', { here: here ? say('hereValue', { value: code(here) }) : '' })}`;
}
