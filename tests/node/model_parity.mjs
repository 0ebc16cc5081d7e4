// Run the calf_pump model under real Pyodide (WebAssembly CPython) in Node.
//
//   node tests/node/model_parity.mjs report   -> JSON list: run_report() for every scenario
//   node tests/node/model_parity.mjs bench    -> JSON: wall-clock cost of simulated time
//
// The package's .py files are copied into Pyodide's virtual file system, so this runs
// exactly the source CPython runs; nothing is fetched from the network.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));

const mode = process.argv[2] ?? "report";
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

const BENCH = `
import json, sys, time
sys.path.insert(0, "/home/pyodide")
from calf_pump import LegModel
m = LegModel()
m.set_activity("walk", speed_kmh=4.0)
m.run(5.0)
t0 = time.perf_counter(); m.run(60.0); wall = time.perf_counter() - t0
frames = 600
t0 = time.perf_counter()
for _ in range(frames):
    m.step(1.0 / 60.0)
    m.snapshot()
frame = (time.perf_counter() - t0) / frames
t0 = time.perf_counter()
from calf_pump.protocols import run_report
from calf_pump import SCENARIO_NAMES
for name in SCENARIO_NAMES:
    run_report(name)
report_all = time.perf_counter() - t0
json.dumps({"sim_s_per_wall_s": 60.0 / wall, "frame_ms": frame * 1000.0,
            "report_all_s": report_all})
`;

const out = pyodide.runPython(mode === "bench" ? BENCH : REPORT);
process.stdout.write(out + "\n");
