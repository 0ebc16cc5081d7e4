// Glossary tooltips: a term's plain-language meaning (<abbr title="...">, from
// content/<lang>/glossary.yml, first use on a page only: generators/pages/abbr.py), shown
// when the reader points at the term, taps it or moves to it with the keyboard.
//
// Material's own tooltips (its content.tooltips feature) set up every titled element of a
// page while it opens, with observers and layout reads for each: a fifth of the script
// time of an article's start on a throttled phone (issue #12). This sets up nothing but a
// few listeners on the document, draws one tooltip when a reader reaches for a term, and
// looks like Material's (its .md-tooltip2 styles). Without it (or without JavaScript) the
// terms keep their title, which desktop browsers show on hover.
//
// WCAG 2.2 1.4.13: the tooltip stays while the pointer is over the term or the tooltip,
// or the term has focus; Escape closes it; it covers nothing the reader moved to.
// The text is shown as text: the build escapes each definition for Material, which shows
// titles as HTML, so reading the title as HTML and keeping only its text shows the same
// words and can never make an element.

const TERM = ".md-content abbr[title], .md-content abbr[data-sh-title]";
let tip = null; // the one tooltip element, made the first time a reader asks
let shown = null; // the term whose meaning is shown
let hiding = 0;

function words(term) {
  const title = term.getAttribute("title") ?? term.dataset.shTitle ?? "";
  return new DOMParser().parseFromString(title, "text/html").body.textContent ?? "";
}

function element() {
  if (tip) return tip;
  tip = document.createElement("div");
  tip.className = "md-tooltip2";
  tip.setAttribute("role", "tooltip");
  tip.id = "sh-tooltip";
  const inner = document.createElement("div");
  inner.className = "md-tooltip2__inner md-typeset";
  tip.append(inner);
  tip.addEventListener("pointerleave", (event) => leave(event.relatedTarget));
  document.body.append(tip);
  return tip;
}

function show(term) {
  clearTimeout(hiding);
  if (shown === term) return;
  if (shown) hide();
  const box = element();
  box.firstElementChild.textContent = words(term);
  // The browser's own tooltip would show the same words a second time.
  term.dataset.shTitle = term.getAttribute("title") ?? term.dataset.shTitle ?? "";
  term.removeAttribute("title");
  term.setAttribute("aria-describedby", box.id);
  shown = term;
  place(term, box);
  box.classList.add("md-tooltip2--active");
}

function place(term, box) {
  const rect = term.getBoundingClientRect();
  const inner = box.firstElementChild;
  box.style.setProperty("--md-tooltip-host-x", `${rect.left + window.scrollX}px`);
  box.style.setProperty("--md-tooltip-host-y", `${rect.top + window.scrollY}px`);
  box.style.setProperty("--md-tooltip-x", `${rect.width / 2}px`);
  box.style.setProperty("--md-tooltip-tail", "0px");
  box.style.setProperty("--md-tooltip-width", `${inner.offsetWidth}px`);
  // Below the term, or above it when the term is in the lower half of the screen.
  const above = rect.top >= window.innerHeight / 2;
  box.style.setProperty("--md-tooltip-y", above ? `${-16 - inner.offsetHeight}px` : `${8 + rect.height}px`);
  box.classList.toggle("md-tooltip2--top", above);
  box.classList.toggle("md-tooltip2--bottom", !above);
}

function hide() {
  clearTimeout(hiding);
  if (!shown) return;
  shown.setAttribute("title", shown.dataset.shTitle ?? "");
  delete shown.dataset.shTitle;
  shown.removeAttribute("aria-describedby");
  shown = null;
  tip?.classList.remove("md-tooltip2--active");
}

/** The pointer left the term or the tooltip: hide, unless it went from one to the other. */
function leave(to) {
  if (!shown) return;
  if (to instanceof Node && (shown.contains(to) || tip?.contains(to))) return;
  clearTimeout(hiding);
  hiding = setTimeout(hide, 250);
}

function termOf(target) {
  return target instanceof Element ? target.closest(TERM) : null;
}

document.addEventListener("pointerover", (event) => {
  const term = termOf(event.target);
  if (term) show(term);
  else if (tip?.contains(event.target)) clearTimeout(hiding);
});
document.addEventListener("pointerout", (event) => {
  if (termOf(event.target) === shown) leave(event.relatedTarget);
});
document.addEventListener("pointerdown", (event) => {
  // A tap anywhere else closes the tooltip (on a phone no pointer leaves the term).
  if (shown && !termOf(event.target) && !tip?.contains(event.target)) hide();
});
document.addEventListener("focusin", (event) => {
  const term = termOf(event.target);
  if (term) show(term);
  else hide();
});
document.addEventListener("focusout", (event) => {
  if (termOf(event.target) === shown && !termOf(event.relatedTarget)) hide();
});
document.addEventListener("keydown", (event) => {
  if (event.key === "Escape" && shown) hide();
});
window.addEventListener("resize", hide);

/** Terms take the keyboard's focus, so a keyboard reader can open them too. */
function reachable() {
  hide();
  for (const term of document.querySelectorAll(TERM)) {
    if (!term.hasAttribute("tabindex")) term.tabIndex = 0;
  }
}

// Material's document$ emits after every instant navigation (and once at the start).
if (window.document$) window.document$.subscribe(reachable);
else reachable();
