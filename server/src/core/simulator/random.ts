/**
 * Seeded random numbers for the simulator: xoshiro128** streams seeded through splitmix32. Each
 * purpose (pod names, run times, exit codes...) has its own stream derived from the seed and the
 * stream's name, so adding a draw in one place never shifts the numbers drawn in another.
 */

import type { Distribution } from './scenarioTypes';

/** One independent stream of pseudo-random numbers. */
export interface RandomStream {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, bound). */
  nextInt(bound: number): number;
}

/** The alphabet Kubernetes' `utilrand.String` draws generated name suffixes from. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over the UTF-16 code units of `text`, to turn a stream name into a number. */
function hashName(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

class Xoshiro128 implements RandomStream {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number, name: string) {
    // The seed may be any safe integer; both of its 32-bit halves and the name feed the state.
    const low = seed >>> 0;
    const high = Math.floor(seed / 0x100000000) >>> 0;
    const state = { s: (low ^ Math.imul(hashName(name), 0x9e3779b1) ^ Math.imul(high, 0x85ebca77)) | 0 };
    this.a = splitmix32(state);
    this.b = splitmix32(state);
    this.c = splitmix32(state);
    this.d = splitmix32(state);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  nextInt(bound: number): number {
    return Math.floor(this.next() * bound);
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** A family of named streams for one simulation run. */
export class RandomStreams {
  private readonly streams = new Map<string, RandomStream>();

  constructor(private readonly seed: number) {}

  /** The stream for `purpose`, created on first use. */
  stream(purpose: string): RandomStream {
    let stream = this.streams.get(purpose);
    if (!stream) {
      stream = new Xoshiro128(this.seed, purpose);
      this.streams.set(purpose, stream);
    }
    return stream;
  }
}

/**
 * The five-character suffix of a generated name drawn as a number (base 27, first character
 * most significant), for cheap comparisons; `suffixFromCode` spells it. Draws exactly what
 * `nameSuffix(stream, 5)` draws.
 */
export function nameSuffixCode(stream: RandomStream): number {
  const radix = NAME_SUFFIX_ALPHABET.length;
  let code = 0;
  for (let i = 0; i < 5; i++) code = code * radix + stream.nextInt(radix);
  return code;
}

/** The five characters of a suffix drawn by `nameSuffixCode`. */
export function suffixFromCode(code: number): string {
  const radix = NAME_SUFFIX_ALPHABET.length;
  let suffix = '';
  for (let i = 0; i < 5; i++) {
    suffix = (NAME_SUFFIX_ALPHABET[code % radix] ?? '') + suffix;
    code = Math.floor(code / radix);
  }
  return suffix;
}

/** A generated-name suffix of `length` characters, as the API server appends to `generateName`. */
export function nameSuffix(stream: RandomStream, length: number): string {
  let suffix = '';
  for (let i = 0; i < length; i++)
    suffix += NAME_SUFFIX_ALPHABET[stream.nextInt(NAME_SUFFIX_ALPHABET.length)];
  return suffix;
}

/** Draws a duration in whole milliseconds from `distribution` using `stream`. */
export function drawDuration(distribution: Distribution, stream: RandomStream): number {
  switch (distribution.kind) {
    case 'fixed':
      return distribution.ms;
    case 'uniform':
      return Math.round(distribution.minMs + stream.next() * (distribution.maxMs - distribution.minMs));
    case 'normal': {
      // Box-Muller with two draws; 1 - u keeps the logarithm finite.
      const u = 1 - stream.next();
      const v = stream.next();
      const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
      const value = Math.round(distribution.meanMs + z * distribution.stddevMs);
      return Math.max(distribution.minMs, Math.min(distribution.maxMs, Math.max(0, value)));
    }
    case 'exponential': {
      const value = Math.round(-distribution.meanMs * Math.log(1 - stream.next()));
      return Math.max(distribution.minMs, Math.min(distribution.maxMs, value));
    }
  }
}
