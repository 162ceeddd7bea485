import { api, startsAt, token, type MySessions, type SessionListItem } from "../api";
import { h, clear } from "../dom";
import { link } from "./links";

interface CommunityCard { name: string; members: { memberId: string; role: string }[] }

/** `/`: my upcoming and live sessions, in my time zone; past meetings; my communities (and Manage where I facilitate). */
export async function homePage(root: HTMLElement, go: (path: string) => void): Promise<void> {
  if (!token()) {
    clear(root, h("main", { class: "card" }, h("h1", {}, "CopLive"), h("p", {}, "Open the invite link your facilitator sent you to join."),
      h("p", { class: "meta" }, "Running this server? ", link("Create a community", "/admin", go), " with the administrator key.")));
    return;
  }
  const [mine, me] = await Promise.all([
    api<MySessions>("GET", "/api/me/sessions"),
    api<{ memberId: string; displayName: string; communities: string[] }>("GET", "/api/me"),
  ]);
  const communities = await Promise.all(me.communities.map(async (id) => ({ id, ...await api<CommunityCard>("GET", `/api/communities/${id}`) })));
  const item = (s: SessionListItem) => h("li", {},
    link(s.title, `/sessions/${s.id}`, go),
    ` · ${s.communityName ?? ""} · ${startsAt(s)} · ${s.status}`);
  const list = h("ul", { class: "sessions" }, ...mine.sessions.map(item));
  const past = h("ul", { class: "sessions", "aria-label": "Past meetings" }, ...mine.past.map(item));
  const runs = (c: CommunityCard) => ["facilitator", "owner"].includes(c.members.find((m) => m.memberId === me.memberId)?.role ?? "");
  clear(root, h("main", { class: "card" },
    h("p", {}, `Signed in as ${me.displayName}.`),
    h("h1", {}, "My sessions"), h("p", {}, `Times in ${mine.timeZone}.`),
    mine.sessions.length ? list : h("p", {}, "No sessions scheduled."),
    h("h2", {}, "Past meetings"),
    mine.past.length ? past : h("p", {}, "None yet: the meetings you attend stay here, with their minutes."),
    h("h2", {}, "My communities"),
    h("ul", { class: "communities" }, ...communities.map((c) => h("li", {}, `${c.name} · ${c.members.length} members · `,
      link("Library", `/communities/${c.id}/library`, go),
      ...(runs(c) ? [" · ", link(`Manage ${c.name}`, `/communities/${c.id}/manage`, go)] : []))))));
}
