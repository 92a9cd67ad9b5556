import * as fc from "fast-check";
const dir = process.argv[2];
const { adversaryArbitrary } = await import(`${dir}/properties/bb84/arbitraries.js`);
const { secrecy } = await import(`${dir}/properties/bb84/secrecy.js`);
const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
const adv = fc.sample(adversaryArbitrary("single-photon"), { numRuns: 2000, seed: 42 });
for (const a of adv.slice(0, 200)) secrecy.check(params, a);
const c0 = process.cpuUsage(); let n = 0;
for (let k = 0; k < 3; k++) for (const a of adv) { secrecy.check(params, a); n++; }
const c = process.cpuUsage(c0); console.log(dir.split("/").slice(-2,-1)[0], (n / ((c.user + c.system) / 1e6)).toFixed(0), "checks per CPU-s");
