import { api } from "../api";
import { h, clear } from "../dom";
import { lengthHint, textLimits } from "../limits";
import { refusalMessage } from "../refusal";
import { browserZone, timeZones } from "../zones";
import { link } from "./links";

interface Created { id: string; invites: Record<string, string> }

const keyStore = "coplive.adminKey";

/**
 * `/admin`: the administrator creates a community with the server's admin key and gets its first invite links.
 * The key stays in this tab only (session storage), never with the member token.
 */
export function adminPage(root: HTMLElement, go: (path: string) => void): void {
  const key = h("input", { id: "admin-key", type: "password", autocomplete: "off", value: sessionStorage.getItem(keyStore) ?? "" });
  const name = h("input", { id: "community-name", autocomplete: "off" });
  const nameHint = lengthHint(name, textLimits.name, "The name");
  const description = h("input", { id: "community-description", autocomplete: "off" });
  const zone = h("select", { id: "community-zone" }, ...timeZones(browserZone()).map((z) => h("option", { value: z, selected: z === browserZone() }, z)));
  const error = h("p", { class: "error", role: "alert" });
  const result = h("section", { class: "created", "aria-label": "Invite links", hidden: true });
  const form = h("form", { class: "schedule", "aria-labelledby": "admin-title", novalidate: true },
    h("h1", { id: "admin-title" }, "Create a community"),
    h("div", { class: "field" }, h("label", { for: "admin-key" }, "Administrator key"), key),
    h("div", { class: "field" }, h("label", { for: "community-name" }, "Community name"), name, nameHint.element),
    h("div", { class: "field" }, h("label", { for: "community-description" }, "Description (optional)"), description),
    h("div", { class: "field" }, h("label", { for: "community-zone" }, "Time zone the community meets in"), zone),
    h("button", { type: "submit", class: "primary" }, "Create community"),
    error);
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    if (!key.value.trim()) { error.textContent = "Type the administrator key (COPLIVE_ADMIN_KEY on the server)."; key.focus(); return; }
    if (!name.value.trim()) { error.textContent = "Give the community a name."; name.focus(); return; }
    if (!nameHint.ok()) { error.textContent = nameHint.problem(); name.focus(); return; }
    try {
      const created = await api<Created>("POST", "/api/communities",
        { name: name.value.trim(), description: description.value.trim() || undefined, timeZone: zone.value }, key.value.trim());
      sessionStorage.setItem(keyStore, key.value.trim());
      clear(result,
        h("h2", {}, `${name.value.trim()} is ready`),
        h("p", {}, "Send the owner link to whoever runs the community; they can make new links from its Manage page."),
        h("ul", { class: "manage-list" }, ...Object.entries(created.invites).map(([role, code]) => {
          const url = `${location.origin}/join/${code}`;
          return h("li", {}, h("strong", {}, `${role}: `), h("input", { readonly: true, value: url, "aria-label": `Invite link for ${role}s` }));
        })));
      result.hidden = false;
      name.value = "";
      nameHint.refresh();
    } catch (err) {
      error.textContent = (err as { status?: number }).status === 401 ? "That administrator key is not right." : refusalMessage(err);
    }
  });
  clear(root, h("main", { class: "card wide" }, link("← Home", "/", go), form, result));
}
