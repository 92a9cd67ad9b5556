import { parseDocument } from "yaml";
const n = Number(process.argv[2]);
const t0 = performance.now();
try { const d = parseDocument("- ".repeat(n) + "x", { uniqueKeys: true }); d.toJS(); console.log(n, d.errors.length, d.errors[0]?.message.slice(0,60), performance.now()-t0); } catch (e) { console.log(n, "THROW", e.message.slice(0,80), performance.now()-t0) }
