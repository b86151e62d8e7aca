import type { CodeDocs } from '../../findings/codeDoc';
import { defineCatalog, formatMessage } from '../../l10n';
import type { MessageArgs } from '../../l10n';
import { field, integerValue, isSet, withValue } from '../../yaml/fieldRef';
import { reportApiError } from '../reportApiError';
import { defineRule } from '../rule';
import { workloadRefs } from '../../workload/workloadRefs';
import { allContainers } from './lintSupport';

const messages = defineCatalog(
  {
    templateName: 'metadata.name in a pod template is ignored: the controller names the pods {pattern}',
    noTtl: 'Without ttlSecondsAfterFinished the finished Job and its pods stay until someone deletes them',
    noStartingDeadline:
      'Without startingDeadlineSeconds, a controller that misses more than 100 runs (for example after downtime) logs TooManyMissedTimes; a deadline bounds how late a run may start',
    shortStartingDeadline:
      'startingDeadlineSeconds {value} is under 10 s: the controller checks CronJobs about every 10 s, so runs may be skipped',
    startingDeadlineHint: 'A run that cannot start within {value} s of its scheduled time is skipped',
    noRequests: 'Container "{name}" has no resource requests: the scheduler cannot place it by its needs',
    probe: '{probe} on a Job pod does not gate completion: the Job succeeds when the container exits 0',
  },
  {
    templateName: 'Pod 模板中的 metadata.name 会被忽略：控制器将 Pod 命名为 {pattern}',
    noTtl: '没有 ttlSecondsAfterFinished 时，已结束的 Job 及其 Pod 会一直保留，直到有人删除',
    noStartingDeadline:
      '没有 startingDeadlineSeconds 时，控制器错过 100 次以上的运行（例如停机后）会记录 TooManyMissedTimes；设置期限可以限定运行最晚何时开始',
    shortStartingDeadline:
      'startingDeadlineSeconds 为 {value}，低于 10 秒：控制器大约每 10 秒检查一次 CronJob，运行可能被跳过',
    startingDeadlineHint: '无法在计划时间后 {value} 秒内启动的运行会被跳过',
    noRequests: '容器 "{name}" 没有资源请求（requests）：调度器无法按其需求放置它',
    probe: 'Job Pod 上的 {probe} 不决定 Job 是否完成：容器以 0 退出时 Job 即成功',
  },
);

/** The codes this module reports, with their documentation (`docs/rules.md`). */
const codes = {
  'lint/template-name': {
    severity: 'hint',
    summary: 'metadata.name in a pod template, which controllers ignore.',
    source: 'the Job and DaemonSet controllers name pods <owner>-<suffix>',
    example: 'template:\n  metadata:\n    name: x',
  },
  'lint/job-ttl': {
    severity: 'info',
    summary: 'A Job without ttlSecondsAfterFinished: it and its pods stay after finishing.',
    source: 'pkg/controller/ttlafterfinished',
    example: 'kind: Job (no ttlSecondsAfterFinished)',
  },
  'lint/cronjob-starting-deadline': {
    severity: 'info',
    summary: 'A CronJob without startingDeadlineSeconds.',
    source: 'pkg/controller/cronjob/utils.go (TooManyMissedTimes after 100 missed runs)',
    example: 'kind: CronJob (no startingDeadlineSeconds)',
  },
  'cronjob/short-starting-deadline': {
    severity: 'warning',
    summary:
      'startingDeadlineSeconds under 10 s (warning) or under a minute (hint): runs that start late are skipped.',
    source: 'pkg/controller/cronjob (the controller resyncs about every 10 s)',
    example: 'startingDeadlineSeconds: 5',
  },
  'lint/resource-requests': {
    severity: 'hint',
    summary: 'A container with neither resource requests nor limits.',
    source: 'scheduling by requests',
    example: '- name: main\n  image: x',
  },
  'lint/job-probe': {
    severity: 'info',
    summary: 'A readiness or startup probe on a Job pod: it does not gate completion.',
    source: 'the Job controller counts exits, not readiness',
    example: 'readinessProbe: {...}',
  },
} satisfies CodeDocs;

/**
 * Accepted by the API server but almost always not what was meant: a pod template's ignored
 * `metadata.name`, a Job without `ttlSecondsAfterFinished`, a CronJob without (or with a tiny)
 * `startingDeadlineSeconds`, containers without requests, readiness and startup probes on Jobs.
 */
export const workloadHygieneLint = defineRule({
  codes,
  kinds: ['Job', 'CronJob', 'DaemonSet'],
  check(context) {
    const refs = workloadRefs(context.workload);
    const say = (key: keyof (typeof messages)['en'], args: MessageArgs = {}): string =>
      formatMessage(messages, context.locale, key, args);
    const kind = context.workload.kind;
    const templateName = field(field(refs.template, 'metadata'), 'name');
    if (isSet(templateName)) {
      const pattern = kind === 'DaemonSet' ? '<daemonset>-<suffix>' : '<job>-<suffix>';
      reportApiError(context, {
        code: 'lint/template-name',
        ref: templateName,
        severity: 'hint',
        message: say('templateName', { pattern }),
        data: { removable: true },
      });
    }
    if (kind === 'Job' && isSet(refs.spec) && !isSet(field(refs.spec, 'ttlSecondsAfterFinished'))) {
      reportApiError(context, {
        code: 'lint/job-ttl',
        ref: field(refs.spec, 'ttlSecondsAfterFinished'),
        severity: 'info',
        message: say('noTtl'),
      });
    }
    if (kind === 'CronJob' && isSet(refs.spec)) {
      const deadlineRef = field(refs.spec, 'startingDeadlineSeconds');
      const deadline = integerValue(deadlineRef);
      if (!isSet(deadlineRef)) {
        reportApiError(context, {
          code: 'lint/cronjob-starting-deadline',
          ref: deadlineRef,
          severity: 'info',
          message: say('noStartingDeadline'),
        });
      } else if (deadline !== undefined && deadline >= 0 && deadline < 10) {
        reportApiError(context, {
          code: 'cronjob/short-starting-deadline',
          ref: deadlineRef,
          severity: 'warning',
          message: say('shortStartingDeadline', { value: deadline }),
        });
      } else if (deadline !== undefined && deadline >= 10 && deadline < 60) {
        reportApiError(context, {
          code: 'cronjob/short-starting-deadline',
          ref: deadlineRef,
          severity: 'hint',
          message: say('startingDeadlineHint', { value: deadline }),
        });
      }
    }
    for (const container of allContainers(refs)) {
      const resources = field(container, 'resources');
      if (!isSet(field(resources, 'requests')) && !isSet(field(resources, 'limits'))) {
        const name = field(container, 'name');
        reportApiError(context, {
          code: 'lint/resource-requests',
          ref: isSet(name) ? name : container,
          severity: 'hint',
          message: say('noRequests', { name: name.node?.kind === 'scalar' ? String(name.node.value) : '?' }),
        });
      }
      if (kind !== 'DaemonSet') {
        for (const probe of ['readinessProbe', 'startupProbe']) {
          const probeRef = field(container, probe);
          if (isSet(probeRef)) {
            reportApiError(context, {
              code: 'lint/job-probe',
              ref: withValue(probeRef, null, null),
              severity: 'info',
              message: say('probe', { probe }),
            });
          }
        }
      }
    }
  },
});
