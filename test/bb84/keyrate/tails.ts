/** Exact log tails of counting distributions, for checking the count bounds of finiteDecoy.ts. */

/** ln Σ e^{t_i}, without overflow. */
function logSum(terms: readonly number[]): number {
  const m = Math.max(...terms);
  return m + Math.log(terms.reduce((s, v) => s + Math.exp(v - m), 0));
}

/** ln P(X <= x) and ln P(X >= x) from the log point probabilities ln P(X = k), k = 0, 1, .... */
function tails(logTerms: readonly number[], x: number): { below: number; above: number } {
  return { below: logSum(logTerms.slice(0, x + 1)), above: logSum(logTerms.slice(x)) };
}

/** ln P(X <= x) and ln P(X >= x) for X ~ Poisson(μ), exactly (log-sum of the terms, by recurrence). */
export function poissonTails(x: number, mu: number): { below: number; above: number } {
  const upTo = Math.ceil(mu + 60 * Math.sqrt(mu + 1) + 60);
  const logTerms: number[] = [-mu];
  for (let k = 1; k <= Math.max(x, upTo); k++) logTerms.push(logTerms[k - 1] + Math.log(mu / k));
  return tails(logTerms, x);
}

/** ln P(X <= x) and ln P(X >= x) for X ~ Binomial(n, q), exactly (log-sum of the terms, by recurrence). */
export function binomialTails(x: number, n: number, q: number): { below: number; above: number } {
  const logTerms: number[] = [n * Math.log1p(-q)];
  for (let k = 1; k <= n; k++) logTerms.push(logTerms[k - 1] + Math.log((n - k + 1) / k) + Math.log(q) - Math.log1p(-q));
  return tails(logTerms, x);
}
