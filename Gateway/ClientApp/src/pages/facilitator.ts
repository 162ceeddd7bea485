import { api } from "../api";
import { h, clear } from "../dom";
import { refusalMessage } from "../refusal";
import { confirmAction } from "../dialog";
import { lengthHint, textLimits } from "../limits";
import type { LiveCall } from "../live";
import type { BreakoutMode, SessionState } from "../protocol";

/**
 * The facilitator's controls on the session page: start, agenda, breakout rounds (automatic, manual or
 * self-select; move people, broadcast, extend, close) and end. Inputs are created once so that a session update
 * arriving while the facilitator types does not wipe what they typed.
 */
export class FacilitatorPanel {
  readonly element = h("section", { class: "controls", "aria-label": "Facilitator controls" });
  private readonly rooms = h("input", { id: "rooms", type: "number", min: 1, max: 20, value: 2 });
  private readonly minutes = h("input", { id: "minutes", type: "number", min: 1, max: 240, value: 10 });
  private readonly mode = h("select", { id: "mode" },
    h("option", { value: "auto" }, "automatic"), h("option", { value: "manual" }, "manual"), h("option", { value: "self" }, "self-select"));
  private readonly broadcast = h("input", { id: "broadcast" });
  private readonly broadcastHint = lengthHint(this.broadcast, textLimits.chat, "The message");
  private readonly manual = new Map<string, HTMLSelectElement>();
  private readonly assignments = h("div", { class: "assignments" });
  private readonly openFormElement = this.buildOpenForm();
  private readonly templateName = h("input", { id: "template-name" });
  private readonly templateHint = lengthHint(this.templateName, textLimits.name, "The name");
  private readonly templateNote = h("p", { class: "template-note", role: "status" });
  private state: SessionState | null = null;

  private readonly recorder = h("select", { id: "recorder" });

  constructor(
    private readonly sessionId: string,
    private readonly communityId: string,
    private readonly call: LiveCall,
    private readonly started: () => Promise<void>,
    members: { memberId: string; displayName: string; role: string }[],
    private readonly lookInto: (roomId: string) => void) {
    clear(this.recorder, h("option", { value: "" }, "facilitators only"),
      ...members.filter((m) => m.role !== "observer").map((m) => h("option", { value: m.memberId }, m.displayName)));
    this.recorder.addEventListener("change", () => void this.call("SetRecorder", this.sessionId, this.recorder.value || null));
    this.mode.addEventListener("change", () => this.renderAssignments());
    this.rooms.addEventListener("input", () => this.renderAssignments());
  }

  update(state: SessionState): void {
    this.state = state;
    this.render();
  }

  private button(label: string, action: () => Promise<unknown>): HTMLButtonElement {
    return h("button", { type: "button", onclick: () => void action() }, label);
  }

  private render(): void {
    const s = this.state;
    if (!s) return;
    const id = this.sessionId;
    const parts: Node[] = [h("h2", {}, "Facilitator")];
    if (s.status === "scheduled") {
      parts.push(this.button("Start session", async () => { if (await this.call("StartSession", id)) await this.started(); }));
    }
    if (s.status === "live") {
      const running = s.agendaStatus === "running" || s.agendaStatus === "overtime";
      parts.push(
        h("div", { class: "buttons", role: "group", "aria-label": "Agenda" },
          s.agendaStatus === "finished" ? "" : this.button(s.phase < 0 ? "Start agenda" : s.phase + 1 < s.agenda.length ? "Next phase" : "Finish agenda",
            () => this.call(s.phase < 0 ? "StartAgenda" : "AdvancePhase", id)),
          running ? this.button("Pause phase", () => this.call("PausePhase", id)) : "",
          s.agendaStatus === "paused" ? this.button("Resume phase", () => this.call("ResumePhase", id)) : "",
          running || s.agendaStatus === "paused" ? this.button("Phase +5 min", () => this.call("ExtendPhase", id, 5)) : ""),
        s.breakout ? this.roundControls(s) : this.openForm(),
        h("div", { class: "recorder" }, h("label", { for: "recorder" }, "Recorder"), this.recorder),
        // Apart from the rest, and asked twice: ending cannot be undone.
        h("div", { class: "end" }, this.button("End session…", () => this.end())));
      this.recorder.value = s.recorderId ?? "";
    }
    if (s.agenda.length > 0) parts.push(this.saveTemplateForm());
    clear(this.element, ...parts);
  }

  private async end(): Promise<void> {
    const reason = await confirmAction({
      title: "End this meeting for everyone?",
      message: "Everyone leaves, breakout notes are merged into the plan, and the minutes become final. This cannot be undone.",
      confirm: "End the meeting",
    });
    if (reason !== null) await this.call("EndSession", this.sessionId, null);
  }

  private async closeRound(): Promise<void> {
    const reason = await confirmAction({
      title: "Close the breakout rooms?",
      message: "Everyone comes back to the main room and each room's notes are added to the lesson plan.",
      confirm: "Close the rooms",
    });
    if (reason !== null) await this.call("CloseRound", this.sessionId);
  }

  /** Keeps this meeting's agenda (phases, prompts, rules, breakout phases) as a template the community can schedule from. */
  private saveTemplateForm(): HTMLElement {
    const form = h("form", { class: "save-template", "aria-label": "Save this agenda as a template" },
      h("label", { for: "template-name" }, "Save this agenda as a template named"), this.templateName,
      h("button", { type: "submit" }, "Save template"), this.templateHint.element, this.templateNote);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!this.templateHint.ok()) { this.templateNote.textContent = this.templateHint.problem(); return; }
      try {
        const saved = await api<{ name: string }>("POST", `/api/communities/${this.communityId}/templates`,
          { name: this.templateName.value, sessionId: this.sessionId });
        this.templateName.value = "";
        this.templateNote.textContent = `Saved as the template “${saved.name}”.`;
      } catch (error) {
        this.templateNote.textContent = refusalMessage(error);
      }
    });
    return form;
  }

  /** The form to open a round: made once, so a click on it is never lost to a redraw; only its manual assignments follow the room count. */
  private openForm(): HTMLElement {
    this.renderAssignments();
    return this.openFormElement;
  }

  private buildOpenForm(): HTMLFormElement {
    const form = h("form", { class: "breakout", "aria-label": "Open breakout rooms" },
      h("label", { for: "rooms" }, "Rooms"), this.rooms,
      h("label", { for: "minutes" }, "Minutes"), this.minutes,
      h("label", { for: "mode" }, "Assignment"), this.mode,
      this.assignments,
      h("button", { type: "submit" }, "Open breakout rooms"));
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      const members = this.members();
      void this.call("OpenBreakouts", this.sessionId, {
        rooms: this.roomCount(),
        assignment: this.mode.value as BreakoutMode,
        minutes: Number(this.minutes.value),
        assignments: this.mode.value === "manual"
          ? members.map((m) => ({ memberId: m.memberId, room: Number(this.manual.get(m.memberId)!.value) }))
          : undefined,
      });
    });
    return form;
  }

  private roomCount(): number {
    return Math.max(1, Math.min(20, Number(this.rooms.value) || 1));
  }

  private members() {
    return (this.state?.present ?? []).filter((p) => p.role !== "facilitator" && p.role !== "owner");
  }

  /** In a manual round, a room for each member present. */
  private renderAssignments(): void {
    const count = this.roomCount();
    clear(this.assignments, ...(this.mode.value !== "manual" ? [] : this.members().map((m, i) => {
      let select = this.manual.get(m.memberId);
      if (!select) {
        select = h("select", { id: `assign-${m.memberId}` });
        this.manual.set(m.memberId, select);
      }
      const chosen = select.value || String(i % count);
      clear(select, ...Array.from({ length: count }, (_, r) => h("option", { value: r, selected: String(r) === chosen }, `Room ${r + 1}`)));
      return h("div", {}, h("label", { for: select.id }, m.displayName), select);
    })));
  }

  private roundControls(s: SessionState): HTMLElement {
    const round = s.breakout!;
    const names = new Map(s.present.map((p) => [p.memberId, p.displayName]));
    const rooms = round.rooms.map((room) => h("li", {}, h("strong", {}, room.name), " ",
      h("button", { type: "button", class: "look-in", "aria-label": `Look in on ${room.name}`, onclick: () => this.lookInto(room.roomId) }, "Look in"), " ",
      ...room.members.map((m) => {
        const move = h("select", { "aria-label": `Move ${names.get(m) ?? "member"} to` },
          ...round.rooms.map((r) => h("option", { value: r.roomId, selected: r.roomId === room.roomId }, r.name)));
        move.addEventListener("change", () => void this.call("MoveMember", this.sessionId, m, move.value));
        return h("span", { class: "member" }, names.get(m) ?? "(away)", " ", move);
      })));
    const broadcast = h("form", { class: "broadcast" },
      h("label", { for: "broadcast" }, "Message to every room"), this.broadcast, h("button", { type: "submit" }, "Broadcast"), this.broadcastHint.element);
    broadcast.addEventListener("submit", async (e) => {
      e.preventDefault();
      if (!this.broadcastHint.ok()) return;
      if (await this.call("BroadcastToRooms", this.sessionId, this.broadcast.value)) { this.broadcast.value = ""; this.broadcastHint.refresh(); }
    });
    return h("div", { class: "round" },
      h("ul", { class: "rooms", "aria-label": "Breakout rooms" }, ...rooms),
      broadcast,
      this.button("Round +5 min", () => this.call("ExtendRound", this.sessionId, 5)),
      this.button("Close breakout round…", () => this.closeRound()));
  }
}
