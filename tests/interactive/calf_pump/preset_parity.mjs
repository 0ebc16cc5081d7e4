// Every exercise-demo preset run under real Pyodide (WebAssembly CPython) in Node, in the
// live view's chunks (2 s of model time, one sample a second), with the wall-clock time it
// took. test_exercise_presets_pyodide.py compares the numbers with CPython's; the timing is
// printed for the report, never asserted. Nothing is fetched.
import { readFileSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
const { loadPyodide } = await import(join(root, "node_modules", "pyodide", "pyodide.mjs"));
const pyodide = await loadPyodide({ indexURL: join(root, "node_modules", "pyodide") });

const home = "/home/pyodide";
pyodide.FS.mkdirTree(`${home}/calf_pump`);
const src = join(root, "interactive", "calf_pump");
for (const name of readdirSync(src).filter((n) => n.endsWith(".py"))) {
  pyodide.FS.writeFile(`${home}/calf_pump/${name}`, readFileSync(join(src, name), "utf8"));
}

const out = pyodide.runPython(`
import json, sys, time
sys.path.insert(0, "${home}")
from calf_pump.presets import PRESETS, PresetRun
PresetRun("walking")  # warm up: imports and the resting state
found = {}
for preset_id in PRESETS:
    run = PresetRun(preset_id)
    started = time.perf_counter()
    while not run.done:
        run.advance(2.0, 1.0)
    wall = time.perf_counter() - started
    found[preset_id] = {"result": run.result(), "wall_s": wall, "simulated_s": run.total_s}
json.dumps(found)
`);
process.stdout.write(out + "\n");
