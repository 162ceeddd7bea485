// Length limits shown while typing: a count near the limit, and words saying how much is over, instead of text cut
// silently mid-word by maxlength.
import { h } from "./dom";

/**
 * The server's limits, in characters (code points). Kept equal to the silo's constants by a test
 * (`Silo.Tests/Domain/BrowserLimitsTests`), so the page never says a different number than the server refuses at.
 */
export const textLimits = {
  /** Names, titles and reasons (Limits.NameLength). */
  name: 200,
  /** A chat message (RoomGrain.ChatLength). */
  chat: 2_000,
  /** A decision or action item (MeetingRecord.TextLength). */
  record: 1_000,
  /** An agenda phase's prompt (AgendaRules.PromptLength). */
  prompt: 1_000,
  /** Text one change may add to a document (DocumentLimits.MaxInsertPerOp). */
  insert: 100_000,
  /** A document's length (DocumentLimits.MaxLength). */
  document: 1_000_000,
} as const;

export interface LengthHint {
  /** The count shown under the input. */
  element: HTMLElement;
  /** Whether the text fits. */
  ok(): boolean;
  /** Why it does not fit, in words; empty when it does. */
  problem(): string;
  /** Recounts (after the input is changed from code). */
  refresh(): void;
}

let next = 0;

/** Counts the characters (code points, as the server does) of `input` against `max`. */
export function lengthHint(input: HTMLInputElement | HTMLTextAreaElement, max: number, what = "This"): LengthHint {
  const element = h("span", { class: "count", id: input.id ? `${input.id}-count` : `count-${++next}`, "aria-live": "polite" });
  input.setAttribute("aria-describedby", [input.getAttribute("aria-describedby"), element.id].filter(Boolean).join(" "));
  const length = () => [...input.value].length;
  const problem = () => {
    const over = length() - max;
    return over > 0 ? `${what} is ${over} character${over === 1 ? "" : "s"} too long: at most ${max.toLocaleString("en")}.` : "";
  };
  const refresh = () => {
    const n = length();
    const over = n > max;
    // Quiet until the text nears the limit, so short fields are not cluttered.
    element.hidden = n < max * 0.8;
    element.textContent = over ? problem() : `${n.toLocaleString("en")} / ${max.toLocaleString("en")}`;
    element.classList.toggle("over", over);
    input.setAttribute("aria-invalid", String(over));
  };
  input.addEventListener("input", refresh);
  refresh();
  return { element, ok: () => length() <= max, problem, refresh };
}
