/**
 * The "Protocols" section: the static BB84 and authentication circuits, drawn with their
 * OpenQASM beside them. Shown in every report, whatever ran.
 * @module
 */
import type { CircuitSpec } from "../../circuits/circuit-spec.js";
import { protocolCircuitSpecs } from "../../circuits/protocol-circuits.js";
import type { RenderedCircuit } from "../../circuits/export.js";
import { RENDERED_PROTOCOL_CIRCUITS } from "../../circuits/rendered.generated.js";
import { escapeHtml } from "../escape.js";
import { renderProse } from "../prose.js";

/** Every protocol circuit with its steps in words and its OpenQASM 2.0. */
export function renderProtocols(): string {
  return protocolCircuitSpecs().map(drawn).map(renderOne).join("\n");
}

/**
 * The spec with its drawing by quantum-circuit, read from `rendered.generated.ts` (written by
 * `npm run circuits`; a test checks it is current): quantum-circuit loads its own mathjs 6, which
 * cost every process that rendered a report about 1.5 s of CPU (3.6 s under load; measured with
 * `node --cpu-prof` on a `verify` document).
 */
function drawn(spec: CircuitSpec): RenderedCircuit {
  const drawing = RENDERED_PROTOCOL_CIRCUITS.find((d) => d.id === spec.id);
  if (drawing === undefined) throw new Error(`renderProtocols: no drawing of circuit "${spec.id}"; run npm run circuits`);
  return { spec, svg: drawing.svg, qasm: drawing.qasm };
}

function renderOne(circuit: RenderedCircuit): string {
  const { spec } = circuit;
  const steps = spec.steps.map((s) => `<li>${renderProse(s.note)}</li>`).join("");
  return `<section class="protocol" id="circuit-${escapeHtml(spec.id)}" data-circuit="${escapeHtml(spec.id)}">
<h3>${escapeHtml(spec.title)}</h3>
<div class="circuit-row">
<figure class="circuit">
${circuit.svg}
<figcaption>${renderProse(spec.caption)}</figcaption>
</figure>
<div>
<h4>Steps</h4>
<ol class="steps">${steps}</ol>
<details class="sub"><summary>OpenQASM 2.0</summary>
<pre class="qasm"><code>${escapeHtml(circuit.qasm)}</code></pre>
</details>
</div>
</div>
</section>`;
}
