/**
 * Small data structures for completion indexes: a min-heap of numbers (the lowest pending index
 * first) and a set of intervals that prints as Kubernetes writes `completedIndexes`; and a
 * helper for the short lists the controllers keep.
 */

/**
 * Removes the first occurrence of `item` from `list`, keeping the order, without the array that
 * `splice` allocates; true when it was there.
 */
export function removeFirst<T>(list: T[], item: T): boolean {
  const at = list.indexOf(item);
  if (at === -1) return false;
  for (let i = at + 1; i < list.length; i++) list[i - 1] = list[i] as T;
  list.pop();
  return true;
}

/** A binary min-heap of numbers. */
export class NumberHeap {
  private readonly items: number[] = [];

  /** The number of entries (duplicates included). */
  get size(): number {
    return this.items.length;
  }

  /** The smallest entry, or undefined. */
  peek(): number | undefined {
    return this.items[0];
  }

  /** Adds a number. */
  push(value: number): void {
    const items = this.items;
    let i = items.length;
    items.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = items[parent] as number;
      if (above <= value) break;
      items[i] = above;
      i = parent;
    }
    items[i] = value;
  }

  /** Removes and returns the smallest number. */
  pop(): number | undefined {
    const items = this.items;
    const top = items[0];
    if (top === undefined) return undefined;
    const last = items.pop() as number;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        let child = left;
        if (right < n && (items[right] as number) < (items[left] as number)) child = right;
        const smaller = items[child] as number;
        if (smaller >= last) break;
        items[i] = smaller;
        i = child;
      }
      items[i] = last;
    }
    return top;
  }
}

/** A set of non-negative integers kept as sorted, disjoint, non-adjacent intervals. */
export class IntervalSet {
  private readonly intervals: [number, number][] = [];
  private count = 0;

  /** How many numbers the set holds. */
  get size(): number {
    return this.count;
  }

  /** Adds `value`; false when it was already present. */
  add(value: number): boolean {
    const list = this.intervals;
    // Find the first interval whose end is >= value - 1.
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((list[mid] as [number, number])[1] < value - 1) low = mid + 1;
      else high = mid;
    }
    const at = list[low];
    if (at && at[0] <= value && value <= at[1]) return false;
    this.count++;
    if (at && at[1] === value - 1) {
      at[1] = value;
      const next = list[low + 1];
      if (next && next[0] === value + 1) {
        at[1] = next[1];
        list.splice(low + 1, 1);
      }
    } else if (at && at[0] === value + 1) {
      at[0] = value;
    } else {
      list.splice(low, 0, [value, value]);
    }
    return true;
  }

  /** Whether `value` is in the set. */
  has(value: number): boolean {
    let low = 0;
    let high = this.intervals.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      const [start, end] = this.intervals[mid] as [number, number];
      if (value < start) high = mid - 1;
      else if (value > end) low = mid + 1;
      else return true;
    }
    return false;
  }

  /** Kubernetes' interval format: `1,3-5,7`; two consecutive numbers are written `3,4`. */
  toString(): string {
    return this.intervals
      .map(([start, end]) =>
        start === end ? `${start}` : end === start + 1 ? `${start},${end}` : `${start}-${end}`,
      )
      .join(',');
  }
}

/** Whether `value` lies in one of the inclusive ranges. */
export function inRanges(ranges: readonly (readonly [number, number])[], value: number): boolean {
  for (const [low, high] of ranges) if (value >= low && value <= high) return true;
  return false;
}

/**
 * A list in insertion order whose items leave mostly from the front, as a CronJob's Jobs do
 * (the oldest finishes first): removing the first item costs O(1) instead of shifting the rest,
 * any other item is removed as from an array. Iteration, `at` and `length` see the list as an
 * array of the items still in it, in order.
 */
export class FrontQueue<T> implements Iterable<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  /** The item at `index` (0 is the first), or undefined. */
  at(index: number): T | undefined {
    return index < 0 || index >= this.length ? undefined : this.items[this.head + index];
  }

  push(item: T): void {
    this.items.push(item);
  }

  /** Removes `item` (its first occurrence); false when it is not there. */
  remove(item: T): boolean {
    if (this.length > 0 && this.items[this.head] === item) {
      this.head++;
      // Let the dropped prefix go once it is most of the array.
      if (this.head > 1024 && this.head * 2 > this.items.length) {
        this.items = this.items.slice(this.head);
        this.head = 0;
      }
      return true;
    }
    const at = this.items.indexOf(item, this.head);
    if (at === -1) return false;
    this.items.splice(at, 1);
    return true;
  }

  indexOf(item: T): number {
    const at = this.items.indexOf(item, this.head);
    return at === -1 ? -1 : at - this.head;
  }

  every(predicate: (item: T) => boolean): boolean {
    for (let i = this.head; i < this.items.length; i++) if (!predicate(this.items[i] as T)) return false;
    return true;
  }

  map<U>(mapper: (item: T) => U): U[] {
    const result: U[] = [];
    for (let i = this.head; i < this.items.length; i++) result.push(mapper(this.items[i] as T));
    return result;
  }

  toArray(): T[] {
    return this.items.slice(this.head);
  }

  *[Symbol.iterator](): Iterator<T> {
    for (let i = this.head; i < this.items.length; i++) yield this.items[i] as T;
  }
}
