/**
 * One result: a one-line summary that is always visible and the full account in a `<details>`
 * that is collapsed on first load (the statement in words and as an equation, who is trusted,
 * the outcome and its evidence, the scenario's claims, the metrics, and for a violation the most
 * damaging attack and the minimal counterexample with their traces and replay commands).
 *
 * A finding shows its worst attack, in one line, and its replay command above the fold.
 * @module
 */
import type { PropertyResult } from "../../../properties/types.js";
import { renderEquation } from "../equation.js";
import { escapeHtml } from "../escape.js";
import { formatCount, formatDuration, formatValue } from "../format.js";
import { renderProse } from "../prose.js";
import { protocolPage } from "../protocol-pages.js";
import { evidenceText, resultStatus, statusBadge } from "../status.js";
import { renderCounterexample, renderDamaging, renderReplay } from "./counterexample.js";
import { renderMetrics } from "./metrics.js";

/**
 * A result as a card collapsed on first load; `anchor` is its element id, `durationMs` its run
 * time. Holds and controls are one summary line; a finding (or a mismatch) also shows its worst
 * attack in one line and its replay command above the collapsed details.
 */
export function renderResultCard(result: PropertyResult, anchor: string, durationMs: unknown): string {
  const status = resultStatus(result);
  const title = `${statusBadge(status)} <span class="title">${renderProse(result.title)}</span> <span class="where">on <code>${escapeHtml(result.scenario)}</code></span>`;
  const body = `<div class="body">\n${renderBody(result, durationMs)}\n</div>`;
  if (status === "matched" || status === "control") {
    const line = status === "matched" ? evidenceText(result) : renderProse(firstMessage(result) ?? "");
    return `<details class="result st-${status}" id="${escapeHtml(anchor)}" data-status="${status}" data-result>
<summary>${title}<span class="line">${line}</span></summary>
${body}
</details>`;
  }
  const open = status === "error" ? " open" : "";
  return `<article class="result st-${status}" id="${escapeHtml(anchor)}" data-status="${status}" data-result>
<h3>${title}</h3>
${renderHeadline(result)}
<details${open}><summary>Trace, statement, trust and metrics</summary>
${body}
</details>
</article>`;
}

/** The worst attack in one line and its replay, shown under the summary of a finding. */
function renderHeadline(result: PropertyResult): string {
  const message = firstMessage(result);
  const replay = result.damaging?.replay ?? result.counterexample?.replay;
  return `<div class="headline">${message ? `<p class="cx-message">${renderProse(message)}</p>` : ""}${replay ? renderReplay(replay) : ""}</div>`;
}

function firstMessage(result: PropertyResult): string | undefined {
  return result.damaging?.message ?? result.counterexample?.message ?? result.error;
}

function renderBody(result: PropertyResult, durationMs: unknown): string {
  const equation = result.equation ? `<div class="equation">${renderEquation(result.equation)}</div>` : "";
  const trusted = Array.isArray(result.trust?.trusted) && result.trust.trusted.length > 0
    ? `<ul>${result.trust.trusted.map((t) => `<li>${escapeHtml(t)}</li>`).join("")}</ul>`
    : `<p class="empty">nobody</p>`;
  const reason = result.expectedReason
    ? `<p class="reason"><b>Why ${escapeHtml(result.expected)} is expected:</b> ${renderProse(result.expectedReason)}</p>`
    : "";
  const error = result.error
    ? `<div class="error-box"><b>The check threw; this is not a pass.</b><pre><code>${escapeHtml(result.error)}</code></pre></div>`
    : "";
  const metricsTitle = result.verdict === "violated" ? "Metrics of the counterexample" : "Metrics of the closest approach";
  const shownWithInput = result.counterexample !== undefined && JSON.stringify(result.counterexample.metrics) === JSON.stringify(result.metrics);
  const metrics = shownWithInput || (result.error && Object.keys(result.metrics ?? {}).length === 0) ? "" : `<h4>${metricsTitle}</h4>\n${renderMetrics(result.metrics)}`;
  const page = protocolPage(result.protocol, result.equation, result.statement);
  return `<p class="meta"><code>${escapeHtml(result.property)}</code> on scenario <b>${escapeHtml(result.scenario)}</b> · protocol ${escapeHtml(result.protocol)} · variant <code>${escapeHtml(result.variant)}</code>${page ? ` · the step in the repository's words: <code>${escapeHtml(page)}</code>` : ""}</p>
<div class="grid">
<p class="statement">${renderProse(result.statement)}</p>
<div class="trust" aria-label="trust assumptions"><b>Trusted</b>${trusted}<p class="adv"><b>Adversary:</b> ${renderProse(result.trust?.adversary ?? "")}</p></div>
</div>
${equation}
<p class="outcome">Expected <span class="verdict ${escapeHtml(result.expected)}">${escapeHtml(result.expected)}</span>, got <span class="verdict ${escapeHtml(result.verdict)}">${escapeHtml(result.verdict)}</span> · ${formatCount(result.runs)} runs · seed <code>${formatCount(result.seed)}</code> · ${formatDuration(durationMs)}</p>
<p class="outcome">Evidence: ${evidenceText(result)}${renderSeedSweep(result)}</p>
${reason}
${error}
${renderClaims(result)}
${result.damaging ? renderDamaging(result.damaging) : ""}
${result.counterexample ? renderCounterexample(result.counterexample, result.property) : ""}
${metrics}`;
}

function renderSeedSweep(result: PropertyResult): string {
  const s = result.seedSweep;
  if (!s) return "";
  const missed = Array.isArray(s.mismatchedSeeds) && s.mismatchedSeeds.length > 0 ? ` (not on seeds ${s.mismatchedSeeds.map(formatCount).join(", ")})` : "";
  return ` · matched on ${formatCount(s.matched)} of ${formatCount(s.seeds)} seeds${missed}`;
}

function renderClaims(result: PropertyResult): string {
  const claims = Array.isArray(result.claims) ? result.claims : [];
  if (claims.length === 0) return "";
  const rows = claims.map((c) =>
    `<tr class="${c.ok ? "" : "claim-failed"}"><td>${escapeHtml(c.metric)}</td><td>${c.bound === "atLeast" ? "≥" : "≤"} ${formatValue(c.value)}</td><td class="num">${formatValue(c.actual)}</td><td>${c.ok ? "✓ met" : "✗ FAILED"}</td></tr>`,
  );
  return `<h4>Scenario claims</h4><table class="metrics"><thead><tr><th>metric</th><th>claimed</th><th class="num">actual</th><th>check</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
