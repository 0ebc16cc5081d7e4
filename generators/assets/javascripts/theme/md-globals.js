// Material for MkDocs' page globals (__md_scope, __md_hash, __md_get, __md_set), which its
// bundle expects before anything else runs. Material writes them as an inline script in
// partials/javascripts/base.html; here they are a file, so the site's Content-Security-Policy
// allows no inline script (generators/theme overrides the partial). The code is Material's,
// except that the scope comes from the script element's data-md-scope attribute.
__md_scope=new URL(document.currentScript.dataset.mdScope,location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),__md_set=(e,_,t=localStorage,a=__md_scope)=>{try{t.setItem(a.pathname+"."+e,JSON.stringify(_))}catch(e){}}
