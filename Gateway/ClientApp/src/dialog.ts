// Asking before a destructive action: a modal dialog (focus trapped, Escape cancels) that can also ask why.
import { h } from "./dom";
import { lengthHint, textLimits } from "./limits";

export interface ConfirmOptions {
  title: string;
  message: string;
  /** The confirming button's label, naming the action ("End the meeting"). */
  confirm: string;
  /** Ask for a reason (recorded in the audit log); required when `reasonRequired`. */
  reason?: string;
  reasonRequired?: boolean;
}

/**
 * Shows the question; resolves to the reason typed (empty when none was asked) once confirmed, or null when the
 * person cancels. Nothing happens until they confirm.
 */
export function confirmAction(options: ConfirmOptions): Promise<string | null> {
  return new Promise((resolve) => {
    const reason = h("input", { id: "confirm-reason", autocomplete: "off" });
    const hint = lengthHint(reason, textLimits.name, "The reason");
    const error = h("p", { class: "error", role: "alert" });
    const confirmButton = h("button", { type: "submit", class: "danger" }, options.confirm);
    const cancelButton = h("button", { type: "button" }, "Cancel");
    const form = h("form", { method: "dialog" },
      h("h2", { id: "confirm-title" }, options.title),
      h("p", { id: "confirm-message" }, options.message),
      ...(options.reason ? [h("label", { for: "confirm-reason" }, options.reason), reason, hint.element] : []),
      error,
      h("div", { class: "buttons" }, confirmButton, cancelButton));
    const dialog = h("dialog", { class: "confirm", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-message" }, form);
    let answer: string | null = null;
    form.addEventListener("submit", (e) => {
      const text = reason.value.trim();
      if (options.reason && options.reasonRequired && !text) {
        e.preventDefault();
        error.textContent = "Please say why: it goes in the community's audit log.";
        return;
      }
      if (!hint.ok()) {
        e.preventDefault();
        error.textContent = hint.problem();
        return;
      }
      answer = text;
    });
    cancelButton.addEventListener("click", () => dialog.close());
    dialog.addEventListener("close", () => { dialog.remove(); resolve(answer); });
    document.body.append(dialog);
    dialog.showModal();
    (options.reason ? reason : cancelButton).focus();
  });
}
