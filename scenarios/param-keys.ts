/**
 * Which parameter names a property's zod schema reads, so that a scenario parameter no property
 * uses is reported as an error (a typo) rather than silently ignored.
 * @module
 */
import type { z } from "zod";

/**
 * The keys of a zod (v4) object schema, seen through pipes, transforms, optional/default
 * wrappers, unions and intersections; `undefined` when the schema does not say (then every
 * parameter is passed and none is reported as unused).
 */
export function parameterKeys(schema: z.ZodType): ReadonlySet<string> | undefined {
  return keysOf(schema as unknown as ZodLike, 0);
}

interface ZodLike {
  readonly _zod: { readonly def: Record<string, unknown> & { readonly type: string } };
}

const wrappers = new Set(["optional", "default", "prefault", "nullable", "nonoptional", "readonly", "catch"]);

function keysOf(schema: ZodLike, depth: number): Set<string> | undefined {
  if (depth > 20 || !schema?._zod?.def) return undefined;
  const def = schema._zod.def;
  if (def.type === "object") return new Set(Object.keys(def.shape as object));
  if (def.type === "pipe") return keysOf(def.in as ZodLike, depth + 1);
  if (wrappers.has(def.type)) return keysOf(def.innerType as ZodLike, depth + 1);
  const parts =
    def.type === "intersection"
      ? [def.left as ZodLike, def.right as ZodLike]
      : def.type === "union"
        ? (def.options as ZodLike[])
        : undefined;
  if (!parts) return undefined;
  const all = new Set<string>();
  for (const part of parts) {
    const keys = keysOf(part, depth + 1);
    if (!keys) return undefined;
    keys.forEach((k) => all.add(k));
  }
  return all;
}

/**
 * The values a property's schema accepts for its `variant` parameter: the options of an enum,
 * `"any"` for a plain string (a free-form label), `undefined` when it has no `variant`.
 */
export function variantOptions(schema: z.ZodType): readonly string[] | "any" | undefined {
  const keys = parameterKeys(schema);
  if (!keys?.has("variant")) return undefined;
  const field = findField(schema as unknown as ZodLike, "variant", 0);
  let def = field?._zod?.def;
  for (let depth = 0; def && wrappers.has(def.type) && depth < 20; depth++) def = (def.innerType as ZodLike)._zod.def;
  if (def?.type === "enum") return Object.values(def.entries as Record<string, string>);
  if (def?.type === "literal") return (def.values as unknown[]).map(String);
  return "any";
}

function findField(schema: ZodLike, name: string, depth: number): ZodLike | undefined {
  if (depth > 20 || !schema?._zod?.def) return undefined;
  const def = schema._zod.def;
  if (def.type === "object") return (def.shape as Record<string, ZodLike>)[name];
  if (def.type === "pipe") return findField(def.in as ZodLike, name, depth + 1);
  if (wrappers.has(def.type)) return findField(def.innerType as ZodLike, name, depth + 1);
  const parts = def.type === "intersection" ? [def.left as ZodLike, def.right as ZodLike] : def.type === "union" ? (def.options as ZodLike[]) : [];
  for (const part of parts) {
    const found = findField(part, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}
