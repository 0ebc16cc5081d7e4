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
