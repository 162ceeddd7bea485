import type { HubConnection } from "@microsoft/signalr";
import { api } from "../api";
import { link } from "./links";
import { h, clear } from "../dom";
import { SharedEditor } from "../editor";
import { historyPanel } from "../history";
import { connect } from "../live";
import { refusalMessage } from "../refusal";
import { lengthHint, textLimits } from "../limits";
import { browserZone } from "../zones";
import { SharedDoc } from "../shared-doc";

interface DocumentInfo { id: string; communityId: string; title: string }
interface LibraryItem { id: string; tags: string[] }

/** `/documents/<id>`: a plan from the library, co-edited live outside any meeting, with its history and tags. */
export async function documentPage(root: HTMLElement, documentId: string, go: (path: string) => void): Promise<() => void> {
  const info = await api<DocumentInfo>("GET", `/api/documents/${documentId}`);
  const community = await api<{ members: { memberId: string; displayName: string; role: string }[] }>("GET", `/api/communities/${info.communityId}`);
  const names = new Map(community.members.map((m) => [m.memberId, m.displayName]));
  const me = await api<{ memberId: string }>("GET", "/api/me");
  const role = community.members.find((m) => m.memberId === me.memberId)?.role;
  const library = `/communities/${info.communityId}/library`;
  const editorHost = h("div", { class: "editor" });
  const note = h("p", { class: "editor-note", role: "status" });
  const tags = h("input", { id: "tags", placeholder: "grade4, fractions" });
  const tagsNote = h("p", { role: "status" });
  const tagsForm = h("form", { class: "tags-form", "aria-label": "Tags" },
    h("label", { for: "tags" }, "Tags (separated by commas)"), tags, h("button", { type: "submit" }, "Save tags"), tagsNote);
  tagsForm.addEventListener("submit", async (e) => {
    e.preventDefault();
    try {
      const saved = await api<LibraryItem>("PUT", `/api/communities/${info.communityId}/library/${documentId}/tags`,
        { tags: tags.value.split(",").map((t) => t.trim()).filter((t) => t) });
      tags.value = saved.tags.join(", ");
      tagsNote.textContent = "Tags saved.";
    } catch (error) {
      tagsNote.textContent = refusalMessage(error);
    }
  });
  const listed = (await api<{ documents: LibraryItem[] }>("GET", `/api/communities/${info.communityId}/library`)).documents.find((d) => d.id === documentId);
  tags.value = listed?.tags.join(", ") ?? "";

  const schedule = role === "facilitator" || role === "owner" ? scheduleForm(info, go) : "";
  const hub: HubConnection = connect();
  await hub.start();
  const doc = await SharedDoc.open(hub, documentId);
  const editor = new SharedEditor(editorHost, doc, info.title, () => hub.connectionId);
  editor.onRefusedLocally = (reason) => { note.textContent = reason; };
  doc.onRefused = (reason) => { editor.setEditable(false); note.textContent = reason; };
  if (doc.locked) note.textContent = "A facilitator locked this document: it is read-only for now.";
  clear(root, h("main", { class: "card wide" },
    link("← Library", library, go),
    h("h1", {}, info.title), editorHost, note, historyPanel(() => documentId, () => doc.version, (id) => names.get(id) ?? "a former member"), tagsForm, schedule));
  return () => {
    editor.destroy();
    void doc.close();
    void hub.stop();
  };
}

/** For facilitators: a new meeting whose lesson plan starts from this document, in the browser's time zone. */
function scheduleForm(info: DocumentInfo, go: (path: string) => void): HTMLElement {
  const zone = browserZone();
  const title = h("input", { id: "meeting-title", value: `Follow-up: ${info.title.replace(/^Lesson plan: /, "")}` });
  const titleHint = lengthHint(title, textLimits.name, "The title");
  const start = h("input", { id: "meeting-start", type: "datetime-local" });
  const minutes = h("input", { id: "meeting-minutes", type: "number", min: 1, max: 1440, value: 60 });
  const note = h("p", { role: "status" });
  const form = h("form", { class: "schedule-from-plan", "aria-label": "Start a meeting from this plan" },
    h("h2", {}, "Start a meeting from this plan"),
    h("label", { for: "meeting-title" }, "Title"), title, titleHint.element,
    h("label", { for: "meeting-start" }, `Starts (${zone})`), start,
    h("label", { for: "meeting-minutes" }, "Minutes"), minutes,
    h("button", { type: "submit" }, "Schedule"), note);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!titleHint.ok()) { note.textContent = titleHint.problem(); return; }
    try {
      const session = await api<{ id: string }>("POST", `/api/communities/${info.communityId}/sessions`, {
        title: title.value, start: start.value, timeZone: zone, durationMinutes: Number(minutes.value), fromDocumentId: info.id,
      });
      go(`/sessions/${session.id}`);
    } catch (error) {
      note.textContent = refusalMessage(error);
    }
  });
  return form;
}
