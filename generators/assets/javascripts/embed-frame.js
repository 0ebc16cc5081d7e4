// In an embed view (generators/theme/embed.html), inside another site's iframe:
//  - tells the page around it how tall this page is, whenever that changes, as
//    {type: "second-heart:height", height: <whole CSS px>} plus {id} when the iframe has a
//    name (several frames on one page). The host's embed.js sizes the iframe with it.
//    The message holds nothing else, and this script never reads the host page.
//  - opens links that leave this page in a new tab (the build does it for the links it
//    writes: generators/embeds/links.py; this covers the ones a widget adds later), so the
//    host page stays and the full page is never opened inside the frame;
//  - follows the reader's light or dark setting, as the site does, without storing it.
(function () {
  "use strict";
  var MESSAGE = "second-heart:height";
  var root = document.documentElement;

  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function scheme() {
    var body = document.body;
    if (!body) return;
    body.setAttribute("data-md-color-scheme", dark && dark.matches ? "slate" : "default");
    body.setAttribute("data-md-color-primary", "custom");
    body.setAttribute("data-md-color-accent", "custom");
  }
  if (dark && dark.addEventListener) dark.addEventListener("change", scheme);

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a[href]") : null;
    if (!link || link.target) return;
    var url = new URL(link.href, location.href);
    if (url.origin === location.origin && url.pathname === location.pathname && url.hash) return;
    link.target = "_blank";
    link.rel = "noopener";
  });

  var framed = window.parent !== window;
  var id = typeof window.name === "string" && /^[\w-]{1,64}$/.test(window.name) ? window.name : null;
  var sent = -1;
  function send() {
    var height = Math.ceil(root.getBoundingClientRect().height);
    if (!framed || height === sent || !(height > 0)) return;
    sent = height;
    var message = { type: MESSAGE, height: height };
    if (id) message.id = id;
    // Only a number goes out, so any parent may read it: the frame cannot know which site
    // holds it without reading the host page, which it never does.
    window.parent.postMessage(message, "*");
  }

  function start() {
    scheme();
    send();
    if ("ResizeObserver" in window) new ResizeObserver(send).observe(root);
    else window.addEventListener("resize", send);
    window.addEventListener("load", send);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
