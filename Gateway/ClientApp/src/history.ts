import { api } from "./api";
import { h } from "./dom";
import { download } from "./download";

/** A document's past: a slider over its versions showing the text at each, and a Markdown export. */
export function historyPanel(documentId: () => string | null, latest: () => number): HTMLElement {
  const slider = h("input", { id: "history-version", type: "range", min: 0, max: 0, value: 0 });
  const label = h("output", { for: "history-version" });
  const text = h("pre", { class: "history-text", "aria-live": "polite" });
  const panel = h("section", { class: "history", "aria-label": "History", hidden: true },
    h("label", { for: "history-version" }, "Version"), slider, label, text);
  let request = 0;

  async function show(version: number): Promise<void> {
    const id = documentId();
    if (!id) return;
    const mine = ++request;
    const view = await api<{ version: number; text: string }>("GET", `/api/documents/${id}?version=${version}`);
    if (mine !== request) return;
    label.textContent = `v${view.version}`;
    text.textContent = view.text;
  }

  slider.addEventListener("input", () => void show(Number(slider.value)));

  const toggle = h("button", { type: "button", "aria-expanded": "false" }, "History");
  toggle.addEventListener("click", () => {
    panel.hidden = !panel.hidden;
    toggle.setAttribute("aria-expanded", String(!panel.hidden));
    if (!panel.hidden) {
      slider.max = String(latest());
      slider.value = String(latest());
      void show(latest());
    }
  });

  const exportButton = h("button", { type: "button" }, "Export Markdown");
  exportButton.addEventListener("click", async () => {
    const id = documentId();
    if (!id) return;
    await download(`/api/documents/${id}/export.md`, "lesson-plan.md");
  });

  return h("div", { class: "history-tools" }, h("div", { class: "buttons" }, toggle, exportButton), panel);
}

