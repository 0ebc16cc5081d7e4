// The widgets' Web Worker: runs Pyodide and the project's Python, so the page only draws.
//
// Protocol (all messages are plain objects; README.md, "Worker protocol"):
//   on start        boots at once with this site's own files (below)
//   page -> worker  {type: "boot"}                    answered with "ready" or "boot-error"
//   worker -> page  {type: "progress", value: 0..100, stage, at} ... then {type: "ready"}
//                   (the page words each stage in its own language: runtime.js, widgets.js)
//                   or {type: "boot-error", message}; {type: "progress", stage, at}: a mark only
//   page -> worker  {type: "prepare", module}         import a package the page will use
//   page -> worker  {type: "call", id, op, args}      (op: see bridge.py OPS, plus "checklist.fetch")
//   worker -> page  {type: "result", id, json, at} or {type: "result", id, error}
// Requests are answered in the order they arrive; Python runs one at a time.
//
// Start-up, everything at once (README.md, "Start-up"):
//   pyodide-lock.json ─> the project wheels, fetched with Subresource Integrity (the
//                        lockfile's sha256): a wheel that does not match is never used
//   pyodide.mjs ─> loadPyodide (runtime, standard library)       } in parallel
//   bridge.py                                                      }
// then the verified wheels are written into Python's file system and put on sys.path
// (imported straight from the zip, like the standard library), and bridge.py is imported.

let python = null; // {pyodide, handle}
let booting = null;

// Everything comes from this site, next to this file: never a CDN.
const DEFAULTS = {
  pyodideBase: new URL("../pyodide/", import.meta.url).href,
  bridgeURL: new URL("./bridge.py", import.meta.url).href,
  packages: ["calf-pump", "risk-checklist"],
};
// What a page may ask to have imported ahead of its first call ("prepare").
const IMPORTABLE = new Set(["calf_pump", "risk_checklist"]);
// Where the verified wheels go inside Python's (in-memory) file system, with bridge.py
// under a name no package of Pyodide's uses.
const WHEEL_DIR = "/lib/second-heart";
const BRIDGE_MODULE = "second_heart_bridge";

const now = () => performance.timeOrigin + performance.now();
// When this worker was created and when its script ran, for the bench's timeline.
const timeline = [["worker-created", performance.timeOrigin], ["worker-script", now()]];

function progress(value, stage) {
  // `at` (ms since the epoch origin): when it happened here, not when the page, maybe
  // still loading, got round to reading it.
  self.postMessage({ type: "progress", value, stage, at: now() });
}

/** A stage the page records as a performance mark, without changing the visible progress. */
function mark(stage, at = now()) {
  self.postMessage({ type: "progress", stage, at });
}

// Not fetch({priority: "low"}) for our own files, tried to leave the runtime's big files
// more of the connection: Chromium then held a wheel back for up to 3.5 s, past the
// moment the interpreter was up and waiting for it.
async function download(url, what, init) {
  let response;
  try {
    response = await fetch(url, init);
  } catch (err) {
    // With `integrity`, a body that does not match the hash is a network error too.
    const checked = init?.integrity ? " or did not match its checksum in pyodide-lock.json" : "";
    throw new Error(`${what} could not be downloaded${checked} (${err.message}).`);
  }
  if (!response.ok) throw new Error(`${what} could not be downloaded (HTTP ${response.status}).`);
  return response;
}

/** The lockfile's sha256 (hex) as a Subresource Integrity value. */
function integrity(sha256) {
  const bytes = sha256.match(/../g).map((pair) => parseInt(pair, 16));
  return "sha256-" + btoa(String.fromCharCode(...bytes));
}

/** Fetch each wheel named in the lockfile; the browser refuses bytes that do not match. */
async function fetchWheels(lockfile, packages, base) {
  const lock = await lockfile;
  const wheels = await Promise.all(packages.map(async (name) => {
    const entry = lock.packages?.[name];
    if (!entry?.sha256) throw new Error(`pyodide-lock.json has no entry with a checksum for ${name}.`);
    const response = await download(new URL(entry.file_name, base), `The ${name} package`, {
      integrity: integrity(entry.sha256),
    });
    return { name, file: entry.file_name, bytes: new Uint8Array(await response.arrayBuffer()) };
  }));
  mark("wheels-verified");
  return wheels;
}

async function boot(options) {
  const { pyodideBase, bridgeURL, packages } = { ...DEFAULTS, ...options };
  for (const [stage, at] of timeline) mark(stage, at);
  progress(5, "download");
  // Start every download now: they arrive while Python boots.
  const lockfile = download(new URL("pyodide-lock.json", pyodideBase), "pyodide-lock.json")
    .then((response) => response.json());
  const wheels = fetchWheels(lockfile, packages, pyodideBase);
  const bridgeSource = download(bridgeURL, "bridge.py").then((response) => response.text());
  for (const pending of [lockfile, wheels, bridgeSource]) pending.catch(() => {}); // reported where awaited
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href));
  } catch (err) {
    throw new Error(`Python could not be downloaded (pyodide.mjs did not load: ${err.message}).`);
  }
  mark("runtime-script");
  const pyodide = await loadPyodide({
    indexURL: pyodideBase,
    lockFileContents: lockfile,
    packageBaseUrl: pyodideBase, // never the CDN default
    // Called once the WebAssembly module is compiled and running, before Python starts:
    // the timeline's split between downloading/compiling and starting the interpreter.
    fsInit: async () => mark("runtime-instantiated"),
    stdout: () => {},
    stderr: (line) => console.debug("[python]", line),
  });
  progress(70, "packages");
  // When the two big downloads were asked for, began to arrive and finished (this worker's
  // resource timing), for the timeline: a late first byte is a request kept waiting.
  for (const [file, name] of [["pyodide.asm.wasm", "wasm"], ["python_stdlib.zip", "stdlib"]]) {
    const entry = performance.getEntriesByName(new URL(file, pyodideBase).href)[0];
    if (!entry) continue;
    mark(`${name}-requested`, performance.timeOrigin + entry.startTime);
    mark(`${name}-first-byte`, performance.timeOrigin + entry.responseStart);
    mark(`${name}-downloaded`, performance.timeOrigin + entry.responseEnd);
  }
  // Only bytes that passed the integrity check get here.
  pyodide.FS.mkdirTree(WHEEL_DIR);
  const paths = (await wheels).map(({ file, bytes }) => {
    const path = `${WHEEL_DIR}/${file}`;
    pyodide.FS.writeFile(path, bytes);
    return path;
  });
  // bridge.py is imported as a module, not given to runPython: runPython reads a program
  // through Python's ast module (to find a last expression to return), which for a file
  // this size cost 25-100 ms more than the plain compile of an import.
  pyodide.FS.writeFile(`${WHEEL_DIR}/${BRIDGE_MODULE}.py`, await bridgeSource);
  progress(90, "bridge");
  const namespace = pyodide.toPy({ wheel_paths: [...paths, WHEEL_DIR] });
  // The wheels are pure Python: importing them from the zip is what installing would
  // give, without the installer's own imports (about 100 ms at start-up).
  pyodide.runPython("import sys\nsys.path[0:0] = wheel_paths\ndel wheel_paths", { globals: namespace });
  const bridge = pyodide.pyimport(BRIDGE_MODULE);
  python = { pyodide, handle: bridge.handle };
  progress(100, "ready");
}

// checklist.json, asked for as soon as a page says it will use the checklist ("prepare"):
// it then arrives while Python boots instead of one round trip after "ready".
const CHECKLIST_URL = new URL("./checklist.json", import.meta.url).href;
const early = new Map(); // address -> Promise of its text

const downloadText = (url) => download(url, "checklist.json").then((response) => response.text());

function fetchEarly(module) {
  if (module !== "risk_checklist" || early.has(CHECKLIST_URL)) return;
  const text = downloadText(CHECKLIST_URL);
  text.catch(() => {}); // asked for again, and reported, by the call that needs it
  early.set(CHECKLIST_URL, text);
}

async function call(op, args) {
  if (op === "checklist.fetch") {
    // The worker reads checklist.json itself so the page never holds a second copy.
    const pending = early.get(args.url);
    early.delete(args.url); // used once: a later page asks afresh
    const text = await (pending?.catch(() => downloadText(args.url)) ?? downloadText(args.url));
    return python.handle("checklist.load", JSON.stringify({ text }));
  }
  return python.handle(op, JSON.stringify(args ?? {}));
}

let firstCall = true;

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    booting ??= boot({ ...message, type: undefined }); // a retry in this worker, or options
    try {
      await booting;
      self.postMessage({ type: "ready" });
    } catch (err) {
      booting = null;
      self.postMessage({ type: "boot-error", message: err?.message ?? String(err) });
    }
  } else if (message.type === "prepare") {
    // Import a package a widget on the page will use while the page answers "ready".
    fetchEarly(message.module);
    try {
      await booting;
    } catch {
      return; // the boot error has been reported
    }
    if (python && IMPORTABLE.has(message.module)) {
      python.pyodide.runPython(`import ${message.module}`);
      mark(`imported-${message.module}`);
    }
  } else if (message.type === "call") {
    try {
      if (!python) throw new Error("Python is not running yet.");
      if (firstCall) mark("first-call");
      const json = await call(message.op, message.args);
      if (firstCall) mark("first-call-answered");
      firstCall = false;
      self.postMessage({ type: "result", id: message.id, json, at: now() });
    } catch (err) {
      // Python exceptions arrive as PythonError: keep the last line (the message itself).
      const text = String(err?.message ?? err).trim().split("\n").pop();
      self.postMessage({ type: "result", id: message.id, error: text });
    }
  }
});

// Start at once with this site's paths: this worker exists only to run Python, and the
// page's "boot" message (queued until this script has run, then passed on by a page
// that is still busy loading) can arrive 100 ms or more later. It answers "ready".
booting = boot({});
booting.catch(() => {}); // reported in answer to "boot"
