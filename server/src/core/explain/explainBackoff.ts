/**
 * How a Job retries: failures counted as new pods (restartPolicy Never) or as container restarts
 * (OnFailure), the delays between attempts, the worst-case time until BackoffLimitExceeded and how
 * activeDeadlineSeconds cuts it short (kubernetes-behaviour §3.1 "Failure accounting", "Pod-failure
 * backoff", "activeDeadlineSeconds"; §3.4 for the kubelet's restart delays and the 10-minute cap).
 */

import { defineCatalog, formatMessage } from '../l10n';
import type { Locale, MessageArgs } from '../l10n';
import { code, formatDuration, formatList, formatOrdinal, MAX_INT32 } from './explainFormat';
import type { JobSettings } from './jobSettings';
import { isIndexed } from './jobSettings';

/** The Job controller's pod-failure backoff: 10 s doubling per failure since the last success. */
export const POD_FAILURE_BACKOFF = { initialSeconds: 10, capSeconds: 600 } as const;
/** The kubelet's crash-loop backoff for OnFailure restarts: first restart at once, then 10 s doubling. */
export const CRASH_LOOP_BACKOFF = { initialSeconds: 10, capSeconds: 300 } as const;

/** Doublings before `initial · 2^k` reaches the cap (10 s → 10 min: 6; 10 s → 5 min: 5). */
function doublingsBelowCap(initial: number, cap: number): number {
  let k = 0;
  while (initial * 2 ** (k + 1) <= cap) k++;
  return k;
}

/**
 * The delay (seconds) the Job controller waits before creating pods after the `n`-th failure
 * since the last success: 10 s × 2^(n−1), capped at 10 minutes.
 */
export function podFailureDelaySeconds(n: number): number {
  if (n < 1) return 0;
  return Math.min(
    POD_FAILURE_BACKOFF.initialSeconds * 2 ** Math.min(n - 1, 40),
    POD_FAILURE_BACKOFF.capSeconds,
  );
}

/** The kubelet's delay (seconds) before a container's `k`-th restart: 0, 10, 20, 40 … capped at 5 minutes. */
export function crashLoopDelaySeconds(k: number): number {
  if (k <= 1) return 0;
  return Math.min(
    CRASH_LOOP_BACKOFF.initialSeconds * 2 ** Math.min(k - 2, 40),
    CRASH_LOOP_BACKOFF.capSeconds,
  );
}

/** The sum of the first `count` delays of `delay`, in closed form past the cap (counts reach 2^31). */
function cumulativeDelay(
  count: number,
  delay: (k: number) => number,
  cap: number,
  cappedFrom: number,
): number {
  if (count <= 0) return 0;
  let sum = 0;
  const direct = Math.min(count, cappedFrom - 1);
  for (let k = 1; k <= direct; k++) sum += delay(k);
  if (count >= cappedFrom) sum += (count - cappedFrom + 1) * cap;
  return sum;
}

/** What a Job's retry settings mean in numbers. */
export interface BackoffPlan {
  /** `pods`: restartPolicy Never; `restarts`: OnFailure; `invalid`: a policy a Job rejects. */
  readonly countedAs: 'pods' | 'restarts' | 'invalid';
  readonly backoffLimit: number;
  /** True when backoffLimit is the int32 maximum: no Job-wide limit in practice. */
  readonly unlimited: boolean;
  /** The failure that ends the Job: the (backoffLimit+1)-th failed pod, or the max(backoffLimit, 1)-th restart. */
  readonly failingAttempt: number;
  /** Retries: replacement pods (Never) or container restarts (OnFailure), the last one included. */
  readonly retries: number;
  /** The delay before each retry, seconds; at most `MAX_LISTED_DELAYS` are listed. */
  readonly delays: readonly number[];
  /** All delays added up: the backoff part of the worst case. */
  readonly totalBackoffSeconds: number;
  /** With activeDeadlineSeconds: the first retry the deadline always comes before, or null when all fit. */
  readonly deadline: { readonly seconds: number; readonly beforeRetry: number | null } | undefined;
}

/** The most delays a plan lists one by one. */
export const MAX_LISTED_DELAYS = 8;

/**
 * Works out the retries of a Job (kubernetes-behaviour §3.1): with Never, BackoffLimitExceeded comes
 * when failed pods > backoffLimit, each replacement after the controller's pod-failure delay;
 * with OnFailure, when the restarts of the running pods reach backoffLimit (> 0 when it is 0),
 * each restart after the kubelet's crash-loop delay. The worst case assumes the attempts fail one
 * after another and leaves out the pods' own start-up and run time.
 */
export function computeBackoffPlan(input: {
  readonly restartPolicy: string;
  readonly backoffLimit: number;
  readonly activeDeadlineSeconds?: number | undefined;
}): BackoffPlan {
  const { restartPolicy, backoffLimit } = input;
  const countedAs =
    restartPolicy === 'Never' ? 'pods' : restartPolicy === 'OnFailure' ? 'restarts' : 'invalid';
  const limit = Math.max(0, backoffLimit);
  const restarts = countedAs === 'restarts';
  const retries = restarts ? Math.max(limit, 1) : limit;
  const delay = restarts ? crashLoopDelaySeconds : podFailureDelaySeconds;
  const cap = restarts ? CRASH_LOOP_BACKOFF.capSeconds : POD_FAILURE_BACKOFF.capSeconds;
  // The first retry whose delay is the cap: restarts 7 on (0, 10 … 160, then 300), pods 7 on (10 … 320, then 600).
  const cappedFrom = restarts
    ? doublingsBelowCap(CRASH_LOOP_BACKOFF.initialSeconds, cap) + 3
    : doublingsBelowCap(POD_FAILURE_BACKOFF.initialSeconds, cap) + 2;
  const delays: number[] = [];
  for (let k = 1; k <= Math.min(retries, MAX_LISTED_DELAYS); k++) delays.push(delay(k));
  const totalBackoffSeconds = cumulativeDelay(retries, delay, cap, cappedFrom);
  let deadline: BackoffPlan['deadline'];
  const seconds = input.activeDeadlineSeconds;
  if (seconds !== undefined && seconds >= 0 && countedAs !== 'invalid') {
    // The retry k cannot start before the delays up to it have passed, however fast the pods fail.
    let beforeRetry: number | null = null;
    if (totalBackoffSeconds >= seconds) {
      let low = 1;
      let high = retries;
      while (low < high) {
        const middle = Math.floor((low + high) / 2);
        if (cumulativeDelay(middle, delay, cap, cappedFrom) >= seconds) high = middle;
        else low = middle + 1;
      }
      beforeRetry = low;
    }
    deadline = { seconds, beforeRetry };
  }
  return {
    countedAs,
    backoffLimit: limit,
    unlimited: limit >= MAX_INT32,
    failingAttempt: restarts ? Math.max(limit, 1) : limit + 1,
    retries,
    delays,
    totalBackoffSeconds,
    deadline,
  };
}

/** This module's backoffMessages, in English and Simplified Chinese. */
export const backoffMessages = defineCatalog(
  {
    heading: '**Retries**',
    invalidPolicy:
      'restartPolicy {policy} is rejected for a Job, so there are no retries to explain: use `OnFailure` or `Never`.',
    podsIntro:
      'With restartPolicy `Never`, a failed container fails its pod and the Job controller creates a new pod. Failed pods are counted: the Job fails with `BackoffLimitExceeded` when more than {limit} have failed, that is at the {failing} failed pod.',
    podsIntroZero:
      'With restartPolicy `Never` and backoffLimit 0, the first failed pod fails the Job (`BackoffLimitExceeded`): no retries.',
    podsAttemptsSingle: 'Up to {pods} pods in all: the first one plus {retries} retries.',
    podsAttempts:
      'Up to {retries} retries: the {failing} failed pod, counted over all pods of the Job, fails it.',
    podsDelays:
      'Delays before the retries: {delays} (the controller waits 10 s, doubling with every failure since the last success, capped at 10 min; the Kubernetes docs still say 6 min).',
    podsWorst:
      'Worst case: the Job gives up after {total} of backoff plus the run time of its {pods} failed pods (assuming the attempts fail one after another; pod start-up and run time are not included).',
    parallelNote:
      'With {parallelism} pods at once, failures of all pods add to one count and the delay grows with each of them, so the limit can be reached sooner.',
    restartsIntro:
      'With restartPolicy `OnFailure`, the kubelet restarts a failed container inside the same pod, and the Job controller counts those container restarts. The Job fails with `BackoffLimitExceeded` when the restarts of its running pods add up to {limit}: at the {failing} restart, after {runs} failed run{s} of the container.',
    restartsIntroZero:
      'With restartPolicy `OnFailure` and backoffLimit 0, the first container restart fails the Job (`BackoffLimitExceeded`): after 1 failed run.',
    restartsDelays:
      "The kubelet's delays before the restarts: {delays} (the first restart at once, then 10 s doubling, capped at 5 min).",
    restartsWorst:
      'Worst case: the Job gives up after {total} of restart backoff plus the run time of the {runs} failed run{s} (assuming one pod whose container fails again and again; run time not included).',
    restartsCountNote:
      'Only restarts of pods that are still Pending or Running count: those of a pod that later succeeded no longer do, and restarts in different pods add up. A pod that fails as a whole (evicted, or past its own activeDeadlineSeconds) counts as a failed pod: more than {limit} of those also fail the Job.',
    unlimited:
      'backoffLimit is 2147483647{why}: in practice the Job has no overall retry limit, and retries go on with at most 10 min between them.',
    unlimitedPerIndex: ' (the default when backoffLimitPerIndex is set)',
    cappedTail: '{delays}, then {cap} each',
    listSeparator: ', ',
    deadlineCuts:
      '`activeDeadlineSeconds` {deadline}: the deadline ends the Job before the {retry} {noun} at the latest (the backoff before it alone adds up to {before}).',
    deadlineFits:
      '`activeDeadlineSeconds` {deadline}: all {retries} {nouns} fit in the deadline as far as backoff goes ({total}); the deadline still ends the Job if the pods run for more than the remaining {rest} in all.',
    retryNoun: 'retry',
    retriesNoun: 'retries',
    restartNoun: 'restart',
    restartsNoun: 'restarts',
    podFailurePolicyNote:
      'podFailurePolicy is checked first: a failure matched by a `FailJob` rule ends the Job at once, and one matched by `Ignore` does not count.',
    perIndexNote: 'backoffLimitPerIndex {perIndex}: each index is also limited on its own (see its hover).',
    deadlineHeading: '**Deadline**',
    deadline:
      'The Job fails with `DeadlineExceeded` {deadline} after it started (`status.startTime`), whatever its pods are doing; its running pods are deleted. The time does not run while the Job is suspended, and it starts again on every resume.',
    deadlineZero:
      '0 passes validation, but the Job then fails with `DeadlineExceeded` on its first sync after it starts.',
    deadlineCron: 'In a CronJob each Job it creates gets its own deadline, counted from that Job’s start.',
    perIndexHeading: '**Retries per index**',
    perIndex:
      'Each index is retried on its own: its {failing} counted failure marks the index failed, and a failed index is never retried while the other indexes go on. Pods of index i carry the annotation `batch.kubernetes.io/job-index-failure-count`. Delays before an index’s retries: {delays}.',
    perIndexNotIndexed: 'backoffLimitPerIndex requires `completionMode: Indexed`.',
    maxFailedIndexes:
      'maxFailedIndexes {max}: when more than {max} indexes have failed, the Job fails at once with `MaxFailedIndexesExceeded` and its running pods are deleted.',
    noMaxFailedIndexes:
      'Without maxFailedIndexes the Job goes on until every index has succeeded or failed; then it fails with `FailedIndexes` if any index failed.',
    withMaxFailedEnd:
      'Otherwise, once every index has succeeded or failed, the Job fails with `FailedIndexes` if any index failed.',
    perIndexBackoffLimit:
      'backoffLimit defaults to 2147483647 here, so only the per-index limits and maxFailedIndexes end the Job.',
    perIndexOnFailure:
      'With restartPolicy `OnFailure`, container restarts are not index failures: only pods that fail as a whole count per index (restarts count toward backoffLimit).',
  },
  {
    heading: '**重试**',
    invalidPolicy: 'Job 不接受 restartPolicy {policy}，因此谈不上重试：请使用 `OnFailure` 或 `Never`。',
    podsIntro:
      'restartPolicy 为 `Never` 时，容器失败即 Pod 失败，由 Job 控制器创建新的 Pod。失败的 Pod 会被计数：失败的 Pod 超过 {limit} 个时（即{failing}失败），Job 以 `BackoffLimitExceeded` 失败。',
    podsIntroZero:
      'restartPolicy 为 `Never` 且 backoffLimit 为 0 时，第一个失败的 Pod 就会让 Job 失败（`BackoffLimitExceeded`）：没有重试。',
    podsAttemptsSingle: '总共最多 {pods} 个 Pod：第一个加上 {retries} 次重试。',
    podsAttempts: '最多重试 {retries} 次：按 Job 的所有 Pod 合计，{failing} Pod 失败时 Job 失败。',
    podsDelays:
      '各次重试前的等待：{delays}（控制器从 10 秒开始，自上次成功以来每失败一次翻倍，上限 10 分钟；Kubernetes 文档仍写作 6 分钟）。',
    podsWorst:
      '最坏情况：Job 在 {total} 的退避时间加上 {pods} 个失败 Pod 的运行时间后放弃（假设各次尝试依次失败；不含 Pod 启动和运行时间）。',
    parallelNote:
      '同时运行 {parallelism} 个 Pod 时，所有 Pod 的失败累计到同一个计数，等待时间也随每次失败增长，因此可能更早达到上限。',
    restartsIntro:
      'restartPolicy 为 `OnFailure` 时，kubelet 在同一个 Pod 内重启失败的容器，Job 控制器统计这些容器重启次数。正在运行的 Pod 的重启次数合计达到 {limit} 时（即{failing}重启，容器已失败运行 {runs} 次），Job 以 `BackoffLimitExceeded` 失败。',
    restartsIntroZero:
      'restartPolicy 为 `OnFailure` 且 backoffLimit 为 0 时，第一次容器重启就会让 Job 失败（`BackoffLimitExceeded`）：即失败运行 1 次之后。',
    restartsDelays:
      'kubelet 在各次重启前的等待：{delays}（第一次立即重启，之后从 10 秒开始翻倍，上限 5 分钟）。',
    restartsWorst:
      '最坏情况：Job 在 {total} 的重启退避时间加上 {runs} 次失败运行的时间后放弃（假设同一个 Pod 的容器反复失败；不含运行时间）。',
    restartsCountNote:
      '只统计仍处于 Pending 或 Running 的 Pod 的重启：之后成功的 Pod 的重启不再计入，不同 Pod 的重启相加。整个 Pod 失败（被驱逐，或超过 Pod 自身的 activeDeadlineSeconds）按失败的 Pod 计数：超过 {limit} 个同样会让 Job 失败。',
    unlimited:
      'backoffLimit 为 2147483647{why}：实际上 Job 没有整体重试上限，重试会一直持续，间隔最多 10 分钟。',
    unlimitedPerIndex: '（设置了 backoffLimitPerIndex 时的默认值）',
    cappedTail: '{delays}，之后每次 {cap}',
    listSeparator: '、',
    deadlineCuts:
      '`activeDeadlineSeconds` 为 {deadline}：截止时间最晚会在{retry}{noun}之前结束 Job（仅它之前的退避时间就合计 {before}）。',
    deadlineFits:
      '`activeDeadlineSeconds` 为 {deadline}：就退避时间而言，全部 {retries} 次{nouns}都在截止时间内（{total}）；但如果 Pod 的运行时间合计超过剩余的 {rest}，截止时间仍会结束 Job。',
    retryNoun: '重试',
    retriesNoun: '重试',
    restartNoun: '重启',
    restartsNoun: '重启',
    podFailurePolicyNote:
      '先检查 podFailurePolicy：匹配 `FailJob` 规则的失败会立即结束 Job，匹配 `Ignore` 的失败不计数。',
    perIndexNote: 'backoffLimitPerIndex 为 {perIndex}：每个索引还有各自的上限（见其悬停说明）。',
    deadlineHeading: '**截止时间**',
    deadline:
      '无论 Pod 处于什么状态，Job 在启动（`status.startTime`）{deadline}后以 `DeadlineExceeded` 失败，正在运行的 Pod 会被删除。Job 挂起期间不计时，每次恢复时重新计时。',
    deadlineZero: '0 可以通过校验，但 Job 会在启动后的第一次同步时以 `DeadlineExceeded` 失败。',
    deadlineCron: '在 CronJob 中，它创建的每个 Job 都有自己的截止时间，从该 Job 启动时算起。',
    perIndexHeading: '**按索引重试**',
    perIndex:
      '每个索引单独重试：某个索引{failing}计数的失败会把该索引标记为失败，失败的索引不再重试，其他索引继续运行。索引 i 的 Pod 带有注解 `batch.kubernetes.io/job-index-failure-count`。同一索引各次重试前的等待：{delays}。',
    perIndexNotIndexed: 'backoffLimitPerIndex 需要 `completionMode: Indexed`。',
    maxFailedIndexes:
      'maxFailedIndexes 为 {max}：失败的索引超过 {max} 个时，Job 立即以 `MaxFailedIndexesExceeded` 失败，正在运行的 Pod 会被删除。',
    noMaxFailedIndexes:
      '未设置 maxFailedIndexes 时，Job 会一直运行到每个索引都成功或失败；之后只要有索引失败，Job 就以 `FailedIndexes` 失败。',
    withMaxFailedEnd: '否则，当每个索引都成功或失败后，只要有索引失败，Job 就以 `FailedIndexes` 失败。',
    perIndexBackoffLimit:
      '此时 backoffLimit 默认为 2147483647，因此只有按索引的上限和 maxFailedIndexes 会结束 Job。',
    perIndexOnFailure:
      'restartPolicy 为 `OnFailure` 时，容器重启不算索引失败：只有整个 Pod 失败才按索引计数（重启计入 backoffLimit）。',
  },
);

type Key = keyof (typeof backoffMessages)['en'];

function sayer(locale: Locale): (key: Key, args?: MessageArgs) => string {
  return (key, args) => formatMessage(backoffMessages, locale, key, args);
}

/** Lists delays as durations; when the list stops at the cap, "…, then 10 min each". */
function formatDelays(plan: BackoffPlan, locale: Locale): string {
  const say = sayer(locale);
  const cap = plan.countedAs === 'restarts' ? CRASH_LOOP_BACKOFF.capSeconds : POD_FAILURE_BACKOFF.capSeconds;
  if (plan.retries > plan.delays.length) {
    const uncapped = plan.delays
      .filter((seconds) => seconds < cap)
      .map((seconds) => formatDuration(seconds, locale));
    return say('cappedTail', {
      delays: uncapped.join(say('listSeparator')),
      cap: formatDuration(cap, locale),
    });
  }
  return formatList(
    plan.delays.map((seconds) => formatDuration(seconds, locale)),
    locale,
  );
}

/** Markdown bullets explaining backoffLimit with this Job's restartPolicy and deadline. */
export function explainBackoff(settings: JobSettings, locale: Locale): string {
  const say = sayer(locale);
  const plan = computeBackoffPlan({
    restartPolicy: settings.restartPolicy.value,
    backoffLimit: settings.backoffLimit.value,
    activeDeadlineSeconds: settings.activeDeadlineSeconds,
  });
  const lines: string[] = [say('heading')];
  if (plan.countedAs === 'invalid') {
    lines.push(say('invalidPolicy', { policy: code(settings.restartPolicy.value) }));
    return lines.join('\n\n');
  }
  const bullets: string[] = [];
  if (plan.unlimited) {
    lines.push(
      say('unlimited', {
        why:
          settings.backoffLimitPerIndex !== undefined && !settings.backoffLimit.written
            ? say('unlimitedPerIndex')
            : '',
      }),
    );
  } else if (plan.countedAs === 'pods') {
    if (plan.backoffLimit === 0) {
      lines.push(say('podsIntroZero'));
    } else {
      lines.push(
        say('podsIntro', { limit: plan.backoffLimit, failing: formatOrdinal(plan.failingAttempt, locale) }),
      );
      const single = settings.completions.value === 1 && settings.parallelism.value === 1;
      bullets.push(
        single
          ? say('podsAttemptsSingle', { pods: plan.failingAttempt, retries: plan.retries })
          : say('podsAttempts', {
              retries: plan.retries,
              failing: formatOrdinal(plan.failingAttempt, locale),
            }),
        say('podsDelays', { delays: formatDelays(plan, locale) }),
        say('podsWorst', {
          total: formatDuration(plan.totalBackoffSeconds, locale),
          pods: plan.failingAttempt,
        }),
      );
    }
    if (settings.parallelism.value > 1 && (settings.completions.value ?? 2) > 1)
      bullets.push(say('parallelNote', { parallelism: settings.parallelism.value }));
  } else {
    const runs = plan.failingAttempt;
    if (plan.backoffLimit === 0) {
      lines.push(say('restartsIntroZero'));
    } else {
      lines.push(
        say('restartsIntro', {
          limit: plan.backoffLimit,
          failing: formatOrdinal(plan.failingAttempt, locale),
          runs,
          s: runs === 1 ? '' : 's',
        }),
      );
      bullets.push(
        say('restartsDelays', { delays: formatDelays(plan, locale) }),
        say('restartsWorst', {
          total: formatDuration(plan.totalBackoffSeconds, locale),
          runs,
          s: runs === 1 ? '' : 's',
        }),
      );
    }
    bullets.push(say('restartsCountNote', { limit: plan.backoffLimit }));
  }
  const deadlineLine = explainDeadlineVersusRetries(plan, locale);
  if (deadlineLine) bullets.push(deadlineLine);
  if (settings.hasPodFailurePolicy) bullets.push(say('podFailurePolicyNote'));
  if (settings.backoffLimitPerIndex !== undefined && isIndexed(settings))
    bullets.push(say('perIndexNote', { perIndex: settings.backoffLimitPerIndex }));
  if (bullets.length > 0) lines.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  return lines.join('\n\n');
}

/** One sentence on whether activeDeadlineSeconds comes before the retries run out. */
function explainDeadlineVersusRetries(plan: BackoffPlan, locale: Locale): string | undefined {
  const say = sayer(locale);
  if (!plan.deadline || plan.unlimited || plan.retries === 0) return undefined;
  const restarts = plan.countedAs === 'restarts';
  const deadline = formatDuration(plan.deadline.seconds, locale);
  if (plan.deadline.beforeRetry !== null) {
    const computed = computeBackoffPlan({
      restartPolicy: restarts ? 'OnFailure' : 'Never',
      backoffLimit: plan.deadline.beforeRetry,
    });
    return say('deadlineCuts', {
      deadline,
      retry: formatOrdinal(plan.deadline.beforeRetry, locale),
      noun: say(restarts ? 'restartNoun' : 'retryNoun'),
      before: formatDuration(computed.totalBackoffSeconds, locale),
    });
  }
  return say('deadlineFits', {
    deadline,
    retries: plan.retries,
    nouns: say(restarts ? 'restartsNoun' : 'retriesNoun'),
    total: formatDuration(plan.totalBackoffSeconds, locale),
    rest: formatDuration(plan.deadline.seconds - plan.totalBackoffSeconds, locale),
  });
}

/** Markdown explaining a Job's activeDeadlineSeconds and how it meets the retries. */
export function explainDeadline(settings: JobSettings, locale: Locale): string | undefined {
  const say = sayer(locale);
  const seconds = settings.activeDeadlineSeconds;
  if (seconds === undefined) return undefined;
  const lines = [say('deadlineHeading'), say('deadline', { deadline: formatDuration(seconds, locale) })];
  const bullets: string[] = [];
  if (seconds === 0) bullets.push(say('deadlineZero'));
  const plan = computeBackoffPlan({
    restartPolicy: settings.restartPolicy.value,
    backoffLimit: settings.backoffLimit.value,
    activeDeadlineSeconds: seconds,
  });
  const versus = explainDeadlineVersusRetries(plan, locale);
  if (versus) bullets.push(versus);
  if (settings.inCronJob) bullets.push(say('deadlineCron'));
  if (bullets.length > 0) lines.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  return lines.join('\n\n');
}

/** Markdown explaining backoffLimitPerIndex and maxFailedIndexes. */
export function explainBackoffPerIndex(settings: JobSettings, locale: Locale): string | undefined {
  const say = sayer(locale);
  const perIndex = settings.backoffLimitPerIndex;
  if (perIndex === undefined) return undefined;
  const lines = [say('perIndexHeading')];
  if (!isIndexed(settings)) {
    lines.push(say('perIndexNotIndexed'));
    return lines.join('\n\n');
  }
  const plan = computeBackoffPlan({ restartPolicy: 'Never', backoffLimit: perIndex });
  lines.push(
    say('perIndex', {
      failing: formatOrdinal(plan.failingAttempt, locale),
      delays: plan.retries === 0 ? '—' : formatDelays(plan, locale),
    }),
  );
  const bullets: string[] = [];
  if (settings.maxFailedIndexes !== undefined) {
    bullets.push(say('maxFailedIndexes', { max: settings.maxFailedIndexes }), say('withMaxFailedEnd'));
  } else {
    bullets.push(say('noMaxFailedIndexes'));
  }
  if (!settings.backoffLimit.written) bullets.push(say('perIndexBackoffLimit'));
  if (settings.restartPolicy.value === 'OnFailure') bullets.push(say('perIndexOnFailure'));
  lines.push(bullets.map((bullet) => `- ${bullet}`).join('\n'));
  return lines.join('\n\n');
}

/** The short retry phrase of the code lens: "up to 4 retries", "fails at 4 restarts". */
export function summarizeRetries(settings: JobSettings): {
  kind: 'pods' | 'restarts' | 'none' | 'unlimited';
  count: number;
} {
  const plan = computeBackoffPlan({
    restartPolicy: settings.restartPolicy.value,
    backoffLimit: settings.backoffLimit.value,
  });
  if (plan.countedAs === 'invalid') return { kind: 'none', count: 0 };
  if (plan.unlimited) return { kind: 'unlimited', count: 0 };
  return { kind: plan.countedAs, count: plan.retries };
}
