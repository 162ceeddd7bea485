import type { HubConnection } from "@microsoft/signalr";
import { api } from "../api";
import { h, clear } from "../dom";
import { SharedEditor } from "../editor";
import { historyPanel } from "../history";
import { minutesView } from "../minutes";
import { RecordPanel } from "../record";
import { FacilitatorPanel } from "./facilitator";
import { colorOf } from "../decorations";
import { countdown } from "../countdown";
import { connect, invoke, isRepeatable, on, type LiveCall } from "../live";
import type { RoomState, SessionState, SessionStatus } from "../protocol";
import { delay, isWorthRetrying, refusalCode, refusalMessage, retryDelayMs } from "../refusal";
import { SharedDoc } from "../shared-doc";

interface Me { memberId: string; displayName: string }
interface SessionDetails { communityId: string; title: string; status: SessionStatus }
interface Community { members: { memberId: string; displayName: string; role: string }[] }
interface Authorship { version: number; spans: { author: string | null; length: number }[] }

/** `/sessions/<id>`: the live meeting — agenda and countdown, the plan (or my room's notes), people, chat, controls. */
export async function sessionPage(root: HTMLElement, sessionId: string): Promise<() => void> {
  const me = await api<Me>("GET", "/api/me");
  const details = await api<SessionDetails>("GET", `/api/sessions/${sessionId}`);
  const community = await api<Community>("GET", `/api/communities/${details.communityId}`);
  const role = community.members.find((m) => m.memberId === me.memberId)?.role ?? "member";
  const facilitates = role === "facilitator" || role === "owner";

  const title = h("h1", {}, details.title);
  const phase = h("p", { class: "phase", "aria-live": "polite" });
  const clock = h("p", { class: "clock", role: "timer", "aria-label": "Time left in this phase" });
  const prompt = h("p", { class: "prompt", id: "phase-prompt", hidden: true });
  const banner = h("p", { class: "banner", role: "status", hidden: true });
  const roomTitle = h("h2", { id: "room-title" });
  const editorHost = h("div", { class: "editor" });
  const editorNote = h("p", { class: "editor-note", role: "status" });
  const people = h("ul", { class: "people", "aria-label": "Participants" });
  const chatLog = h("ol", { class: "chat", "aria-label": "Chat", "aria-live": "polite" });
  const chatInput = h("input", { id: "chat-input", maxlength: 2000, "aria-label": "Message" });
  const handButton = h("button", { type: "button" }, "✋ Raise hand");
  const helpButton = h("button", { type: "button", hidden: true }, "Ask for help");
  const error = h("p", { class: "error", role: "alert" });
  const show = (e: unknown) => { error.textContent = refusalMessage(e); };
  const choice = h("section", { class: "choose-room", "aria-label": "Choose your room", hidden: true });
  const authorsButton = h("button", { type: "button", "aria-pressed": "false" }, "Show authors");
  const legend = h("ul", { class: "legend", "aria-label": "Authors", hidden: true });
  const names = new Map(community.members.map((m) => [m.memberId, m.displayName]));

  const hub: HubConnection = connect();
  const reconnectingText = "Reconnecting… (what you type is kept and sent when the connection is back)";
  const reconnecting = () => { banner.hidden = false; banner.textContent = reconnectingText; };
  // What is waiting for the cluster to answer again (a call, the document): the page says "Reconnecting…" while any is.
  const stalls = new Set<object>();
  const stalled = (who: object, waiting: boolean) => {
    if (waiting) stalls.add(who); else stalls.delete(who);
    if (stalls.size > 0) reconnecting();
    else if (banner.textContent === reconnectingText && hub.state === "Connected") banner.hidden = true;
  };

  /**
   * Sends until answered: while a failure is worth retrying and `keepTrying` holds, sends again, ever more patiently,
   * with "Reconnecting…" shown. Throws the failure it stops on.
   */
  async function untilAnswered<T>(send: () => Promise<T>, keepTrying: () => boolean): Promise<T> {
    const attempt = {};
    try {
      for (let failures = 0; ; failures++) {
        try {
          return await send();
        } catch (e) {
          if (!keepTrying() || !isWorthRetrying(e)) throw e;
          stalled(attempt, true);
          await delay(retryDelayMs(failures));
        }
      }
    } finally {
      stalled(attempt, false);
    }
  }

  /**
   * Calls the hub; a refusal is shown and resolves to undefined. While the server is recovering (or the connection
   * is down) a repeatable call is sent again until answered: never an error.
   */
  const call: LiveCall = async (method, ...args) => {
    error.textContent = "";
    try {
      return await untilAnswered(() => invoke(hub, method, ...args), () => active && isRepeatable(method));
    } catch (e) {
      if (active && isWorthRetrying(e)) error.textContent = "CopLive is reconnecting; try again in a moment.";
      else show(e);
      return undefined;
    }
  };
  const panel = facilitates ? new FacilitatorPanel(sessionId, details.communityId, call, () => join(), community.members, (roomId) => lookInto(roomId)) : null;
  // A facilitator looking into a breakout room without being in it: they read along, its members see a badge.
  let lookingInto: string | null = null;
  let watching = false;
  const watchBadge = h("p", { class: "watching", role: "status", hidden: true });
  const joinRoomButton = h("button", { type: "button" }, "Join this room to talk");
  const backButton = h("button", { type: "button" }, "Back to the plan");
  const watchBar = h("div", { class: "watch-bar", hidden: true }, h("span", {}, "You are watching this room; its members see that you are."), joinRoomButton, backButton);
  function lookInto(roomId: string | null): void {
    lookingInto = roomId;
    if (state) apply(state);
  }
  joinRoomButton.addEventListener("click", async () => {
    if (lookingInto && await call("MoveMember", sessionId, me.memberId, lookingInto)) lookingInto = null;
  });
  backButton.addEventListener("click", () => lookInto(null));
  const record = new RecordPanel(sessionId, call, community.members);
  const minutesHost = h("div", { class: "minutes-host" });
  let minutesShown = false;
  /** Once the meeting is over, its minutes lead the page. */
  async function showMinutes(): Promise<void> {
    if (minutesShown) return;
    minutesShown = true;
    minutesHost.replaceChildren(await minutesView(sessionId));
  }

  clear(root,
    h("header", {}, title, phase, clock, prompt),
    banner,
    h("div", { class: "layout" },
      h("main", {}, minutesHost, watchBar, roomTitle, watchBadge, editorHost, editorNote, error, h("div", { class: "buttons" }, authorsButton), legend, historyPanel(() => doc?.documentId ?? null, () => doc?.version ?? 0, (id) => names.get(id) ?? "a former member")),
      h("aside", {},
        h("h2", {}, "People"), people,
        h("div", { class: "buttons" }, handButton, helpButton),
        record.element,
        h("h2", {}, "Chat"), chatLog,
        h("form", { class: "chat-form", onsubmit: (e) => { e.preventDefault(); void sendChat(); } },
          h("label", { for: "chat-input", class: "visually-hidden" }, "Message"), chatInput, h("button", { type: "submit" }, "Send")),
        panel?.element ?? "",
        choice)));

  let state: SessionState | null = null;
  let room: RoomState | null = null;
  let roomId: string | null = null;
  let doc: SharedDoc | null = null;
  let editor: SharedEditor | null = null;
  let refused: string | null = null;
  let switching: Promise<void> = Promise.resolve();
  let wantedRoom: string | null = null;
  let active = true;

  on(hub, "SessionChanged", (s) => { if (s.sessionId === sessionId) apply(s); });
  on(hub, "RoomChanged", (r) => { if (r.roomId === roomId && (!room || r.seq >= room.seq)) { room = r; renderRoom(); } });
  let offline = false;
  hub.onreconnecting(reconnecting);
  hub.onreconnected(() => rejoin());
  hub.onclose(() => {
    if (offline) return;
    banner.hidden = false;
    banner.textContent = "Disconnected. Reload the page to reconnect.";
  });

  async function comeBack(): Promise<void> {
    if (!offline) return;
    try {
      await hub.start();
      offline = false;
      await rejoin();
    } catch {
      setTimeout(() => void comeBack(), 1000);
    }
  }

  /** After any reconnect: the new connection joins the session, its room and its document again. */
  async function rejoin(): Promise<void> {
    banner.hidden = true;
    await join();
    if (roomId) room = (await call("OpenRoom", roomId)) ?? room;
    await doc?.resume();
    renderRoom();
  }

  function myRoom(s: SessionState): { id: string; name: string; notes: string } {
    const breakout = s.breakout?.rooms.find((r) => r.members.includes(me.memberId))
      ?? s.breakout?.rooms.find((r) => r.roomId === lookingInto);
    return breakout ? { id: breakout.roomId, name: breakout.name, notes: breakout.notesDocumentId } : { id: s.mainRoomId, name: "Lesson plan", notes: s.mainDocumentId };
  }

  function apply(s: SessionState): void {
    if (state && s.seq < state.seq) return;
    state = s;
    renderSession();
    const target = myRoom(s);
    if (s.status === "live" && target.id !== wantedRoom) {
      // Room changes are applied one after another, in the order the session announced them.
      wantedRoom = target.id;
      switching = switching.then(() => enterRoom(target)).catch(show);
    }
    updateEditable();
  }

  async function enterRoom(target: { id: string; name: string; notes: string }): Promise<void> {
    if (roomId && roomId !== target.id) await invoke(hub, "CloseRoom", roomId).catch(() => {});
    roomId = target.id;
    roomTitle.textContent = target.name;
    helpButton.hidden = target.id === state?.mainRoomId;
    room = (await call("OpenRoom", target.id)) ?? null;
    renderRoom();
    if (doc?.documentId !== target.notes) {
      editor?.destroy();
      await doc?.close();
      refused = null;
      doc = await SharedDoc.open(hub, target.notes);
      doc.onRefused = (reason) => { refused = reason; updateEditable(); };
      const opened = doc;
      doc.onStalled = (waiting) => stalled(opened, waiting);
      editor = new SharedEditor(editorHost, doc, target.name, () => hub.connectionId);
      editor.onRefusedLocally = (reason) => { editorNote.textContent = reason; };
      if (authorsButton.getAttribute("aria-pressed") === "true") await showAuthors(true);
      updateEditable();
    }
  }

  function updateEditable(): void {
    if (!editor || !state) return;
    const muted = state.muted.includes(me.memberId);
    watching = !!state.breakout?.rooms.some((r) => r.roomId === roomId && !r.members.includes(me.memberId));
    watchBar.hidden = !watching;
    const reason = watching ? "You are watching this room: join it to talk or edit."
      : muted ? "A facilitator muted you: you can read, raise your hand and ask for help, but not edit or chat."
      : role === "observer" ? "Observers read along; editing is for members."
      : state.status !== "live" ? "The session is not live."
      : doc?.locked && !facilitates ? "A facilitator locked this document: it is read-only for now."
      : refused;
    editor.setEditable(!reason);
    editorNote.textContent = reason ?? "";
    chatInput.disabled = muted || watching || role === "observer";
  }

  function renderSession(): void {
    if (!state) return;
    title.textContent = state.title;
    const current = state.phase >= 0 ? state.agenda[state.phase] : undefined;
    phase.textContent = state.status !== "live" ? `Session ${state.status}`
      : current ? `${state.phase + 1}/${state.agenda.length} ${current.title}${current.speakingRule ? ` — ${current.speakingRule}` : ""} (${state.agendaStatus})`
      : "Agenda not started";
    // The phase's task, for everyone; in a breakout phase each room's notes start with it too.
    const ask = state.status === "live" ? current?.prompt : undefined;
    prompt.hidden = !ask;
    prompt.textContent = ask ? `${current!.breakout ? "In your breakout room: " : ""}${ask}` : "";
    clear(people, ...state.present.map((p) => h("li", {}, `${p.displayName} (${p.role})${room?.hands.some((x) => x.memberId === p.memberId) ? " ✋" : ""}${state!.muted.includes(p.memberId) ? " · muted" : ""}`)));
    record.update(state, facilitates || state.recorderId === me.memberId);
    if (state.status === "ended") void showMinutes();
    renderControls();
    renderChoice();
    tick();
  }

  /** In a self-select round, members not yet in a room pick one. */
  function renderChoice(): void {
    const round = state?.breakout;
    const open = !!round && round.assignment === "self" && !facilitates && !round.rooms.some((r) => r.members.includes(me.memberId));
    choice.hidden = !open;
    if (!open) return;
    clear(choice, h("h2", {}, "Choose your room"), ...round!.rooms.map((r) =>
      h("button", { type: "button", onclick: () => void call("ChooseRoom", sessionId, r.roomId) }, `${r.name} (${r.members.length})`)));
  }

  function renderRoom(): void {
    if (!room) return;
    const others = (room.watchers ?? []).filter((w) => w.memberId !== me.memberId);
    watchBadge.hidden = others.length === 0;
    watchBadge.textContent = `👁 ${others.map((w) => w.name).join(", ")} ${others.length === 1 ? "is" : "are"} watching this room`;
    clear(chatLog, ...room.chat.slice(-100).map((m) => h("li", { class: m.broadcast ? "broadcast" : "" }, h("strong", {}, m.authorName), ` ${m.text}`)));
    chatLog.scrollTop = chatLog.scrollHeight;
    const raised = room.hands.some((x) => x.memberId === me.memberId);
    handButton.textContent = raised ? "Lower hand" : "✋ Raise hand";
    handButton.setAttribute("aria-pressed", String(raised));
    const asked = room.help.some((x) => x.memberId === me.memberId && x.status !== "resolved");
    helpButton.textContent = asked ? "Help is on the way" : "Ask for help";
    helpButton.toggleAttribute("disabled", asked);
    renderSession();
  }

  function tick(): void {
    if (!state || state.status !== "live") { clock.textContent = ""; return; }
    // A phase's round ends with its phase: one countdown says both.
    const round = !state.breakout ? "" : state.breakout.phase !== undefined && state.breakout.phase !== null ? "rooms close with this phase"
      : `round ${countdown(state.breakout.deadline)}`;
    const left = state.agendaStatus === "paused" && state.remainingSeconds !== undefined
      ? `paused ${Math.floor(state.remainingSeconds / 60)}:${String(Math.floor(state.remainingSeconds % 60)).padStart(2, "0")}`
      : state.deadline ? countdown(state.deadline) : "";
    clock.textContent = [left, round].filter((part) => part).join(" · ");
  }

  function renderControls(): void {
    if (panel && state) panel.update(state);
  }

  async function showAuthors(on: boolean): Promise<void> {
    authorsButton.setAttribute("aria-pressed", String(on));
    authorsButton.textContent = on ? "Hide authors" : "Show authors";
    legend.hidden = !on;
    if (!on || !doc) {
      editor?.showAuthors(null);
      return;
    }
    const authorship = await api<Authorship>("GET", `/api/documents/${doc.documentId}/authorship`);
    const runs = authorship.spans.map((r) => ({ memberId: r.author ?? "", name: r.author ? names.get(r.author) ?? "former member" : "original text", length: r.length }));
    editor?.showAuthors(runs);
    const people = [...new Set(runs.filter((r) => r.memberId).map((r) => r.memberId))];
    clear(legend, ...people.map((id) => h("li", { style: `--swatch: ${colorOf(id)}` }, names.get(id) ?? "former member")));
  }
  authorsButton.addEventListener("click", () => void showAuthors(authorsButton.getAttribute("aria-pressed") !== "true").catch(show));

  async function sendChat(): Promise<void> {
    const text = chatInput.value;
    if (!roomId || !text.trim()) return;
    // The message leaves the box at once and is sent until it arrives (offline, it waits for the connection); its id
    // makes every try the same message.
    chatInput.value = "";
    const reply = await call("SendChat", roomId, text, crypto.randomUUID());
    if (reply) { room = reply; renderRoom(); }
    else if (!chatInput.value) chatInput.value = text;
  }

  handButton.addEventListener("click", async () => {
    if (!roomId) return;
    const raised = room?.hands.some((x) => x.memberId === me.memberId) ?? false;
    const reply = await call("SetHand", roomId, !raised);
    if (reply) { room = reply; renderRoom(); }
  });
  helpButton.addEventListener("click", async () => {
    if (!roomId) return;
    const reply = await call("AskForHelp", roomId, null);
    if (reply) { room = reply; renderRoom(); }
  });

  async function join(): Promise<void> {
    let joined: SessionState;
    try {
      // The cluster recovering: try again while connected (after a reconnect, rejoin() starts over).
      joined = await untilAnswered(() => invoke(hub, "JoinSession", sessionId), () => active && hub.state === "Connected");
    } catch (e) {
      if (!isWorthRetrying(e)) notJoined(e);
      return;
    }
    apply(joined);
  }

  /** The session refused this member (removed) or is not live yet. */
  function notJoined(e: unknown): void {
    if (refusalCode(e) === "Forbidden") {
      // Removed from the session (or from the community): say so, and stop editing.
      banner.hidden = false;
      banner.textContent = refusalMessage(e);
      refused = refusalMessage(e);
      updateEditable();
      return;
    }
    // Not live: over (its minutes show), or not yet (say so, and try again shortly, so the page comes alive when the
    // facilitator starts).
    phase.textContent = refusalMessage(e);
    if (details.status === "ended") void showMinutes();
    renderControlsForScheduled();
    if (active && details.status === "scheduled") setTimeout(() => { if (active && state?.status !== "live") void join(); }, 3000);
  }

  function renderControlsForScheduled(): void {
    if (!state) {
      state = { sessionId, seq: -1, title: details.title, status: details.status, agenda: [], phase: -1, agendaStatus: "notStarted", present: [], mainDocumentId: "", mainRoomId: "", roundsClosed: 0, muted: [] };
      renderControls();
    }
  }

  const timer = setInterval(tick, 1000);
  // The browser knows before the socket does when the network is gone (a laptop leaving Wi-Fi): stop at once,
  // keep editing locally, and come back when it returns.
  const onOffline = () => { offline = true; reconnecting(); void hub.stop(); };
  const onOnline = () => void comeBack();
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);
  await hub.start();
  await join();

  // Leaving the page (back to the session list): stop the countdown, the connection and the editor.
  return () => {
    active = false;
    clearInterval(timer);
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    offline = true;
    editor?.destroy();
    void hub.stop();
  };
}
