/**
 * The "Protocols" section: the static BB84 and authentication circuits, drawn with their
 * OpenQASM beside them. Shown in every report, whatever ran.
 * @module
 */
import { protocolCircuitSpecs, renderCircuit, type RenderedCircuit } from "../../circuits/index.js";
import { escapeHtml } from "../escape.js";
import { renderProse } from "../prose.js";

/** Every protocol circuit with its steps in words and its OpenQASM 2.0. */
export function renderProtocols(): string {
  return protocolCircuitSpecs().map(renderCircuit).map(renderOne).join("\n");
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
