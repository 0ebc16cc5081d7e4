// The model benchmark's workload under real Pyodide (WebAssembly CPython) in Node.
//
//   node benchmarks/pyodide_bench.mjs   -> JSON: wall-clock cost of simulated time
//
// Runs benchmarks/model_workload.py, the same file CPython runs in model_bench.py, on
// the calf_pump sources copied into Pyodide's virtual file system. Nothing is fetched.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });

const home = "/home/pyodide";
pyodide.FS.mkdirTree(`${home}/calf_pump`);
const src = join(root, "interactive", "calf_pump");
for (const name of readdirSync(src).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.writeFile(`${home}/calf_pump/${name}`, readFileSync(join(src, name), "utf8"));
}
pyodide.FS.writeFile(`${home}/model_workload.py`,
  readFileSync(join(root, "benchmarks", "model_workload.py"), "utf8"));

const out = pyodide.runPython(`
import json, sys
sys.path.insert(0, "${home}")
from model_workload import measure
json.dumps(measure())
`);
process.stdout.write(out + "\n");
