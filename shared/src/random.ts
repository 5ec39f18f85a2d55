// Seeded pseudo-random numbers (sfc32): the only source of randomness the engine, bots and
// property tests may use, so that every run can be replayed from its seed.

/** The generator's whole state: four unsigned 32-bit words. Plain data, so it can be logged. */
export type RandomState = readonly [number, number, number, number];

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, maxExclusive). */
  int(maxExclusive: number): number;
  /** An integer in [min, max], both included. */
  between(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent generator derived from this one, e.g. one per bot. */
  fork(): Random;
  /** The current state, to persist and resume with `randomFromState`. */
  state(): RandomState;
};

/** One step of sfc32: returns the output word and the next state. Pure. */
export function sfc32Step(state: RandomState): [number, RandomState] {
  let [a, b, c, d] = state;
  const t = (((a + b) | 0) + d) | 0;
  d = (d + 1) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  c = (c + t) | 0;
  return [t >>> 0, [a >>> 0, b >>> 0, c >>> 0, d >>> 0]];
}

/** Hashes a seed (number or string) into a well-mixed initial state (cyrb128). */
export function seedState(seed: number | string): RandomState {
  const text = typeof seed === "number" ? `n:${seed}` : `s:${seed}`;
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  let state: RandomState = [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
  // sfc32 needs a few rounds to mix a fresh state.
  for (let i = 0; i < 15; i++) state = sfc32Step(state)[1];
  return state;
}

export function createRandom(seed: number | string): Random {
  return randomFromState(seedState(seed));
}

export function randomFromState(initial: RandomState): Random {
  let state = initial;
  const word = (): number => {
    const [out, nextState] = sfc32Step(state);
    state = nextState;
    return out;
  };
  const next = (): number => word() / 4294967296;
  const int = (maxExclusive: number): number => {
    if (!Number.isInteger(maxExclusive) || maxExclusive <= 0) {
      throw new RangeError(`int() needs a positive integer bound, got ${maxExclusive}`);
    }
    return Math.floor(next() * maxExclusive);
  };
  const random: Random = {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError("pick() needs a non-empty array");
      return items[int(items.length)] as (typeof items)[number];
    },
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [copy[i], copy[j]] = [copy[j] as (typeof copy)[number], copy[i] as (typeof copy)[number]];
      }
      return copy;
    },
    fork: () => randomFromState(seedState(`fork:${word()}:${word()}:${word()}:${word()}`)),
    state: () => state,
  };
  return random;
}
