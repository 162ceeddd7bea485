import { api, startsAt, type SessionListItem } from "../api";
import { h, clear } from "../dom";
import { confirmAction } from "../dialog";
import { lengthHint, textLimits } from "../limits";
import { refusalMessage } from "../refusal";
import { timeZones } from "../zones";
import { link } from "./links";
import { outranks } from "../roles";
import type { AgendaPhase, BreakoutMode } from "../protocol";

interface Member { memberId: string; displayName: string; role: string; joinedAt: string }
interface Community { id: string; name: string; timeZone: string; members: Member[]; upcomingSessions: SessionListItem[] }
interface Template { id: string; name: string; description?: string; agenda: AgendaPhase[]; totalMinutes: number; builtIn: boolean }
interface Library { meetings: SessionListItem[] }
interface Attendance { memberId: string; displayName: string; joined: string; left?: string }

const roles = ["member", "facilitator", "observer", "owner"] as const;
const rolePlural: Record<string, string> = { member: "members", facilitator: "facilitators", observer: "observers", owner: "owners" };

/**
 * `/communities/<id>/manage`: what facilitators and owners run a community with — schedule a meeting (time zone,
 * agenda or protocol template, once or weekly), move or cancel one, invite links, members and roles, and who came to
 * each past meeting. The server decides every right; a refusal shows beside the form that caused it.
 */
export async function managePage(root: HTMLElement, communityId: string, go: (path: string) => void): Promise<void> {
  const me = await api<{ memberId: string }>("GET", "/api/me");
  let community = await api<Community>("GET", `/api/communities/${communityId}`);
  const templates = await api<Template[]>("GET", `/api/communities/${communityId}/templates`);
  const mine = () => community.members.find((m) => m.memberId === me.memberId)?.role ?? "member";

  const upcoming = h("ul", { class: "manage-list", "aria-label": "Upcoming meetings" });
  const past = h("ul", { class: "manage-list", "aria-label": "Past meetings" });
  const members = h("table", { class: "members" });
  const banned = h("ul", { class: "manage-list", "aria-label": "Banned" });
  const bannedSection = h("section", { "aria-labelledby": "banned-title", hidden: true }, h("h2", { id: "banned-title" }, "Banned"), banned);
  const status = h("p", { role: "status", class: "manage-status" });

  async function refresh(): Promise<void> {
    community = await api<Community>("GET", `/api/communities/${communityId}`);
    renderUpcoming();
    renderMembers();
    await renderBans();
  }

  /** For owners: who is banned, and lifting a ban (asked first). */
  async function renderBans(): Promise<void> {
    if (mine() !== "owner") return;
    const bans = await api<{ memberId: string; displayName?: string | null; bannedAt?: string | null }[]>("GET", `/api/communities/${communityId}/bans`);
    bannedSection.hidden = false;
    clear(banned, ...(bans.length === 0 ? [h("li", { class: "empty" }, "Nobody is banned.")] : bans.map((b) => {
      const name = b.displayName ?? "Someone banned before names were kept";
      const lift = async () => {
        const reason = await confirmAction({
          title: `Lift the ban on ${name}?`,
          message: `${name} may join again with an invite link, as a new member of the community.`,
          confirm: "Lift the ban",
        });
        if (reason === null) return;
        try {
          await api("DELETE", `/api/communities/${communityId}/members/${b.memberId}/ban`);
          status.textContent = `The ban on ${name} is lifted.`;
          await refresh();
        } catch (e) {
          status.textContent = refusalMessage(e);
        }
      };
      return h("li", {}, name, b.bannedAt ? h("span", { class: "meta" }, ` · banned ${new Date(b.bannedAt).toLocaleDateString()}`) : "",
        " ", h("button", { type: "button", onclick: () => void lift() }, `Lift the ban on ${name}…`));
    })));
  }

  function renderUpcoming(): void {
    clear(upcoming, ...(community.upcomingSessions.length === 0 ? [h("li", { class: "empty" }, "Nothing scheduled.")]
      : community.upcomingSessions.map((s) => upcomingRow(s))));
  }

  function upcomingRow(s: SessionListItem): HTMLElement {
    const n = s.id;
    const title = h("input", { id: `edit-title-${n}`, value: s.title });
    const titleHint = lengthHint(title, textLimits.name, "The title");
    const date = h("input", { type: "date", id: `edit-date-${n}`, value: s.localStart.slice(0, 10) });
    const time = h("input", { type: "time", id: `edit-time-${n}`, value: s.localStart.slice(11, 16) });
    const length = h("input", { type: "number", id: `edit-length-${n}`, min: 5, max: 1440, value: Math.round((Date.parse(s.end) - Date.parse(s.start)) / 60_000) });
    const agenda = new AgendaEditor();
    const error = h("p", { class: "error", role: "alert" });
    const form = h("form", { class: "edit-form schedule", hidden: true, "aria-label": `Edit ${s.title}`, novalidate: true },
      h("div", { class: "field" }, h("label", { for: title.id }, "Title"), title, titleHint.element),
      h("div", { class: "row" },
        h("div", { class: "field" }, h("label", { for: date.id }, "Date"), date),
        h("div", { class: "field" }, h("label", { for: time.id }, `Start time (${community.timeZone})`), time),
        h("div", { class: "field" }, h("label", { for: length.id }, "Length (minutes)"), length)),
      agenda.element,
      h("button", { type: "submit", class: "primary" }, "Save changes"), error);
    let loaded = false;
    const toggle = h("button", { type: "button", "aria-expanded": "false" }, `Edit “${s.title}”`);
    toggle.addEventListener("click", async () => {
      form.hidden = !form.hidden;
      toggle.setAttribute("aria-expanded", String(!form.hidden));
      if (form.hidden || loaded) return;
      try {
        // The agenda as it stands, each phase's speaking rule and breakout kept.
        agenda.load((await api<{ agenda: AgendaPhase[] }>("GET", `/api/sessions/${s.id}`)).agenda);
        loaded = true;
        title.focus();
      } catch (err) {
        error.textContent = refusalMessage(err);
      }
    });
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      error.textContent = "";
      if (!title.value.trim()) { error.textContent = "Give the meeting a title."; title.focus(); return; }
      if (!titleHint.ok()) { error.textContent = titleHint.problem(); title.focus(); return; }
      const phases = agenda.read();
      if (typeof phases === "string") { error.textContent = phases; return; }
      try {
        await api("PUT", `/api/sessions/${s.id}/schedule`, {
          title: title.value.trim(), start: `${date.value}T${time.value}`, durationMinutes: Number(length.value), agenda: phases,
        });
        status.textContent = `“${title.value.trim()}” saved: ${date.value} ${time.value}, ${length.value} minutes, ${phases.length} phases.`;
        await refresh();
      } catch (err) {
        error.textContent = refusalMessage(err);
      }
    });
    const cancel = async () => {
      const reason = await confirmAction({
        title: `Cancel “${s.title}”?`,
        message: `The meeting on ${startsAt(s)} is called off for everyone; it stays in the community's records as cancelled.`,
        confirm: "Cancel the meeting", reason: "Reason (optional, kept in the audit log)",
      });
      if (reason === null) return;
      try {
        await api("POST", `/api/sessions/${s.id}/cancel`, { reason: reason || null });
        status.textContent = `“${s.title}” is cancelled.`;
        await refresh();
      } catch (err) {
        status.textContent = refusalMessage(err);
      }
    };
    const scheduled = s.status === "scheduled";
    return h("li", {},
      link(s.title, `/sessions/${s.id}`, go), h("span", { class: "meta" }, ` · ${startsAt(s)} · ${s.status}`),
      h("span", { class: "actions" },
        scheduled ? toggle : "",
        scheduled ? h("button", { type: "button", class: "danger", onclick: () => void cancel() }, `Cancel “${s.title}”…`) : ""),
      form);
  }

  async function renderPast(): Promise<void> {
    try {
      const library = await api<Library>("GET", `/api/communities/${communityId}/library`);
      clear(past, ...(library.meetings.length === 0 ? [h("li", { class: "empty" }, "No meetings held yet.")]
        : library.meetings.map((s) => pastRow(s))));
    } catch (e) {
      clear(past, h("li", { class: "error" }, refusalMessage(e)));
    }
  }

  function pastRow(s: SessionListItem): HTMLElement {
    const table = h("div", { class: "attendance", hidden: true });
    const button = h("button", { type: "button", "aria-expanded": "false" }, `Attendance of “${s.title}”`);
    button.addEventListener("click", async () => {
      const open = table.hidden;
      table.hidden = !open;
      button.setAttribute("aria-expanded", String(open));
      if (!open || table.childElementCount > 0) return;
      try {
        const rows = await api<Attendance[]>("GET", `/api/sessions/${s.id}/attendance`);
        const time = (at?: string) => at ? new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", timeZone: community.timeZone }) : "the end";
        table.append(rows.length === 0 ? h("p", { class: "empty" }, "Nobody joined.")
          : h("table", { "aria-label": `Attendance of ${s.title}` },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Who"), h("th", { scope: "col" }, "Joined"), h("th", { scope: "col" }, "Left"))),
            h("tbody", {}, ...rows.map((r) => h("tr", {}, h("td", {}, r.displayName), h("td", {}, time(r.joined)), h("td", {}, time(r.left)))))));
      } catch (e) {
        table.append(h("p", { class: "error", role: "alert" }, refusalMessage(e)));
      }
    });
    return h("li", {}, link(s.title, `/sessions/${s.id}`, go), h("span", { class: "meta" }, ` · ${startsAt(s)} · ${s.status}`), " ", button, table);
  }

  function renderMembers(): void {
    const owner = mine() === "owner";
    clear(members,
      h("caption", { class: "visually-hidden" }, "Members and their roles"),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Name"), h("th", { scope: "col" }, "Role"), h("th", { scope: "col" }, "Joined"), h("th", { scope: "col" }, ""))),
      h("tbody", {}, ...community.members.map((m) => {
        // The server's rules: facilitators change any role but an owner's, and never make an owner; owners change
        // every other member's; a ban reaches members below one's own role, or anyone but oneself for an owner.
        const runs = mine() === "owner" || mine() === "facilitator";
        const manages = runs && m.memberId !== me.memberId && (owner || m.role !== "owner");
        const bans = runs && m.memberId !== me.memberId && (owner || outranks(mine(), m.role));
        const select = h("select", { "aria-label": `Role of ${m.displayName}`, disabled: !manages },
          ...roles.filter((r) => owner || r !== "owner" || m.role === "owner").map((r) => h("option", { value: r, selected: r === m.role }, r)));
        select.addEventListener("change", async () => {
          try {
            await api("PUT", `/api/communities/${communityId}/members/${m.memberId}/role`, { role: select.value });
            status.textContent = `${m.displayName} is now ${select.value === "observer" ? "an" : "a"} ${select.value}.`;
            await refresh();
          } catch (e) {
            status.textContent = refusalMessage(e);
            select.value = m.role;
          }
        });
        const ban = async () => {
          const reason = await confirmAction({
            title: `Ban ${m.displayName}?`,
            message: `${m.displayName} leaves the community and every meeting at once and cannot join again until an owner lifts the ban.`,
            confirm: `Ban ${m.displayName}`, reason: "Why? (kept in the audit log)", reasonRequired: true,
          });
          if (reason === null) return;
          try {
            await api("POST", `/api/communities/${communityId}/members/${m.memberId}/ban`, { reason });
            status.textContent = `${m.displayName} is banned.`;
            await refresh();
          } catch (e) {
            status.textContent = refusalMessage(e);
          }
        };
        return h("tr", {},
          h("td", {}, m.displayName, m.memberId === me.memberId ? " (you)" : ""),
          h("td", {}, select),
          h("td", {}, new Date(m.joinedAt).toLocaleDateString()),
          h("td", {}, bans ? h("button", { type: "button", class: "danger", onclick: () => void ban() }, `Ban ${m.displayName}…`) : ""));
      })));
  }

  clear(root, h("main", { class: "card wide manage" },
    link("← My sessions", "/", go),
    h("h1", {}, `Manage ${community.name}`),
    h("p", {}, `Community time zone: ${community.timeZone}. `, link("Library", `/communities/${communityId}/library`, go), " · ", link("Audit log", `/communities/${communityId}/audit`, go)),
    status,
    scheduleForm(community, templates, async (message) => { status.textContent = message; await refresh(); }),
    h("section", { "aria-labelledby": "upcoming-title" }, h("h2", { id: "upcoming-title" }, "Upcoming meetings"),
      h("p", { class: "meta" }, `Times in ${community.timeZone}.`), upcoming),
    h("section", { "aria-labelledby": "past-title" }, h("h2", { id: "past-title" }, "Past meetings"), past),
    invitesSection(communityId, (message) => { status.textContent = message; }),
    h("section", { "aria-labelledby": "members-title" }, h("h2", { id: "members-title" }, "Members and roles"), members),
    bannedSection));
  renderUpcoming();
  renderMembers();
  await Promise.all([renderPast(), renderBans()]);
}

/** The form to schedule a meeting: title, date, time and zone; a protocol template or an agenda of one's own; once or repeating. */
function scheduleForm(community: Community, templates: Template[], scheduled: (message: string) => Promise<void>): HTMLElement {
  const title = h("input", { id: "schedule-title", autocomplete: "off" });
  const titleHint = lengthHint(title, textLimits.name, "The title");
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const date = h("input", { id: "schedule-date", type: "date", value: tomorrow });
  const time = h("input", { id: "schedule-time", type: "time", value: "16:00" });
  const zone = h("select", { id: "schedule-zone" }, ...timeZones(community.timeZone).map((z) => h("option", { value: z, selected: z === community.timeZone }, z)));
  const template = h("select", { id: "schedule-template" },
    h("option", { value: "" }, "My own agenda (below)"),
    ...templates.map((t) => h("option", { value: t.id }, `${t.name} (${t.totalMinutes} min)${t.builtIn ? "" : " · ours"}`)));
  const preview = h("ol", { class: "template-preview", "aria-label": "Template agenda", hidden: true });
  const agenda = new AgendaEditor();
  const duration = h("input", { id: "schedule-duration", type: "number", min: 5, max: 480, placeholder: "the agenda's length" });
  const repeat = h("select", { id: "schedule-repeat" },
    h("option", { value: "0" }, "Does not repeat"), h("option", { value: "1" }, "Every week"), h("option", { value: "2" }, "Every 2 weeks"));
  const count = h("input", { id: "schedule-count", type: "number", min: 2, max: 52, value: 6 });
  const countRow = h("div", { class: "field", hidden: true }, h("label", { for: "schedule-count" }, "Number of meetings"), count);
  const error = h("p", { class: "error", role: "alert" });

  template.addEventListener("change", () => {
    const chosen = templates.find((t) => t.id === template.value);
    agenda.element.hidden = !!chosen;
    preview.hidden = !chosen;
    clear(preview, ...(chosen?.agenda ?? []).map((p) => h("li", {}, `${p.title} · ${p.minutes} min${p.breakout ? ` · ${p.breakout.rooms} breakout rooms` : ""}`)));
  });
  repeat.addEventListener("change", () => { countRow.hidden = repeat.value === "0"; });

  const form = h("form", { class: "schedule", "aria-labelledby": "schedule-title-heading", novalidate: true },
    h("h2", { id: "schedule-title-heading" }, "Schedule a meeting"),
    h("div", { class: "field" }, h("label", { for: "schedule-title" }, "Title"), title, titleHint.element),
    h("div", { class: "row" },
      h("div", { class: "field" }, h("label", { for: "schedule-date" }, "Date"), date),
      h("div", { class: "field" }, h("label", { for: "schedule-time" }, "Start time"), time),
      h("div", { class: "field" }, h("label", { for: "schedule-zone" }, "Time zone"), zone)),
    h("div", { class: "field" }, h("label", { for: "schedule-template" }, "Agenda"), template),
    preview, agenda.element,
    h("div", { class: "row" },
      h("div", { class: "field" }, h("label", { for: "schedule-duration" }, "Length in minutes (optional)"), duration),
      h("div", { class: "field" }, h("label", { for: "schedule-repeat" }, "Repeats"), repeat),
      countRow),
    h("button", { type: "submit", class: "primary" }, "Schedule"),
    error);

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.textContent = "";
    if (!title.value.trim()) { error.textContent = "Give the meeting a title."; title.focus(); return; }
    if (!titleHint.ok()) { error.textContent = titleHint.problem(); title.focus(); return; }
    if (!date.value || !time.value) { error.textContent = "Choose the date and the start time."; return; }
    const phases = template.value ? undefined : agenda.read();
    if (typeof phases === "string") { error.textContent = phases; return; }
    const common = {
      title: title.value.trim(), timeZone: zone.value, template: template.value || undefined, agenda: phases,
      durationMinutes: duration.value ? Number(duration.value) : undefined,
    };
    try {
      if (repeat.value === "0") {
        await api("POST", `/api/communities/${community.id}/sessions`, { ...common, start: `${date.value}T${time.value}` });
        await scheduled(`“${common.title}” is scheduled for ${date.value} ${time.value} (${zone.value}).`);
      } else {
        await api("POST", `/api/communities/${community.id}/series`, {
          ...common, firstDate: date.value, time: time.value, everyWeeks: Number(repeat.value), occurrences: Number(count.value),
        });
        await scheduled(`“${common.title}” meets ${repeat.value === "1" ? "every week" : "every 2 weeks"} from ${date.value}, ${count.value} times; the next meeting is listed below.`);
      }
      title.value = "";
      titleHint.refresh();
      agenda.reset();
    } catch (err) {
      error.textContent = refusalMessage(err);
    }
  });
  return form;
}

/** Rows of phases: a title and minutes each, an optional prompt, and an optional number of breakout rooms. */
class AgendaEditor {
  readonly element = h("fieldset", { class: "agenda-editor" });
  private readonly rows = h("ol", { class: "agenda-rows" });
  /** What a row keeps that it has no field for: a phase's speaking rule and how its rooms are filled. */
  private readonly kept = new WeakMap<Element, { speakingRule?: string; assignment: BreakoutMode }>();
  private static next = 0;

  constructor() {
    const add = h("button", { type: "button" }, "Add a phase");
    add.addEventListener("click", () => this.add().focus());
    this.element.append(h("legend", {}, "Phases"), this.rows, add);
    this.reset();
  }

  reset(): void {
    this.load([{ title: "Welcome and norms", minutes: 5 }, { title: "Looking at student work", minutes: 20 }, { title: "Next steps", minutes: 10 }]);
  }

  /** Shows `phases`, one row each. */
  load(phases: AgendaPhase[]): void {
    clear(this.rows);
    for (const phase of phases) this.add(phase);
  }

  /** Adds a row; returns its title input. */
  add(phase: AgendaPhase = { title: "", minutes: 10 }): HTMLInputElement {
    const n = ++AgendaEditor.next;
    const name = h("input", { id: `phase-title-${n}`, value: phase.title, class: "phase-name" });
    const length = h("input", { id: `phase-minutes-${n}`, type: "number", min: 1, max: 240, value: phase.minutes, class: "phase-minutes" });
    const prompt = h("input", { id: `phase-prompt-${n}`, class: "phase-prompt", value: phase.prompt ?? "" });
    const rooms = h("input", { id: `phase-rooms-${n}`, type: "number", min: 0, max: 20, value: phase.breakout?.rooms ?? 0, class: "phase-rooms" });
    const row: HTMLLIElement = h("li", {},
      h("label", { for: name.id }, "Phase"), name,
      h("label", { for: length.id }, "Minutes"), length,
      h("label", { for: prompt.id }, "Prompt (optional)"), prompt,
      h("label", { for: rooms.id }, "Breakout rooms"), rooms,
      h("button", { type: "button", "aria-label": `Remove phase ${phase.title || n}`, onclick: () => row.remove() }, "Remove"));
    this.kept.set(row, { speakingRule: phase.speakingRule ?? undefined, assignment: phase.breakout?.assignment ?? "auto" });
    this.rows.append(row);
    return name;
  }

  /** The phases as the server takes them, or what is wrong in words. */
  read(): AgendaPhase[] | string {
    const phases = [...this.rows.children].map((row): AgendaPhase => {
      const value = (cls: string) => (row.querySelector(`.${cls}`) as HTMLInputElement).value.trim();
      const rooms = Number(value("phase-rooms")) || 0;
      const kept = this.kept.get(row);
      return {
        title: value("phase-name"), minutes: Number(value("phase-minutes")),
        prompt: value("phase-prompt") || undefined,
        speakingRule: kept?.speakingRule,
        breakout: rooms > 0 ? { rooms, assignment: kept?.assignment ?? "auto" } : undefined,
      };
    });
    if (phases.length === 0) return "Add at least one phase, or choose a template.";
    const untitled = phases.findIndex((p) => !p.title);
    if (untitled >= 0) return `Phase ${untitled + 1} needs a title.`;
    const wordy = phases.findIndex((p) => [...p.title].length > textLimits.name);
    if (wordy >= 0) return `Phase ${wordy + 1}'s title is longer than ${textLimits.name} characters.`;
    const longPrompt = phases.findIndex((p) => [...(p.prompt ?? "")].length > textLimits.prompt);
    if (longPrompt >= 0) return `Phase ${longPrompt + 1}'s prompt is longer than ${textLimits.prompt.toLocaleString("en")} characters.`;
    const untimed = phases.findIndex((p) => !Number.isInteger(p.minutes) || p.minutes < 1);
    if (untimed >= 0) return `Phase ${untimed + 1} (“${phases[untimed].title}”) needs a length of at least 1 minute.`;
    return phases;
  }
}

/** Invite links per role: a new link (the old one stops working), copied with one click; or links turned off. */
function invitesSection(communityId: string, said: (message: string) => void): HTMLElement {
  const shown = h("div", { class: "invite-shown", hidden: true });
  const rows = roles.map((role) => {
    const create = h("button", { type: "button" }, `New link for ${rolePlural[role]}`);
    create.addEventListener("click", async () => {
      try {
        const invite = await api<{ role: string; code: string }>("POST", `/api/communities/${communityId}/invites/${role}`, {});
        const url = `${location.origin}/join/${invite.code}`;
        const field = h("input", { id: "invite-link", readonly: true, value: url });
        const copy = h("button", { type: "button" }, "Copy link");
        copy.addEventListener("click", async () => {
          field.select();
          try {
            await navigator.clipboard.writeText(url);
            said(`The link for ${rolePlural[role]} is copied.`);
          } catch {
            said("Copying was not allowed here: the link is selected, press Ctrl+C (⌘C on a Mac).");
          }
        });
        clear(shown, h("label", { for: "invite-link" }, `Link for new ${rolePlural[role]} (earlier ${role} links no longer work):`), field, copy);
        shown.hidden = false;
        said(`A new link for ${rolePlural[role]} is ready.`);
      } catch (e) {
        said(refusalMessage(e));
      }
    });
    const revoke = h("button", { type: "button", class: "danger" }, `Turn off ${role} links…`);
    revoke.addEventListener("click", async () => {
      const reason = await confirmAction({
        title: `Turn off the links for ${rolePlural[role]}?`,
        message: `Nobody can join as ${role === "observer" || role === "owner" ? "an" : "a"} ${role} with the links shared so far. People who joined with them stay members.`,
        confirm: "Turn off the links",
      });
      if (reason === null) return;
      try {
        await api("DELETE", `/api/communities/${communityId}/invites/${role}`);
        shown.hidden = true;
        said(`Links for ${rolePlural[role]} are turned off.`);
      } catch (e) {
        said(refusalMessage(e));
      }
    });
    return h("li", {}, create, " ", revoke);
  });
  return h("section", { "aria-labelledby": "invites-title" },
    h("h2", { id: "invites-title" }, "Invite links"),
    h("p", { class: "meta" }, "Links are shown once, when made; making a new one turns the earlier one off."),
    h("ul", { class: "manage-list" }, ...rows), shown);
}
