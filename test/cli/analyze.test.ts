import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { cli } from "./capture.js";

async function json(argv: string[]) {
  const r = await cli([...argv, "--json"]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
}

describe("qkd-harness analyze bb84", () => {
  test("full random-basis intercept-resend: QBER 1/4 in both bases, Eve's information 1/2 bit", async () => {
    const r = await json(["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "1", "--basis", "random"]);
    expect(r.qber).toBeCloseTo(0.25, 12);
    expect(r.qberZ).toBeCloseTo(0.25, 12);
    expect(r.qberX).toBeCloseTo(0.25, 12);
    expect(r.eveInformation).toBeCloseTo(0.5, 12);
    expect(r.holevo).toBeCloseTo(0.5, 12);
  });
  test("a fraction 0.4 stays under the 11% threshold (section 3.2's claim does not cover it)", async () => {
    const r = await json(["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "0.4", "--basis", "random"]);
    expect(r.qber).toBeCloseTo(0.1, 12);
    expect(r.acceptance).toBeGreaterThan(0.5);
  });
});

describe("qkd-harness analyze auth", () => {
  test("parity, 8 key bits: honest acceptance 1, impersonation 2^-4", async () => {
    const r = await json(["analyze", "auth", "--variant", "parity", "--key-bits", "8"]);
    expect(r.honestAcceptance).toBeCloseTo(1, 12);
    expect(r.impersonationAcceptance).toBeCloseTo(2 ** -4, 12);
  });
  test("--strategy FILE (a search record): the numbers the search recorded", async () => {
    const record = JSON.parse(readFileSync("properties/auth/strategies/best-attack.json", "utf8"));
    const r = await json(["analyze", "auth", "--variant", "parity", "--key-bits", "8", "--strategy", "properties/auth/strategies/best-attack.json"]);
    expect(r.strategyAcceptance).toBeCloseTo(record.metrics.acceptance, 12);
    expect(r.eveInformation.holevo).toBeCloseTo(record.metrics.eveInformationBits, 9);
  });
});

describe("analyze: bad input exits 2 naming the problem", () => {
  test.each([
    [["analyze"], /bb84 or auth/],
    [["analyze", "six-state"], /six-state/],
    [["analyze", "bb84"], /--adversary is required/],
    [["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "2"], /fraction/],
    [["analyze", "bb84", "--adversary", "nobody"], /adversary/],
    [["analyze", "bb84", "--adversary", "none", "--key-bits", "4"], /--key-bits does not apply/],
    [["analyze", "auth", "--key-bits", "3"], /keyBits|key-bits/],
    [["analyze", "auth", "--noise", "1.5"], /--noise/],
    [["analyze", "auth", "--strategy", "nope.json"], /cannot read/],
    [["analyze", "auth", "--strategy", "package.json"], /strategy/],
  ])("%j", async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
