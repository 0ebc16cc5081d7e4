// Second Heart embeds: sizes each Second Heart iframe on this page to the height of its
// content. Add it once, anywhere on the page that holds the frames:
//   <script src="https://<second heart site>/assets/javascripts/embed.js" async></script>
// Without it the frames keep their fixed height and scroll. It needs nothing but this file
// (a page with a Content-Security-Policy allows it with script-src <our site>), sets no
// cookies, stores nothing and sends nothing.
//
// A message is used only when all of these hold, and anything else is ignored:
//  - it comes from the window of an <iframe data-second-heart-embed> on this page
//    (event.source is that frame's contentWindow),
//  - from the origin of that iframe's src (event.origin), which is the origin this script
//    came from (a frame of another site is never sized, even if marked),
//  - it is exactly {type: "second-heart:height", height, id?}: a whole number of pixels,
//    0 < height < 20000, and an id, if any, equal to the iframe's name.
(function () {
  "use strict";
  var MESSAGE = "second-heart:height";
  var MAX_HEIGHT = 20000;
  var KEYS = { type: true, height: true, id: true };
  var script = document.currentScript;
  var OURS = script && script.src ? new URL(script.src, document.baseURI).origin : null;

  function frames() {
    return Array.prototype.slice.call(document.querySelectorAll("iframe[data-second-heart-embed]"));
  }

  function originOf(frame) {
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (error) {
      return null;
    }
  }

  function valid(data, frame) {
    if (!data || typeof data !== "object" || Array.isArray(data)) return false;
    for (var key in data) {
      if (!Object.prototype.hasOwnProperty.call(KEYS, key)) return false;
    }
    if (data.type !== MESSAGE) return false;
    if (typeof data.height !== "number" || !Number.isInteger(data.height)) return false;
    if (data.height <= 0 || data.height >= MAX_HEIGHT) return false;
    if ("id" in data && (typeof data.id !== "string" || data.id !== frame.name)) return false;
    return true;
  }

  window.addEventListener("message", function (event) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (event.source !== frame.contentWindow) continue;
      if (event.origin !== originOf(frame) || event.origin !== OURS) return;
      if (!valid(event.data, frame)) return;
      frame.style.height = event.data.height + "px";  // CSSOM: allowed under a strict style-src
      return;
    }
  });
})();
