"""Tests, laid out like the code: generators/<stage>/, interactive/<package>/, benchmarks/,
plus the built site (site/), the browser (browser/) and Pyodide in Node (node/)."""
