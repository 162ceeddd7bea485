import { api } from "./api";
import { h } from "./dom";
import { download } from "./download";
import type { ActionItemEntry, DecisionEntry } from "./protocol";
import { refusalMessage } from "./refusal";

interface Minutes {
  title: string; timeZone: string; scheduledStart: string; final: boolean; startedAt?: string; endedAt?: string;
  attendance: { memberId: string; displayName: string; joined: string; left?: string }[];
  agenda: { title: string; plannedMinutes: number; started?: string; ended?: string; overrunMinutes: number }[];
  decisions: DecisionEntry[]; actionItems: ActionItemEntry[];
  rooms: { round: string; room: string; text: string }[];
  planDocumentId: string; planVersion: number;
}

/** The minutes of a meeting that ended, as the page shows them, with their Markdown export. */
export async function minutesView(sessionId: string): Promise<HTMLElement> {
  let m: Minutes;
  try {
    m = await api<Minutes>("GET", `/api/sessions/${sessionId}/minutes`);
  } catch (e) {
    return h("section", { class: "minutes" }, h("p", { class: "error", role: "alert" }, refusalMessage(e)));
  }
  const time = (instant?: string) => instant
    ? new Date(instant).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: m.timeZone })
    : "…";
  const people = new Map<string, { name: string; stretches: string[] }>();
  for (const a of m.attendance) {
    const person = people.get(a.memberId) ?? { name: a.displayName, stretches: [] };
    person.stretches.push(`${time(a.joined)}–${a.left ? time(a.left) : "end"}`);
    people.set(a.memberId, person);
  }
  const exportButton = h("button", { type: "button" }, "Download minutes (Markdown)");
  exportButton.addEventListener("click", () => void download(`/api/sessions/${sessionId}/minutes.md`, "minutes.md"));
  const list = <T>(label: string, items: T[], render: (item: T) => (Node | string)[], empty: string) => items.length
    ? h("ul", { "aria-label": label }, ...items.map((item) => h("li", {}, ...render(item))))
    : h("p", { class: "empty" }, empty);
  return h("section", { class: "minutes", "aria-label": "Minutes" },
    h("h2", {}, `Minutes${m.final ? "" : " (draft)"}`),
    h("p", {}, `Scheduled ${m.scheduledStart.replace("T", " ")} (${m.timeZone})`, m.startedAt ? `; held ${time(m.startedAt)}–${time(m.endedAt)}` : "; not held"),
    h("div", { class: "buttons" }, exportButton),
    h("h3", {}, "Attendees"),
    list("Attendees", [...people.values()], (p) => [`${p.name} (${p.stretches.join(", ")})`], "Nobody joined."),
    h("h3", {}, "Agenda as run"),
    list("Agenda as run", m.agenda, (p) => [`${p.title} (${p.plannedMinutes} min planned): `,
      p.started ? `${time(p.started)}–${time(p.ended)}${p.overrunMinutes > 0 ? `, ${p.overrunMinutes} min over` : ""}` : "not reached"], "No agenda."),
    h("h3", {}, "Decisions"),
    list("Decisions", m.decisions, (d) => [d.text, h("span", { class: "meta" }, ` — ${d.byName}`)], "None recorded."),
    h("h3", {}, "Action items"),
    list("Action items", m.actionItems, (a) => [`${a.done ? "☑" : "☐"} ${a.text}${a.ownerName ? ` — ${a.ownerName}` : ""}${a.due ? `, due ${a.due}` : ""}`], "None recorded."),
    ...(m.rooms.length ? [h("h3", {}, "Breakout rooms"), ...m.rooms.map((r) => h("article", { class: "room-notes" }, h("h4", {}, `${r.round}: ${r.room}`), h("pre", {}, r.text)))] : []),
    h("p", {}, `Lesson plan: version ${m.planVersion}.`));
}
