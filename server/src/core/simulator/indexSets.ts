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
