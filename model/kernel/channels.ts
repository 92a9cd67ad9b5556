/**
 * Standard noise channels in Kraus form (Nielsen & Chuang §8.3). Each returns a checked
 * {@link Channel} for {@link applyChannel}.
 * @module
 */
import { matrix, scale, identity, zeros, type CMatrix } from "./matrix.js";
import { I2, X, Y, Z } from "./gates.js";
import { channel, type Channel } from "./evolve.js";

function checkProbability(fn: string, name: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: ${name} must be in [0, 1], got ${p}`);
}

/**
 * Depolarizing channel on a d-level system: `rho -> (1 - p) rho + p I/d`.
 * Kraus operators: the d^2 Weyl (shift-clock) operators, weight `1 - p (d^2-1)/d^2` on I
 * and `p/d^2` on each other one; for d = 2 these are I, X, Y, Z.
 */
export function depolarizing(p: number, d = 2): Channel {
  checkProbability("depolarizing", "p", p);
  if (d === 2) {
    return channel(`depolarizing(${p})`, [scale(I2, Math.sqrt(1 - (3 * p) / 4)), scale(X, Math.sqrt(p / 4)), scale(Y, Math.sqrt(p / 4)), scale(Z, Math.sqrt(p / 4))]);
  }
  const kraus: CMatrix[] = [];
  for (let a = 0; a < d; a++) {
    for (let b = 0; b < d; b++) {
      const w = a === 0 && b === 0 ? 1 - (p * (d * d - 1)) / (d * d) : p / (d * d);
      const m = zeros(d, d);
      for (let j = 0; j < d; j++) {
        const row = (j + a) % d, angle = (2 * Math.PI * b * j) / d;
        m.data[2 * (row * d + j)] = Math.sqrt(w) * Math.cos(angle);
        m.data[2 * (row * d + j) + 1] = Math.sqrt(w) * Math.sin(angle);
      }
      kraus.push(m);
    }
  }
  return channel(`depolarizing(${p}, d=${d})`, kraus);
}

/** Dephasing (phase-flip) channel: `rho -> (1 - p) rho + p Z rho Z`. */
export function dephasing(p: number): Channel {
  checkProbability("dephasing", "p", p);
  return channel(`dephasing(${p})`, [scale(I2, Math.sqrt(1 - p)), scale(Z, Math.sqrt(p))]);
}

/** Bit-flip channel: `rho -> (1 - p) rho + p X rho X`. */
export function bitFlip(p: number): Channel {
  checkProbability("bitFlip", "p", p);
  return channel(`bitFlip(${p})`, [scale(I2, Math.sqrt(1 - p)), scale(X, Math.sqrt(p))]);
}

/** Amplitude damping with decay probability gamma: `K0 = diag(1, sqrt(1-gamma))`, `K1 = sqrt(gamma)|0><1|`. */
export function amplitudeDamping(gamma: number): Channel {
  checkProbability("amplitudeDamping", "gamma", gamma);
  return channel(`amplitudeDamping(${gamma})`, [matrix([[1, 0], [0, Math.sqrt(1 - gamma)]]), matrix([[0, Math.sqrt(gamma)], [0, 0]])]);
}

/**
 * Erasure (loss) of a qubit with probability p, into a qutrit whose level 2 is the flag
 * "lost": `rho -> (1 - p) rho (+) p |2><2|`. The output subsystem has dimension 3.
 */
export function erasure(p: number): Channel {
  checkProbability("erasure", "p", p);
  const s = Math.sqrt(1 - p), e = Math.sqrt(p);
  return channel(`erasure(${p})`, [matrix([[s, 0], [0, s], [0, 0]]), matrix([[0, 0], [0, 0], [e, 0]]), matrix([[0, 0], [0, 0], [0, e]])], [2], [3]);
}

/** The identity channel on dimension d. */
export function identityChannel(d = 2): Channel {
  return channel("identity", [identity(d)]);
}
