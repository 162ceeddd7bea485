import { api, token, type MySessions, type SessionListItem } from "../api";
import { h, clear } from "../dom";

/** `/`: my upcoming and live sessions, in my time zone. */
export async function homePage(root: HTMLElement, go: (path: string) => void): Promise<void> {
  if (!token()) {
    clear(root, h("main", { class: "card" }, h("h1", {}, "CopLive"), h("p", {}, "Open the invite link your facilitator sent you to join.")));
    return;
  }
  const mine = await api<MySessions>("GET", "/api/me/sessions");
  const me = await api<{ displayName: string; communities: string[] }>("GET", "/api/me");
  const communities = await Promise.all(me.communities.map(async (id) => ({ id, ...await api<{ name: string; members: unknown[] }>("GET", `/api/communities/${id}`) })));
  const item = (s: SessionListItem) => h("li", {},
    h("a", { href: `/sessions/${s.id}`, onclick: (e) => { e.preventDefault(); go(`/sessions/${s.id}`); } }, s.title),
    ` · ${s.communityName ?? ""} · ${s.localStart.replace("T", " ").slice(0, 16)} · ${s.status}`);
  const list = h("ul", { class: "sessions" }, ...mine.sessions.map(item));
  const past = h("ul", { class: "sessions", "aria-label": "Past meetings" }, ...mine.past.map(item));
  clear(root, h("main", { class: "card" },
    h("p", {}, `Signed in as ${me.displayName}.`),
    h("h1", {}, "My sessions"), h("p", {}, `Times in ${mine.timeZone}.`),
    mine.sessions.length ? list : h("p", {}, "No sessions scheduled."),
    h("h2", {}, "Past meetings"),
    mine.past.length ? past : h("p", {}, "None yet: the meetings you attend stay here, with their minutes."),
    h("h2", {}, "My communities"),
    h("ul", { class: "communities" }, ...communities.map((c) => h("li", {}, `${c.name} · ${c.members.length} members · `,
      h("a", { href: `/communities/${c.id}/library`, onclick: (e) => { e.preventDefault(); go(`/communities/${c.id}/library`); } }, "Library"))))));
}
