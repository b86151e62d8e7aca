/**
 * The names of the pods that exist, for the API server's check that a generated name is free. A
 * name is a prefix plus a five-character suffix drawn as a number (`nameSuffixCode`). Pods come
 * and go one at a time by the hundred thousand, so the table is an open-addressing hash table
 * over the suffix code with linear probing: a `Map` would allocate a new backing table each time
 * it emptied or filled up with deleted entries.
 */

/** A set of (prefix, suffix code) pairs. */
export class PodNameTable {
  /** The suffix code in each slot, -1 for an empty slot. */
  private codes = new Int32Array(16).fill(-1);
  private prefixes: (string | null)[] = new Array<string | null>(16).fill(null);
  private count = 0;

  /** Whether the pair is in the table. */
  has(prefix: string, code: number): boolean {
    const codes = this.codes;
    const mask = codes.length - 1;
    for (let i = code & mask; codes[i] !== -1; i = (i + 1) & mask) {
      if (codes[i] === code && this.prefixes[i] === prefix) return true;
    }
    return false;
  }

  /** Adds a pair that is not in the table. */
  add(prefix: string, code: number): void {
    if ((this.count + 1) * 2 > this.codes.length) this.resize(this.codes.length * 2);
    const codes = this.codes;
    const mask = codes.length - 1;
    let i = code & mask;
    while (codes[i] !== -1) i = (i + 1) & mask;
    codes[i] = code;
    this.prefixes[i] = prefix;
    this.count++;
  }

  /** Removes the pair if it is there. */
  delete(prefix: string, code: number): void {
    const codes = this.codes;
    const prefixes = this.prefixes;
    const mask = codes.length - 1;
    let i = code & mask;
    for (; codes[i] !== -1; i = (i + 1) & mask) {
      if (codes[i] === code && prefixes[i] === prefix) break;
    }
    if (codes[i] === -1) return;
    // Backward-shift deletion: move up every later entry of the run that may not stay behind
    // the hole, so lookups never need tombstones.
    for (let j = (i + 1) & mask; codes[j] !== -1; j = (j + 1) & mask) {
      const home = (codes[j] as number) & mask;
      const stays = i <= j ? i < home && home <= j : i < home || home <= j;
      if (stays) continue;
      codes[i] = codes[j] as number;
      prefixes[i] = prefixes[j] ?? null;
      i = j;
    }
    codes[i] = -1;
    prefixes[i] = null;
    this.count--;
  }

  private resize(size: number): void {
    const codes = this.codes;
    const prefixes = this.prefixes;
    this.codes = new Int32Array(size).fill(-1);
    this.prefixes = new Array<string | null>(size).fill(null);
    this.count = 0;
    for (let i = 0; i < codes.length; i++) {
      const prefix = prefixes[i];
      if (codes[i] !== -1 && prefix !== null && prefix !== undefined) this.add(prefix, codes[i] as number);
    }
  }
}
