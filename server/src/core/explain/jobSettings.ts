/**
 * The settings of a Job as its controller will see them: a top-level Job after `SetDefaults_Job`,
 * or, for a CronJob, each Job it creates from `spec.jobTemplate` (the controller POSTs a copy of
 * the template, which the API server then defaults as a Job: k8s-semantics §2.1, §2.2, §3.2).
 */

import { booleanValue, field, integerValue, isSet, items, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { isInt32 } from '../workload/jobSpecFields';
import type { WorkloadRefs } from '../workload/workloadRefs';
import { workloadRefs } from '../workload/workloadRefs';
import type { Workload } from '../workload/recognizeWorkload';
import { MAX_INT32 } from './explainFormat';

/** One value of a Job setting and where it came from. */
export interface Setting<T> {
  readonly value: T;
  /** True when the manifest writes it; false when it is the default (or unset). */
  readonly written: boolean;
}

/** A Job's behaviour-relevant settings, defaults applied as they will be to the running Job. */
export interface JobSettings {
  /** The Job's name: metadata.name of a Job; for a CronJob, the CronJob's name (Jobs get a suffix). */
  readonly name: string | undefined;
  /** True when this is a CronJob's jobTemplate, where Job defaults are applied only to created Jobs. */
  readonly inCronJob: boolean;
  /** null in work-queue mode (completions unset, parallelism set). */
  readonly completions: Setting<number | null>;
  readonly parallelism: Setting<number>;
  readonly completionMode: Setting<string>;
  readonly backoffLimit: Setting<number>;
  readonly backoffLimitPerIndex: number | undefined;
  readonly maxFailedIndexes: number | undefined;
  readonly activeDeadlineSeconds: number | undefined;
  readonly ttlSecondsAfterFinished: number | undefined;
  readonly suspend: Setting<boolean>;
  readonly podReplacementPolicy: Setting<string>;
  /** The pod template's restartPolicy after defaulting (Always when omitted). */
  readonly restartPolicy: Setting<string>;
  readonly hasPodFailurePolicy: boolean;
  readonly hasSuccessPolicy: boolean;
  readonly managedBy: string | undefined;
  /** The names of the template's containers and init containers, in order. */
  readonly containerNames: readonly string[];
  readonly refs: WorkloadRefs;
  readonly jobSpec: FieldRef;
}

/** An int32 value, or undefined when the field is absent or not an int32 the API server decodes. */
export function int32Of(ref: FieldRef): number | undefined {
  const value = integerValue(ref);
  return value !== undefined && isInt32(value) ? value : undefined;
}

/** Reads the Job settings of a Job or of a CronJob's jobTemplate; undefined for a DaemonSet. */
export function readJobSettings(
  workload: Workload,
  refs: WorkloadRefs = workloadRefs(workload),
): JobSettings | undefined {
  const jobSpec = refs.jobSpec;
  if (!jobSpec) return undefined;
  const completionsWritten = int32Of(field(jobSpec, 'completions'));
  const parallelismWritten = int32Of(field(jobSpec, 'parallelism'));
  const perIndex = int32Of(field(jobSpec, 'backoffLimitPerIndex'));
  const backoffLimitWritten = int32Of(field(jobSpec, 'backoffLimit'));
  const hasPodFailurePolicy = isSet(field(jobSpec, 'podFailurePolicy'));
  const replacementWritten = stringValue(field(jobSpec, 'podReplacementPolicy'));
  const suspendWritten = booleanValue(field(jobSpec, 'suspend'));
  const restartWritten = stringValue(field(refs.podSpec, 'restartPolicy'));
  const modeWritten = stringValue(field(jobSpec, 'completionMode'));
  const bothUnset = completionsWritten === undefined && parallelismWritten === undefined;
  const containerNames = ['initContainers', 'containers'].flatMap((key) =>
    items(field(refs.podSpec, key))
      .map((item) => stringValue(field(item, 'name')))
      .filter((name): name is string => name !== undefined),
  );
  return {
    name: stringValue(field(refs.metadata, 'name')),
    inCronJob: workload.kind === 'CronJob',
    completions: {
      value: completionsWritten ?? (bothUnset ? 1 : null),
      written: completionsWritten !== undefined,
    },
    parallelism: { value: parallelismWritten ?? 1, written: parallelismWritten !== undefined },
    completionMode: { value: modeWritten ?? 'NonIndexed', written: modeWritten !== undefined },
    backoffLimit: {
      value: backoffLimitWritten ?? (perIndex !== undefined ? MAX_INT32 : 6),
      written: backoffLimitWritten !== undefined,
    },
    backoffLimitPerIndex: perIndex,
    maxFailedIndexes: int32Of(field(jobSpec, 'maxFailedIndexes')),
    activeDeadlineSeconds: integerValue(field(jobSpec, 'activeDeadlineSeconds')),
    ttlSecondsAfterFinished: int32Of(field(jobSpec, 'ttlSecondsAfterFinished')),
    suspend: { value: suspendWritten ?? false, written: suspendWritten !== undefined },
    podReplacementPolicy: {
      value: replacementWritten ?? (hasPodFailurePolicy ? 'Failed' : 'TerminatingOrFailed'),
      written: replacementWritten !== undefined,
    },
    restartPolicy: { value: restartWritten ?? 'Always', written: restartWritten !== undefined },
    hasPodFailurePolicy,
    hasSuccessPolicy: isSet(field(jobSpec, 'successPolicy')),
    managedBy: stringValue(field(jobSpec, 'managedBy')),
    containerNames,
    refs,
    jobSpec,
  };
}

/** True for an Indexed Job. */
export function isIndexed(settings: JobSettings): boolean {
  return settings.completionMode.value === 'Indexed';
}
