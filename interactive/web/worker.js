// The widgets' Web Worker: runs Pyodide and the project's Python, so the page only draws.
//
// Protocol (all messages are plain objects):
//   page -> worker  {type: "boot"}   (paths default to this site's own copies, below)
//   worker -> page  {type: "progress", value: 0..100, label} ... then {type: "ready"}
//                   or {type: "boot-error", message}
//   page -> worker  {type: "call", id, op, args}      (op: see bridge.py OPS, plus "checklist.fetch")
//   worker -> page  {type: "result", id, json} or {type: "result", id, error}
// Requests are answered in the order they arrive; Python runs one at a time.

let python = null; // {pyodide, handle}
let booting = null;

// Everything comes from this site, next to this file: never a CDN.
const DEFAULTS = {
  pyodideBase: new URL("../pyodide/", import.meta.url).href,
  bridgeURL: new URL("./bridge.py", import.meta.url).href,
  packages: ["calf-pump", "risk-checklist"],
};

function progress(value, label, stage) {
  // `at` (ms since the epoch origin): when it happened here, not when the page, maybe
  // still loading, got round to reading it.
  self.postMessage({ type: "progress", value, label, stage, at: performance.timeOrigin + performance.now() });
}

async function boot(options) {
  const { pyodideBase, bridgeURL, packages } = { ...DEFAULTS, ...options };
  progress(5, "Downloading Python (about 12 MB, once per visit)…", "download");
  // Fetch the glue now so it arrives while Python boots.
  const bridgeSource = fetch(bridgeURL).then((response) => {
    if (!response.ok) throw new Error(`bridge.py could not be downloaded (HTTP ${response.status}).`);
    return response.text();
  });
  bridgeSource.catch(() => {}); // reported below, where it is awaited
  let loadPyodide;
  try {
    ({ loadPyodide } = await import(new URL("pyodide.mjs", pyodideBase).href));
  } catch (err) {
    throw new Error(`Python could not be downloaded (pyodide.mjs did not load: ${err.message}).`);
  }
  const pyodide = await loadPyodide({
    indexURL: pyodideBase,
    lockFileURL: new URL("pyodide-lock.json", pyodideBase).href,
    packageBaseUrl: pyodideBase, // never the CDN default
    stdout: () => {},
    stderr: (line) => console.debug("[python]", line),
  });
  progress(70, "Loading the model…", "packages");
  // loadPackage checks each wheel's sha256 against the site's pyodide-lock.json.
  await pyodide.loadPackage(packages, { messageCallback: () => {}, checkIntegrity: true });
  progress(90, "Almost ready…", "bridge");
  const namespace = pyodide.toPy({});
  pyodide.runPython(await bridgeSource, { globals: namespace, filename: "bridge.py" });
  python = { pyodide, handle: namespace.get("handle") };
  progress(100, "Ready", "ready");
}

async function call(op, args) {
  if (op === "checklist.fetch") {
    // The worker reads checklist.json itself so the page never holds a second copy.
    const response = await fetch(args.url);
    if (!response.ok) throw new Error(`checklist.json could not be downloaded (HTTP ${response.status}).`);
    return python.handle("checklist.load", JSON.stringify({ text: await response.text() }));
  }
  return python.handle(op, JSON.stringify(args ?? {}));
}

self.addEventListener("message", async (event) => {
  const message = event.data;
  if (message.type === "boot") {
    booting ??= boot({ ...message, type: undefined });
    try {
      await booting;
      self.postMessage({ type: "ready" });
    } catch (err) {
      booting = null;
      self.postMessage({ type: "boot-error", message: err?.message ?? String(err) });
    }
  } else if (message.type === "call") {
    try {
      if (!python) throw new Error("Python is not running yet.");
      self.postMessage({ type: "result", id: message.id, json: await call(message.op, message.args) });
    } catch (err) {
      // Python exceptions arrive as PythonError: keep the last line (the message itself).
      const text = String(err?.message ?? err).trim().split("\n").pop();
      self.postMessage({ type: "result", id: message.id, error: text });
    }
  }
});
