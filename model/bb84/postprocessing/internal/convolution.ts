/**
 * Parity of a linear convolution of two 0/1 sequences, by a radix-2 floating-point FFT.
 * Exact: every convolution value is an integer <= min(len) < 2^31, far inside double precision;
 * a guard throws if a value is not within 0.25 of an integer.
 * @internal
 */

function fft(re: Float64Array, im: Float64Array, inverse: boolean): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const cos = new Float64Array(n >> 1);
  const sin = new Float64Array(n >> 1);
  for (let k = 0; k < n >> 1; k++) {
    cos[k] = Math.cos((2 * Math.PI * k) / n);
    sin[k] = (inverse ? 1 : -1) * Math.sin((2 * Math.PI * k) / n);
  }
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const stride = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const a = i + k;
        const b = a + half;
        const wr = cos[k * stride];
        const wi = sin[k * stride];
        const xr = re[b] * wr - im[b] * wi;
        const xi = re[b] * wi + im[b] * wr;
        re[b] = re[a] - xr;
        im[b] = im[a] - xi;
        re[a] += xr;
        im[a] += xi;
      }
    }
  }
}

/** `c[m] = (sum_j a[m - j] b[j]) mod 2` for m in [0, len(a) + len(b) - 1). */
export function convolutionParity(a: Uint8Array, b: Uint8Array): Uint8Array {
  const outLength = a.length + b.length - 1;
  let size = 1;
  while (size < outLength) size <<= 1;
  // one complex FFT for both real inputs: z = a + i b
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < a.length; i++) re[i] = a[i];
  for (let i = 0; i < b.length; i++) im[i] = b[i];
  fft(re, im, false);
  const pr = new Float64Array(size);
  const pi = new Float64Array(size);
  for (let k = 0; k < size; k++) {
    const kk = (size - k) & (size - 1);
    // A_k = (Z_k + conj Z_{-k}) / 2, B_k = (Z_k - conj Z_{-k}) / (2i)
    const ar = (re[k] + re[kk]) / 2;
    const ai = (im[k] - im[kk]) / 2;
    const br = (im[k] + im[kk]) / 2;
    const bi = -(re[k] - re[kk]) / 2;
    pr[k] = ar * br - ai * bi;
    pi[k] = ar * bi + ai * br;
  }
  fft(pr, pi, true);
  const out = new Uint8Array(outLength);
  for (let m = 0; m < outLength; m++) {
    const v = pr[m] / size;
    const r = Math.round(v);
    if (Math.abs(v - r) > 0.25) throw new Error(`convolutionParity: FFT round-off ${Math.abs(v - r)} at index ${m}`);
    out[m] = r & 1;
  }
  return out;
}
