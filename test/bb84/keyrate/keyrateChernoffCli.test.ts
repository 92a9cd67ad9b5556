import { describe, expect, test } from "vitest";
import { cli } from "../../cli/capture.js";

describe("qkd-harness keyrate --method finite-decoy --fluctuation", () => {
  test("chernoff: the document names the bound; the rate is at least Lim's Hoeffding rate", async () => {
    const args = ["keyrate", "--preset", "gys", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--distance", "50", "--json"];
    const c = await cli([...args, "--fluctuation", "chernoff"]);
    const h = await cli(args);
    expect(c.code).toBe(0);
    const dc = JSON.parse(c.stdout) as { fluctuation: string; reference: string; rows: { ratePerPulse: number }[] };
    const dh = JSON.parse(h.stdout) as { fluctuation: string; rows: { ratePerPulse: number }[] };
    expect(dc.fluctuation).toBe("chernoff");
    expect(dh.fluctuation).toBe("hoeffding");
    expect(dc.reference).toMatch(/Chernoff/);
    expect(dc.rows[0].ratePerPulse).toBeGreaterThan(dh.rows[0].ratePerPulse);
    const text = await cli(args.filter((a) => a !== "--json").concat("--fluctuation", "chernoff"));
    expect(text.stdout).toMatch(/fluctuation bound chernoff/);
  });
  test("kl: the document names Hoeffding's relative-entropy bound; the rate is at least the Chernoff rate", async () => {
    const args = ["keyrate", "--preset", "gys", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--distance", "50", "--json", "--fluctuation"];
    const k = JSON.parse((await cli([...args, "kl"])).stdout) as { fluctuation: string; reference: string; rows: { ratePerPulse: number }[] };
    const c = JSON.parse((await cli([...args, "chernoff"])).stdout) as { rows: { ratePerPulse: number }[] };
    expect(k.fluctuation).toBe("kl");
    expect(k.reference).toMatch(/relative-entropy bound.*Hoeffding, JASA 58/);
    expect(k.rows[0].ratePerPulse).toBeGreaterThanOrEqual(c.rows[0].ratePerPulse);
  });
  test.each([
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--fluctuation", "gauss", "--distance", "10"], /--fluctuation.*hoeffding, chernoff, kl/],
    [["keyrate", "--fluctuation", "chernoff", "--distance", "10"], /--fluctuation needs --method finite-decoy/],
  ])("bad input exits 2 naming the flag: %j", async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
