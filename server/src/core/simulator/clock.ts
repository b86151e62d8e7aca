/**
 * The virtual clock and its event loop: the current virtual time, the heap of pending events,
 * the count of changes an observer could see, and the limits that end a run. Everything in the
 * simulation happens inside an event this loop runs; nothing reads a wall clock.
 */

import type { MessageArgs } from '../l10n';
import { formatSpan } from './durations';
import { EventQueue } from './eventQueue';
import type { EventAction, EventHandler } from './eventQueue';
import type { SimulationLimits } from './scenarioTypes';
import type { SimulatorMessageKey } from './simulatorMessages';

/** Why a run stopped before it was idle. */
export type StopReason = 'horizon' | 'maxEvents' | 'maxDuration' | 'maxPods';

/** The virtual clock of one run, with its event loop and limits. */
export class Clock {
  readonly queue = new EventQueue();
  now = 0;
  eventsProcessed = 0;
  /** Bumped by every change an observer could see; events that change nothing do not move `lastChange`. */
  changes = 0;
  lastChange = 0;
  stop: StopReason | null = null;
  /**
   * Set when a run stops before reaching a limit because it could only have ended at that limit:
   * the message that explains why, in place of the limit's own.
   */
  stopDetail: { readonly key: SimulatorMessageKey; readonly args: MessageArgs } | null = null;

  constructor(readonly limits: SimulationLimits) {}

  /**
   * Stops the run now because it could only end at `limit`: simulating on would change nothing
   * but the time it takes. `key` names the message that says why.
   */
  stopEarly(limit: StopReason, key: SimulatorMessageKey, args: MessageArgs): void {
    this.stop = limit;
    this.stopDetail = { key, args: { ...args, time: this.formatTime(this.now) } };
  }

  /** Formats a virtual time for notes: `t+90s`. */
  formatTime(ms: number): string {
    return `t+${formatSpan(ms)}`;
  }

  /** Schedules `action` at virtual time `time`. */
  at(time: number, priority: number, action: EventAction): void {
    this.queue.push(Math.max(time, this.now), priority, action);
  }

  /** Schedules `action(value, tag)` at virtual time `time`, without a closure. */
  atWith<T>(time: number, priority: number, action: EventHandler<T>, value: T, tag = 0): void {
    this.queue.pushWith(Math.max(time, this.now), priority, action, value, tag);
  }

  /**
   * Runs the event loop until nothing is pending, the horizon passes, or a limit is hit.
   * Returns how the run ended.
   */
  run(horizonMs: number | null): 'idle' | StopReason {
    const limits = this.limits;
    for (;;) {
      if (this.stop !== null) return this.stop;
      const time = this.queue.peekTime();
      if (time === undefined) return 'idle';
      if (horizonMs !== null && time > horizonMs) {
        this.now = Math.max(this.now, horizonMs);
        return 'horizon';
      }
      if (time > limits.maxDurationMs) {
        this.now = Math.max(this.now, limits.maxDurationMs);
        return 'maxDuration';
      }
      if (this.eventsProcessed >= limits.maxEvents) return 'maxEvents';
      const queue = this.queue;
      if (!queue.pop()) return 'idle';
      this.now = queue.poppedTime;
      this.eventsProcessed++;
      const before = this.changes;
      queue.poppedAction(queue.poppedValue, queue.poppedTag);
      if (this.changes !== before) this.lastChange = this.now;
    }
  }
}
