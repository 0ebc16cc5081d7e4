// Material for MkDocs: apply the reader's saved colour palette before the page is drawn.
// Material's partials/javascripts/palette.html as a file (md-globals.js says why), with
// one change: it is loaded in <head> (partials/javascripts/base.html), not in the middle
// of the header. There it stopped the parser half-way through the page, and the browser
// painted the page in two goes, the header first and the text once this file had come,
// which put off the page's largest paint (issue #12). Material's code needs <body> and the
// palette's inputs, so it runs as soon as the parser has made them: a MutationObserver's
// callback runs before the browser paints anything the parser made. A page without the
// palette (an embed view) is left as it is.
(function () {
  function apply() {
    var palette=__md_get("__palette");if(palette&&palette.color){if("(prefers-color-scheme)"===palette.color.media){var media=matchMedia("(prefers-color-scheme: light)"),input=document.querySelector(media.matches?"[data-md-color-media='(prefers-color-scheme: light)']":"[data-md-color-media='(prefers-color-scheme: dark)']");palette.color.media=input.getAttribute("data-md-color-media"),palette.color.scheme=input.getAttribute("data-md-color-scheme"),palette.color.primary=input.getAttribute("data-md-color-primary"),palette.color.accent=input.getAttribute("data-md-color-accent")}for(var[key,value]of Object.entries(palette.color))document.body.setAttribute("data-md-color-"+key,value)}
  }
  var saved;
  try {
    saved = __md_get("__palette");
  } catch (error) {
    return;
  }
  if (!saved || !saved.color) return;
  function ready() { // the parser is past the palette's form, so all its inputs are there
    var form = document.querySelector("[data-md-component=palette]");
    return form && form.nextSibling;
  }
  var observer = new MutationObserver(function () {
    if (!ready()) return;
    observer.disconnect();
    apply();
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
})();
