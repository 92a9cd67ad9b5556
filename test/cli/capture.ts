/**
 * In-process CLI calls with captured output.
 * @module
 */
import { main, type CliContext, type CliIo } from "../../cli/main.js";
import { testDefinitions } from "../scenarios/fixtures.js";

/** What a CLI call printed and returned. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Call the CLI with the test definitions injected. */
export async function cli(argv: readonly string[], context: CliContext = {}, io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const code = await main(
    argv,
    { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: {}, ...io },
    { definitions: testDefinitions, ...context },
  );
  return { code, stdout, stderr };
}
