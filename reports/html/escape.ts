/**
 * HTML escaping: every string that comes from a scenario, a property or a counterexample passes
 * through {@link escapeHtml} before it reaches the page.
 * @module
 */

const replacements: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
  "`": "&#96;",
};

/**
 * Escape a value for HTML text and for double- or single-quoted attribute values.
 * Non-strings are converted with `String` first, so numbers, booleans and `null` are safe too.
 * @example escapeHtml(`<script>"x"</script>`) === "&lt;script&gt;&quot;x&quot;&lt;/script&gt;"
 */
export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => replacements[c] ?? c);
}
