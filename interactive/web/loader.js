// On every page; fetches widgets.css and <kind>-widget.js only where a widget is. README.md
let loaded = false;
function check() {
  const kinds = new Set([...document.querySelectorAll("[data-widget]")].map((el) => el.dataset.widget));
  if (loaded || !kinds.size) return;
  loaded = true;
  // In <body>, which instant navigation keeps (it drops <head> links the next page lacks).
  const add = (tag, props) => document.body.append(Object.assign(document.createElement(tag), props));
  const url = (file) => new URL(file, import.meta.url);
  add("link", { rel: "stylesheet", href: url("widgets.css") });
  for (const kind of kinds) add("script", { type: "module", src: url(`${kind}-widget.js`) });
}
check();
window.document$?.subscribe(check);
