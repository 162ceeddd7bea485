import { api, setToken, token, type JoinReply } from "../api";
import { h, clear } from "../dom";
import { lengthHint, textLimits } from "../limits";
import { refusalMessage } from "../refusal";
import { browserZone, timeZones } from "../zones";

interface InvitePreview { communityName: string; role: string }

const roleWords: Record<string, string> = {
  owner: "an owner: you run the community, its invites and its meetings",
  facilitator: "a facilitator: you schedule and run meetings",
  member: "a member: you take part and co-edit the plans",
  observer: "an observer: you read along without editing",
};

/** `/join/<code>`: names the community and the role, then a name and a time zone (the browser's, preselected), and the teacher is in. */
export function joinPage(root: HTMLElement, code: string, go: (path: string) => void): void {
  const zone = browserZone();
  const zones = timeZones(zone);
  const name = h("input", { id: "name", name: "name", autocomplete: "name", required: true });
  const hint = lengthHint(name, textLimits.name, "Your name");
  const select = h("select", { id: "zone", name: "zone" }, ...zones.map((z) => h("option", { value: z, selected: z === zone }, z)));
  const error = h("p", { class: "error", role: "alert" });
  const title = h("h1", { id: "join-title" }, "Join your professional learning community");
  const invited = h("p", { class: "invited" });
  const joinButton = h("button", { type: "submit", class: "primary" }, "Join");
  const form = h("form", { class: "card", "aria-labelledby": "join-title", novalidate: true },
    title, invited,
    h("label", { for: "name" }, "Your name (as the others will see it)"), name, hint.element,
    h("label", { for: "zone" }, "Your time zone"), select,
    joinButton,
    error);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    // Said in the page's words before the server is asked.
    if (!name.value.trim()) { error.textContent = "Please type your name."; name.focus(); return; }
    if (!hint.ok()) { error.textContent = hint.problem(); name.focus(); return; }
    try {
      // Presenting an existing token adds the community to the same member.
      const reply = await api<JoinReply>("POST", "/api/join", { inviteCode: code, displayName: name.value.trim(), timeZone: select.value });
      setToken(reply.token);
      go("/");
    } catch (e) {
      error.textContent = refusalMessage(e);
    }
  });
  clear(root, form);
  if (!token()) name.focus();
  void api<InvitePreview>("GET", `/api/invites/${encodeURIComponent(code)}`).then(
    (preview) => {
      title.textContent = `Join ${preview.communityName}`;
      invited.textContent = `You are invited as ${roleWords[preview.role] ?? preview.role}.`;
    },
    (e) => {
      // A code that cannot admit anyone: say why now, not after the name is typed.
      invited.textContent = refusalMessage(e);
      invited.classList.add("error");
      joinButton.disabled = true;
    });
}
