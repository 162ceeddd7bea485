import { h, clear } from "./dom";
import type { LiveCall } from "./live";
import type { SessionState } from "./protocol";
import { lengthHint, textLimits } from "./limits";

interface Member { memberId: string; displayName: string }

/**
 * The meeting's record beside the plan: decisions and action items as they are marked, for everyone; the forms to
 * mark them for facilitators and the recorder. Inputs are created once, so an update arriving while someone types
 * does not wipe what they typed.
 */
export class RecordPanel {
  readonly element: HTMLElement;
  private readonly decisions = h("div", {});
  private readonly items = h("div", {});
  private readonly decisionText = h("input", { id: "decision-text" });
  private readonly itemText = h("input", { id: "item-text" });
  private readonly decisionHint = lengthHint(this.decisionText, textLimits.record, "The decision");
  private readonly itemHint = lengthHint(this.itemText, textLimits.record, "The action item");
  private readonly itemOwner = h("select", { id: "item-owner" });
  private readonly itemDue = h("input", { id: "item-due", type: "date" });
  // The forms are made once and only shown or hidden, so a click is never lost to an update redrawing them.
  private readonly forms: HTMLElement;

  constructor(private readonly sessionId: string, private readonly call: LiveCall, members: Member[]) {
    clear(this.itemOwner, h("option", { value: "" }, "no one yet"),
      ...members.map((m) => h("option", { value: m.memberId }, m.displayName)));
    this.forms = h("div", { class: "record-forms", hidden: true }, this.decisionForm(), this.itemForm());
    this.element = h("section", { class: "record", "aria-label": "Meeting record" },
      h("h2", {}, "Decisions"), this.decisions, h("h2", {}, "Action items"), this.items, this.forms);
  }

  update(state: SessionState, canRecord: boolean): void {
    const live = state.status === "live";
    const editable = canRecord && live;
    const decisions = state.decisions ?? [];
    const items = state.actionItems ?? [];
    clear(this.decisions, decisions.length
      ? h("ul", { class: "decisions", "aria-label": "Decisions" },
        ...decisions.map((d) => h("li", {}, d.text, h("span", { class: "meta" }, ` — ${d.byName}`), editable ? this.removeButton(d.id, "decision") : "")))
      : h("p", { class: "empty" }, "None yet."));
    clear(this.items, items.length
      ? h("ul", { class: "action-items", "aria-label": "Action items" },
        ...items.map((item) => {
          const label = `${item.text}${item.ownerName ? ` — ${item.ownerName}` : ""}${item.due ? `, due ${item.due}` : ""}${item.carried ? " (from last meeting)" : ""}`;
          const box = h("input", { type: "checkbox", id: `item-${item.id}`, checked: item.done, disabled: !editable });
          box.addEventListener("change", () => void this.call("SetActionItemDone", this.sessionId, item.id, box.checked));
          return h("li", {}, box, h("label", { for: box.id }, label), editable ? this.removeButton(item.id, "action item") : "");
        }))
      : h("p", { class: "empty" }, "None yet."));
    this.forms.hidden = !editable;
  }

  private removeButton(id: string, what: string): HTMLButtonElement {
    return h("button", { type: "button", class: "remove", "aria-label": `Remove this ${what}`, onclick: () => void this.call("RemoveMinutesEntry", this.sessionId, id) }, "×");
  }

  private decisionForm(): HTMLFormElement {
    const form = h("form", { class: "record-form", "aria-label": "Record a decision" },
      h("label", { for: "decision-text" }, "Decision"), this.decisionText, h("button", { type: "submit" }, "Add decision"), this.decisionHint.element);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!this.decisionHint.ok()) return;
      if (await this.call("AddDecision", this.sessionId, this.decisionText.value)) { this.decisionText.value = ""; this.decisionHint.refresh(); }
    });
    return form;
  }

  private itemForm(): HTMLFormElement {
    const form = h("form", { class: "record-form", "aria-label": "Record an action item" },
      h("label", { for: "item-text" }, "Action item"), this.itemText,
      h("label", { for: "item-owner" }, "Owner"), this.itemOwner,
      h("label", { for: "item-due" }, "Due"), this.itemDue,
      h("button", { type: "submit" }, "Add action item"), this.itemHint.element);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!this.itemHint.ok()) return;
      const added = await this.call("AddActionItem", this.sessionId,
        { text: this.itemText.value, ownerId: this.itemOwner.value || undefined, due: this.itemDue.value || undefined });
      if (added) {
        this.itemText.value = "";
        this.itemHint.refresh();
        this.itemDue.value = "";
      }
    });
    return form;
  }
}
