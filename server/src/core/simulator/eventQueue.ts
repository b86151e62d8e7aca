/**
 * The simulator's clock: a binary heap of pending events in virtual time, totally ordered by
 * (time, priority, sequence) as sinonjs/fake-timers orders its timers. The sequence number makes
 * two events scheduled for the same instant and priority run in the order they were scheduled, so
 * a run never depends on how the heap happens to break ties.
 */

/** What an event does when its time comes. */
export type EventAction = () => void;

/**
 * What an event does with the value and the number it was scheduled with. One handler serves
 * many events, so scheduling one allocates no closure (a run schedules millions).
 */
export type EventHandler<T> = (value: T, tag: number) => void;

/**
 * Priorities for events at the same instant, lowest first. The kubelet's and the cluster's changes
 * land before the controllers look, so one controller sync sees everything that happened at that
 * instant, as a real controller sees a batch of informer updates.
 */
export const Priority = {
  /** Pods starting, exiting and finishing termination; containers restarting. */
  kubelet: 0,
  /** Timed scenario events: nodes, disruptions, suspend and resume, template changes. */
  scenario: 1,
  /** Garbage collectors (pod GC, TTL-after-finished, cascading deletion). */
  collector: 2,
  /** Job controller syncs. */
  jobController: 3,
  /** CronJob controller syncs, after the Jobs they watch have synced. */
  cronJobController: 4,
  /** DaemonSet controller syncs. */
  daemonSetController: 5,
} as const;

/**
 * How the sequence number and the priority share one number for comparisons: priority times
 * this, plus the sequence. Exact while fewer than 2^43 events are scheduled in one run.
 */
const PRIORITY_SCALE = 2 ** 43;

/**
 * A min-heap of events; `pop` takes the earliest by (time, priority, sequence). The events live
 * in parallel arrays indexed by slot, and the heap orders slot numbers: a run schedules millions
 * of events, and an object each would be garbage for the collector (and V8 may decide, after a
 * run whose events wait long, that such objects should go straight to the old generation).
 */
export class EventQueue {
  private heap = new Int32Array(64);
  private times = new Float64Array(64);
  private orders = new Float64Array(64);
  private tags = new Float64Array(64);
  private readonly actions: (EventHandler<unknown> | null)[] = [];
  private readonly values: unknown[] = [];
  private readonly freeSlots: number[] = [];
  private slotsUsed = 0;
  private count = 0;
  private nextSequence = 0;

  /** The time, action, value and tag of the event `pop` took last. */
  poppedTime = 0;
  poppedAction: EventHandler<unknown> = () => undefined;
  poppedValue: unknown = undefined;
  poppedTag = 0;

  /** The number of pending events. */
  get size(): number {
    return this.count;
  }

  /** Schedules `action` at virtual time `time` (milliseconds). */
  push(time: number, priority: number, action: EventAction): void {
    this.pushWith(time, priority, action, undefined, 0);
  }

  /** Schedules `action(value, tag)` at virtual time `time` (milliseconds). */
  pushWith<T>(time: number, priority: number, action: EventHandler<T>, value: T, tag: number): void {
    const slot = this.freeSlots.pop() ?? this.newSlot();
    const order = priority * PRIORITY_SCALE + this.nextSequence++;
    this.times[slot] = time;
    this.orders[slot] = order;
    this.tags[slot] = tag;
    this.actions[slot] = action as EventHandler<unknown>;
    this.values[slot] = value;
    if (this.count === this.heap.length) this.heap = grow(this.heap, new Int32Array(this.count * 2));
    const heap = this.heap;
    const times = this.times;
    const orders = this.orders;
    let i = this.count++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as number;
      const aboveTime = times[above] as number;
      if (aboveTime < time || (aboveTime === time && (orders[above] as number) < order)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = slot;
  }

  private newSlot(): number {
    const slot = this.slotsUsed++;
    if (slot === this.times.length) {
      const size = slot * 2;
      this.times = grow(this.times, new Float64Array(size));
      this.orders = grow(this.orders, new Float64Array(size));
      this.tags = grow(this.tags, new Float64Array(size));
    }
    return slot;
  }

  /** The time of the earliest event, or undefined when none is pending. */
  peekTime(): number | undefined {
    return this.count === 0 ? undefined : this.times[this.heap[0] as number];
  }

  /**
   * Removes the earliest event and puts it in `poppedTime`, `poppedAction`, `poppedValue` and
   * `poppedTag`; false when none is pending.
   */
  pop(): boolean {
    if (this.count === 0) return false;
    const heap = this.heap;
    const times = this.times;
    const orders = this.orders;
    const top = heap[0] as number;
    this.poppedTime = times[top] as number;
    this.poppedAction = this.actions[top] as EventHandler<unknown>;
    this.poppedValue = this.values[top];
    this.poppedTag = this.tags[top] as number;
    // Forget the references, so that a finished pod or Job is not kept alive by its old slot.
    this.actions[top] = null;
    this.values[top] = undefined;
    this.freeSlots.push(top);
    const n = --this.count;
    if (n > 0) {
      const last = heap[n] as number;
      const lastTime = times[last] as number;
      const lastOrder = orders[last] as number;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        let childTime = times[heap[left] as number] as number;
        if (right < n) {
          const rightTime = times[heap[right] as number] as number;
          if (
            rightTime < childTime ||
            (rightTime === childTime &&
              (orders[heap[right] as number] as number) < (orders[heap[left] as number] as number))
          ) {
            child = right;
            childTime = rightTime;
          }
        }
        const smaller = heap[child] as number;
        if (lastTime < childTime || (lastTime === childTime && lastOrder < (orders[smaller] as number)))
          break;
        heap[i] = smaller;
        i = child;
      }
      heap[i] = last;
    }
    return true;
  }
}

/** Copies `from` into the larger `to`. */
function grow<T extends Int32Array | Float64Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
