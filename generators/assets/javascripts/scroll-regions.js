// Wide tables scroll sideways inside Material's .md-typeset__scrollwrap. A keyboard user
// can only scroll a region that can take focus, so give each overflowing one a tab stop
// and a name (WCAG 2.1.1; axe rule scrollable-region-focusable).

function label(wrap) {
  const caption = wrap.querySelector("caption")?.textContent?.trim();
  const heading = wrap.previousElementSibling?.closest("h2, h3, p")?.textContent?.trim();
  return caption || heading || "Table";
}

function mark() {
  for (const wrap of document.querySelectorAll(".md-typeset__scrollwrap")) {
    if (wrap.scrollWidth > wrap.clientWidth + 1) {
      wrap.tabIndex = 0;
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", `${label(wrap).slice(0, 80)} (scrolls sideways)`);
    } else {
      wrap.removeAttribute("tabindex");
      wrap.removeAttribute("role");
      wrap.removeAttribute("aria-label");
    }
  }
}

if (window.document$) window.document$.subscribe(mark);
else mark();
window.addEventListener("resize", () => requestAnimationFrame(mark));
