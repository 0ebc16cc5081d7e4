// The "Embed this page" panel (generators/embeds/views.py panel): its copy buttons. The
// code is selectable text in a read-only field, so without this script (or without a
// clipboard) a reader selects and copies it; with it, a button copies it and says so.
function ready(panel) {
  for (const field of panel.querySelectorAll(".sh-embed-panel__code")) {
    field.addEventListener("focus", () => field.select());
  }
  if (!navigator.clipboard) return;
  for (const button of panel.querySelectorAll("button[data-copy]")) {
    const field = document.getElementById(button.dataset.copy);
    const status = button.parentElement.querySelector(".sh-embed-panel__status");
    if (!field || button.dataset.ready) continue;
    button.dataset.ready = "true";
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = button.dataset.copied;
      } catch {
        field.focus();
        field.select();
        if (status) status.textContent = button.dataset.failed;
      }
    });
  }
}

function mount() {
  for (const panel of document.querySelectorAll(".sh-embed-panel")) ready(panel);
}

if (window.document$) window.document$.subscribe(mount);
else mount();
