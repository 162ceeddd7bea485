// A room's chat as the page shows it: each line with the time it was posted, in the reader's clock.
import { h } from "./dom";
import type { RoomChatMessage } from "./protocol";

/** A time of day as the reader's clock shows it. */
export function clockTime(at: string): string {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

/** One chat message: its time, its author, its text; a facilitator's broadcast to every room stands out. */
export function chatLine(m: RoomChatMessage): HTMLElement {
  return h("li", { class: m.broadcast ? "broadcast" : "" }, h("time", { datetime: m.at }, clockTime(m.at)), " ", h("strong", {}, m.authorName), ` ${m.text}`);
}
