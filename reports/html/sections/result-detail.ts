/**
 * One result in full: the statement in words and as an equation, who is trusted, the outcome,
 * the metrics, and for a violation the attack trace with its replay command.
 * @module
 */
import type { PropertyResult } from "../../../properties/types.js";
import { renderEquation } from "../equation.js";
import { escapeHtml } from "../escape.js";
import { formatDuration } from "../format.js";
import { resultStatus, statusBadge } from "../status.js";
import { renderCounterexample } from "./counterexample.js";
import { renderMetrics } from "./metrics.js";

/** The detail section of a result; `anchor` is its element id, `durationMs` its run time. */
export function renderResultDetail(result: PropertyResult, anchor: string, durationMs: number | undefined): string {
  const status = resultStatus(result);
  const equation = result.equation ? `<div class="equation">${renderEquation(result.equation)}</div>` : "";
  const trusted = result.trust.trusted.length > 0
    ? `<ul>${result.trust.trusted.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`
    : `<p class="empty">nobody</p>`;
  const reason = result.expectedReason
    ? `<p class="reason"><b>Why ${escapeHtml(result.expected)} is expected:</b> ${escapeHtml(result.expectedReason)}</p>`
    : "";
  const error = result.error
    ? `<div class="error-box"><b>The check threw; this is not a pass.</b><pre><code>${escapeHtml(result.error)}</code></pre></div>`
    : "";
  const metricsTitle = result.verdict === "violated" ? "Metrics of the counterexample" : "Metrics of the closest approach";
  return `<section class="result st-${status}" id="${anchor}" data-status="${status}">
<h3>${statusBadge(status)} ${escapeHtml(result.title)}</h3>
<p class="meta"><code>${escapeHtml(result.property)}</code> on scenario <b>${escapeHtml(result.scenario)}</b> · protocol ${escapeHtml(result.protocol)} · variant <code>${escapeHtml(result.variant)}</code></p>
<div class="grid">
<div>
<p class="statement">${escapeHtml(result.statement)}</p>
${equation}
</div>
<div class="trust" aria-label="trust assumptions">
<b>Trusted</b>${trusted}
<p class="adv"><b>Adversary:</b> ${escapeHtml(result.trust.adversary)}</p>
</div>
</div>
<p class="outcome">Expected <span class="verdict ${escapeHtml(result.expected)}">${escapeHtml(result.expected)}</span>, got <span class="verdict ${escapeHtml(result.verdict)}">${escapeHtml(result.verdict)}</span> · ${result.runs} runs · seed <code>${result.seed}</code> · ${formatDuration(durationMs)}</p>
${reason}
${error}
${result.error && Object.keys(result.metrics).length === 0 ? "" : `<h4>${metricsTitle}</h4>\n${renderMetrics(result.metrics)}`}
${result.counterexample ? renderCounterexample(result.counterexample) : ""}
</section>`;
}
