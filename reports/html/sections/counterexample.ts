/**
 * A violation's evidence: the most damaging attack the optimising search found and the minimal
 * (shrunk) counterexample, each with its trace and the command that replays it. A paper audit
 * (a property whose trace lists the paper's claims one by one) is shown under its own heading.
 * @module
 */
import type { Counterexample, DamagingAttack, Json, Metrics } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { formatCount, formatValue } from "../format.js";
import { renderProse } from "../prose.js";
import { renderMetrics } from "./metrics.js";
import { renderTrace } from "./trace.js";

/** Whether a property's trace is an audit of the paper's claims rather than an attack. */
export function isPaperAudit(property: string): boolean {
  return /(^|\.)paper-claims$/.test(String(property));
}

/** The minimal counterexample of a violated result. */
export function renderCounterexample(cx: Counterexample, property: string): string {
  const audit = isPaperAudit(property);
  return `<h4>${audit ? "Paper audit: the claims one by one" : "Minimal counterexample"}</h4>
<p class="cx-message">${renderProse(cx.message)}</p>
<p class="meta">seed <code>${formatCount(cx.seed)}</code> · path <code>${escapeHtml(cx.path)}</code> · shrunk ${formatCount(cx.shrinks)} times</p>
${audit ? "" : "<h4>Attack trace</h4>\n"}${renderTrace(cx.trace, audit ? "claim" : "step", !audit)}
${renderReplay(cx.replay)}
${renderInput(cx.input, cx.metrics)}`;
}

/** The most damaging attack of a violated result (optimising search). */
export function renderDamaging(d: DamagingAttack): string {
  return `<h4>Most damaging attack found</h4>
<p class="cx-message">${renderProse(d.message)}</p>
<p class="meta">${escapeHtml(d.objective)} = <b>${formatValue(d.value)}</b> · ${formatCount(d.evaluations)} evaluations (budget ${formatCount(d.budget)}) · seed <code>${formatCount(d.seed)}</code></p>
<h4>Attack trace</h4>
${renderTrace(d.trace)}
${renderReplay(d.replay)}
${renderInput(d.input, d.metrics)}`;
}

/** A replay command, with a copy button when scripts run. */
export function renderReplay(command: string): string {
  return `<div class="replay"><span class="replay-label">replay</span><pre><code>${escapeHtml(command)}</code></pre></div>`;
}

function renderInput(input: Json, metrics: Metrics): string {
  return `<details class="sub"><summary>Generated input and its metrics</summary>
<pre><code>${escapeHtml(JSON.stringify(input, null, 2))}</code></pre>
${renderMetrics(metrics)}
</details>`;
}
