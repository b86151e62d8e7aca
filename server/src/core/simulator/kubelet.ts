/**
 * The kubelet of every node: it starts a bound pod's container after the start latency, ends each
 * run as its plan says, restarts containers in place with the CrashLoopBackOff delays (kubernetes-behaviour §3.4),
 * enforces a pod's own activeDeadlineSeconds, and stops a deleted pod within its grace period
 * (SIGTERM, then SIGKILL). It reports each change to the pod's owner.
 */

import type { TimelineBudget } from './recorder';
import type { Clock } from './clock';
import { Priority } from './eventQueue';
import { setPodCondition } from './pod';
import type { Pod, RunPlan } from './pod';
import { drawDuration } from './random';
import type { RandomStream } from './random';
import type { Scenario } from './scenarioTypes';
import type { PodPhase } from './timeline';

/** Exit code of a container stopped by SIGTERM (128 + 15) and by SIGKILL after the grace period. */
export const EXIT_SIGTERM = 143;
export const EXIT_SIGKILL = 137;

/** The kubelet's crash-loop backoff: 10 s doubling to 5 min, the first restart immediate (kubernetes-behaviour §3.4). */
export function restartDelayMs(restartsSoFar: number): number {
  if (restartsSoFar === 0) return 0;
  return Math.min(10_000 * 2 ** (restartsSoFar - 1), 300_000);
}

/** What the kubelet needs from the rest of the cluster. */
export interface KubeletHost {
  /** Failed pod time of the run, in milliseconds (the summary's failedPodSeconds). */
  failedPodMs: number;
  /** A pod reached Succeeded or Failed: the API server's and the run's accounting. */
  podFinished(pod: Pod): void;
  /** Removes the pod object from the API once its containers have stopped. */
  removePod(pod: Pod): void;
  /** The timeline's budget, which a kept pod's container runs are listed within. */
  readonly budget: TimelineBudget;
}

/** The kubelets of the cluster's nodes. */
export class Kubelet {
  constructor(
    private readonly clock: Clock,
    private readonly host: KubeletHost,
    private readonly scenario: Scenario,
    private readonly startLatencyStream: RandomStream,
    private readonly terminationStream: RandomStream,
  ) {}

  /** A pod was bound to a node: its container starts after the start latency. */
  podBound(pod: Pod): void {
    const clock = this.clock;
    const epoch = pod.epoch;
    const latency = drawDuration(this.scenario.pods.startLatency, this.startLatencyStream);
    clock.atWith(clock.now + latency, Priority.kubelet, this.startDue, pod, epoch);
    const deadline = pod.owner.template.activeDeadlineMs;
    if (deadline !== null) {
      clock.at(clock.now + deadline, Priority.kubelet, () => {
        if (pod.epoch === epoch && pod.deletedAt === null && !pod.isTerminal) this.podDeadline(pod);
      });
    }
  }

  private startRun(pod: Pod): void {
    const clock = this.clock;
    clock.changes++;
    if (pod.phase === 'Pending') this.setPhase(pod, 'Running');
    const plan = pod.owner.planRun(pod);
    pod.plan = plan;
    pod.running = true;
    pod.ready = true;
    pod.readySince = clock.now;
    const container = plan?.container ?? pod.owner.template.containers[0] ?? 'main';
    // A kept pod lists each container run while the timeline's budget has room.
    if (pod.attempts && this.host.budget.take())
      pod.attempts.push({
        restart: pod.restarts,
        container,
        started: clock.now,
        finished: null,
        exitCode: null,
        reason: null,
      });
    pod.owner.onPodChange(pod, pod.restarts === 0 ? 'started' : 'restarted');
    if (plan !== null) clock.atWith(clock.now + plan.runMs, Priority.kubelet, this.exitDue, pod, pod.epoch);
  }

  // The kubelet's timers. Each carries the pod's epoch from when it was set: a pod deleted, or
  // on a node that went away, has a new epoch, and its old timers do nothing.

  /** The container starts, after the start latency. */
  private readonly startDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch === epoch && pod.deletedAt === null) this.startRun(pod);
  };

  /**
   * The container run ends. `pod.plan` is still the plan its run started with: the next run
   * (a restart) is planned only after this one has ended.
   */
  private readonly exitDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch === epoch && pod.deletedAt === null && pod.plan !== null) this.exitRun(pod, pod.plan);
  };

  /** The container restarts in place, after the crash-loop backoff. */
  private readonly restartDue = (pod: Pod, epoch: number): void => {
    if (pod.epoch !== epoch || pod.deletedAt !== null) return;
    pod.restarts++;
    pod.runBegan = this.clock.now;
    this.startRun(pod);
  };

  /** Ends the current container run; returns how long it took (from pod creation for the first run). */
  private finishAttempt(pod: Pod, exitCode: number, reason: string): number {
    const now = this.clock.now;
    this.clock.changes++;
    pod.running = false;
    const attempt = pod.attempts?.[pod.attempts.length - 1];
    if (attempt && attempt.finished === null) {
      attempt.finished = now;
      attempt.exitCode = exitCode;
      attempt.reason = reason;
    }
    return now - pod.runBegan;
  }

  private exitRun(pod: Pod, plan: RunPlan): void {
    const spent = this.finishAttempt(pod, plan.exitCode, plan.exitCode === 0 ? 'Completed' : 'Error');
    // The plan says which container exits with which code (and is never changed).
    pod.lastExit = plan;
    pod.ready = false;
    if (plan.exitCode === 0) {
      this.setPhase(pod, 'Succeeded');
      return;
    }
    if (pod.owner.template.restartPolicy !== 'Never') {
      // The kubelet restarts the container in place; the pod stays Running but not ready.
      if (pod.owner.jobName !== null) this.host.failedPodMs += spent;
      pod.owner.onPodChange(pod, 'notReady');
      const clock = this.clock;
      clock.atWith(
        clock.now + restartDelayMs(pod.restarts),
        Priority.kubelet,
        this.restartDue,
        pod,
        pod.epoch,
      );
      return;
    }
    for (const type of plan.conditions) setPodCondition(pod, type, 'True', null, null, this.clock.now);
    this.setFailedRun(pod, spent);
    this.setPhase(pod, 'Failed');
  }

  /**
   * Remembers the length of the run that ended the pod. A Job may count a pod as failed before
   * its run ends (a deleted pod) or after; the time is added once both have happened.
   */
  private setFailedRun(pod: Pod, ms: number): void {
    pod.failedRunMs = ms;
    if (pod.countedAs === 'failed' || pod.countedAs === 'ignored') this.host.failedPodMs += ms;
  }

  /** The pod's own activeDeadlineSeconds passed: the kubelet kills it and fails it. */
  private podDeadline(pod: Pod): void {
    if (pod.running) this.setFailedRun(pod, this.finishAttempt(pod, EXIT_SIGKILL, 'Error'));
    pod.epoch++;
    pod.reason = 'DeadlineExceeded';
    this.setPhase(pod, 'Failed');
  }

  private setPhase(pod: Pod, phase: PodPhase): void {
    if (pod.phase === phase) return;
    const now = this.clock.now;
    this.clock.changes++;
    pod.phase = phase;
    if (pod.phases) {
      const last = pod.phases[pod.phases.length - 1];
      if (last) (last as { to: number | null }).to = now;
      pod.phases.push({ phase, from: now, to: null });
    }
    if (phase === 'Succeeded' || phase === 'Failed') {
      pod.finishedAt = now;
      pod.ready = false;
      this.host.podFinished(pod);
      pod.owner.onPodChange(pod, 'terminal');
    }
  }

  /**
   * A running pod was deleted: the kubelet sends SIGTERM and the container stops after the
   * scenario's termination time, or is killed when that exceeds the grace period.
   */
  stopGracefully(pod: Pod): void {
    const drawn = drawDuration(this.scenario.pods.terminationTime, this.terminationStream);
    const grace = pod.owner.template.terminationGracePeriodMs;
    const exitCode = drawn >= grace ? EXIT_SIGKILL : EXIT_SIGTERM;
    this.clock.at(this.clock.now + Math.min(drawn, grace), Priority.kubelet, () =>
      this.terminate(pod, exitCode),
    );
  }

  /** The pod's containers stop with `exitCode`; the pod ends Failed and leaves the API. */
  terminate(pod: Pod, exitCode: number): void {
    if (pod.removedAt !== null) return;
    if (pod.running) {
      this.setFailedRun(pod, this.finishAttempt(pod, exitCode, 'Error'));
      pod.lastExit = {
        container: pod.plan?.container ?? pod.owner.template.containers[0] ?? 'main',
        exitCode,
      };
    }
    if (!pod.isTerminal) this.setPhase(pod, 'Failed');
    this.host.removePod(pod);
  }
}
