/**
 * Mark every `bin` file of package.json executable (mode 755), after the build.
 *
 * tsc writes `dist/cli/main.js` with the default file mode; npm links it into
 * `node_modules/.bin` but only makes it executable when it installs the package from a
 * tarball, not in a checkout. Node's `chmodSync` is a no-op on Windows, where npm writes
 * `.cmd` shims instead, so this runs everywhere. Run by the `prepare` script.
 */
import { chmodSync, existsSync, readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const bins = typeof pkg.bin === "string" ? [pkg.bin] : Object.values(pkg.bin ?? {});
for (const bin of bins) {
  const file = new URL(`../${bin}`, import.meta.url);
  if (!existsSync(file)) {
    console.error(`make-bin-executable: ${bin} does not exist; run npm run build first`);
    process.exit(1);
  }
  chmodSync(file, 0o755);
}
