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

/** A pending event; `action(value, tag)` carries it out. */
export interface QueuedEvent {
  readonly time: number;
  readonly priority: number;
  readonly sequence: number;
  readonly action: EventHandler<unknown>;
  readonly value: unknown;
  readonly tag: number;
}

function before(a: QueuedEvent, b: QueuedEvent): boolean {
  if (a.time !== b.time) return a.time < b.time;
  if (a.priority !== b.priority) return a.priority < b.priority;
  return a.sequence < b.sequence;
}

/** A min-heap of events; `pop` returns the earliest by (time, priority, sequence). */
export class EventQueue {
  private readonly heap: QueuedEvent[] = [];
  private nextSequence = 0;

  /** The number of pending events. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules `action` at virtual time `time` (milliseconds). */
  push(time: number, priority: number, action: EventAction): void {
    this.pushWith(time, priority, action, undefined, 0);
  }

  /** Schedules `action(value, tag)` at virtual time `time` (milliseconds). */
  pushWith<T>(time: number, priority: number, action: EventHandler<T>, value: T, tag: number): void {
    const event: QueuedEvent = {
      time,
      priority,
      sequence: this.nextSequence++,
      action: action as EventHandler<unknown>,
      value,
      tag,
    };
    const heap = this.heap;
    let i = heap.length;
    heap.push(event);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as QueuedEvent;
      if (!before(event, above)) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = event;
  }

  /** The time of the earliest event, or undefined when none is pending. */
  peekTime(): number | undefined {
    return this.heap[0]?.time;
  }

  /** Removes and returns the earliest event. */
  pop(): QueuedEvent | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined) return undefined;
    const last = heap.pop() as QueuedEvent;
    if (heap.length > 0) {
      let i = 0;
      const n = heap.length;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        if (right < n && before(heap[right] as QueuedEvent, heap[left] as QueuedEvent)) child = right;
        const smaller = heap[child] as QueuedEvent;
        if (!before(smaller, last)) break;
        heap[i] = smaller;
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}
