import { api } from "./api";
import { h } from "./dom";
import { download } from "./download";
import type { OpsReply } from "./protocol";

/**
 * A document's past: a slider over its versions showing the text at each, who made it and when, and a Markdown
 * export. `nameOf` turns an author's member id into their name.
 */
export function historyPanel(documentId: () => string | null, latest: () => number, nameOf: (memberId: string) => string): HTMLElement {
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
    const [view, made] = await Promise.all([
      api<{ version: number; text: string }>("GET", `/api/documents/${id}?version=${version}`),
      version > 0 ? api<OpsReply>("GET", `/api/documents/${id}/ops?from=${version - 1}&limit=1`) : Promise.resolve(null),
    ]);
    if (mine !== request) return;
    const op = made?.ops[0];
    label.textContent = op?.at
      ? `v${view.version} · ${nameOf(op.author)} · ${new Date(op.at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" })}`
      : `v${view.version}${view.version === 0 ? " · as created" : ""}`;
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

