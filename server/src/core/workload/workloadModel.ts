/**
 * One defaulted model of a workload: the parts of a Job, CronJob or DaemonSet that explanations,
 * code lenses, the preview and the simulator act on, read once from Podline's YAML model with the
 * API server's defaults applied (`SetDefaults_Job`, `SetDefaults_CronJob`, `SetDefaults_DaemonSet`
 * and the pod defaults, docs/kubernetes-behaviour.md §2). The model lists which defaults it
 * applied and why (`defaults`), and each value the API server would reject, replaced by its
 * default so that an explanation or a simulation can still show something (`notes`).
 * `workloadModel` builds it once per recognised document.
 */

import {
  field,
  fieldAt,
  entries,
  integerValue,
  items,
  stringValue,
  booleanValue,
  rootRef,
} from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from './workloadRefs';
import type { Workload } from './recognizeWorkload';
import { parseIntOrPercent } from './intOrPercent';
import type { IntOrPercent } from './intOrPercent';
import type { Toleration } from './tolerations';

export type { IntOrPercent, Toleration };

/** Index ranges such as `0-2,5` as `[low, high]` pairs, both ends included. */
export type IntegerSet = readonly (readonly [number, number])[];

/** One requirement of a node selector term. */
export interface NodeSelectorRequirement {
  readonly key: string;
  readonly operator: string;
  readonly values: readonly string[];
}

/** One term of required node affinity: all its requirements must hold. */
export interface NodeSelectorTerm {
  readonly matchExpressions: readonly NodeSelectorRequirement[];
  readonly matchFields: readonly NodeSelectorRequirement[];
}

/** What the controllers and the scheduler need from a pod template. */
export interface PodTemplateModel {
  /** Where the pod spec is: `spec.template.spec` or `spec.jobTemplate.spec.template.spec`. */
  readonly path: string;
  readonly restartPolicy: string;
  readonly containers: readonly string[];
  readonly initContainers: readonly string[];
  readonly terminationGracePeriodMs: number;
  /** The pod's own activeDeadlineSeconds, in milliseconds. */
  readonly activeDeadlineMs: number | null;
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Required node affinity terms (ORed); null when there are none. */
  readonly requiredNodeAffinity: readonly NodeSelectorTerm[] | null;
  /** The template's own tolerations, as written (a DaemonSet's pods get more: `daemonPodTolerations`). */
  readonly tolerations: readonly Toleration[];
  readonly hostNetwork: boolean;
  readonly nodeName: string | null;
}

/** The actions of a podFailurePolicy rule. */
export type PodFailurePolicyAction = 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';

/** One podFailurePolicy rule. */
export interface PodFailurePolicyRule {
  /** Where the rule is, e.g. `spec.podFailurePolicy.rules[0]`. */
  readonly path: string;
  readonly action: PodFailurePolicyAction;
  readonly onExitCodes: {
    readonly containerName: string | null;
    readonly operator: 'In' | 'NotIn';
    readonly values: readonly number[];
  } | null;
  readonly onPodConditions: readonly { readonly type: string; readonly status: string }[];
}

/** One successPolicy rule. */
export interface SuccessPolicyRule {
  readonly succeededIndexes: IntegerSet | null;
  readonly succeededCount: number | null;
}

/**
 * A Job spec after `SetDefaults_Job` (pkg/apis/batch/v1/defaults.go). For a CronJob it is the
 * jobTemplate's spec as each Job the controller creates from it is defaulted.
 */
export interface JobSpecModel {
  /** Where the spec is: `spec`, or `spec.jobTemplate.spec` in a CronJob. */
  readonly path: string;
  /** The Job's name; for a CronJob, the CronJob's (its Jobs get a suffix). */
  readonly name: string;
  readonly namespace: string;
  readonly parallelism: number;
  /** Null in work-queue mode. */
  readonly completions: number | null;
  readonly completionMode: string;
  readonly backoffLimit: number;
  readonly backoffLimitPerIndex: number | null;
  readonly maxFailedIndexes: number | null;
  readonly activeDeadlineMs: number | null;
  readonly ttlAfterFinishedMs: number | null;
  readonly suspend: boolean;
  readonly podReplacementPolicy: 'Failed' | 'TerminatingOrFailed';
  readonly podFailurePolicy: readonly PodFailurePolicyRule[] | null;
  readonly successPolicy: readonly SuccessPolicyRule[] | null;
  readonly managedBy: string | null;
  readonly manualSelector: boolean;
  readonly template: PodTemplateModel;
}

/** A CronJob spec after `SetDefaults_CronJob`. */
export interface CronJobSpecModel {
  readonly name: string;
  readonly namespace: string;
  readonly schedule: string;
  readonly timeZone: string | null;
  readonly concurrencyPolicy: 'Allow' | 'Forbid' | 'Replace';
  readonly suspend: boolean;
  readonly startingDeadlineMs: number | null;
  readonly successfulJobsHistoryLimit: number;
  readonly failedJobsHistoryLimit: number;
  /** The jobTemplate's spec as the API server defaults it when the controller creates a Job. */
  readonly jobSpec: JobSpecModel;
}

/** A DaemonSet spec after `SetDefaults_DaemonSet` (pkg/apis/apps/v1/defaults.go). */
export interface DaemonSetSpecModel {
  readonly name: string;
  readonly namespace: string;
  readonly updateStrategy: 'RollingUpdate' | 'OnDelete';
  /** With `OnDelete` these are neither defaulted nor used; the model still carries 1 and 0. */
  readonly maxUnavailable: IntOrPercent;
  readonly maxSurge: IntOrPercent;
  readonly minReadyMs: number;
  readonly revisionHistoryLimit: number;
  readonly template: PodTemplateModel;
}

/** A value the API server would reject, and what the model uses instead. */
export interface SpecNote {
  readonly path: string;
  /** The value as written. */
  readonly value: string;
  /** What the model uses instead: the default, or `nothing`. */
  readonly used: string;
}

/** Why a default has the value it has. */
export type DefaultReason =
  /** The field's one default. */
  | 'unset'
  /** `SetDefaults_Job`: completions and parallelism both unset, so both become 1. */
  | 'completionsAndParallelismUnset'
  /** `SetDefaults_Job`: backoffLimit is MaxInt32 when backoffLimitPerIndex is set. */
  | 'backoffLimitPerIndexSet'
  /** `SetDefaults_Job`: podReplacementPolicy is Failed when a podFailurePolicy is set. */
  | 'podFailurePolicySet';

/** One default the API server applies to a field the manifest leaves unset. */
export interface AppliedDefault {
  /** The field's path in the manifest, in the API server's syntax. */
  readonly path: string;
  readonly value: string | number | boolean;
  readonly reason: DefaultReason;
  /**
   * True for Job defaults inside a CronJob's jobTemplate: the API server does not write them into
   * the CronJob (`SetDefaults_Job` runs for Job objects only), but every Job created from it gets them.
   */
  readonly onCreatedJobs: boolean;
}

/** The largest value of an int32 field, the default backoffLimit with backoffLimitPerIndex. */
export const MAX_INT32 = 2147483647;

/**
 * The values the API server's defaulters give fields a manifest leaves unset
 * (docs/kubernetes-behaviour.md §2): `SetDefaults_Job`, `SetDefaults_CronJob`,
 * `SetDefaults_DaemonSet` (pkg/apis/batch/v1, pkg/apis/apps/v1 defaults.go) and the pod spec's
 * (pkg/apis/core/v1/defaults.go). The model applies them; the hovers quote them.
 */
export const DEFAULTS = {
  job: {
    /** Both, when completions and parallelism are both unset; otherwise parallelism alone. */
    parallelism: 1,
    completions: 1,
    backoffLimit: 6,
    backoffLimitWithBackoffLimitPerIndex: MAX_INT32,
    completionMode: 'NonIndexed',
    suspend: false,
    manualSelector: false,
    podReplacementPolicy: 'TerminatingOrFailed',
    podReplacementPolicyWithPodFailurePolicy: 'Failed',
    onPodConditionsStatus: 'True',
  },
  cronJob: {
    concurrencyPolicy: 'Allow',
    suspend: false,
    successfulJobsHistoryLimit: 3,
    failedJobsHistoryLimit: 1,
  },
  daemonSet: {
    updateStrategyType: 'RollingUpdate',
    maxUnavailable: 1,
    maxSurge: 0,
    revisionHistoryLimit: 10,
  },
  podSpec: { restartPolicy: 'Always', terminationGracePeriodSeconds: 30 },
} as const;

/**
 * Whether a default of a CronJob's `spec.jobTemplate.spec` reaches only the Jobs it creates.
 * `SetDefaults_Job` runs for Job objects only, so the CronJob keeps its jobTemplate without the
 * Job defaults; the pod template's defaults and the onPodConditions status default are their
 * types' own defaulters, which `SetObjectDefaults_CronJob` applies inside the CronJob too.
 * `relative` is the field's path inside the Job spec with indexes dropped
 * (`backoffLimit`, `podFailurePolicy.rules[].onPodConditions[].status`, `template.spec.restartPolicy`).
 */
export function reachesCreatedJobsOnly(relative: string): boolean {
  return (
    !relative.startsWith('template.') && relative !== 'podFailurePolicy.rules[].onPodConditions[].status'
  );
}

class SpecReader {
  readonly notes: SpecNote[] = [];
  readonly defaults: AppliedDefault[] = [];
  /** While a CronJob's jobTemplate spec is read: its path and a dot (`spec.jobTemplate.spec.`). */
  jobTemplatePrefix: string | null = null;

  /** Records that `ref`, unset, gets `value`. */
  applyDefault<T extends string | number | boolean>(
    ref: FieldRef,
    value: T,
    reason: DefaultReason = 'unset',
  ): T {
    const prefix = this.jobTemplatePrefix;
    const onCreatedJobs =
      prefix !== null &&
      ref.path.startsWith(prefix) &&
      reachesCreatedJobsOnly(ref.path.slice(prefix.length).replace(/\[\d+\]/g, '[]'));
    this.defaults.push({ path: ref.path, value, reason, onCreatedJobs });
    return value;
  }

  /** An integer field within [min, max]; its default (or the fallback) otherwise, with a note. */
  int(ref: FieldRef, min: number, max: number, fallback: number | null): number | null {
    if (ref.node === null) return fallback === null ? null : this.applyDefault(ref, fallback);
    const value = integerValue(ref);
    if (value !== undefined && value >= min && value <= max) return value;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback ?? 'nothing') });
    return fallback;
  }

  enumValue<T extends string>(ref: FieldRef, allowed: readonly T[], fallback: T): T {
    const value = stringValue(ref);
    if (ref.node === null) return this.applyDefault(ref, fallback);
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: fallback });
    return fallback;
  }

  /** A required enum field without a default: when missing or not allowed, a note and `fallback`. */
  required<T extends string>(ref: FieldRef, allowed: readonly T[], fallback: T): T {
    const value = stringValue(ref);
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: fallback });
    return fallback;
  }

  bool(ref: FieldRef, fallback: boolean): boolean {
    if (ref.node === null) return this.applyDefault(ref, fallback);
    const value = booleanValue(ref);
    if (value !== undefined) return value;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback) });
    return fallback;
  }

  /** A string field with a default and no fixed set of values (`completionMode`, `restartPolicy`). */
  text(ref: FieldRef, fallback: string): string {
    if (ref.node === null) return this.applyDefault(ref, fallback);
    return stringValue(ref) ?? scalarOf(ref);
  }

  /** maxUnavailable or maxSurge: as `ValidateRollingUpdateDaemonSet` accepts it, else the default. */
  intOrPercent(ref: FieldRef, fallback: number): IntOrPercent {
    if (ref.node === null) return { kind: 'int', value: this.applyDefault(ref, fallback) };
    const value = parseIntOrPercent(ref.node.kind === 'scalar' ? ref.node.value : undefined);
    if (value) return value;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback) });
    return { kind: 'int', value: fallback };
  }
}

function scalarOf(ref: FieldRef): string {
  return ref.node?.kind === 'scalar' ? String(ref.node.value) : (ref.node?.kind ?? 'null');
}

function nameOf(workload: Workload): { name: string; namespace: string } {
  const metadata = field(rootRef(workload.root), 'metadata');
  const name =
    stringValue(field(metadata, 'name')) ??
    stringValue(field(metadata, 'generateName')) ??
    workload.kind.toLowerCase();
  return { name, namespace: stringValue(field(metadata, 'namespace')) ?? 'default' };
}

/** Reads a toleration as the API server stores it: omitted strings are empty, nothing is defaulted. */
function readToleration(ref: FieldRef): Toleration {
  return {
    key: stringValue(field(ref, 'key')) ?? '',
    operator: stringValue(field(ref, 'operator')) ?? '',
    value: stringValue(field(ref, 'value')) ?? '',
    effect: stringValue(field(ref, 'effect')) ?? '',
    tolerationSeconds: integerValue(field(ref, 'tolerationSeconds')) ?? null,
  };
}

/** Reads the pod template fields the model carries, with `SetDefaults_PodSpec`'s defaults for them. */
function readTemplate(reader: SpecReader, podSpec: FieldRef): PodTemplateModel {
  const names = (ref: FieldRef): string[] =>
    items(ref).map((item, i) => stringValue(field(item, 'name')) ?? `container-${i}`);
  const nodeSelector: Record<string, string> = {};
  for (const { key, ref } of entries(field(podSpec, 'nodeSelector'))) {
    nodeSelector[key] = stringValue(ref) ?? scalarOf(ref);
  }
  const requirement = (ref: FieldRef): NodeSelectorRequirement => ({
    key: stringValue(field(ref, 'key')) ?? '',
    operator: stringValue(field(ref, 'operator')) ?? '',
    values: items(field(ref, 'values')).map((value) => stringValue(value) ?? scalarOf(value)),
  });
  const termsRef = fieldAt(
    podSpec,
    'affinity',
    'nodeAffinity',
    'requiredDuringSchedulingIgnoredDuringExecution',
    'nodeSelectorTerms',
  );
  const terms = items(termsRef).map((term) => ({
    matchExpressions: items(field(term, 'matchExpressions')).map(requirement),
    matchFields: items(field(term, 'matchFields')).map(requirement),
  }));
  const restartPolicy = reader.text(field(podSpec, 'restartPolicy'), DEFAULTS.podSpec.restartPolicy);
  const grace =
    reader.int(
      field(podSpec, 'terminationGracePeriodSeconds'),
      0,
      Number.MAX_SAFE_INTEGER,
      DEFAULTS.podSpec.terminationGracePeriodSeconds,
    ) ?? DEFAULTS.podSpec.terminationGracePeriodSeconds;
  const deadline = reader.int(field(podSpec, 'activeDeadlineSeconds'), 1, Number.MAX_SAFE_INTEGER, null);
  return {
    path: podSpec.path,
    restartPolicy,
    containers: names(field(podSpec, 'containers')),
    initContainers: names(field(podSpec, 'initContainers')),
    terminationGracePeriodMs: grace * 1000,
    activeDeadlineMs: deadline === null ? null : deadline * 1000,
    nodeSelector,
    requiredNodeAffinity: termsRef.node === null ? null : terms,
    tolerations: items(field(podSpec, 'tolerations')).map(readToleration),
    hostNetwork: booleanValue(field(podSpec, 'hostNetwork')) === true,
    nodeName: stringValue(field(podSpec, 'nodeName')) ?? null,
  };
}

/** Parses `"0-2,5"` (the successPolicy / completedIndexes interval format). */
function parseIndexList(text: string): IntegerSet | null {
  const ranges: [number, number][] = [];
  for (const part of text.split(',')) {
    const match = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!match) return null;
    const low = Number(match[1]);
    const high = match[2] === undefined ? low : Number(match[2]);
    if (high < low) return null;
    ranges.push([low, high]);
  }
  return ranges;
}

function readPodFailurePolicy(reader: SpecReader, policy: FieldRef): PodFailurePolicyRule[] | null {
  if (policy.node === null) return null;
  return items(field(policy, 'rules')).map((rule): PodFailurePolicyRule => {
    const onExitCodes = field(rule, 'onExitCodes');
    return {
      path: rule.path,
      // The action is required and has no default; Count is what the simulation falls back on.
      action: reader.required(
        field(rule, 'action'),
        ['FailJob', 'Ignore', 'Count', 'FailIndex'] as const,
        'Count',
      ),
      onExitCodes:
        onExitCodes.node === null
          ? null
          : {
              containerName: stringValue(field(onExitCodes, 'containerName')) ?? null,
              operator: reader.required(field(onExitCodes, 'operator'), ['In', 'NotIn'] as const, 'In'),
              values: items(field(onExitCodes, 'values'))
                .map((value) => integerValue(value))
                .filter((value): value is number => value !== undefined),
            },
      onPodConditions: items(field(rule, 'onPodConditions')).map((condition) => ({
        type: stringValue(field(condition, 'type')) ?? '',
        // SetDefaults_PodFailurePolicyOnPodConditionsPattern: an omitted status is True.
        status: reader.text(field(condition, 'status'), DEFAULTS.job.onPodConditionsStatus),
      })),
    };
  });
}

/** `SetDefaults_Job`, field by field, on a Job's spec or a CronJob's jobTemplate spec. */
function readJobSpec(reader: SpecReader, spec: FieldRef, name: string, namespace: string): JobSpecModel {
  const parallelismRef = field(spec, 'parallelism');
  const completionsRef = field(spec, 'completions');
  let parallelism = reader.int(parallelismRef, 0, MAX_INT32, null);
  let completions = reader.int(completionsRef, 0, MAX_INT32, null);
  // Both unset: both become 1. Otherwise an unset parallelism is 1 and completions stays nil.
  if (parallelismRef.node === null && completionsRef.node === null) {
    parallelism = reader.applyDefault(
      parallelismRef,
      DEFAULTS.job.parallelism,
      'completionsAndParallelismUnset',
    );
    completions = reader.applyDefault(
      completionsRef,
      DEFAULTS.job.completions,
      'completionsAndParallelismUnset',
    );
  } else if (parallelismRef.node === null) {
    parallelism = reader.applyDefault(parallelismRef, DEFAULTS.job.parallelism);
  }
  parallelism ??= 1;
  const backoffLimitPerIndex = reader.int(field(spec, 'backoffLimitPerIndex'), 0, MAX_INT32, null);
  const backoffLimitRef = field(spec, 'backoffLimit');
  const perIndexSet = field(spec, 'backoffLimitPerIndex').node !== null;
  const backoffLimitDefault = perIndexSet
    ? DEFAULTS.job.backoffLimitWithBackoffLimitPerIndex
    : DEFAULTS.job.backoffLimit;
  const backoffLimit =
    backoffLimitRef.node === null
      ? reader.applyDefault(
          backoffLimitRef,
          backoffLimitDefault,
          perIndexSet ? 'backoffLimitPerIndexSet' : 'unset',
        )
      : (reader.int(backoffLimitRef, 0, MAX_INT32, backoffLimitDefault) ?? backoffLimitDefault);
  const completionMode = reader.text(field(spec, 'completionMode'), DEFAULTS.job.completionMode);
  const suspend = reader.bool(field(spec, 'suspend'), DEFAULTS.job.suspend);
  const podFailurePolicyRef = field(spec, 'podFailurePolicy');
  const podFailurePolicy = readPodFailurePolicy(reader, podFailurePolicyRef);
  const replacementRef = field(spec, 'podReplacementPolicy');
  const podReplacementPolicy =
    replacementRef.node === null
      ? reader.applyDefault(
          replacementRef,
          podFailurePolicyRef.node === null
            ? DEFAULTS.job.podReplacementPolicy
            : DEFAULTS.job.podReplacementPolicyWithPodFailurePolicy,
          podFailurePolicyRef.node === null ? 'unset' : 'podFailurePolicySet',
        )
      : reader.enumValue(
          replacementRef,
          ['Failed', 'TerminatingOrFailed'] as const,
          podFailurePolicyRef.node === null
            ? DEFAULTS.job.podReplacementPolicy
            : DEFAULTS.job.podReplacementPolicyWithPodFailurePolicy,
        );
  const manualSelector = reader.bool(field(spec, 'manualSelector'), DEFAULTS.job.manualSelector);
  const successPolicyRef = field(spec, 'successPolicy');
  const successPolicy =
    successPolicyRef.node === null
      ? null
      : items(field(successPolicyRef, 'rules')).map((rule): SuccessPolicyRule => {
          const indexesText = stringValue(field(rule, 'succeededIndexes'));
          return {
            succeededIndexes: indexesText === undefined ? null : parseIndexList(indexesText),
            succeededCount: reader.int(field(rule, 'succeededCount'), 0, MAX_INT32, null),
          };
        });
  const seconds = (ref: FieldRef, min: number): number | null => {
    const value = reader.int(ref, min, Number.MAX_SAFE_INTEGER, null);
    return value === null ? null : value * 1000;
  };
  const int32Seconds = (ref: FieldRef): number | null => {
    const value = reader.int(ref, 0, MAX_INT32, null);
    return value === null ? null : value * 1000;
  };
  return {
    path: spec.path,
    name,
    namespace,
    parallelism,
    completions,
    completionMode,
    backoffLimit,
    backoffLimitPerIndex,
    maxFailedIndexes: reader.int(field(spec, 'maxFailedIndexes'), 0, MAX_INT32, null),
    activeDeadlineMs: seconds(field(spec, 'activeDeadlineSeconds'), 0),
    ttlAfterFinishedMs: int32Seconds(field(spec, 'ttlSecondsAfterFinished')),
    suspend,
    podReplacementPolicy,
    podFailurePolicy,
    successPolicy,
    managedBy: stringValue(field(spec, 'managedBy')) ?? null,
    manualSelector,
    template: readTemplate(reader, fieldAt(spec, 'template', 'spec')),
  };
}

/** What every workload model carries beside its spec. */
interface ModelBase {
  /** Values the API server would reject, with what the model uses instead. */
  readonly notes: readonly SpecNote[];
  /** The defaults the API server applies to this manifest, in the order the model read them. */
  readonly defaults: readonly AppliedDefault[];
}

/** A workload with the API server's defaults applied. */
export type WorkloadModel =
  | (ModelBase & { readonly kind: 'Job'; readonly spec: JobSpecModel })
  | (ModelBase & { readonly kind: 'CronJob'; readonly spec: CronJobSpecModel })
  | (ModelBase & { readonly kind: 'DaemonSet'; readonly spec: DaemonSetSpecModel });

/** Reads a recognised workload into its defaulted model. Prefer `workloadModel`, which reads each document once. */
export function buildWorkloadModel(workload: Workload): WorkloadModel {
  const reader = new SpecReader();
  const refs = workloadRefs(workload);
  const { name, namespace } = nameOf(workload);
  const base = (): ModelBase => ({ notes: reader.notes, defaults: reader.defaults });
  switch (workload.kind) {
    case 'Job':
      return { kind: 'Job', spec: readJobSpec(reader, refs.spec, name, namespace), ...base() };
    case 'CronJob': {
      const spec = refs.spec;
      const concurrencyPolicy = reader.enumValue(
        field(spec, 'concurrencyPolicy'),
        ['Allow', 'Forbid', 'Replace'] as const,
        DEFAULTS.cronJob.concurrencyPolicy,
      );
      const suspend = reader.bool(field(spec, 'suspend'), DEFAULTS.cronJob.suspend);
      const startingDeadline = reader.int(
        field(spec, 'startingDeadlineSeconds'),
        0,
        Number.MAX_SAFE_INTEGER,
        null,
      );
      const successfulJobsHistoryLimit =
        reader.int(
          field(spec, 'successfulJobsHistoryLimit'),
          0,
          MAX_INT32,
          DEFAULTS.cronJob.successfulJobsHistoryLimit,
        ) ?? DEFAULTS.cronJob.successfulJobsHistoryLimit;
      const failedJobsHistoryLimit =
        reader.int(
          field(spec, 'failedJobsHistoryLimit'),
          0,
          MAX_INT32,
          DEFAULTS.cronJob.failedJobsHistoryLimit,
        ) ?? DEFAULTS.cronJob.failedJobsHistoryLimit;
      const jobSpecRef = refs.jobSpec ?? fieldAt(spec, 'jobTemplate', 'spec');
      reader.jobTemplatePrefix = `${jobSpecRef.path}.`;
      const jobSpec = readJobSpec(reader, jobSpecRef, name, namespace);
      reader.jobTemplatePrefix = null;
      const model: CronJobSpecModel = {
        name,
        namespace,
        schedule: stringValue(field(spec, 'schedule')) ?? '',
        timeZone: stringValue(field(spec, 'timeZone')) ?? null,
        concurrencyPolicy,
        suspend,
        startingDeadlineMs: startingDeadline === null ? null : startingDeadline * 1000,
        successfulJobsHistoryLimit,
        failedJobsHistoryLimit,
        jobSpec,
      };
      return { kind: 'CronJob', spec: model, ...base() };
    }
    case 'DaemonSet': {
      const spec = refs.spec;
      const strategy = field(spec, 'updateStrategy');
      const updateStrategy = reader.enumValue(
        field(strategy, 'type'),
        ['RollingUpdate', 'OnDelete'] as const,
        DEFAULTS.daemonSet.updateStrategyType,
      );
      const rolling = field(strategy, 'rollingUpdate');
      // SetDefaults_DaemonSet fills in rollingUpdate only for the RollingUpdate strategy.
      const rollingValue = (key: string, fallback: number): IntOrPercent => {
        const ref = field(rolling, key);
        if (updateStrategy === 'OnDelete' && ref.node === null) return { kind: 'int', value: fallback };
        return reader.intOrPercent(ref, fallback);
      };
      const maxUnavailable = rollingValue('maxUnavailable', DEFAULTS.daemonSet.maxUnavailable);
      const maxSurge = rollingValue('maxSurge', DEFAULTS.daemonSet.maxSurge);
      const minReady = reader.int(field(spec, 'minReadySeconds'), 0, MAX_INT32, null) ?? 0;
      const revisionHistoryLimit =
        reader.int(
          field(spec, 'revisionHistoryLimit'),
          0,
          MAX_INT32,
          DEFAULTS.daemonSet.revisionHistoryLimit,
        ) ?? DEFAULTS.daemonSet.revisionHistoryLimit;
      const model: DaemonSetSpecModel = {
        name,
        namespace,
        updateStrategy,
        maxUnavailable,
        maxSurge,
        minReadyMs: minReady * 1000,
        revisionHistoryLimit,
        template: readTemplate(reader, refs.podSpec),
      };
      return { kind: 'DaemonSet', spec: model, ...base() };
    }
  }
}

const models = new WeakMap<Workload, WorkloadModel>();

/**
 * The defaulted model of a recognised workload, built on first use and kept with the document's
 * analysis: hovers, code lenses, the preview and the simulator of one document share it.
 */
export function workloadModel(workload: Workload): WorkloadModel {
  let model = models.get(workload);
  if (!model) models.set(workload, (model = buildWorkloadModel(workload)));
  return model;
}

/** The Job spec of a Job, or the jobTemplate spec of a CronJob, as each created Job gets it. */
export function jobSpecOf(model: WorkloadModel): JobSpecModel | undefined {
  return model.kind === 'Job' ? model.spec : model.kind === 'CronJob' ? model.spec.jobSpec : undefined;
}

/** The pod template every kind carries. */
export function podTemplateOf(model: WorkloadModel): PodTemplateModel {
  switch (model.kind) {
    case 'Job':
      return model.spec.template;
    case 'CronJob':
      return model.spec.jobSpec.template;
    case 'DaemonSet':
      return model.spec.template;
  }
}

/** The default applied at `path`, if the manifest leaves that field unset. */
export function defaultAt(model: WorkloadModel, path: string): AppliedDefault | undefined {
  return model.defaults.find((applied) => applied.path === path);
}

/** The note about a rejected value at `path`, if there is one. */
export function noteAt(model: WorkloadModel, path: string): SpecNote | undefined {
  return model.notes.find((note) => note.path === path);
}
