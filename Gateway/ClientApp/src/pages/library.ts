import { api } from "../api";
import { link } from "./links";
import { h, clear } from "../dom";
import { refusalMessage } from "../refusal";

interface LibraryItem { id: string; title: string; createdAt?: string; tags: string[]; sessionId?: string; snippet?: string }
interface Meeting { id: string; title: string; localStart: string }
interface Library { timeZone: string; documents: LibraryItem[]; meetings: Meeting[] }

/** `/communities/<id>/library`: the community's plans, notes and meeting records, searched by text, tag and date. */
export async function libraryPage(root: HTMLElement, communityId: string, go: (path: string) => void): Promise<void> {
  const community = await api<{ name: string }>("GET", `/api/communities/${communityId}`);
  const params = new URLSearchParams(location.search);
  const field = (id: string, label: string, type = "search") => {
    const input = h("input", { id, name: id, type, value: params.get(id) ?? "" });
    return { input, label: h("label", { for: id }, label) };
  };
  const q = field("q", "Words");
  const tag = field("tag", "Tag");
  const from = field("from", "From", "date");
  const to = field("to", "To", "date");
  const results = h("div", { class: "library-results", "aria-live": "polite" });

  async function search(): Promise<void> {
    const query = new URLSearchParams();
    for (const f of [q, tag, from, to]) if (f.input.value.trim()) query.set(f.input.id, f.input.value.trim());
    history.replaceState(null, "", `${location.pathname}${query.size ? `?${query}` : ""}`);
    try {
      const found = await api<Library>("GET", `/api/communities/${communityId}/library?${query}`);
      clear(results,
        h("h2", {}, "Plans and notes"),
        found.documents.length ? h("ul", { class: "library", "aria-label": "Plans and notes" }, ...found.documents.map((d) => h("li", {},
          link(d.title, `/documents/${d.id}`, go),
          d.createdAt ? ` · ${new Date(d.createdAt).toLocaleDateString([], { timeZone: found.timeZone })}` : "",
          d.tags.length ? h("span", { class: "tags" }, ...d.tags.map((t) => h("span", { class: "tag" }, t))) : "",
          d.snippet ? h("p", { class: "snippet" }, d.snippet) : ""))) : h("p", { class: "empty" }, "Nothing matches."),
        h("h2", {}, "Meeting records"),
        found.meetings.length ? h("ul", { class: "library", "aria-label": "Meeting records" }, ...found.meetings.map((m) => h("li", {},
          link(m.title, `/sessions/${m.id}`, go), ` · ${m.localStart.slice(0, 10)}`))) : h("p", { class: "empty" }, "No ended meetings match."));
    } catch (e) {
      clear(results, h("p", { class: "error", role: "alert" }, refusalMessage(e)));
    }
  }

  const form = h("form", { class: "library-search", role: "search", "aria-label": "Search the library" },
    q.label, q.input, tag.label, tag.input, from.label, from.input, to.label, to.input, h("button", { type: "submit" }, "Search"));
  form.addEventListener("submit", (e) => { e.preventDefault(); void search(); });
  clear(root, h("main", { class: "card wide" }, link("← My sessions", "/", go), h("h1", {}, `${community.name}: library`),
    h("p", {}, link("Audit log", `/communities/${communityId}/audit`, go)), form, results));
  await search();
}
