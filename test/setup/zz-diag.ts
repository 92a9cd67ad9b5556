import { appendFileSync } from "node:fs";
export default class Diag {
  onTestModuleEnd(m: any) {
    const d = m.diagnostic();
    appendFileSync("/tmp/vtdiag.txt", JSON.stringify({ f: m.moduleId.replace(/.*lead5\//, ""), ...d, importDurations: undefined }) + "\n");
  }
}
