// Material for MkDocs: open the content tab a link points at (#__tabbed_...).
// Material's partials/javascripts/content.html as a file (md-globals.js says why).
var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))
