/**
 * The xoshiro128** step (Blackman & Vigna), a 32-bit generator that passes BigCrush, on a state of four Int32
 * words kept inside a larger table, so that many streams' states can sit side by side (see StreamTable).
 */

/** 2^32: the number of values of a 32-bit word. */
export const TWO_POW_32 = 4294967296;

/**
 * One step of xoshiro128** on the state in `state[at .. at + 4)`: advances it in place and returns the output as
 * a signed 32-bit integer. Small enough for V8 to inline into a loop over many streams' states in one table.
 * The rotations are written out: a call to a module-level function from an inlined body is guarded by a check
 * that the binding still holds that function, and inside a loop that stores to typed arrays V8 repeats the
 * check on every iteration.
 */
export function xoshiroNext(state: Int32Array, at: number): number {
  const s0 = state[at];
  const s1 = state[at + 1];
  const s2 = state[at + 2] ^ s0;
  const s3 = state[at + 3] ^ s1;
  state[at] = s0 ^ s3;
  state[at + 1] = s1 ^ s2;
  state[at + 2] = s2 ^ (s1 << 9);
  state[at + 3] = (s3 << 11) | (s3 >>> 21);
  const m = Math.imul(s1, 5);
  return Math.imul((m << 7) | (m >>> 25), 9);
}

/** Uniform on the open interval (0, 1) from the next 32 bits of the state at `state[at .. at + 4)`. */
export function xoshiroUniform(state: Int32Array, at: number): number {
  return ((xoshiroNext(state, at) >>> 0) + 0.5) / TWO_POW_32;
}
