import { api, token } from "./api";
import { gateway } from "./gateways";
import { h } from "./dom";

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
    // The export needs the member token, which a plain link cannot carry.
    const response = await fetch(`${gateway()}/api/documents/${id}/export.md`, { headers: { Authorization: `Bearer ${token()}` } });
    const name = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ?? "lesson-plan.md";
    const link = h("a", { href: URL.createObjectURL(await response.blob()), download: name });
    link.click();
    URL.revokeObjectURL(link.href);
  });

  return h("div", { class: "history-tools" }, h("div", { class: "buttons" }, toggle, exportButton), panel);
}

