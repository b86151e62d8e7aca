import type { Workload } from './recognizeWorkload';
import { field, fieldAt, rootRef } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';

/** The parts of a workload that rules look at, found once per document. */
export interface WorkloadRefs {
  readonly root: FieldRef;
  readonly metadata: FieldRef;
  readonly spec: FieldRef;
  /** The Job spec: `spec` of a Job, `spec.jobTemplate.spec` of a CronJob, null for a DaemonSet. */
  readonly jobSpec: FieldRef | null;
  /** The pod template: `spec.template` or `spec.jobTemplate.spec.template`. */
  readonly template: FieldRef;
  readonly podSpec: FieldRef;
  /** True when Job defaulting applies: a top-level Job, never a CronJob's jobTemplate. */
  readonly jobDefaultsApply: boolean;
}

/** Finds the fields of a workload that rules share. */
export function workloadRefs(workload: Workload): WorkloadRefs {
  const root = rootRef(workload.root);
  const spec = field(root, 'spec');
  const jobSpec =
    workload.kind === 'Job'
      ? spec
      : workload.kind === 'CronJob'
        ? fieldAt(spec, 'jobTemplate', 'spec')
        : null;
  const template = field(jobSpec ?? spec, 'template');
  return {
    root,
    metadata: field(root, 'metadata'),
    spec,
    jobSpec,
    template,
    podSpec: field(template, 'spec'),
    jobDefaultsApply: workload.kind === 'Job',
  };
}
