// Compiles the browser packages' Python files with Pyodide's own interpreter (in Node),
// for generators/widgets/bytecode.py: the bytecode must come from the exact Python the
// reader's browser runs, which the build's CPython is not.
//
//   node compile_bytecode.mjs <pyodide folder>   stdin:  {"<path in wheel>.py": base64 source}
//                                                stdout: {"<path in wheel>.pyc": base64 bytecode}
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const runtime = process.argv[2];
const sources = JSON.parse(readFileSync(0, "utf8"));
const { loadPyodide } = await import(pathToFileURL(join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({ indexURL: runtime + "/", stdout: () => {}, stderr: (line) => console.error(line) });
pyodide.globals.set("sources_json", JSON.stringify(sources));
const out = pyodide.runPython(`
import base64, json, os, py_compile

compiled = {}
for name, text in json.loads(sources_json).items():
    source = "/src/" + name
    os.makedirs(os.path.dirname(source), exist_ok=True)
    with open(source, "wb") as f:
        f.write(base64.b64decode(text))
    # Unchecked hash: zipimport uses it as it is (no source timestamp to compare), and the
    # bytes depend on nothing but the source, so the wheel stays reproducible.
    target = py_compile.compile(source, cfile=source + "c", dfile=name, doraise=True,
                                invalidation_mode=py_compile.PycInvalidationMode.UNCHECKED_HASH)
    with open(target, "rb") as f:
        compiled[name + "c"] = base64.b64encode(f.read()).decode()
json.dumps(compiled)
`);
process.stdout.write(out);
