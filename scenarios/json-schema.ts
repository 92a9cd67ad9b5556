/**
 * The JSON Schema of scenario files, generated from {@link scenarioSchema} for editors
 * (YAML language servers, VS Code). The committed copy is `scenarios/scenario.schema.json`;
 * a test keeps it in sync.
 * @module
 */
import { z } from "zod";
import { scenarioSchema } from "./schema.js";

/** The scenario JSON Schema as text, exactly as committed (two-space indent, trailing newline). */
export function scenarioJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(scenarioSchema, { io: "input" }), null, 2)}\n`;
}
