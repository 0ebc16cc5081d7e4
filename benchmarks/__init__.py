"""Everything that measures: model speed (CPython and Pyodide), widget load and frame times.

Scripts print figures, and ratios against a baseline run in the same process; they never
assert on timings. Nothing under generators/ imports this package; tests may use its
harness (the local server and the Chromium finder).
"""
