import * as fc from "fast-check";
const load = async (dir) => ({ arb: (await import(`${dir}/properties/bb84/arbitraries.js`)).adversaryArbitrary, sec: (await import(`${dir}/properties/bb84/secrecy.js`)).secrecy });
const A = await load("/work/main/dist"), B = await load("/work/wt/integ5/dist");
const mk = (x) => { const params = x.sec.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } }); const adv = fc.sample(x.arb("single-photon"), { numRuns: 1000, seed: 42 }); return () => { for (const a of adv) x.sec.check(params, a); }; };
const fa = mk(A), fb = mk(B);
fa(); fb(); fa(); fb();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e3; };
const t = { a: [], b: [] };
for (let r = 0; r < 10; r++) for (const [k, f] of (r % 2 ? [["a", fa], ["b", fb]] : [["b", fb], ["a", fa]])) { const c = cpu(); f(); t[k].push(cpu() - c); }
const med = (x) => [...x].sort((p, q) => p - q)[x.length >> 1];
console.log("main", med(t.a).toFixed(0), "ms per 1000; integ5", med(t.b).toFixed(0), "ms; ratio main/integ5", (med(t.a) / med(t.b)).toFixed(3));
