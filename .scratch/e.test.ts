import { test } from "vitest";
import { evaluateNumber } from "../properties/params.js";
test("x", () => {
  for (const e of ["pi/8", "2^-20", "sqrt(2)/2", "2pi", "-0.5", "1e-6", "max(1,2)", "createUnit('km','2 m',{override:true})", "count(range(1,1e9))", "1:3", "[1,2]", "f(x)=x", "a=1", "2^2^2^2^2", "1e400", "1 km", "\"abc\"", "x", "1/0", "10!", "sin(pi)", "log(0)", "true", "1 > 0", "evaluate('1')", "mod(5,3)", "5 mod 3", "cube(2)", "e^2", "import({})", "pi.toString"]) {
    try { console.log(e, "=>", evaluateNumber(e)); } catch (err) { console.log(e, "!!", (err as Error).message); }
  }
});
