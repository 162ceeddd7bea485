import { api } from "../api";
import { link } from "./links";
import { h, clear } from "../dom";
import { refusalMessage } from "../refusal";

interface Entry { id: number; at: string; actorName: string; action: string; targetName?: string; detail?: string; reason?: string; outcome: string }

/**
 * `/communities/<id>/audit`: who did what in the community, newest first, fifty at a time. Facilitators and owners
 * see every entry; members see the entries about themselves (the server decides).
 */
export async function auditPage(root: HTMLElement, communityId: string, go: (path: string) => void): Promise<void> {
  const community = await api<{ name: string; timeZone: string }>("GET", `/api/communities/${communityId}`);
  const body = h("tbody", {});
  const more = h("button", { type: "button" }, "Older entries");
  const error = h("p", { class: "error", role: "alert" });
  let before: number | undefined;

  async function load(): Promise<void> {
    try {
      const page = await api<{ entries: Entry[] }>("GET", `/api/communities/${communityId}/audit?limit=50${before !== undefined ? `&before=${before}` : ""}`);
      body.append(...page.entries.map((e) => h("tr", { class: e.outcome === "refused" ? "refused" : "" },
        h("td", {}, new Date(e.at).toLocaleString([], { dateStyle: "medium", timeStyle: "short", timeZone: community.timeZone })),
        h("td", {}, e.actorName), h("td", {}, e.action), h("td", {}, e.targetName ?? ""),
        h("td", {}, [e.detail, e.reason ? `reason: ${e.reason}` : undefined].filter((x) => x).join(" · ")), h("td", {}, e.outcome))));
      before = page.entries.at(-1)?.id;
      more.hidden = page.entries.length < 50;
    } catch (e) {
      error.textContent = refusalMessage(e);
    }
  }
  more.addEventListener("click", () => void load());

  const library = `/communities/${communityId}/library`;
  clear(root, h("main", { class: "card wide" },
    link("← Library", library, go),
    h("h1", {}, `${community.name}: audit log`),
    h("p", {}, `Times in ${community.timeZone}.`),
    h("table", { class: "audit", "aria-label": "Audit log" },
      h("thead", {}, h("tr", {}, ...["When", "Who", "What", "About", "Detail", "Outcome"].map((c) => h("th", { scope: "col" }, c)))), body),
    more, error));
  await load();
}
