/**
 * AssemblyScript source of the Toeplitz hash on words behind `toeplitzWords.ts` (see there and
 * `../toeplitz.ts` for the definition): `y_i = XOR_k s[i + k] x[n - 1 - k]`, by columns. The
 * seed is packed into 32-bit words once per bit offset r (table r holds the seed's bits from r
 * on), so each set input bit k costs ceil(l / 32) word XORs of table `k & 31` from word `k >> 5`,
 * done here four words (one v128) at a time.
 *
 * Why WebAssembly: the same XOR loop in JavaScript ran about 39 instructions per word (perf stat,
 * V8 11.3, `y[m] ^= t[first + m]` on Int32Arrays) and this one a few per four words; 244 hashes
 * of 11,000 bits to 4,000 (the sizes of the end-to-end quantum sessions of `verify`): 650-800 ms
 * of CPU in JavaScript, 84 ms here (2026-11-28, load ~6).
 *
 * Regenerate `toeplitzWasm.ts` after editing: `npm run build:wasm` (test/bb84/postprocessing/
 * toeplitz-wasm.test.ts fails otherwise). XOR is exact: the output is the same bits on every engine.
 * All state is in this instance's linear memory, laid out by `layout(n, l)`; JavaScript copies the
 * seed and the input in and the hash out.
 */

// Byte offsets (set by `layout`): the seed's n + l - 1 bits and the input's n bits, one byte each
// (0 or 1); the l output bits, one byte each; the 32 tables of W words each; the output words.
let SEED: usize = 0, INPUT: usize = 0, OUT: usize = 0, TABLES: usize = 0, Y: usize = 0;
let W: i32 = 0;

function align16(p: usize): usize {
  return (p + 15) & ~(<usize>15);
}

/** Pages the last `layout` needed when it returned 0 (see `layout`). */
let NEEDED: i32 = 0;

/**
 * Pages of memory the last `layout` needed, when it returned 0: the memory is imported and never
 * grows (growing detaches the JavaScript view of it, which makes V8 check every typed-array
 * access in the process from then on; model/kernel/wasm/module.ts), so JavaScript instantiates
 * the module again with this many pages.
 */
export function neededPages(): i32 {
  return NEEDED;
}

/**
 * Lays out the buffers for an n-bit input hashed to l bits. Returns the byte offset of the seed
 * (the input follows at `inputAt`), or 0 if the memory is too small (then `neededPages` says how
 * large it must be).
 */
export function layout(n: i32, l: i32): usize {
  const seedBits = <usize>n + <usize>l - 1;
  W = <i32>((seedBits + 31) >>> 5) + 1; // one word of zero padding past the end
  let p: usize = align16(__heap_base);
  SEED = p; p += seedBits;
  INPUT = p; p += <usize>n;
  OUT = p; p = align16(p + <usize>l);
  TABLES = p; p += (<usize>W << 2) * 32;
  Y = align16(p); p = Y + (((<usize>l + 31) >>> 5) << 2) + 16;
  const pages = <i32>((p + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have) {
    NEEDED = pages;
    return 0;
  }
  return SEED;
}

export function inputAt(): usize {
  return INPUT;
}

export function outputAt(): usize {
  return OUT;
}

/** y ^= t on `count` words, a v128 (four words) at a time. */
function xorWords(y: usize, t: usize, count: i32): void {
  let m: i32 = 0;
  for (; m + 4 <= count; m += 4) {
    const o = <usize>m << 2;
    v128.store(y + o, v128.xor(v128.load(y + o), v128.load(t + o)));
  }
  for (; m < count; m++) {
    const o = <usize>m << 2;
    store<i32>(y + o, load<i32>(y + o) ^ load<i32>(t + o));
  }
}

/** The hash of the n input bits to l bits with the seed written by the caller (after `layout(n, l)`). */
export function hash(n: i32, l: i32): void {
  const seedBits = n + l - 1;
  const words = (l + 31) >>> 5;
  // table 0: the seed packed (bit b of the seed is bit b & 31 of word b >> 5)
  memory.fill(TABLES, 0, <usize>W << 2);
  for (let b: i32 = 0; b < seedBits; b++) {
    if (load<u8>(SEED + <usize>b) != 0) {
      const at = TABLES + (<usize>(b >>> 5) << 2);
      store<i32>(at, load<i32>(at) | (1 << (b & 31)));
    }
  }
  // table r: the seed's bits from r on (the last word is the zero padding)
  const tables = n < 32 ? n : 32;
  for (let r: i32 = 1; r < tables; r++) {
    const t = TABLES + ((<usize>r * <usize>W) << 2);
    for (let w: i32 = 0; w + 1 < W; w++) {
      const at = TABLES + (<usize>w << 2);
      store<i32>(t + (<usize>w << 2), (load<i32>(at) >>> r) | (load<i32>(at + 4) << (32 - r)));
    }
    store<i32>(t + (<usize>(W - 1) << 2), 0);
  }
  memory.fill(Y, 0, <usize>words << 2);
  for (let k: i32 = 0; k < n; k++) {
    if (load<u8>(INPUT + <usize>(n - 1 - k)) == 0) continue;
    xorWords(Y, TABLES + ((<usize>(k & 31) * <usize>W + <usize>(k >>> 5)) << 2), words);
  }
  for (let i: i32 = 0; i < l; i++) store<u8>(OUT + <usize>i, <u8>((load<i32>(Y + (<usize>(i >>> 5) << 2)) >>> (i & 31)) & 1));
}
