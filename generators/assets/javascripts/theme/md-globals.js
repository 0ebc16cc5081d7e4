// Material for MkDocs' page globals (__md_scope, __md_hash, __md_get, __md_set), which its
// bundle expects before anything else runs. Material writes them as an inline script in
// partials/javascripts/base.html; here they are a file, so the site's Content-Security-Policy
// allows no inline script (generators/theme overrides the partial). The code is Material's,
// except that the scope comes from the script element's data-md-scope attribute.
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}

// The search index on demand. Material's bundle downloads search/search_index.json (about
// 75 KB compressed, more than the rest of an article) the moment a page opens, for a
// search most readers never make. Here that one request waits until the reader heads for
// the search: a pointer over or on the search box or button, focus in it (the "/", "s"
// and "f" keys focus it too), or a page opened from a search result (?h=, whose words
// Material highlights). Search then works as before, from the same file (the offline
// worker has it precached), after "Initializing search" for a moment. Every other request
// is untouched. This runs before the bundle (which is why it lives in this file).
(() => {
  const held = new WeakSet();
  const waiting = [];
  let wanted = /[?&](h|q)=/.test(location.search);
  const intents = ["pointerover", "pointerdown", "focusin", "change"];
  const want = () => {
    if (wanted) return;
    wanted = true;
    for (const type of intents) document.removeEventListener(type, onIntent, true);
    for (const send of waiting.splice(0)) send();
  };
  function onIntent(event) {
    const target = event.target;
    if (target instanceof Element && target.closest('.md-search, label[for="__search"], #__search')) want();
  }
  if (!wanted) for (const type of intents) document.addEventListener(type, onIntent, true);

  const { open, send } = XMLHttpRequest.prototype;
  XMLHttpRequest.prototype.open = function (method, url, ...rest) {
    const address = new URL(url, location.href);
    if (address.origin === location.origin && address.pathname.endsWith("/search/search_index.json")) held.add(this);
    return open.call(this, method, url, ...rest);
  };
  XMLHttpRequest.prototype.send = function (...body) {
    if (wanted || !held.has(this)) return send.apply(this, body);
    waiting.push(() => send.apply(this, body));
  };
})();

// Material for MkDocs: apply the reader's saved colour palette before the page is drawn,
// on pages whose <script> tag has data-md-palette (not embed views, which keep the host's
// look). Material's partials/javascripts/palette.html, with one change: it runs from this
// file in <head> (one request with the globals above: each render-blocking file costs a
// phone a round trip, #12), not from the middle of the header, where it stopped the parser
// half-way through the page and the browser painted the header first and the text later.
// Material's code needs <body> and the palette's inputs, so it runs as soon as the parser
// has made them: a MutationObserver's callback runs before the browser paints anything the
// parser made.
(function (palettePage) {
  if (!palettePage) return;
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
})(document.currentScript !== null && "mdPalette" in document.currentScript.dataset);
