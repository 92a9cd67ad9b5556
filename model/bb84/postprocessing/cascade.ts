/**
 * Cascade error correction (Brassard, Salvail, EUROCRYPT '93): Bob corrects his sifted key
 * towards Alice's through public parity comparisons; every parity Alice discloses is counted.
 * @module
 */
import { withRng, type Rng } from "../../random.js";
import { assertBits } from "./bits.js";

/** Constant of the first block size, `k_1 = ceil(0.73 / QBER)` (Brassard-Salvail). */
export const CASCADE_FIRST_BLOCK_FACTOR = 0.73;
/** Number of passes of the original protocol. */
export const CASCADE_PASSES = 4;

/** Settings of one Cascade run. */
export interface CascadeOptions {
  /** The QBER estimate from parameter estimation, in [0, 0.5); sets the block size. */
  readonly qber: number;
  /** Randomness for the pass permutations (publicly agreed). */
  readonly rng: Rng;
  /** Number of passes (default 4). Pass 1 uses blocks of k_1, each later pass doubles it. */
  readonly passes?: number;
  /** Whether a correction re-opens the blocks of earlier passes (the "cascade"); default true. */
  readonly backtrack?: boolean;
}

/** The result of Cascade. */
export interface CascadeResult {
  /** Bob's key after correction (a new array). */
  readonly corrected: Uint8Array;
  /** Parity bits Alice disclosed (block parities plus BINARY steps). */
  readonly leakedBits: number;
  /** Bits Bob flipped. */
  readonly corrections: number;
  readonly blockSizes: readonly number[];
  readonly rng: Rng;
}

interface Pass {
  readonly order: Int32Array; // order[t] = key position at slot t
  readonly slot: Int32Array; // slot[position] = t
  readonly size: number;
  readonly aliceParity: Uint8Array;
  readonly bobParity: Uint8Array;
  readonly pending: number[];
}

/**
 * Run Cascade: in pass i, positions are shuffled (identity in pass 1), cut into blocks of
 * `k_i = k_1 2^(i-1)`, `k_1 = ceil(0.73 / QBER)`; Alice discloses each block parity; a block whose
 * parities differ is bisected by BINARY (one disclosed parity per halving) to one error, which
 * Bob flips; the flip changes the parity of the blocks holding that bit in every earlier pass,
 * which are then corrected in turn, smallest blocks first (the cascade). Leakage counts every
 * parity Alice sends. Reference: Brassard, Salvail, LNCS 765, 410 (1994); Martinez-Mateo et al.,
 * QIC 15, 453 (2015).
 */
export function cascade(alice: Uint8Array, bob: Uint8Array, options: CascadeOptions): CascadeResult {
  const n = alice.length;
  if (bob.length !== n) throw new RangeError(`cascade: key lengths ${n} vs ${bob.length}`);
  assertBits(alice, "cascade alice");
  assertBits(bob, "cascade bob");
  if (!(options.qber >= 0 && options.qber < 0.5)) throw new RangeError(`cascade: qber must be in [0, 0.5), got ${options.qber}`);
  const passCount = options.passes ?? CASCADE_PASSES;
  if (!(Number.isInteger(passCount) && passCount >= 1)) throw new RangeError(`cascade: passes must be an integer >= 1, got ${passCount}`);
  const backtrack = options.backtrack ?? true;
  const b = bob.slice();
  if (n === 0) return { corrected: b, leakedBits: 0, corrections: 0, blockSizes: [], rng: options.rng };

  const k1 = options.qber > 0 ? Math.max(2, Math.ceil(CASCADE_FIRST_BLOCK_FACTOR / options.qber)) : n;
  const blockSizes = Array.from({ length: passCount }, (_, i) => Math.min(n, k1 * 2 ** i));
  const [orders, rng] = withRng(options.rng, (r) =>
    blockSizes.map((_, i) => {
      const order = new Int32Array(n);
      for (let t = 0; t < n; t++) order[t] = t;
      if (i > 0) {
        for (let t = n - 1; t > 0; t--) {
          const u = r.int(0, t);
          const tmp = order[t];
          order[t] = order[u];
          order[u] = tmp;
        }
      }
      return order;
    }),
  );

  let leaked = 0;
  let corrections = 0;
  const passes: Pass[] = [];

  const parity = (bits: Uint8Array, order: Int32Array, from: number, to: number) => {
    let p = 0;
    for (let t = from; t < to; t++) p ^= bits[order[t]];
    return p;
  };
  const flip = (position: number) => {
    b[position] ^= 1;
    corrections++;
    for (const pass of passes) {
      const block = Math.floor(pass.slot[position] / pass.size);
      pass.bobParity[block] ^= 1;
      if (backtrack && pass.bobParity[block] !== pass.aliceParity[block]) pass.pending.push(block);
    }
  };
  const binary = (pass: Pass, block: number) => {
    let lo = block * pass.size;
    let hi = Math.min(n, lo + pass.size);
    while (hi - lo > 1) {
      const mid = lo + ((hi - lo) >> 1);
      leaked++; // Alice's parity of the first half
      if (parity(alice, pass.order, lo, mid) !== parity(b, pass.order, lo, mid)) hi = mid;
      else lo = mid;
    }
    flip(pass.order[lo]);
  };
  const drain = () => {
    for (;;) {
      const pass = passes.find((p) => p.pending.length > 0);
      if (!pass) return;
      const block = pass.pending.pop()!;
      if (pass.aliceParity[block] !== pass.bobParity[block]) binary(pass, block);
    }
  };

  blockSizes.forEach((size, i) => {
    const order = orders[i];
    const slot = new Int32Array(n);
    for (let t = 0; t < n; t++) slot[order[t]] = t;
    const blocks = Math.ceil(n / size);
    const aliceParity = new Uint8Array(blocks);
    const bobParity = new Uint8Array(blocks);
    for (let k = 0; k < blocks; k++) {
      aliceParity[k] = parity(alice, order, k * size, Math.min(n, (k + 1) * size));
      bobParity[k] = parity(b, order, k * size, Math.min(n, (k + 1) * size));
    }
    leaked += blocks;
    const pass: Pass = { order, slot, size, aliceParity, bobParity, pending: [] };
    passes.push(pass);
    for (let k = 0; k < blocks; k++) {
      if (pass.aliceParity[k] !== pass.bobParity[k]) {
        binary(pass, k);
        drain();
      }
    }
  });
  return { corrected: b, leakedBits: leaked, corrections, blockSizes, rng };
}
