/**
 * The public API surface: package.json "exports", tsconfig "paths" and vitest aliases agree
 * with entries/; the kernel entry re-exports every public kernel function and nothing
 * internal; the main entry carries the property contract and the engine.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as kernelSource from "../../model/kernel/index.js";
import * as propertiesSource from "../../properties/engine.js";
import * as main from "qkd-harness";
import * as kernel from "qkd-harness/kernel";
import * as arbitraries from "qkd-harness/arbitraries";
import * as arbitrariesSource from "../../properties/arbitraries/index.js";
import * as bb84Source from "../../model/bb84/index.js";
import * as authSource from "../../model/auth/index.js";
import * as kdcSource from "../../model/kdc/index.js";
import * as bb84 from "qkd-harness/bb84";
import * as auth from "qkd-harness/auth";
import * as kdc from "qkd-harness/kdc";
import { bb84Properties } from "../../properties/bb84/index.js";
import { authProperties } from "../../properties/auth/index.js";
import { kdcProperties } from "../../properties/kdc/index.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  exports: Record<string, string | { types: string; default: string }>;
  main: string;
  types: string;
  files: string[];
};
const entryNames = readdirSync(join(root, "entries"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

/** Kernel functions that exist only for the kernel itself (unchecked constructors). */
const KERNEL_INTERNALS = ["unsafeDensity", "unsafeKet"];

describe("package.json exports", () => {
  test("every entries/<name>.ts is exported as qkd-harness/<name>, and nothing else is", () => {
    const subpaths = Object.keys(pkg.exports)
      .filter((k) => k !== "." && k !== "./package.json")
      .map((k) => k.slice(2))
      .sort();
    expect(subpaths).toEqual(entryNames);
  });

  test("each subpath maps to compiled JavaScript and its declarations under dist/", () => {
    expect(pkg.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
    expect(pkg.main).toBe("./dist/index.js");
    expect(pkg.types).toBe("./dist/index.d.ts");
    for (const name of entryNames) {
      expect(pkg.exports[`./${name}`]).toEqual({ types: `./dist/entries/${name}.d.ts`, default: `./dist/entries/${name}.js` });
    }
  });

  test("tsconfig paths resolve qkd-harness to the sources, as the vitest aliases do", () => {
    const tsconfig = JSON.parse(readFileSync(join(root, "tsconfig.json"), "utf8")) as { compilerOptions: { paths: Record<string, string[]> } };
    expect(tsconfig.compilerOptions.paths).toEqual({ "qkd-harness": ["./index.ts"], "qkd-harness/*": ["./entries/*.ts"] });
    for (const name of entryNames) expect(existsSync(join(root, "entries", `${name}.ts`))).toBe(true);
  });
});

describe("qkd-harness/kernel", () => {
  test("re-exports every public kernel value, and not the unchecked constructors", () => {
    const publicNames = Object.keys(kernelSource).filter((k) => !KERNEL_INTERNALS.includes(k)).sort();
    expect(Object.keys(kernel).sort()).toEqual(publicNames);
    for (const name of KERNEL_INTERNALS) expect(name in kernel).toBe(false);
  });

  test("the main entry carries the same kernel as a namespace", () => {
    expect(Object.keys(main.kernel).sort()).toEqual(Object.keys(kernel).sort());
    expect(main.kernel.densityMatrix).toBe(kernel.densityMatrix);
  });
});

describe("qkd-harness", () => {
  test("exposes the engine, registry, parameter schemas, randomness, fc and z — and no unsafe constructor", () => {
    expect(main.runProperty).toBe(propertiesSource.runProperty);
    for (const name of ["runProperty", "toJson", "allProperties", "propertyById", "numeric", "probability", "threshold", "seeded", "drawBits", "fc", "z", "kernel"]) {
      expect(main).toHaveProperty(name);
    }
    expect(Object.keys(main).filter((k) => /unsafe/i.test(k))).toEqual([]);
    expect(typeof main.fc.property).toBe("function");
    expect(typeof main.z.object).toBe("function");
  });

  test("qkd-harness/arbitraries re-exports every shipped arbitrary and the same fast-check", () => {
    const shipped = Object.keys(arbitrariesSource).sort();
    expect(Object.keys(arbitraries).filter((k) => k !== "fc").sort()).toEqual(shipped);
    expect(arbitraries.fc.property).toBe(main.fc.property);
  });
});

describe("protocol entries", () => {
  test.each([
    ["bb84", bb84, bb84Source, bb84.bb84Properties, bb84Properties],
    ["auth", auth, authSource, auth.authProperties, authProperties],
    ["kdc", kdc, kdcSource, kdc.kdcProperties, kdcProperties],
  ] as const)("qkd-harness/%s carries the whole model barrel and the shipped properties", (name, entry, source, exported, shipped) => {
    for (const key of Object.keys(source)) expect(entry, `${name}.${key}`).toHaveProperty(key);
    expect(exported).toBe(shipped);
    expect(Object.keys(main[name]).sort()).toEqual(Object.keys(entry).sort());
  });
});
