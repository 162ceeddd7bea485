import { api, setToken, token, type JoinReply } from "../api";
import { h, clear } from "../dom";

/** `/join/<code>`: a name and a time zone (the browser's, preselected), and the teacher is in. */
export function joinPage(root: HTMLElement, code: string, go: (path: string) => void): void {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const known = (Intl as unknown as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  // The list leaves out aliases such as "UTC"; the browser's own zone is always offered, first if need be.
  const zones = known.includes(zone) ? known : [zone, ...known];
  const name = h("input", { id: "name", name: "name", autocomplete: "name", required: true, maxlength: 100 });
  const select = h("select", { id: "zone", name: "zone" }, ...zones.map((z) => h("option", { value: z, selected: z === zone }, z)));
  const error = h("p", { class: "error", role: "alert" });
  const form = h("form", { class: "card", "aria-labelledby": "join-title" },
    h("h1", { id: "join-title" }, "Join your professional learning community"),
    h("label", { for: "name" }, "Your name"), name,
    h("label", { for: "zone" }, "Your time zone"), select,
    h("button", { type: "submit", class: "primary" }, "Join"),
    error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    try {
      // Presenting an existing token adds the community to the same member.
      const reply = await api<JoinReply>("POST", "/api/join", { inviteCode: code, displayName: name.value, timeZone: select.value });
      setToken(reply.token);
      go("/");
    } catch (e) {
      error.textContent = e instanceof Error ? e.message : String(e);
    }
  });
  clear(root, form);
  if (!token()) name.focus();
}
