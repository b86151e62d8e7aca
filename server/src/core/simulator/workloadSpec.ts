/**
 * The parts of a manifest the controllers act on, read from Podline's YAML model with the API
 * server's defaults applied (k8s-semantics.md §2). A value the API server would reject is replaced
 * by its default and reported as a note, so that a simulation can still show something useful.
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
import { workloadRefs } from '../workload/workloadRefs';
import type { Workload } from '../workload/recognizeWorkload';
import type { IntegerSet } from './scenarioTypes';

/** A toleration as written in a pod template. */
export interface Toleration {
  readonly key: string;
  readonly operator: 'Exists' | 'Equal';
  readonly value: string;
  /** Empty means every effect. */
  readonly effect: string;
  readonly tolerationSeconds: number | null;
}

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
  readonly restartPolicy: string;
  readonly containers: readonly string[];
  readonly initContainers: readonly string[];
  readonly terminationGracePeriodMs: number;
  /** The pod's own activeDeadlineSeconds, in milliseconds. */
  readonly activeDeadlineMs: number | null;
  readonly nodeSelector: Readonly<Record<string, string>>;
  /** Required node affinity terms (ORed); null when there are none. */
  readonly requiredNodeAffinity: readonly NodeSelectorTerm[] | null;
  readonly tolerations: readonly Toleration[];
  readonly hostNetwork: boolean;
  readonly nodeName: string | null;
}

/** The actions of a podFailurePolicy rule. */
export type PodFailurePolicyAction = 'FailJob' | 'Ignore' | 'Count' | 'FailIndex';

/** One podFailurePolicy rule. */
export interface PodFailurePolicyRule {
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

/** A Job spec after `SetDefaults_Job`. */
export interface JobSpecModel {
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

/** An int-or-percent field such as maxUnavailable. */
export type IntOrPercent =
  { readonly kind: 'int'; readonly value: number } | { readonly kind: 'percent'; readonly value: number };

/** A DaemonSet spec after `SetDefaults_DaemonSet`. */
export interface DaemonSetSpecModel {
  readonly name: string;
  readonly namespace: string;
  readonly updateStrategy: 'RollingUpdate' | 'OnDelete';
  readonly maxUnavailable: IntOrPercent;
  readonly maxSurge: IntOrPercent;
  readonly minReadyMs: number;
  readonly revisionHistoryLimit: number;
  readonly template: PodTemplateModel;
}

/** A note about a value that could not be used as written. */
export interface SpecNote {
  readonly path: string;
  readonly value: string;
  readonly used: string;
}

/** The largest value of an int32 field, the default backoffLimit with backoffLimitPerIndex. */
export const MAX_INT32 = 2147483647;

class SpecReader {
  readonly notes: SpecNote[] = [];

  /** An integer field within [min, max]; its default (or the fallback) otherwise, with a note. */
  int(ref: FieldRef, min: number, max: number, fallback: number | null): number | null {
    if (ref.node === null) return fallback;
    const value = integerValue(ref);
    if (value !== undefined && value >= min && value <= max) return value;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback ?? 'nothing') });
    return fallback;
  }

  enumValue<T extends string>(ref: FieldRef, allowed: readonly T[], fallback: T): T {
    const value = stringValue(ref);
    if (value === undefined && ref.node === null) return fallback;
    if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: fallback });
    return fallback;
  }

  bool(ref: FieldRef, fallback: boolean): boolean {
    if (ref.node === null) return fallback;
    const value = booleanValue(ref);
    if (value !== undefined) return value;
    this.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback) });
    return fallback;
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

/** Reads the pod template fields the simulation uses. */
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
  const tolerations = items(field(podSpec, 'tolerations')).map((ref) => ({
    key: stringValue(field(ref, 'key')) ?? '',
    operator: stringValue(field(ref, 'operator')) === 'Exists' ? ('Exists' as const) : ('Equal' as const),
    value: stringValue(field(ref, 'value')) ?? '',
    effect: stringValue(field(ref, 'effect')) ?? '',
    tolerationSeconds: integerValue(field(ref, 'tolerationSeconds')) ?? null,
  }));
  const grace =
    reader.int(field(podSpec, 'terminationGracePeriodSeconds'), 0, Number.MAX_SAFE_INTEGER, 30) ?? 30;
  const deadline = reader.int(field(podSpec, 'activeDeadlineSeconds'), 1, Number.MAX_SAFE_INTEGER, null);
  return {
    restartPolicy: stringValue(field(podSpec, 'restartPolicy')) ?? 'Always',
    containers: names(field(podSpec, 'containers')),
    initContainers: names(field(podSpec, 'initContainers')),
    terminationGracePeriodMs: grace * 1000,
    activeDeadlineMs: deadline === null ? null : deadline * 1000,
    nodeSelector,
    requiredNodeAffinity: termsRef.node === null ? null : terms,
    tolerations,
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

function readJobSpec(
  reader: SpecReader,
  spec: FieldRef,
  template: FieldRef,
  name: string,
  namespace: string,
): JobSpecModel {
  const podSpec = field(template, 'spec');
  const parallelismRef = field(spec, 'parallelism');
  const completionsRef = field(spec, 'completions');
  let parallelism = reader.int(parallelismRef, 0, MAX_INT32, null);
  let completions = reader.int(completionsRef, 0, MAX_INT32, null);
  // SetDefaults_Job: both unset → both 1; otherwise an unset parallelism is 1 and completions stays nil.
  if (parallelism === null && completions === null) {
    parallelism = 1;
    completions = 1;
  }
  parallelism ??= 1;
  const backoffLimitPerIndex = reader.int(field(spec, 'backoffLimitPerIndex'), 0, MAX_INT32, null);
  const backoffLimit =
    reader.int(field(spec, 'backoffLimit'), 0, MAX_INT32, backoffLimitPerIndex === null ? 6 : MAX_INT32) ?? 6;
  const podFailurePolicyRef = field(spec, 'podFailurePolicy');
  const podFailurePolicy =
    podFailurePolicyRef.node === null
      ? null
      : items(field(podFailurePolicyRef, 'rules')).map((rule): PodFailurePolicyRule => {
          const onExitCodes = field(rule, 'onExitCodes');
          return {
            action: reader.enumValue(
              field(rule, 'action'),
              ['FailJob', 'Ignore', 'Count', 'FailIndex'] as const,
              'Count',
            ),
            onExitCodes:
              onExitCodes.node === null
                ? null
                : {
                    containerName: stringValue(field(onExitCodes, 'containerName')) ?? null,
                    operator: stringValue(field(onExitCodes, 'operator')) === 'NotIn' ? 'NotIn' : 'In',
                    values: items(field(onExitCodes, 'values'))
                      .map((value) => integerValue(value))
                      .filter((value): value is number => value !== undefined),
                  },
            onPodConditions: items(field(rule, 'onPodConditions')).map((condition) => ({
              type: stringValue(field(condition, 'type')) ?? '',
              // The v1 defaulter sets an omitted status to True.
              status: stringValue(field(condition, 'status')) ?? 'True',
            })),
          };
        });
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
  return {
    name,
    namespace,
    parallelism,
    completions,
    completionMode: stringValue(field(spec, 'completionMode')) ?? 'NonIndexed',
    backoffLimit,
    backoffLimitPerIndex,
    maxFailedIndexes: reader.int(field(spec, 'maxFailedIndexes'), 0, MAX_INT32, null),
    activeDeadlineMs: seconds(field(spec, 'activeDeadlineSeconds'), 0),
    ttlAfterFinishedMs: seconds(field(spec, 'ttlSecondsAfterFinished'), 0),
    suspend: reader.bool(field(spec, 'suspend'), false),
    podReplacementPolicy: reader.enumValue(
      field(spec, 'podReplacementPolicy'),
      ['Failed', 'TerminatingOrFailed'] as const,
      podFailurePolicy === null ? 'TerminatingOrFailed' : 'Failed',
    ),
    podFailurePolicy,
    successPolicy,
    managedBy: stringValue(field(spec, 'managedBy')) ?? null,
    template: readTemplate(reader, podSpec),
  };
}

function readIntOrPercent(reader: SpecReader, ref: FieldRef, fallback: number): IntOrPercent {
  if (ref.node === null) return { kind: 'int', value: fallback };
  const integer = integerValue(ref);
  if (integer !== undefined && integer >= 0) return { kind: 'int', value: integer };
  const text = stringValue(ref);
  const match = text === undefined ? null : /^(\d+)%$/.exec(text);
  if (match) return { kind: 'percent', value: Number(match[1]) };
  reader.notes.push({ path: ref.path, value: scalarOf(ref), used: String(fallback) });
  return { kind: 'int', value: fallback };
}

/** A workload's spec with defaults, and notes about values that could not be used. */
export type WorkloadSpec =
  | { readonly kind: 'Job'; readonly spec: JobSpecModel; readonly notes: readonly SpecNote[] }
  | { readonly kind: 'CronJob'; readonly spec: CronJobSpecModel; readonly notes: readonly SpecNote[] }
  | { readonly kind: 'DaemonSet'; readonly spec: DaemonSetSpecModel; readonly notes: readonly SpecNote[] };

/** Reads a recognised workload into the model its controller simulates. */
export function readWorkloadSpec(workload: Workload): WorkloadSpec {
  const reader = new SpecReader();
  const refs = workloadRefs(workload);
  const { name, namespace } = nameOf(workload);
  switch (workload.kind) {
    case 'Job':
      return {
        kind: 'Job',
        spec: readJobSpec(reader, refs.spec, refs.template, name, namespace),
        notes: reader.notes,
      };
    case 'CronJob': {
      const spec = refs.spec;
      const jobSpec = readJobSpec(reader, refs.jobSpec ?? spec, refs.template, name, namespace);
      const model: CronJobSpecModel = {
        name,
        namespace,
        schedule: stringValue(field(spec, 'schedule')) ?? '',
        timeZone: stringValue(field(spec, 'timeZone')) ?? null,
        concurrencyPolicy: reader.enumValue(
          field(spec, 'concurrencyPolicy'),
          ['Allow', 'Forbid', 'Replace'] as const,
          'Allow',
        ),
        suspend: reader.bool(field(spec, 'suspend'), false),
        startingDeadlineMs: (() => {
          const value = reader.int(field(spec, 'startingDeadlineSeconds'), 0, Number.MAX_SAFE_INTEGER, null);
          return value === null ? null : value * 1000;
        })(),
        successfulJobsHistoryLimit:
          reader.int(field(spec, 'successfulJobsHistoryLimit'), 0, MAX_INT32, 3) ?? 3,
        failedJobsHistoryLimit: reader.int(field(spec, 'failedJobsHistoryLimit'), 0, MAX_INT32, 1) ?? 1,
        jobSpec,
      };
      return { kind: 'CronJob', spec: model, notes: reader.notes };
    }
    case 'DaemonSet': {
      const spec = refs.spec;
      const strategy = field(spec, 'updateStrategy');
      const updateStrategy = reader.enumValue(
        field(strategy, 'type'),
        ['RollingUpdate', 'OnDelete'] as const,
        'RollingUpdate',
      );
      const rolling = field(strategy, 'rollingUpdate');
      const minReady = reader.int(field(spec, 'minReadySeconds'), 0, MAX_INT32, 0) ?? 0;
      const model: DaemonSetSpecModel = {
        name,
        namespace,
        updateStrategy,
        maxUnavailable: readIntOrPercent(reader, field(rolling, 'maxUnavailable'), 1),
        maxSurge: readIntOrPercent(reader, field(rolling, 'maxSurge'), 0),
        minReadyMs: minReady * 1000,
        revisionHistoryLimit: reader.int(field(spec, 'revisionHistoryLimit'), 0, MAX_INT32, 10) ?? 10,
        template: readTemplate(reader, refs.podSpec),
      };
      return { kind: 'DaemonSet', spec: model, notes: reader.notes };
    }
  }
}
