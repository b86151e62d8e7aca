/**
 * The settings of a Job as its controller will see them: a top-level Job after `SetDefaults_Job`,
 * or, for a CronJob, each Job it creates from `spec.jobTemplate` (the controller POSTs a copy of
 * the template, which the API server then defaults as a Job: kubernetes-behaviour §2.1, §2.2, §3.2).
 * The values come from the workload's one defaulted model; this is the explanations' view of it,
 * with the fields' references for ranges and whether each value was written.
 */

import { field, integerValue, stringValue } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { isInt32 } from '../workload/jobSpecFields';
import type { WorkloadRefs } from '../workload/workloadRefs';
import { workloadRefs } from '../workload/workloadRefs';
import type { Workload } from '../workload/recognizeWorkload';
import { defaultAt, jobSpecOf, noteAt, workloadModel } from '../workload/workloadModel';

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
  /** The workload, whose defaulted model (`workloadModel`) holds the rest. */
  readonly workload: Workload;
}

/** An int32 value, or undefined when the field is absent or not an int32 the API server decodes. */
export function int32Of(ref: FieldRef): number | undefined {
  const value = integerValue(ref);
  return value !== undefined && isInt32(value) ? value : undefined;
}

/**
 * The Job settings of a Job or of a CronJob's jobTemplate, taken from the workload's defaulted
 * model (`workloadModel`); undefined for a DaemonSet.
 */
export function readJobSettings(
  workload: Workload,
  refs: WorkloadRefs = workloadRefs(workload),
): JobSettings | undefined {
  const jobSpec = refs.jobSpec;
  const model = workloadModel(workload);
  const job = jobSpecOf(model);
  if (!jobSpec || !job) return undefined;
  // A value is the default when the model applied one there; otherwise it was written (a value
  // the API server rejects is replaced by the default too, and a rule reports it).
  const setting = <T>(value: T, path: string): Setting<T> => ({
    value,
    written: defaultAt(model, path) === undefined && noteAt(model, path) === undefined,
  });
  const at = (key: string): string => `${job.path}.${key}`;
  const template = job.template;
  return {
    name: stringValue(field(refs.metadata, 'name')),
    inCronJob: workload.kind === 'CronJob',
    completions: setting(job.completions, at('completions')),
    parallelism: setting(job.parallelism, at('parallelism')),
    completionMode: setting(job.completionMode, at('completionMode')),
    backoffLimit: setting(job.backoffLimit, at('backoffLimit')),
    backoffLimitPerIndex: job.backoffLimitPerIndex ?? undefined,
    maxFailedIndexes: job.maxFailedIndexes ?? undefined,
    activeDeadlineSeconds: job.activeDeadlineMs === null ? undefined : job.activeDeadlineMs / 1000,
    ttlSecondsAfterFinished: job.ttlAfterFinishedMs === null ? undefined : job.ttlAfterFinishedMs / 1000,
    suspend: setting(job.suspend, at('suspend')),
    podReplacementPolicy: setting<string>(job.podReplacementPolicy, at('podReplacementPolicy')),
    restartPolicy: setting(template.restartPolicy, `${template.path}.restartPolicy`),
    hasPodFailurePolicy: job.podFailurePolicy !== null,
    hasSuccessPolicy: job.successPolicy !== null,
    managedBy: job.managedBy ?? undefined,
    containerNames: [...template.initContainers, ...template.containers],
    refs,
    jobSpec,
    workload,
  };
}

/** True for an Indexed Job. */
export function isIndexed(settings: JobSettings): boolean {
  return settings.completionMode.value === 'Indexed';
}
