/**
 * `--plugin MODULE[,MODULE...]`: load property definitions and figure providers from a user's
 * own compiled module, so that a protocol written against the public API (e.g.
 * `examples/six-state`) runs through `verify`, `run`, `replay` and `list` like a shipped one.
 *
 * A plugin module exports `properties: readonly PropertyDefinition[]` and optionally
 * `figures: readonly FigureProvider[]`.
 * @module
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { FigureProvider } from "../properties/figures.js";
import type { PropertyDefinition } from "../properties/types.js";
import { FlagProblem, type FlagSpec, type ParsedArgs } from "./args.js";
import type { CliContext } from "./io.js";
import { UsageError } from "./usage-error.js";

/** `--plugin MODULE[,MODULE...]`: compiled JavaScript modules exporting `properties` (and `figures`). */
export const pluginFlag: FlagSpec = {
  name: "plugin",
  kind: "value",
  placeholder: "MODULE",
  description: "load extra properties and figures from compiled .js modules, comma-separated paths (default none)",
  parse: (text) => {
    const parts = text.split(",").map((p) => p.trim());
    return parts.some((p) => p === "") ? new FlagProblem(`must be comma-separated module paths, got "${text}"`) : parts;
  },
};

/** The context extended with the definitions and figures of every `--plugin` module. */
export async function withPlugins(context: CliContext, args: ParsedArgs): Promise<CliContext> {
  const modules = (args.flags.get("plugin") as string[] | undefined) ?? [];
  if (modules.length === 0) return context;
  let definitions = [...(context.definitions ?? [])];
  let figures = [...(context.figures ?? [])];
  for (const m of modules) {
    const loaded = await loadPlugin(m);
    definitions = [...definitions, ...loaded.properties];
    figures = [...figures, ...loaded.figures];
  }
  return { ...context, definitions, figures, plugins: [...(context.plugins ?? []), ...modules] };
}

async function loadPlugin(path: string): Promise<{ properties: readonly PropertyDefinition[]; figures: readonly FigureProvider[] }> {
  const file = resolve(path);
  if (!existsSync(file)) throw new UsageError(`--plugin: ${path}: no such file`);
  if (/\.(ts|mts|cts)$/.test(file)) throw new UsageError(`--plugin: ${path}: a TypeScript file; compile it first (npm run build) and name the .js file under dist/`);
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (e) {
    throw new UsageError(`--plugin: ${path}: cannot load: ${(e as Error).message}`);
  }
  const properties = mod["properties"];
  if (!Array.isArray(properties) || properties.some((p) => typeof p?.id !== "string" || typeof p?.check !== "function")) {
    throw new UsageError(`--plugin: ${path}: must export "properties", an array of PropertyDefinition`);
  }
  const figures = mod["figures"] ?? [];
  if (!Array.isArray(figures) || figures.some((f) => typeof f?.compute !== "function")) {
    throw new UsageError(`--plugin: ${path}: "figures", when exported, must be an array of FigureProvider`);
  }
  return { properties: properties as PropertyDefinition[], figures: figures as FigureProvider[] };
}
