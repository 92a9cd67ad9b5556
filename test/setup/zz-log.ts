import { appendFileSync } from "node:fs";
import { afterAll, expect } from "vitest";
const file = (expect.getState().testPath ?? "?").replace(/.*lead5\//, "");
appendFileSync("/tmp/vtlog.txt", `${process.pid} S ${Date.now()} ${file}\n`);
afterAll(() => { appendFileSync("/tmp/vtlog.txt", `${process.pid} E ${Date.now()} ${file}\n`); });
