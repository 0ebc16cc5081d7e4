// Run the calf_pump model under real Pyodide (WebAssembly CPython) in Node.
//
//   node tests/node/model_parity.mjs   -> JSON list: run_report() for every scenario
//
// (The speed benchmark is benchmarks/pyodide_bench.mjs.)
// The package's .py files are copied into Pyodide's virtual file system, so this runs
// exactly the source CPython runs; nothing is fetched from the network.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));

const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });
const src = join(root, "interactive", "calf_pump");
pyodide.FS.mkdirTree("/home/pyodide/calf_pump");
for (const name of readdirSync(src)) {
  if (name.endsWith(".py")) {
    pyodide.FS.writeFile(`/home/pyodide/calf_pump/${name}`, readFileSync(join(src, name), "utf8"));
  }
}

const REPORT = `
import json, sys
sys.path.insert(0, "/home/pyodide")
from calf_pump import SCENARIO_NAMES
from calf_pump.protocols import run_report
json.dumps([run_report(name) for name in SCENARIO_NAMES])
`;

const out = pyodide.runPython(REPORT);
process.stdout.write(out + "\n");
