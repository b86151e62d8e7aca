/**
 * Hover on any field of a Job, CronJob or DaemonSet and of their pod templates, on its key or its
 * value: the API documentation for the target Kubernetes version, the default when unset (and
 * whether it applies here), and, where behaviour depends on the manifest, a computed explanation
 * from the explain modules.
 */

import { explainBackoff, explainBackoffPerIndex, explainDeadline } from '../explain/explainBackoff';
import { explainCompletions } from '../explain/explainCompletions';
import {
  explainConcurrencyPolicy,
  explainCreatedJobNames,
  explainCronJobSuspend,
  explainHistoryLimits,
  explainJobTemplate,
  explainStartingDeadline,
  readCronJobSettings,
} from '../explain/explainCronJob';
import type { CronJobExplainInput } from '../explain/explainCronJob';
import {
  explainDaemonSetNodes,
  explainMinReadySeconds,
  explainRevisionHistoryLimit,
  explainUpdateStrategy,
} from '../explain/explainDaemonSet';
import { code } from '../explain/explainFormat';
import {
  explainJobSuspend,
  explainManagedBy,
  explainPodReplacementPolicy,
  explainSuccessPolicy,
  explainTtl,
} from '../explain/explainJobLifecycle';
import { explainPodFailurePolicy } from '../explain/explainPodFailurePolicy';
import { explainRestartPolicy } from '../explain/explainRestartPolicy';
import { describeFieldDefault } from '../explain/fieldDefaults';
import type { FieldScope } from '../explain/fieldDefaults';
import { isIndexed, readJobSettings } from '../explain/jobSettings';
import type { JobSettings } from '../explain/jobSettings';
import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { field, rootRef, scalarText } from '../yaml/fieldRef';
import type { FieldRef } from '../yaml/fieldRef';
import { workloadRefs } from '../workload/workloadRefs';
import type { WorkloadRefs } from '../workload/workloadRefs';
import { describeField } from '../schema/validateSchema';
import type { OffsetRange } from '../text/offsetRange';
import type { Workload } from '../workload/recognizeWorkload';
import type { HoverProvider, HoverResult, PositionContext } from './editorFeature';
import { summarizeWorkload } from './workloadCodeLens';

/** This module's fieldHoverMessages, in English and Simplified Chinese. */
export const fieldHoverMessages = defineCatalog(
  {
    title: '**{path}** · {type}',
    since: 'Since Kubernetes {version}.',
    notInVersion: 'Kubernetes {version} has no such field in {kind} {apiVersion}.',
    apiDocs: '{description}',
    summary: '**{summary}**',
  },
  {
    title: '**{path}** · {type}',
    since: '自 Kubernetes {version} 起可用。',
    notInVersion: 'Kubernetes {version} 的 {kind} {apiVersion} 中没有这个字段。',
    apiDocs: 'API 文档：{description}',
    summary: '**{summary}**',
  },
);

type Key = keyof (typeof fieldHoverMessages)['en'];

/** One step of a field path: a key, or a sequence index. */
interface Segment {
  readonly key: string;
  readonly index: boolean;
}

/** Splits `spec.template.spec.containers[0].name` or `labels[app.kubernetes.io/name]` into segments. */
export function splitFieldPath(path: string): Segment[] {
  const segments: Segment[] = [];
  let i = 0;
  while (i < path.length) {
    const character = path[i];
    if (character === '.') {
      i++;
      continue;
    }
    if (character === '[') {
      const close = path.indexOf(']', i);
      const inner = path.slice(i + 1, close === -1 ? path.length : close);
      segments.push({ key: inner, index: /^\d+$/.test(inner) });
      i = close === -1 ? path.length : close + 1;
      continue;
    }
    let end = i;
    while (end < path.length && path[end] !== '.' && path[end] !== '[') end++;
    segments.push({ key: path.slice(i, end), index: false });
    i = end;
  }
  return segments;
}

/** Where a field is: its scope, the path inside it (indexes as `[]`), and the rule index for podFailurePolicy. */
export interface FieldLocation {
  readonly scope: FieldScope;
  readonly relative: string;
  readonly segments: readonly Segment[];
  /** The segments inside the scope. */
  readonly inner: readonly Segment[];
  /** The index of the container for container fields. */
  readonly containerList?: string;
  readonly containerIndex?: number;
}

const scopePrefixes: Readonly<
  Record<Workload['kind'], readonly { scope: FieldScope; prefix: readonly string[] }[]>
> = {
  Job: [
    { scope: 'podSpec', prefix: ['spec', 'template', 'spec'] },
    { scope: 'podTemplate', prefix: ['spec', 'template'] },
    { scope: 'jobSpec', prefix: ['spec'] },
  ],
  CronJob: [
    { scope: 'podSpec', prefix: ['spec', 'jobTemplate', 'spec', 'template', 'spec'] },
    { scope: 'podTemplate', prefix: ['spec', 'jobTemplate', 'spec', 'template'] },
    { scope: 'jobSpec', prefix: ['spec', 'jobTemplate', 'spec'] },
    { scope: 'cronJobSpec', prefix: ['spec'] },
  ],
  DaemonSet: [
    { scope: 'podSpec', prefix: ['spec', 'template', 'spec'] },
    { scope: 'podTemplate', prefix: ['spec', 'template'] },
    { scope: 'daemonSetSpec', prefix: ['spec'] },
  ],
};

function joinRelative(segments: readonly Segment[]): string {
  return segments
    .map((segment, i) => (segment.index ? '[]' : i === 0 ? segment.key : `.${segment.key}`))
    .join('')
    .replace(/^\./, '');
}

/** Places a field path of a workload in its scope. */
export function locateField(kind: Workload['kind'], path: string): FieldLocation {
  const segments = splitFieldPath(path);
  for (const { scope, prefix } of scopePrefixes[kind]) {
    // The scope itself (`spec`) belongs to its parent, so that hovering `template` is a template field.
    if (segments.length <= prefix.length) continue;
    if (!prefix.every((key, i) => segments[i]?.key === key && !segments[i]?.index)) continue;
    const inner = segments.slice(prefix.length);
    const [first, second] = inner;
    if (
      scope === 'podSpec' &&
      first &&
      (first.key === 'containers' || first.key === 'initContainers') &&
      second?.index &&
      inner.length > 2
    ) {
      const rest = inner.slice(2);
      return {
        scope: 'container',
        relative: joinRelative(rest),
        segments,
        inner: rest,
        containerList: first.key,
        containerIndex: Number(second.key),
      };
    }
    return { scope, relative: joinRelative(inner), segments, inner };
  }
  return { scope: 'object', relative: joinRelative(segments), segments, inner: segments };
}

/** Follows segments from the document root to a field reference. */
function refAt(workload: Workload, segments: readonly Segment[]): FieldRef {
  let ref = rootRef(workload.root);
  for (const segment of segments) {
    if (segment.index) {
      const node = ref.node;
      const item = node?.kind === 'seq' ? (node.items[Number(segment.key)] ?? null) : null;
      ref = {
        path: `${ref.path}[${segment.key}]`,
        node: item,
        keyRange: null,
        valueRange: item?.range ?? null,
        parent: ref,
      };
    } else {
      ref = field(ref, segment.key);
    }
  }
  return ref;
}

function joinForDocs(segments: readonly Segment[]): string {
  return segments
    .map((segment, i) =>
      segment.index || !/^[A-Za-z_$][\w$]*$/.test(segment.key)
        ? `[${segment.key}]`
        : i === 0
          ? segment.key
          : `.${segment.key}`,
    )
    .join('');
}

/**
 * The documentation of the field for the target version: its type, and the description of the
 * field itself or, for a list item or a map entry, of the nearest field above it. Undefined when
 * the version has no such field.
 */
function documentation(
  workload: Workload,
  segments: readonly Segment[],
  version: PositionContext['kubernetesVersion'],
): { type: string; description: string; sinceVersion?: string } | undefined {
  const full = describeField(workload.kind, workload.apiVersion, joinForDocs(segments), version);
  if (!full) return undefined;
  for (let length = segments.length; length > 0; length--) {
    const described =
      length === segments.length
        ? full
        : describeField(workload.kind, workload.apiVersion, joinForDocs(segments.slice(0, length)), version);
    if (described && described.description !== '') {
      return {
        type: full.type,
        description: described.description,
        ...(described.sinceVersion ? { sinceVersion: described.sinceVersion } : {}),
      };
    }
  }
  return { type: full.type, description: '' };
}

/** What the explanations of one hover share. */
interface ExplainContext {
  readonly workload: Workload;
  readonly refs: WorkloadRefs;
  readonly job: JobSettings | undefined;
  readonly location: FieldLocation;
  readonly locale: Locale;
  readonly now: number;
}

/** The computed explanations for a field, most specific first. */
function explanations(context: ExplainContext): string[] {
  const { workload, refs, job, location, locale } = context;
  const first = location.inner[0]?.key;
  const parts: (string | undefined)[] = [];
  const cronInput = (): CronJobExplainInput | undefined =>
    job ? { workload, refs, job, now: context.now, locale } : undefined;
  switch (location.scope) {
    case 'object':
      if (location.relative === 'metadata.name' && workload.kind === 'CronJob') {
        const input = cronInput();
        if (input) parts.push(explainCreatedJobNames(input));
      } else if (location.relative === 'metadata.name' && job && workload.kind === 'Job') {
        parts.push(explainCompletions(job, locale));
      }
      break;
    case 'jobSpec':
      if (!job) break;
      switch (first) {
        case 'backoffLimit':
          parts.push(explainBackoff(job, locale));
          break;
        case 'activeDeadlineSeconds':
          parts.push(explainDeadline(job, locale));
          break;
        case 'completions':
        case 'parallelism':
        case 'completionMode':
          parts.push(explainCompletions(job, locale));
          if (first === 'completionMode' && isIndexed(job)) parts.push(explainSuccessPolicy(job, locale));
          break;
        case 'podFailurePolicy': {
          const ruleSegment = location.inner[2];
          const ruleIndex =
            location.inner[1]?.key === 'rules' && ruleSegment?.index ? Number(ruleSegment.key) : undefined;
          parts.push(explainPodFailurePolicy(job, locale, ruleIndex));
          break;
        }
        case 'backoffLimitPerIndex':
        case 'maxFailedIndexes':
          parts.push(explainBackoffPerIndex(job, locale));
          break;
        case 'successPolicy':
          parts.push(explainSuccessPolicy(job, locale));
          break;
        case 'podReplacementPolicy':
          parts.push(explainPodReplacementPolicy(job, locale));
          break;
        case 'suspend':
          parts.push(explainJobSuspend(job, locale));
          break;
        case 'ttlSecondsAfterFinished': {
          const history =
            workload.kind === 'CronJob'
              ? (({ successfulJobsHistoryLimit, failedJobsHistoryLimit }) => ({
                  succeeded: successfulJobsHistoryLimit,
                  failed: failedJobsHistoryLimit,
                }))(readCronJobSettings(workload))
              : undefined;
          parts.push(explainTtl(job, locale, history));
          break;
        }
        case 'managedBy':
          parts.push(explainManagedBy(job, locale));
          break;
      }
      break;
    case 'cronJobSpec': {
      const input = cronInput();
      if (!input) break;
      switch (first) {
        case 'concurrencyPolicy':
          parts.push(explainConcurrencyPolicy(input));
          break;
        case 'startingDeadlineSeconds':
          parts.push(explainStartingDeadline(input));
          break;
        case 'successfulJobsHistoryLimit':
        case 'failedJobsHistoryLimit':
          parts.push(explainHistoryLimits(input));
          break;
        case 'suspend':
          parts.push(explainCronJobSuspend(input));
          break;
        case 'jobTemplate':
          if (location.inner.length === 1) parts.push(explainJobTemplate(input));
          break;
      }
      break;
    }
    case 'daemonSetSpec':
      switch (first) {
        case 'updateStrategy':
          parts.push(explainUpdateStrategy(workload, locale));
          break;
        case 'minReadySeconds':
          parts.push(explainMinReadySeconds(workload, locale));
          break;
        case 'revisionHistoryLimit':
          parts.push(explainRevisionHistoryLimit(workload, refs, locale));
          break;
      }
      break;
    case 'podSpec':
      if (first === 'restartPolicy') {
        const restartPolicy = field(refs.podSpec, 'restartPolicy');
        parts.push(
          explainRestartPolicy(
            workload.kind,
            restartPolicy.node ? scalarText(restartPolicy) : 'Always',
            restartPolicy.node !== null,
            job?.hasPodFailurePolicy ?? false,
            locale,
          ),
        );
      } else if (
        workload.kind === 'DaemonSet' &&
        (first === 'nodeSelector' ||
          first === 'affinity' ||
          first === 'tolerations' ||
          first === 'nodeName' ||
          first === 'hostNetwork')
      ) {
        parts.push(explainDaemonSetNodes(workload, refs, locale));
      } else if (job && (first === 'subdomain' || first === 'hostname') && isIndexed(job)) {
        parts.push(explainCompletions(job, locale));
      }
      break;
    default:
      break;
  }
  return parts.filter((part): part is string => part !== undefined && part !== '');
}

/** The range a hover is about: the key when on a key, else the value under the cursor. */
function hoverRange(context: PositionContext): OffsetRange | undefined {
  const node = context.node;
  if (!node) return undefined;
  if (context.onKey && node.kind === 'map') {
    const entry = node.entries.find(
      (candidate) => candidate.keyRange.start <= context.offset && context.offset <= candidate.keyRange.end,
    );
    return entry?.keyRange;
  }
  // Between the entries of a map or the items of a list there is nothing to describe.
  if (node.kind === 'map' || node.kind === 'seq') return undefined;
  return node.range;
}

/** Builds the hover Markdown for a field path of a workload; exported for tests and benchmarks. */
export function fieldHoverMarkdown(
  workload: Workload,
  path: string,
  context: Pick<PositionContext, 'locale' | 'kubernetesVersion' | 'now'>,
): string | undefined {
  const say = (key: Key, args?: MessageArgs): string =>
    formatMessage(fieldHoverMessages, context.locale, key, args);
  const location = locateField(workload.kind, path);
  if (location.segments.length === 0) return undefined;
  const refs = workloadRefs(workload);
  const job = readJobSettings(workload, refs);
  const parts: string[] = [];
  const docs = documentation(workload, location.segments, context.kubernetesVersion);
  if (docs) {
    parts.push(say('title', { path: code(path), type: code(docs.type) }));
    if (docs.description !== '') parts.push(say('apiDocs', { description: docs.description }));
    if (docs.sinceVersion) parts.push(say('since', { version: docs.sinceVersion }));
  } else {
    parts.push(
      say('title', { path: code(path), type: '—' }),
      say('notInVersion', {
        version: context.kubernetesVersion,
        kind: workload.kind,
        apiVersion: workload.apiVersion,
      }),
    );
  }
  if (location.scope === 'object' && location.relative === 'kind') {
    parts.push(say('summary', { summary: summarizeWorkload(workload, context.locale) }));
  }
  const ref = refAt(workload, location.segments);
  const container =
    location.scope === 'container' &&
    location.containerList !== undefined &&
    location.containerIndex !== undefined
      ? refAt(workload, location.segments.slice(0, location.segments.length - location.inner.length))
      : undefined;
  const defaultLine = describeFieldDefault({
    kind: workload.kind,
    scope: location.scope,
    relative: location.relative,
    ref,
    refs,
    job,
    ...(container ? { container } : {}),
    locale: context.locale,
  });
  if (defaultLine) parts.push(defaultLine);
  const explained = explanations({ workload, refs, job, location, locale: context.locale, now: context.now });
  if (explained.length > 0) parts.push('---', ...explained);
  return parts.join('\n\n');
}

/** The hover provider: any field of a Job, CronJob or DaemonSet document, on its key or value. */
export const fieldHover: HoverProvider = (context): HoverResult | undefined => {
  const workload = context.workload;
  if (!workload || context.path === null || context.path === '') return undefined;
  const range = hoverRange(context);
  if (!range) return undefined;
  const markdown = fieldHoverMarkdown(workload, context.path, context);
  return markdown === undefined ? undefined : { markdown, range };
};
