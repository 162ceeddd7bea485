// What an ended meeting's page keeps besides its minutes: the final lesson plan, read-only, and the main room's chat.
import { api } from "./api";
import { chatLine } from "./chat";
import { h } from "./dom";
import type { RoomState } from "./protocol";

interface EndedSession { mainDocumentId: string; mainRoomId?: string | null }

/** The final plan (kept working on from the library, not here) and the chat of the meeting that ended. */
export async function endedMeeting(sessionId: string): Promise<HTMLElement[]> {
  const session = await api<EndedSession>("GET", `/api/sessions/${sessionId}`);
  const [plan, mainRoom] = await Promise.all([
    api<{ id: string; text: string }>("GET", `/api/documents/${session.mainDocumentId}`),
    session.mainRoomId ? api<RoomState>("GET", `/api/rooms/${session.mainRoomId}`) : Promise.resolve(null),
  ]);
  const chat = mainRoom?.chat ?? [];
  return [
    h("section", { class: "final-plan", "aria-label": "Final lesson plan" },
      h("h2", {}, "Final lesson plan"),
      h("p", {}, "Read-only: the meeting is over. ",
        h("a", { href: `/documents/${plan.id}` }, "Open it in the library"), " to keep working on it with your community."),
      h("pre", { class: "plan-text", tabindex: 0, "aria-label": "Final lesson plan text" }, plan.text)),
    h("section", { class: "final-chat", "aria-label": "Meeting chat" },
      h("h2", {}, "Chat"),
      chat.length ? h("ol", { class: "chat" }, ...chat.map(chatLine)) : h("p", { class: "empty" }, "Nobody wrote in the chat.")),
  ];
}
