/**
 * Load one scenario file: parse it, check its shape, look up each property, and validate each
 * property's parameters with the property's own zod schema. Every problem is reported at once,
 * naming the file, the field path and the problem ({@link ScenarioError}).
 *
 * Each property's parameters are `def.params.parse({ ...parameters, variant, adversary, ...overrides })`,
 * restricted to the names the property's schema declares, so that properties with strict
 * schemas can share one `parameters` block.
 * @module
 */
import { readFileSync } from "node:fs";
import { defaultKind } from "../properties/engine.js";
import { allProperties, propertyById } from "../properties/registry.js";
import type { ClaimBounds } from "../properties/evidence.js";
import type { ExpectationKind, PropertyDefinition, Verdict } from "../properties/types.js";
import { formatPath, ScenarioError, type ScenarioIssue } from "./errors.js";
import { zodIssues } from "./issues.js";
import { parameterKeys, variantOptions } from "./param-keys.js";
import { parseScenarioText } from "./parse-text.js";
import { DEFAULT_SEARCH_BUDGET, scenarioSchema, type ScenarioFile, type ScenarioPropertyEntry } from "./schema.js";

/** The variant recorded for a scenario that names none. */
export const DEFAULT_VARIANT = "default";

/** One property of a loaded scenario, with its validated parameters. */
export interface LoadedProperty {
  readonly definition: PropertyDefinition;
  /** The scenario's variant, or this property's own when its parameters override `variant`. */
  readonly variant: string;
  readonly params: unknown;
  readonly expect: Verdict;
  readonly reason?: string;
  /** Claim, finding or negative control (default claim for an expected "holds"). */
  readonly kind: ExpectationKind;
  /** Quantitative claims checked against the result. */
  readonly claims?: ClaimBounds;
}

/** A validated scenario, ready to run. */
export interface LoadedScenario {
  /** The file as the user named it (used in messages and replay commands). */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly protocol: string;
  readonly variant: string;
  /** `searchBudget`: objective evaluations of the optimising search (default {@link DEFAULT_SEARCH_BUDGET}). */
  readonly settings: { readonly runs: number; readonly seed: number; readonly searchBudget: number };
  readonly properties: readonly LoadedProperty[];
}

/** Options for {@link loadScenario}. */
export interface LoadOptions {
  /** Property definitions known besides the shipped registry (tests inject their own). */
  readonly definitions?: readonly PropertyDefinition[];
}

/** Read and validate a scenario file; throws {@link ScenarioError} on any problem. */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const problem = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : (e as Error).message;
    throw new ScenarioError(file, [{ path: "", problem: `cannot read: ${problem}` }]);
  }
  return parseScenario(file, text, options);
}

/** Validate scenario text (JSON when `file` ends in `.json`, YAML otherwise). */
export function parseScenario(file: string, text: string, options: LoadOptions = {}): LoadedScenario {
  const raw = parseScenarioText(file, text);
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    throw new ScenarioError(file, [{ path: "", problem: "must be an object with name, protocol, settings, properties" }]);
  }
  const shape = scenarioSchema.safeParse(raw);
  if (!shape.success) throw new ScenarioError(file, zodIssues(shape.error.issues));
  const scenario = shape.data;
  const extra = options.definitions ?? [];
  const issues: ScenarioIssue[] = [];

  const protocols = new Set([...allProperties, ...extra].map((d) => d.protocol));
  if (!protocols.has(scenario.protocol)) {
    issues.push({ path: "protocol", problem: `unknown protocol "${scenario.protocol}"; known: ${list(protocols)}` });
    throw new ScenarioError(file, issues);
  }
  issues.push(...unknownVariant(scenario, [...allProperties, ...extra]));
  const definitions = scenario.properties.map((entry, i) => lookUp(scenario, entry, i, extra, issues));
  if (issues.length > 0) throw new ScenarioError(file, issues);

  const loaded = scenario.properties.map((entry, i) => buildProperty(scenario, entry, i, definitions[i]!, issues));
  issues.push(...unusedParameters(scenario, definitions as PropertyDefinition[]));
  if (issues.length > 0) throw new ScenarioError(file, dedupe(issues));
  return {
    file,
    name: scenario.name,
    description: scenario.description,
    protocol: scenario.protocol,
    variant: scenario.variant ?? DEFAULT_VARIANT,
    settings: { ...scenario.settings, searchBudget: scenario.settings.searchBudget ?? DEFAULT_SEARCH_BUDGET },
    properties: loaded,
  };
}

function lookUp(
  scenario: ScenarioFile,
  entry: ScenarioPropertyEntry,
  i: number,
  extra: readonly PropertyDefinition[],
  issues: ScenarioIssue[],
): PropertyDefinition | undefined {
  try {
    const def = propertyById(entry.id, extra);
    if (def.protocol !== scenario.protocol) {
      issues.push({
        path: `properties[${i}].id`,
        problem: `property "${entry.id}" belongs to protocol "${def.protocol}", not "${scenario.protocol}"`,
      });
    }
    return def;
  } catch {
    const known = [...allProperties, ...extra].filter((d) => d.protocol === scenario.protocol).map((d) => d.id);
    issues.push({ path: `properties[${i}].id`, problem: `unknown property "${entry.id}"; known: ${list(known)}` });
    return undefined;
  }
}

function buildProperty(
  scenario: ScenarioFile,
  entry: ScenarioPropertyEntry,
  i: number,
  def: PropertyDefinition,
  issues: ScenarioIssue[],
): LoadedProperty {
  const keys = parameterKeys(def.params);
  const shared: Record<string, unknown> = {
    ...scenario.parameters,
    ...(scenario.variant !== undefined ? { variant: scenario.variant } : {}),
    ...(scenario.adversary !== undefined ? { adversary: scenario.adversary } : {}),
  };
  const overrides = entry.parameters ?? {};
  const input: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(shared)) if (!keys || keys.has(k)) input[k] = v;
  for (const [k, v] of Object.entries(overrides)) {
    if (keys && !keys.has(k)) {
      issues.push({
        path: formatPath(["properties", i, "parameters", k]),
        problem: `not a parameter of ${def.id} (it reads: ${list(keys)})`,
      });
    }
    input[k] = v;
  }
  const parsed = def.params.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [head, ...rest] = issue.path;
      const prefix: PropertyKey[] =
        typeof head === "string" && head in overrides
          ? ["properties", i, "parameters"]
          : head === "variant" || head === "adversary"
            ? []
            : ["parameters"];
      for (const found of zodIssues([issue], prefix)) {
        const missing = typeof head === "string" && !(head in input) && rest.length === 0;
        issues.push({ path: found.path, problem: `${missing ? `required by ${def.id}` : found.problem} (${def.id})` });
      }
    }
  }
  const ownVariant = overrides.variant;
  return {
    definition: def,
    variant: typeof ownVariant === "string" ? ownVariant : (scenario.variant ?? DEFAULT_VARIANT),
    params: parsed.success ? parsed.data : undefined,
    expect: entry.expect,
    ...(entry.reason !== undefined ? { reason: entry.reason } : {}),
    ...expectation(entry),
  };
}

/** The expectation's kind (default claim for "holds"; the schema requires one for "violated") and its claims. */
function expectation(entry: ScenarioPropertyEntry): Pick<LoadedProperty, "kind" | "claims"> {
  const claims = entry.atLeast !== undefined || entry.atMost !== undefined
    ? { ...(entry.atLeast !== undefined ? { atLeast: entry.atLeast } : {}), ...(entry.atMost !== undefined ? { atMost: entry.atMost } : {}) }
    : undefined;
  return { kind: entry.kind ?? defaultKind(entry.expect), ...(claims ? { claims } : {}) };
}

function unusedParameters(scenario: ScenarioFile, defs: readonly PropertyDefinition[]): ScenarioIssue[] {
  const used = new Set<string>();
  for (const def of defs) {
    const keys = parameterKeys(def.params);
    if (!keys) return []; // a schema that does not declare its keys may read any of them
    keys.forEach((k) => used.add(k));
  }
  const issues: ScenarioIssue[] = Object.keys(scenario.parameters ?? {})
    .filter((k) => !used.has(k))
    .map((k) => ({
      path: formatPath(["parameters", k]),
      problem: `not used by any property of this scenario (they read: ${list(used)})`,
    }));
  if (scenario.adversary !== undefined && !used.has("adversary")) {
    issues.push({ path: "adversary", problem: "not used by any property of this scenario" });
  }
  return issues;
}

/**
 * A scenario-level `variant` must be one the protocol knows: a value some property of the
 * protocol accepts for its `variant` parameter, or {@link CONTROLS_VARIANT}. (A protocol whose
 * properties take any string as a variant accepts any.) Otherwise a misspelt variant would be
 * recorded in the report while every property ran the default.
 */
function unknownVariant(scenario: ScenarioFile, all: readonly PropertyDefinition[]): ScenarioIssue[] {
  if (scenario.variant === undefined) return [];
  const known = new Set<string>([CONTROLS_VARIANT]);
  for (const def of all.filter((d) => d.protocol === scenario.protocol)) {
    const options = variantOptions(def.params);
    if (options === "any") return [];
    options?.forEach((o) => known.add(o));
  }
  if (known.has(scenario.variant)) return [];
  return [{ path: "variant", problem: `unknown variant ${JSON.stringify(scenario.variant)} of protocol ${scenario.protocol}; known: ${list(known)}` }];
}

/**
 * The scenario-level variant of a scenario of negative controls, in which each property names
 * its own broken variant in its parameters.
 */
export const CONTROLS_VARIANT = "negative-control";

function dedupe(issues: readonly ScenarioIssue[]): ScenarioIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.problem}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function list(values: Iterable<string>): string {
  const all = [...values].sort();
  return all.length === 0 ? "(none)" : all.join(", ");
}
