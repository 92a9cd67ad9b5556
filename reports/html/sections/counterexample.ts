/**
 * A counterexample: the failing input, the attack trace step by step, and the replay command.
 * @module
 */
import type { Counterexample, TraceStep } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { formatValue } from "../format.js";
import { renderMetrics } from "./metrics.js";

/** The counterexample block of a violated result. */
export function renderCounterexample(cx: Counterexample): string {
  return `<h4>Counterexample</h4>
<p class="cx-message">${escapeHtml(cx.message)}</p>
<p class="meta">seed <code>${escapeHtml(cx.seed)}</code> · path <code>${escapeHtml(cx.path)}</code> · shrunk ${escapeHtml(cx.shrinks)} times</p>
<h4>Attack trace</h4>
${renderTrace(cx.trace)}
<h4>Replay</h4>
<div class="replay"><pre><code>${escapeHtml(cx.replay)}</code></pre></div>
<details><summary>Generated input and its metrics</summary>
<pre><code>${escapeHtml(JSON.stringify(cx.input, null, 2))}</code></pre>
${renderMetrics(cx.metrics)}
</details>`;
}

function renderTrace(trace: readonly TraceStep[]): string {
  if (trace.length === 0) return `<p class="empty">The property gives no trace for this input.</p>`;
  const rows = trace.map((step, i) => {
    const values = Object.entries(step.values ?? {})
      .map(([k, v]) => `<code>${escapeHtml(k)} = ${formatValue(v)}</code>`)
      .join(" ");
    return `<tr><td class="num">${i + 1}</td><td class="step">${escapeHtml(step.step)}</td><td>${escapeHtml(step.detail)}</td><td class="values">${values}</td></tr>`;
  });
  return `<div class="scroll"><table class="trace"><thead><tr><th class="num">#</th><th>step</th><th>what happens</th><th>values</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>`;
}
