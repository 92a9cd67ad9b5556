/**
 * A protocol circuit as the report shows it: SVG drawing and OpenQASM 2.0 text, both produced
 * by `quantum-circuit` from a {@link CircuitSpec}.
 * @module
 */
import type { CircuitSpec } from "./circuit-spec.js";
import { buildCircuit } from "./internal/build.js";

/** What the report needs to show one circuit. */
export interface RenderedCircuit {
  readonly spec: CircuitSpec;
  /** Inline SVG (no ids, no external references), deterministic for a given spec. */
  readonly svg: string;
  /** OpenQASM 2.0 of the symbolic circuit, classical conditions as `if(creg==v)`. */
  readonly qasm: string;
}

/**
 * Draw a circuit as inline SVG with `quantum-circuit`'s `exportSVG`, with the spec's wire
 * labels in place of `q0, q1, ...`, a `viewBox` so that it scales, and the library's random
 * element ids removed so that the same spec always gives the same string.
 */
export function circuitSvg(spec: CircuitSpec): string {
  const raw = buildCircuit(spec).exportSVG(true);
  const width = /width="(\d+(?:\.\d+)?)"/.exec(raw)?.[1] ?? "0";
  const height = /height="(\d+(?:\.\d+)?)"/.exec(raw)?.[1] ?? "0";
  return raw
    .replace(/ (?:data-)?id="[^"]*"/g, "")
    .replace(/stroke-width="undefined"/g, 'stroke-width="1"')
    // classical wires hold key bits and bases, not a known 0: drop the library's initial "0"
    .replace(/<text class="qc-wire-init"[^>]*fill="gray">0<\/text>/g, "")
    .replace("<svg ", `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(spec.title)}" `)
    .replace(/>q(\d+)<\/text>/g, (match, wire: string) => {
      const label = spec.wires[Number(wire)];
      return label === undefined ? match : `>${escapeXml(label)}</text>`;
    });
}

/** Export a circuit as OpenQASM 2.0 with `quantum-circuit`'s `exportQASM`. */
export function circuitQasm(spec: CircuitSpec): string {
  const wires = spec.wires.map((label, i) => `q[${i}] = ${label}`).join(", ");
  return buildCircuit(spec).exportQASM(`${spec.title}; ${wires}`);
}

/** Draw and export a circuit for the report. */
export function renderCircuit(spec: CircuitSpec): RenderedCircuit {
  return { spec, svg: circuitSvg(spec), qasm: circuitQasm(spec) };
}

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
