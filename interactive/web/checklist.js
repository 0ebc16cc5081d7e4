// The risk-factor checklist's view: reads the ticks, asks risk_checklist (in the worker)
// what they mean, and writes the summary, plan and care card. Nothing leaves the browser;
// answers are stored only when the person presses "Save on this device".

import { callPython, fill, startPython, wordsOf, CHECKLIST_URL, SITE_ROOT } from "./runtime.js";

const STORAGE_KEY = "second-heart:checklist:v1";

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  node.append(...children);
  return node;
}

const siteLink = (url, text) => element("a", { href: new URL(url, SITE_ROOT).href }, text);

// HTML made at build time from the site's own content (checklist.json). Its links are
// relative to the site root, so they are made absolute for whichever page shows them.
function contentHtml(tag, attributes, markup) {
  const node = element(tag, attributes);
  node.innerHTML = markup;
  for (const link of node.querySelectorAll("a[href]")) {
    const href = link.getAttribute("href");
    if (!/^([a-z][a-z0-9+.-]*:|#|\/)/i.test(href)) link.href = new URL(href, SITE_ROOT).href;
  }
  return node;
}

function readSaved() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? "null");
    return Array.isArray(saved?.answers) ? saved : null;
  } catch {
    return null; // storage blocked (private mode, embeds): behave as if nothing was saved
  }
}

export class ChecklistView {
  constructor(root) {
    this.root = root;
    this.form = root.querySelector("form");
    this.result = root.querySelector(".sh-checklist__result");
    this.savedNote = root.querySelector(".sh-checklist__saved");
    this.started = false;
    this.evaluation = 0;
    this.words = wordsOf(root); // ui.yml's checklist words, in the page's language
    root.querySelector(".sh-checklist__actions").hidden = false;

    const saved = readSaved();
    if (saved) {
      for (const box of this.boxes()) box.checked = saved.answers.includes(box.value);
      this.savedNote.textContent = this.words.saved_loaded;
    }
    this.onSubmit = (event) => event.preventDefault();
    this.onChange = () => this.evaluate();
    this.onClick = (event) => {
      const action = event.target.closest("[data-action]")?.dataset.action;
      if (action === "print") window.print();
      else if (action === "save") this.save();
      else if (action === "forget") this.forget();
    };
    this.form.addEventListener("submit", this.onSubmit);
    this.form.addEventListener("change", this.onChange);
    this.form.addEventListener("click", this.onClick);
  }

  boxes() {
    return [...this.form.querySelectorAll('input[type="checkbox"][name="item"]')];
  }

  answers() {
    return this.boxes().filter((box) => box.checked).map((box) => box.value);
  }

  async start() {
    if (this.started) return;
    this.started = true;
    try {
      await callPython("checklist.fetch", { url: CHECKLIST_URL });
      await this.evaluate();
      this.root.dataset.state = "ready";
      performance.mark(`second-heart:${this.root.dataset.widget}-ready`);
      this.root.removeAttribute("aria-busy");
    } catch (err) {
      this.showError(err);
    }
  }

  async evaluate() {
    if (!this.started) {
      startPython(); // ticking a box is intent: start Python; start() evaluates when ready
      return;
    }
    const ticket = ++this.evaluation;
    try {
      const result = await callPython("checklist.evaluate", { answers: this.answers() });
      if (ticket === this.evaluation) this.render(result); // drop answers to older ticks
    } catch (err) {
      this.showError(err);
    }
  }

  showError(err) {
    this.started = false;
    this.root.dataset.state = "error";
    const message = this.root.querySelector(".sh-widget__message");
    message.hidden = false;
    console.warn("[second-heart]", err.message); // a translation's sentence may leave the detail out
    message.querySelector(".sh-widget__message-text").textContent = fill(this.words.failed, { error: err.message });
  }

  render(result) {
    const parts = [element("h2", { class: "sh-checklist__result-title" }, this.words.summary_title)];
    if (result.care) {
      parts.push(this.careCard(result));
      this.root.dataset.careLevel = result.care.level;
    } else {
      delete this.root.dataset.careLevel;
    }
    parts.push(element("p", { class: "sh-checklist__summary" }, result.summary));
    if (result.factors.length) {
      const list = element("ul", { class: "sh-checklist__factors" });
      for (const factor of result.factors) {
        list.append(
          element("li", { "data-changeable": factor.changeable }, siteLink(factor.url, factor.name), " — ", this.words[`change_${factor.changeable}`]),
        );
      }
      parts.push(list);
    }
    // The rules never give a plan with a warning sign; the view does not show one either.
    if (result.plan.length && !result.care) parts.push(...this.plan(result.plan));
    parts.push(
      element(
        "p",
        { class: "sh-checklist__not-diagnosis" },
        this.words.not_diagnosis,
      ),
    );
    this.result.replaceChildren(...parts);
    this.result.hidden = false;
  }

  careCard(result) {
    const care = element(
      "div",
      { class: `sh-care sh-care--${result.care.style} sh-result__care`, "data-care-level": result.care.level },
      element("p", { class: "sh-care__title" }, element("strong", {}, result.care.title)),
      contentHtml("div", { class: "sh-care__action" }, result.care.action_html),
    );
    const signs = element("ul", { class: "sh-care__ticked" });
    for (const sign of result.warning_signs) {
      const item = element("li", { "data-red-flag": sign.id }, element("strong", {}, siteLink(sign.url, sign.name)));
      item.append(contentHtml("div", { class: "sh-care__sign-action" }, sign.action_html));
      if (sign.emergency_if_html) item.append(contentHtml("div", { class: "sh-care__sign-escalate" }, sign.emergency_if_html));
      signs.append(item);
    }
    care.append(
      element("p", { class: "sh-care__signs-label" }, this.words.because_ticked),
      signs,
      contentHtml("div", { class: "sh-checklist__stop" }, result.no_exercise_html),
    );
    return care;
  }

  plan(steps) {
    const plan = element("ol", { class: "sh-checklist__plan" });
    for (const step of steps) {
      const item = element("li", { "data-exercise": step.id }, siteLink(step.url, step.name), ` — ${fill(this.words.helps_with, { reasons: step.because.join(", ").toLowerCase() })}`);
      if (step.cautions_html.length) {
        const cautions = element("ul", { class: "sh-checklist__cautions" });
        for (const caution of step.cautions_html) cautions.append(contentHtml("li", {}, caution));
        item.append(element("p", { class: "sh-checklist__cautions-label" }, this.words.take_care), cautions);
      }
      plan.append(item);
    }
    return [element("h3", {}, this.words.plan_title), plan];
  }

  save() {
    try {
      localStorage.setItem(STORAGE_KEY, JSON.stringify({ answers: this.answers(), saved: new Date().toISOString() }));
      this.savedNote.textContent = this.words.saved;
    } catch {
      this.savedNote.textContent = this.words.save_blocked;
    }
  }

  forget() {
    try {
      localStorage.removeItem(STORAGE_KEY);
    } catch {
      // nothing stored, nothing to forget
    }
    for (const box of this.boxes()) box.checked = false;
    this.savedNote.textContent = this.words.forgotten;
    this.evaluate();
  }

  dispose() {
    this.form.removeEventListener("submit", this.onSubmit);
    this.form.removeEventListener("change", this.onChange);
    this.form.removeEventListener("click", this.onClick);
  }
}
