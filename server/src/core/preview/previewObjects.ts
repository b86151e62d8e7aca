/**
 * "Preview Created Objects": what the controllers would create from a manifest, as YAML with the
 * defaults applied. A Job: its first pods. A CronJob: the Job for its next scheduled time and that
 * Job's first pod. A DaemonSet: its pod for a sample node. Built from kubernetes-behaviour §0.1 (the
 * generated selector and labels), §2 (defaults) and §3 (what each controller adds to its objects);
 * random parts (name suffixes, uids, hashes) are deterministic placeholders.
 */

import { Document } from 'yaml';
import type { AnalysisResult } from '../analysis/analyzeDocument';
import { cronJobJobName, nextScheduledTimes, readCronJobSchedule } from '../explain/explainCronJob';
import { computeCompletionPlan } from '../explain/explainCompletions';
import { daemonPodTolerations } from '../workload/tolerations';
import type { Toleration } from '../workload/tolerations';
import { jobSpecOf, podTemplateOf, workloadModel } from '../workload/workloadModel';
import type { WorkloadModel } from '../workload/workloadModel';
import { formatRfc3339 } from '../explain/explainFormat';
import { defaultImagePullPolicy } from '../explain/fieldDefaults';
import { readJobSettings } from '../explain/jobSettings';
import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { resolve } from '../yaml/fieldRef';
import { generatedNameSuffix, objectName } from '../workload/jobSpecFields';
import { workloadRefs } from '../workload/workloadRefs';
import type { Workload } from '../workload/recognizeWorkload';
import type { YamlNode } from '../yaml/yamlModel';

/** A JSON-like value, the shape of a Kubernetes object. */
export type PlainValue = string | number | boolean | null | PlainValue[] | PlainObject;
/** A JSON-like object. */
export interface PlainObject {
  [key: string]: PlainValue;
}

/** Stands for the uid the API server gives the Job (or the DaemonSet). */
export const PLACEHOLDER_UID = 'xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx';
/** Stands for the uid of the CronJob that owns a created Job. */
export const PLACEHOLDER_CRONJOB_UID = 'yyyyyyyy-yyyy-yyyy-yyyy-yyyyyyyyyyyy';
/** Stands for the DaemonSet's ControllerRevision hash. */
export const PLACEHOLDER_REVISION_HASH = 'xxxxxxxxxx';
/** The node the DaemonSet preview places its pod on. */
export const SAMPLE_NODE_NAME = 'node-1';
/** The most pods one Job preview lists. */
export const MAX_PREVIEW_PODS = 5;

/** The preview of one document, and whether there was anything to preview. */
export interface PreviewResult {
  readonly ok: boolean;
  /** YAML text: the created objects with comments, or one comment saying why there are none. */
  readonly text: string;
}

/** This module's previewMessages, in English and Simplified Chinese. */
export const previewMessages = defineCatalog(
  {
    notWorkload: 'Document {document} is not a Job, CronJob or DaemonSet: there is nothing to preview.',
    noDocument: 'There is no document {document} in this file.',
    placeholders:
      'Placeholders: "{suffix}" stands for the random name suffix, "{uid}" for the uid the API server assigns.',
    jobPodSingle: 'The pod Job {job} creates.',
    jobPodsIdentical: 'One of the {atOnce} identical pods Job {job} starts at once ({total}).',
    jobPodIndexed: 'Pod for index {index} of Job {job} ({atOnce} start at once, indexes 0 to {last}).',
    totalCompletions: '{completions} completions in all',
    totalWorkQueue: 'a work queue: no new pods after the first success',
    moreIndexes: 'Indexes {from} to {last} follow as pods finish; only the first {shown} are shown.',
    noPods: 'Job {job} creates no pods: {reason}.',
    reasonPaused: 'parallelism is 0',
    reasonNoCompletions: 'completions is 0, so it completes at once',
    reasonSuspended: 'it is suspended',
    reasonManagedBy: 'spec.managedBy hands it to another controller',
    cronJob:
      'The Job CronJob {cronJob} creates for its next scheduled time, {time} ({zone}), with the Job defaults applied. Placeholders: "{uid}" is the new Job’s uid, "{cronJobUid}" the CronJob’s.',
    cronJobNoRun:
      'CronJob {cronJob} has no next run (its schedule is invalid or never fires); the name shows the pattern.',
    zoneAssumed: 'UTC, assumed for the controller’s zone',
    cronJobPod: 'The first pod of that Job.',
    documentHeader: 'Document {document}: {kind} {name}',
    noWorkloads: 'This file has no Job, CronJob or DaemonSet: there is nothing to preview.',
    daemonSetPod:
      'The pod DaemonSet {daemonSet} creates on a sample node, {node}. The controller pins it to the node with a required node affinity on metadata.name and adds its automatic tolerations. "{hash}" stands for the ControllerRevision hash.',
  },
  {
    notWorkload: '第 {document} 个文档不是 Job、CronJob 或 DaemonSet：没有可预览的内容。',
    noDocument: '此文件中没有第 {document} 个文档。',
    placeholders: '占位符："{suffix}" 代表随机的名称后缀，"{uid}" 代表 API 服务器分配的 uid。',
    jobPodSingle: 'Job {job} 创建的 Pod。',
    jobPodsIdentical: 'Job {job} 同时启动的 {atOnce} 个相同 Pod 之一（{total}）。',
    jobPodIndexed: 'Job {job} 索引 {index} 的 Pod（同时启动 {atOnce} 个，索引 0 到 {last}）。',
    totalCompletions: '共 {completions} 个完成数',
    totalWorkQueue: '工作队列：第一次成功后不再创建新的 Pod',
    moreIndexes: '索引 {from} 到 {last} 会在 Pod 结束后陆续创建；这里只显示前 {shown} 个。',
    noPods: 'Job {job} 不会创建 Pod：{reason}。',
    reasonPaused: 'parallelism 为 0',
    reasonNoCompletions: 'completions 为 0，因此立即完成',
    reasonSuspended: '它处于挂起状态',
    reasonManagedBy: 'spec.managedBy 把它交给了其他控制器',
    cronJob:
      'CronJob {cronJob} 在下一个调度时间 {time}（{zone}）创建的 Job，已应用 Job 的默认值。占位符："{uid}" 是新 Job 的 uid，"{cronJobUid}" 是 CronJob 的 uid。',
    cronJobNoRun: 'CronJob {cronJob} 没有下一次运行（调度无效或永远不会触发）；名称只显示格式。',
    zoneAssumed: 'UTC，假定为控制器的时区',
    cronJobPod: '该 Job 的第一个 Pod。',
    documentHeader: '第 {document} 个文档：{kind} {name}',
    noWorkloads: '此文件中没有 Job、CronJob 或 DaemonSet：没有可预览的内容。',
    daemonSetPod:
      'DaemonSet {daemonSet} 在示例节点 {node} 上创建的 Pod。控制器用针对 metadata.name 的必需节点亲和性把它固定到该节点，并添加自动容忍。"{hash}" 代表 ControllerRevision 的哈希。',
  },
);

type Key = keyof (typeof previewMessages)['en'];

/** The most nodes a conversion visits: aliases can make a small file expand enormously. */
const MAX_PLAIN_NODES = 200_000;

/** Converts a YAML node to a plain value (aliases resolved, the last of duplicate keys kept). */
export function toPlain(node: YamlNode | null, budget = { left: MAX_PLAIN_NODES }): PlainValue {
  const resolved = resolve(node);
  if (!resolved || budget.left <= 0) return null;
  budget.left--;
  switch (resolved.kind) {
    case 'scalar':
      return resolved.value;
    case 'seq':
      return resolved.items.map((item) => toPlain(item, budget));
    case 'map': {
      const result: PlainObject = {};
      for (const entry of resolved.entries) setKey(result, entry.key, toPlain(entry.value, budget));
      return result;
    }
    default:
      return null;
  }
}

/** Sets a key as an own data property, even `__proto__`. */
function setKey(object: PlainObject, key: string, value: PlainValue): void {
  Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
}

function isObject(value: PlainValue | undefined): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: PlainValue | undefined): PlainObject {
  return isObject(value) ? value : {};
}

/** A copy of `object` with keys in sorted order, as Go's JSON encoder writes a map. */
function sortedMap(object: PlainObject): PlainObject {
  const result: PlainObject = {};
  for (const key of Object.keys(object).sort()) setKey(result, key, object[key] ?? null);
  return result;
}

/** Adds `defaults` that are missing from `object`, keeping the written keys first. */
function withDefaults(object: PlainObject, defaults: PlainObject): PlainObject {
  const result: PlainObject = { ...object };
  for (const [key, value] of Object.entries(defaults))
    if (!(key in result) || result[key] === null) setKey(result, key, value);
  return result;
}

/** Applies the core v1 pod defaults (§2.4) the workload model does not carry to a pod spec. */
export function applyPodSpecDefaults(spec: PlainObject): PlainObject {
  const containerDefaults = (container: PlainValue): PlainValue => {
    if (!isObject(container)) return container;
    const image = typeof container['image'] === 'string' ? container['image'] : undefined;
    const result = withDefaults(container, {
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      ...(image !== undefined ? { imagePullPolicy: defaultImagePullPolicy(image) } : {}),
    });
    if (Array.isArray(result['ports'])) {
      result['ports'] = result['ports'].map((port) =>
        isObject(port) ? withDefaults(port, { protocol: 'TCP' }) : port,
      );
    }
    return result;
  };
  // restartPolicy and terminationGracePeriodSeconds come from the workload model (applyModelDefaults).
  const result = withDefaults(spec, {
    dnsPolicy: 'ClusterFirst',
    securityContext: {},
    schedulerName: 'default-scheduler',
  });
  for (const key of ['initContainers', 'containers']) {
    const list = result[key];
    if (Array.isArray(list)) result[key] = list.map(containerDefaults);
  }
  return result;
}

/**
 * The defaults `SetDefaults_Pod` (pkg/apis/core/v1/defaults.go) applies to a Pod and never to a
 * pod template: requests copied from limits where a container sets none, `enableServiceLinks`,
 * and on the host network each container port's hostPort from its containerPort
 * (`defaultHostNetworkPorts`). The pods the controllers create get them; the Job a CronJob
 * creates keeps its template without them.
 */
function applyPodDefaults(spec: PlainObject): PlainObject {
  const hostNetwork = spec['hostNetwork'] === true;
  const containerDefaults = (container: PlainValue): PlainValue => {
    if (!isObject(container)) return container;
    const result: PlainObject = { ...container };
    const resources = objectAt(result['resources']);
    const limits = objectAt(resources['limits']);
    if (Object.keys(limits).length > 0) {
      const requests = { ...objectAt(resources['requests']) };
      for (const [name, quantity] of Object.entries(limits))
        if (!(name in requests)) setKey(requests, name, quantity);
      result['resources'] = { ...resources, requests };
    }
    if (hostNetwork && Array.isArray(result['ports'])) {
      result['ports'] = result['ports'].map((port) =>
        isObject(port) && typeof port['containerPort'] === 'number'
          ? withDefaults(port, { hostPort: port['containerPort'] })
          : port,
      );
    }
    return result;
  };
  const result = withDefaults(spec, { enableServiceLinks: true });
  for (const key of ['initContainers', 'containers']) {
    const list = result[key];
    if (Array.isArray(list)) result[key] = list.map(containerDefaults);
  }
  return result;
}

/** The labels generateSelector adds to a Job's template (§0.1 step 4), each only when missing. */
function generatedJobLabels(jobName: string, uid: string): PlainObject {
  return {
    'batch.kubernetes.io/controller-uid': uid,
    'batch.kubernetes.io/job-name': jobName,
    'controller-uid': uid,
    'job-name': jobName,
  };
}

/** A controller ownerReference. */
function ownerReference(apiVersion: string, kind: string, name: string, uid: string): PlainObject {
  return { apiVersion, kind, name, uid, controller: true, blockOwnerDeletion: true };
}

/** A deep copy of a plain value, so that defaults written into it do not reach the original. */
function clonePlain<T extends PlainValue>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => clonePlain(item)) as T;
  if (!isObject(value)) return value;
  const result: PlainObject = {};
  for (const [key, item] of Object.entries(value)) setKey(result, key, clonePlain(item));
  return result as T;
}

/**
 * Writes the defaults the workload model applied under `prefix` (`spec.`, `spec.jobTemplate.spec.`)
 * into `object`, the plain copy of what sits at that prefix: the model decides every default it
 * knows, here as in the explanations and the simulator.
 */
function applyModelDefaults(object: PlainObject, model: WorkloadModel, prefix: string): PlainObject {
  const result = clonePlain(object);
  for (const applied of model.defaults) {
    if (!applied.path.startsWith(prefix)) continue;
    const steps = [...applied.path.slice(prefix.length).matchAll(/([A-Za-z_$][\w$]*)|\[(\d+)\]/g)].map(
      (match) => (match[2] === undefined ? (match[1] ?? '') : Number(match[2])),
    );
    let target: PlainValue = result;
    for (const [i, step] of steps.entries()) {
      const last = i === steps.length - 1;
      if (typeof step === 'number') {
        if (!Array.isArray(target)) break;
        const item: PlainValue | undefined = target[step];
        if (last || item === undefined) break;
        target = item;
        continue;
      }
      if (!isObject(target)) break;
      if (last) {
        if (!(step in target) || target[step] === null) setKey(target, step, applied.value);
        break;
      }
      if (!isObject(target[step]) && !Array.isArray(target[step])) setKey(target, step, {});
      target = target[step] ?? null;
    }
  }
  return result;
}

/** A Job spec with the model's defaults and the generated selector (manualSelector unset). */
function defaultedJobSpec(workload: Workload, spec: PlainObject, jobName: string, uid: string): PlainObject {
  // The Job spec is `spec` of a Job or `spec.jobTemplate.spec` of a CronJob: the model says where.
  const model = workloadModel(workload);
  const result = applyModelDefaults(spec, model, `${jobSpecOf(model)?.path ?? 'spec'}.`);
  const template = objectAt(result['template']);
  const metadata = objectAt(template['metadata']);
  const labels = { ...objectAt(metadata['labels']) };
  const generated = generatedJobLabels(jobName, uid);
  for (const [key, value] of Object.entries(generated)) if (!(key in labels)) setKey(labels, key, value);
  const templateMetadata: PlainObject = { ...metadata, labels: sortedMap(labels) };
  // The template's own name is ignored: pods are named after the Job.
  delete templateMetadata['name'];
  if (result['manualSelector'] !== true) {
    const selector = objectAt(result['selector']);
    const matchLabels = { ...objectAt(selector['matchLabels']), 'batch.kubernetes.io/controller-uid': uid };
    result['selector'] = { ...selector, matchLabels: sortedMap(matchLabels) };
  }
  result['template'] = {
    metadata: templateMetadata,
    spec: applyPodSpecDefaults(objectAt(template['spec'])),
    ...withoutKeys(template, ['metadata', 'spec']),
  };
  return inFieldOrder(result, jobSpecFieldOrder);
}

/** The order of JobSpec's fields in the Go type, which is how the API server prints them. */
const jobSpecFieldOrder = [
  'parallelism',
  'completions',
  'activeDeadlineSeconds',
  'podFailurePolicy',
  'successPolicy',
  'backoffLimit',
  'backoffLimitPerIndex',
  'maxFailedIndexes',
  'selector',
  'manualSelector',
  'template',
  'ttlSecondsAfterFinished',
  'completionMode',
  'suspend',
  'podReplacementPolicy',
  'managedBy',
];

/** `object` with the keys of `order` first, in that order, then any others as they were. */
function inFieldOrder(object: PlainObject, order: readonly string[]): PlainObject {
  const result: PlainObject = {};
  for (const key of order) if (key in object) setKey(result, key, object[key] ?? null);
  for (const key of Object.keys(object)) if (!(key in result)) setKey(result, key, object[key] ?? null);
  return result;
}

function withoutKeys(object: PlainObject, keys: readonly string[]): PlainObject {
  const result: PlainObject = {};
  for (const key of Object.keys(object)) if (!keys.includes(key)) setKey(result, key, object[key] ?? null);
  return result;
}

/** The pod the Job controller creates from a (defaulted) Job spec, for `index` when Indexed. */
function jobPod(
  jobName: string,
  namespace: string | undefined,
  jobSpec: PlainObject,
  index: number | undefined,
): PlainObject {
  const template = objectAt(jobSpec['template']);
  const metadata = objectAt(template['metadata']);
  const labels = { ...objectAt(metadata['labels']) };
  const annotations = { ...objectAt(metadata['annotations']) };
  let spec: PlainObject = applyPodDefaults(objectAt(template['spec']));
  const generateName = index === undefined ? `${jobName}-` : `${jobName}-${index}-`;
  if (index !== undefined) {
    annotations['batch.kubernetes.io/job-completion-index'] = String(index);
    labels['batch.kubernetes.io/job-completion-index'] = String(index);
    // The controller sets the hostname; shown first, next to the subdomain it pairs with.
    const hostname = `${jobName}-${index}`;
    spec = 'hostname' in spec ? { ...spec, hostname } : { hostname, ...spec };
    for (const key of ['initContainers', 'containers']) {
      const list = spec[key];
      if (!Array.isArray(list)) continue;
      spec[key] = list.map((container) => {
        if (!isObject(container)) return container;
        const env = Array.isArray(container['env']) ? container['env'] : [];
        if (env.some((variable) => isObject(variable) && variable['name'] === 'JOB_COMPLETION_INDEX'))
          return container;
        return {
          ...container,
          env: [
            ...env,
            {
              name: 'JOB_COMPLETION_INDEX',
              valueFrom: {
                fieldRef: {
                  apiVersion: 'v1',
                  fieldPath: "metadata.labels['batch.kubernetes.io/job-completion-index']",
                },
              },
            },
          ],
        };
      });
    }
  }
  const podMetadata: PlainObject = {
    name: `${generateName}${generatedNameSuffix}`,
    generateName,
    ...(namespace !== undefined ? { namespace } : {}),
    labels: sortedMap(labels),
    ...(Object.keys(annotations).length > 0 ? { annotations: sortedMap(annotations) } : {}),
    finalizers: ['batch.kubernetes.io/job-tracking'],
    ownerReferences: [ownerReference('batch/v1', 'Job', jobName, PLACEHOLDER_UID)],
  };
  return { apiVersion: 'v1', kind: 'Pod', metadata: podMetadata, spec };
}

/** One YAML document with a leading comment. */
interface PreviewDocument {
  readonly comment: string;
  readonly object: PlainObject | null;
}

function render(documents: readonly PreviewDocument[]): string {
  return documents
    .map((document) => {
      const comment = document.comment
        .split('\n')
        .map((line) => `# ${line}`)
        .join('\n');
      if (document.object === null) return `${comment}\n`;
      // YAML 1.1 quoting, so that `"yes"` or a timestamp stays a string when Kubernetes reads it back.
      const yaml = new Document(document.object, { version: '1.1' });
      return `${comment}\n${yaml.toString({ lineWidth: 0 })}`;
    })
    .join('---\n');
}

function namespaceOf(root: PlainObject): string | undefined {
  const namespace = objectAt(root['metadata'])['namespace'];
  return typeof namespace === 'string' ? namespace : undefined;
}

function previewJob(workload: Workload, say: (key: Key, args?: MessageArgs) => string): PreviewDocument[] {
  const refs = workloadRefs(workload);
  const root = objectAt(toPlain(workload.root));
  const jobName = objectName(refs)?.name || '<job>';
  const jobSpec = defaultedJobSpec(workload, objectAt(root['spec']), jobName, PLACEHOLDER_UID);
  const settings = readJobSettings(workload, refs);
  const placeholders = say('placeholders', { suffix: generatedNameSuffix, uid: PLACEHOLDER_UID });
  const indexed = jobSpec['completionMode'] === 'Indexed';
  const plan = computeCompletionPlan({
    completions: settings?.completions.value ?? 1,
    parallelism: settings?.parallelism.value ?? 1,
    indexed,
  });
  const reason =
    settings?.managedBy !== undefined && settings.managedBy !== 'kubernetes.io/job-controller'
      ? 'reasonManagedBy'
      : settings?.suspend.value
        ? 'reasonSuspended'
        : plan.mode === 'paused'
          ? 'reasonPaused'
          : plan.mode === 'noCompletions'
            ? 'reasonNoCompletions'
            : undefined;
  if (reason) return [{ comment: say('noPods', { job: jobName, reason: say(reason) }), object: null }];
  const namespace = namespaceOf(root);
  if (plan.mode === 'indexed') {
    const shown = Math.min(plan.atOnce, MAX_PREVIEW_PODS);
    const last = (plan.completions ?? 1) - 1;
    const documents: PreviewDocument[] = [];
    for (let index = 0; index < shown; index++) {
      const comment = [say('jobPodIndexed', { job: jobName, index, atOnce: plan.atOnce, last })];
      if (index === 0) comment.push(placeholders);
      if (index === shown - 1 && shown <= last)
        comment.push(say('moreIndexes', { from: shown, last, shown }));
      documents.push({ comment: comment.join('\n'), object: jobPod(jobName, namespace, jobSpec, index) });
    }
    return documents;
  }
  const comment =
    plan.atOnce <= 1
      ? say('jobPodSingle', { job: jobName })
      : say('jobPodsIdentical', {
          job: jobName,
          atOnce: plan.atOnce,
          total:
            plan.mode === 'workQueue'
              ? say('totalWorkQueue')
              : say('totalCompletions', { completions: plan.completions ?? 0 }),
        });
  return [{ comment: `${comment}\n${placeholders}`, object: jobPod(jobName, namespace, jobSpec, undefined) }];
}

function previewCronJob(
  workload: Workload,
  now: number,
  say: (key: Key, args?: MessageArgs) => string,
): PreviewDocument[] {
  const refs = workloadRefs(workload);
  const root = objectAt(toPlain(workload.root));
  const cronJobName = objectName(refs)?.name || '<cronjob>';
  const schedule = readCronJobSchedule(refs);
  const next = schedule ? nextScheduledTimes(schedule, now, 1)[0] : undefined;
  const jobName = next === undefined ? `${cronJobName}-<unix-minutes>` : cronJobJobName(cronJobName, next);
  const jobTemplate = objectAt(objectAt(root['spec'])['jobTemplate']);
  const templateMetadata = objectAt(jobTemplate['metadata']);
  const jobSpec = defaultedJobSpec(workload, objectAt(jobTemplate['spec']), jobName, PLACEHOLDER_UID);
  const namespace = namespaceOf(root);
  const annotations = { ...objectAt(templateMetadata['annotations']) };
  if (next !== undefined && schedule)
    annotations['batch.kubernetes.io/cronjob-scheduled-timestamp'] = formatRfc3339(next, schedule.timeZone);
  // Job defaulting copies the template's labels (generated ones included) when the Job has none (§2.1).
  const writtenLabels = objectAt(templateMetadata['labels']);
  const labels =
    Object.keys(writtenLabels).length > 0
      ? writtenLabels
      : objectAt(objectAt(objectAt(jobSpec['template'])['metadata'])['labels']);
  const job: PlainObject = {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName,
      ...(namespace !== undefined ? { namespace } : {}),
      labels: sortedMap(labels),
      annotations: sortedMap(annotations),
      ownerReferences: [ownerReference('batch/v1', 'CronJob', cronJobName, PLACEHOLDER_CRONJOB_UID)],
    },
    spec: jobSpec,
  };
  const zone = schedule ? (schedule.zoneAssumed ? say('zoneAssumed') : schedule.timeZone) : '';
  const documents: PreviewDocument[] = [
    {
      comment:
        next !== undefined && schedule
          ? say('cronJob', {
              cronJob: cronJobName,
              time: formatRfc3339(next, schedule.timeZone),
              zone,
              uid: PLACEHOLDER_UID,
              cronJobUid: PLACEHOLDER_CRONJOB_UID,
            })
          : say('cronJobNoRun', { cronJob: cronJobName }),
      object: job,
    },
  ];
  const indexed = jobSpec['completionMode'] === 'Indexed';
  const suspended = jobSpec['suspend'] === true;
  if (!suspended) {
    documents.push({
      comment: `${say('cronJobPod')}\n${say('placeholders', { suffix: generatedNameSuffix, uid: PLACEHOLDER_UID })}`,
      object: jobPod(jobName, namespace, jobSpec, indexed ? 0 : undefined),
    });
  }
  return documents;
}

function toleration(value: Toleration): PlainObject {
  const result: PlainObject = {};
  if (value.key !== '') result['key'] = value.key;
  if (value.operator !== '') result['operator'] = value.operator;
  if (value.value !== '') result['value'] = value.value;
  if (value.effect !== '') result['effect'] = value.effect;
  if (value.tolerationSeconds !== null) result['tolerationSeconds'] = value.tolerationSeconds;
  return result;
}

function previewDaemonSet(
  workload: Workload,
  say: (key: Key, args?: MessageArgs) => string,
): PreviewDocument[] {
  const refs = workloadRefs(workload);
  const root = objectAt(toPlain(workload.root));
  const name = objectName(refs)?.name || '<daemonset>';
  const model = workloadModel(workload);
  const template = applyModelDefaults(objectAt(objectAt(root['spec'])['template']), model, 'spec.template.');
  const metadata = objectAt(template['metadata']);
  const spec = applyPodDefaults(applyPodSpecDefaults(objectAt(template['spec'])));
  // Written tolerations keep their place (an identical automatic one replaces them); the rest follow.
  const podTemplate = podTemplateOf(model);
  const written = podTemplate.tolerations;
  const writtenPlain = Array.isArray(spec['tolerations']) ? spec['tolerations'] : [];
  const merged = daemonPodTolerations(written, podTemplate.hostNetwork);
  spec['tolerations'] = merged.map((value, i) =>
    i < written.length && written[i] === value ? (writtenPlain[i] ?? toleration(value)) : toleration(value),
  );
  const affinity = { ...objectAt(spec['affinity']) };
  const nodeAffinity = { ...objectAt(affinity['nodeAffinity']) };
  nodeAffinity['requiredDuringSchedulingIgnoredDuringExecution'] = {
    nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: [SAMPLE_NODE_NAME] }] },
    ],
  };
  affinity['nodeAffinity'] = nodeAffinity;
  spec['affinity'] = affinity;
  const labels = {
    ...objectAt(metadata['labels']),
    'controller-revision-hash': PLACEHOLDER_REVISION_HASH,
    'pod-template-generation': '1',
  };
  const annotations = objectAt(metadata['annotations']);
  const namespace = namespaceOf(root);
  const pod: PlainObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${name}-${generatedNameSuffix}`,
      generateName: `${name}-`,
      ...(namespace !== undefined ? { namespace } : {}),
      labels: sortedMap(labels),
      ...(Object.keys(annotations).length > 0 ? { annotations: sortedMap(annotations) } : {}),
      ownerReferences: [ownerReference('apps/v1', 'DaemonSet', name, PLACEHOLDER_UID)],
    },
    spec,
  };
  return [
    {
      comment: `${say('daemonSetPod', { daemonSet: name, node: SAMPLE_NODE_NAME, hash: PLACEHOLDER_REVISION_HASH })}\n${say(
        'placeholders',
        { suffix: generatedNameSuffix, uid: PLACEHOLDER_UID },
      )}`,
      object: pod,
    },
  ];
}

/**
 * Previews what the controllers create from document `documentIndex` (0-based, as in findings)
 * of an analysed file, for the next scheduled time after `now` (epoch ms). Never throws.
 */
export function previewDocument(
  analysis: AnalysisResult,
  documentIndex: number,
  now: number,
  locale: Locale,
): PreviewResult {
  const say = (key: Key, args?: MessageArgs): string => formatMessage(previewMessages, locale, key, args);
  const comment = (text: string): PreviewResult => ({ ok: false, text: `# ${text}\n` });
  const document = analysis.yaml.documents.find((candidate) => candidate.index === documentIndex);
  if (!document) return comment(say('noDocument', { document: documentIndex }));
  const workload = analysis.workloads.find((candidate) => candidate.document === document);
  if (!workload) return comment(say('notWorkload', { document: documentIndex }));
  try {
    const documents =
      workload.kind === 'Job'
        ? previewJob(workload, say)
        : workload.kind === 'CronJob'
          ? previewCronJob(workload, now, say)
          : previewDaemonSet(workload, say);
    return { ok: true, text: render(documents) };
  } catch (error) {
    // A preview is a convenience: a manifest too odd to preview gets a comment, not a crash.
    return comment(error instanceof Error ? error.message : String(error));
  }
}

/** The preview of document `documentIndex` as YAML text (see previewDocument). */
export function previewCreatedObjects(
  analysis: AnalysisResult,
  documentIndex: number,
  now: number,
  locale: Locale,
): string {
  return previewDocument(analysis, documentIndex, now, locale).text;
}

/**
 * Previews every workload of the file, each introduced by a comment naming its document; `ok` is
 * false when the file has none. Never throws.
 */
export function previewFile(analysis: AnalysisResult, now: number, locale: Locale): PreviewResult {
  const say = (key: Key, args?: MessageArgs): string => formatMessage(previewMessages, locale, key, args);
  if (analysis.workloads.length === 0) return { ok: false, text: `# ${say('noWorkloads')}\n` };
  const parts = analysis.workloads.map((workload) => {
    const preview = previewDocument(analysis, workload.document.index, now, locale);
    const header = say('documentHeader', {
      document: workload.document.index,
      kind: workload.kind,
      name: objectName(workloadRefs(workload))?.name ?? '',
    }).trimEnd();
    return `# ${header}\n${preview.text}`;
  });
  return { ok: true, text: parts.join('---\n') };
}

/** The 0-based index of the YAML document at `offset`, for a preview asked for at the cursor. */
export function documentIndexAt(analysis: AnalysisResult, offset: number): number | undefined {
  return analysis.yaml.documents.find(
    (document) => document.range.start <= offset && offset <= document.range.end,
  )?.index;
}
