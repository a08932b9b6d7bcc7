/**
 * Counter-based random streams. A stream is keyed by (seed, path, substream): its state is a hash of the key,
 * so path 12345 of seed 7 can be replayed alone and an ensemble gives bit-identical numbers however it is cut
 * into chunks or spread over workers. Inside a stream, numbers come from xoshiro128** (Blackman & Vigna),
 * a 32-bit generator that passes BigCrush, and normals from the 128-layer ziggurat.
 */
import { InvalidArgumentError } from '../errors.js';
import { integerInRange, seedValue } from '../validate.js';
import { TWO_POW_32, xoshiroNext, xoshiroUniform } from './xoshiro.js';
import { KW, zigguratNormal, zigguratSlowPath } from './ziggurat.js';

/** Murmur3's 32-bit finalizer: a bijection whose every output bit depends on every input bit. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One stream of uniforms and normals; create with `randomStream(seed, path)`. */
export class RandomStream {
  /**
   * The four state words in an Int32Array: stores into typed-array elements stay untagged 32-bit integers, where
   * stores of values beyond the small-integer range into object fields would allocate a heap number each draw.
   */
  private readonly s: Int32Array;

  /**
   * A stream that reads and advances the four words of `state` in place; `randomStream` is the usual way to make
   * one (many streams' states side by side are a StreamTable). The words are used as they are: seed them with
   * seedStreamState (all zeros is xoshiro's fixed point).
   */
  constructor(state: Int32Array) {
    if (!(state instanceof Int32Array) || state.length !== 4)
      throw new InvalidArgumentError(
        'state',
        state,
        'an Int32Array of 4 words (a xoshiro128** state)',
        'Make a stream with randomStream(seed, path, substream).',
      );
    this.s = state;
  }

  /** Next output as a signed 32-bit integer. */
  nextInt32(): number {
    return xoshiroNext(this.s, 0);
  }

  /** Uniform on the open interval (0, 1), with 32 random bits. */
  nextUniform(): number {
    return xoshiroUniform(this.s, 0);
  }

  /** Uniform on (0, 1) with 53 random bits, for uses that need fine resolution near 0. */
  nextUniform53(): number {
    const hi = this.nextInt32() >>> 5;
    const lo = this.nextInt32() >>> 6;
    return (hi * 67108864 + lo + 0.5) / 9007199254740992;
  }

  /** Standard normal by the ziggurat. */
  nextNormal(): number {
    return zigguratNormal(this.s, 0);
  }

  /**
   * Fills `out[offset .. offset+count)` with independent N(0, scale²) draws: the same numbers, in order, as
   * `count` calls of nextNormal() times scale. The generator state lives in locals during the loop (V8 keeps
   * them in registers), and the inner loop holds only the ziggurat's fast branch: a draw outside its layer's
   * rectangle (about 1.2%) leaves the loop, goes through the slow path and re-enters. With the call inside the
   * loop V8 spills the state around it on every iteration, which costs about a third of the draw.
   */
  fillNormal(out: Float64Array, scale = 1, offset = 0, count = out.length - offset): void {
    const state = this.s;
    const kw = KW;
    let s0 = state[0];
    let s1 = state[1];
    let s2 = state[2];
    let s3 = state[3];
    const end = offset + count;
    let i = offset;
    for (;;) {
      let hz = 0;
      for (; i < end; i++) {
        const m = Math.imul(s1, 5);
        hz = Math.imul((m << 7) | (m >>> 25), 9);
        const t = s1 << 9;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = (s3 << 11) | (s3 >>> 21);
        const layer = (hz & 127) << 1;
        if (!(Math.abs(hz) < kw[layer])) break;
        out[i] = scale * (hz * kw[layer + 1]);
      }
      if (i >= end) break;
      state[0] = s0;
      state[1] = s1;
      state[2] = s2;
      state[3] = s3;
      out[i++] = scale * zigguratSlowPath(state, 0, hz);
      s0 = state[0];
      s1 = state[1];
      s2 = state[2];
      s3 = state[3];
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
  }
}

/** Distinct odd constants (digits of pi) that make the four state words four different hashes of the key. */
const KEY_CONSTANTS = [
  0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, 0xa4093822, 0x299f31d0, 0x082efa98, 0xec4e6c89,
];

/**
 * Writes the initial state of the stream (seed, path, substream) into `state[at .. at + 4)`. `path` is any integer
 * in [0, 2^53); `substream` separates independent uses inside one path (the Brownian increments and, say, the
 * initial condition). Each of the four 32-bit state words is a separate hash of the whole key, so two keys share
 * a stream only with probability about 2^-128.
 */
export function seedStreamState(state: Int32Array, at: number, seed: number, path = 0, substream = 0): void {
  seedValue('seed', seed);
  integerInRange('path', path, 0);
  integerInRange('substream', substream, 0, 0xffffffff);
  const pathLo = path >>> 0;
  const pathHi = Math.floor(path / TWO_POW_32) >>> 0;
  let any = 0;
  for (let i = 0; i < 4; i++) {
    let h = mix32(seed ^ KEY_CONSTANTS[i]);
    h = mix32(h ^ pathLo);
    h = mix32((h + pathHi) ^ KEY_CONSTANTS[i + 4]);
    state[at + i] = mix32(h ^ substream);
    any |= state[at + i];
  }
  // xoshiro's one forbidden state.
  if (any === 0) state[at] = 1;
}

/** The stream for (seed, path, substream); see seedStreamState for the key. */
export function randomStream(seed: number, path = 0, substream = 0): RandomStream {
  const state = new Int32Array(4);
  seedStreamState(state, 0, seed, path, substream);
  return new RandomStream(state);
}
