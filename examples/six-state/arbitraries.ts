/**
 * fast-check arbitraries of Eve's strategies. Angles favour the structured values 0, pi/2 and
 * pi (where perfect copying and perfect disturbance live) and shrink towards 0, so that a
 * shrunk probe reads as a short circuit of named gates.
 * @module
 */
import { fc } from "qkd-harness/arbitraries";
import type { Entangler, InterceptResend, Probe, ProbeLayer, SixStateAttack } from "./adversary.js";

const angle: fc.Arbitrary<number> = fc.oneof(fc.constantFrom(0, Math.PI / 2, Math.PI), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true }));
const u3Angles = fc.tuple(angle, angle, angle);

/**
 * Intercept-resend on a fraction in [0, 1], in X, Y, Z or a random one of the three.
 * @example fc.sample(arbInterceptResend(), 1)[0].kind // "intercept-resend"
 */
export function arbInterceptResend(): fc.Arbitrary<InterceptResend> {
  return fc.record({
    kind: fc.constant("intercept-resend" as const),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }),
    basis: fc.constantFrom("X" as const, "Y" as const, "Z" as const, "random" as const),
  });
}

/**
 * A probe circuit of 1 to `maxLayers` layers (default 3) on (signal, probe).
 * @example fc.sample(arbProbe({ maxLayers: 2 }), 1)[0].layers.length <= 2 // true
 */
export function arbProbe(options: { readonly maxLayers?: number } = {}): fc.Arbitrary<Probe> {
  const layer: fc.Arbitrary<ProbeLayer> = fc.record({
    signal: u3Angles,
    probe: u3Angles,
    entangler: fc.constantFrom<Entangler>("cnot", "cnot-reversed", "cz", "none"),
  });
  return fc.record({ kind: fc.constant("probe" as const), layers: fc.array(layer, { minLength: 1, maxLength: options.maxLayers ?? 3 }) });
}

/**
 * Any strategy of this example: intercept-resend or a probe.
 * @example fc.sample(arbSixStateAttack(), 10).every((a) => a.kind === "probe" || a.kind === "intercept-resend") // true
 */
export function arbSixStateAttack(): fc.Arbitrary<SixStateAttack> {
  return fc.oneof(arbInterceptResend(), arbProbe());
}
