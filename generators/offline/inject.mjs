// Write the site's service worker: Workbox's injectManifest puts the precache list (every
// file the globs match, with a hash of its bytes) into the worker source Python prepared.
// Run by generators/offline/__init__.py as `node inject.mjs <settings.json>`; prints JSON:
// {"count", "size", "urls", "warnings"}. workbox-build is pinned in package-lock.json.
import { readFileSync } from "node:fs";
import { injectManifest } from "workbox-build";

const settings = JSON.parse(readFileSync(process.argv[2], "utf8"));
const urls = [];
const result = await injectManifest({
  globDirectory: settings.globDirectory,
  globPatterns: settings.globPatterns,
  globIgnores: settings.globIgnores,
  swSrc: settings.swSrc,
  swDest: settings.swDest,
  maximumFileSizeToCacheInBytes: settings.maximumFileSizeToCacheInBytes,
  manifestTransforms: [async (entries) => {
    urls.push(...entries.map((entry) => entry.url));
    return { manifest: entries, warnings: [] };
  }],
});
process.stdout.write(JSON.stringify({
  count: result.count, size: result.size, urls, warnings: result.warnings,
}));
