import type { HubConnection } from "@microsoft/signalr";
import { api } from "../api";
import { h, clear } from "../dom";
import { SharedEditor } from "../editor";
import { historyPanel } from "../history";
import { minutesView } from "../minutes";
import { chatLine, clockTime } from "../chat";
import { endedMeeting } from "../ended";
import { RecordPanel } from "../record";
import { FacilitatorPanel } from "./facilitator";
import { ModerationPanel } from "./moderation";
import { SessionFeed } from "../board";
import { renderAgenda, timerLabels } from "../agenda";
import { lengthHint, textLimits } from "../limits";
import { colorOf } from "../decorations";
import { connect, invoke, isRepeatable, on, type LiveCall } from "../live";
import type { RoomState, SessionState, SessionStatus } from "../protocol";
import { delay, isWorthRetrying, refusalCode, refusalMessage, retryDelayMs } from "../refusal";
import { SharedDoc } from "../shared-doc";

interface Me { memberId: string; displayName: string }
interface SessionDetails { communityId: string; title: string; status: SessionStatus }
interface Community { name: string; members: { memberId: string; displayName: string; role: string }[] }
/** A chat message typed while the connection was down, shown as waiting until it is sent. */
interface QueuedChat { id: string; roomId: string; text: string; at: number }

interface Authorship { version: number; spans: { author: string | null; length: number }[] }

/** `/sessions/<id>`: the live meeting — agenda and countdown, the plan (or my room's notes), people, chat, controls. */
export async function sessionPage(root: HTMLElement, sessionId: string): Promise<() => void> {
  // The page opens as fast as its slowest answer, not the sum of them: the connection starts while REST answers.
  const hub: HubConnection = connect();
  const connecting = hub.start();
  connecting.catch(() => {});
  const [me, details] = await Promise.all([api<Me>("GET", "/api/me"), api<SessionDetails>("GET", `/api/sessions/${sessionId}`)]);
  const community = await api<Community>("GET", `/api/communities/${details.communityId}`);
  const role = community.members.find((m) => m.memberId === me.memberId)?.role ?? "member";
  const facilitates = role === "facilitator" || role === "owner";

  const title = h("h1", {}, details.title);
  const phase = h("p", { class: "phase", "aria-live": "polite" });
  const phaseClock = h("span", { class: "timer", role: "timer", "aria-label": "Time left in this phase" });
  const roundClock = h("span", { class: "timer", role: "timer", "aria-label": "Time left in the breakout rooms" });
  const clock = h("p", { class: "clock" }, phaseClock, roundClock);
  const where = h("p", { class: "where" }, `${community.name} · you are ${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`);
  const agendaList = h("ol", { class: "agenda", "aria-label": "Agenda" });
  const agendaSection = h("section", { class: "agenda-section", "aria-label": "Agenda", hidden: true }, h("h2", {}, "Agenda"), agendaList);
  const peopleTitle = h("h2", {}, "People");
  const prompt = h("p", { class: "prompt", id: "phase-prompt", hidden: true });
  const banner = h("p", { class: "banner", role: "status", hidden: true });
  const roomTitle = h("h2", { id: "room-title" });
  const editorHost = h("div", { class: "editor" });
  const editorNote = h("p", { class: "editor-note", role: "status" });
  const people = h("ul", { class: "people", "aria-label": "Participants" });
  const chatLog = h("ol", { class: "chat", "aria-label": "Chat", "aria-live": "polite" });
  const chatInput = h("input", { id: "chat-input", autocomplete: "off" });
  const chatHint = lengthHint(chatInput, textLimits.chat, "This message");
  const chatNote = h("p", { class: "chat-note", role: "status" });
  const lockButton = h("button", { type: "button", hidden: true, "aria-pressed": "false" }, "Lock the plan");
  const lockNote = h("p", { class: "lock-note", role: "status", hidden: true });
  const handButton = h("button", { type: "button" }, "✋ Raise hand");
  const helpButton = h("button", { type: "button", hidden: true }, "Ask for help");
  const error = h("p", { class: "error", role: "alert" });
  const show = (e: unknown) => { error.textContent = refusalMessage(e); };
  const choice = h("section", { class: "choose-room", "aria-label": "Choose your room", hidden: true });
  const authorsButton = h("button", { type: "button", "aria-pressed": "false" }, "Show authors");
  const legend = h("ul", { class: "legend", "aria-label": "Authors", hidden: true });
  const names = new Map(community.members.map((m) => [m.memberId, m.displayName]));

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
  const moderation = facilitates ? new ModerationPanel(sessionId, details.communityId, me.memberId, role, call, (roomId) => lookInto(roomId)) : null;
  const feed = moderation ? new SessionFeed(sessionId, (board) => moderation.updateBoard(board)) : null;
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
    const [minutes, record] = await Promise.all([minutesView(sessionId), endedMeeting(sessionId)]);
    minutesHost.replaceChildren(minutes, ...record);
    // The live parts of the page have nothing to show once the meeting is over.
    for (const live of [editorHost, roomTitle, authorsButton.parentElement!, history, aside]) live.hidden = true;
  }

  const history = historyPanel(() => doc?.documentId ?? null, () => doc?.version ?? 0, (id) => names.get(id) ?? "a former member");
  const aside = h("aside", {},
    // A facilitator's controls come first: the queue of people waiting, then the meeting's controls.
    moderation?.helpElement ?? "",
    panel?.element ?? "",
    agendaSection,
    choice,
    peopleTitle, people,
    h("div", { class: "buttons" }, handButton, helpButton),
    h("h2", {}, "Chat"), chatLog,
    h("form", { class: "chat-form", onsubmit: (e) => { e.preventDefault(); void sendChat(); } },
      h("label", { for: "chat-input", class: "visually-hidden" }, "Message"), chatInput, h("button", { type: "submit" }, "Send"), chatHint.element),
    chatNote,
    record.element,
    moderation?.peopleElement ?? "");
  clear(root,
    h("header", { class: "session-header" }, h("div", { class: "titles" }, title, where), phase, clock, prompt, banner),
    h("div", { class: "layout" },
      h("main", {}, minutesHost, watchBar, roomTitle, watchBadge, lockNote, editorHost, editorNote, error,
        h("div", { class: "buttons" }, authorsButton, lockButton), legend, history),
      aside));

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
  hub.onclose(async () => {
    if (offline || !active) return;
    // The server closes a connection cleanly when it takes someone's access away (removed, banned), and SignalR
    // does not reconnect after a clean close: connect once more, so the refusal says why in words.
    try {
      await hub.start();
      await rejoin();
    } catch {
      banner.hidden = false;
      banner.textContent = "Disconnected. Reload the page to reconnect.";
    }
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
    // Names of people who joined after the page opened (for authors and the history).
    for (const p of s.present) names.set(p.memberId, p.displayName);
    moderation?.updateState(s);
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
    const opening = call("OpenRoom", target.id);
    if (doc?.documentId !== target.notes) {
      editor?.destroy();
      await doc?.close();
      refused = null;
      // The room and its notes open together.
      [room, doc] = await Promise.all([opening.then((r) => r ?? null), SharedDoc.open(hub, target.notes)]);
      renderRoom();
      doc.onRefused = (reason) => { refused = reason; updateEditable(); };
      // An unlock lifts a refusal the lock caused; either way the page says so at once.
      doc.onLockChanged = (locked) => { if (!locked) refused = null; updateEditable(); };
      const opened = doc;
      doc.onStalled = (waiting) => stalled(opened, waiting);
      editor = new SharedEditor(editorHost, doc, target.name, () => hub.connectionId);
      editor.onRefusedLocally = (reason) => { editorNote.textContent = reason; };
      if (authorsButton.getAttribute("aria-pressed") === "true") await showAuthors(true);
      updateEditable();
    } else {
      room = (await opening) ?? null;
      renderRoom();
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
      : refused;
    // A lock has its own notice above the plan.
    const lockedForMe = !!doc?.locked && !facilitates;
    editor.setEditable(!reason && !lockedForMe);
    editorNote.textContent = reason ?? "";
    chatInput.disabled = muted || watching || role === "observer";
    const locked = !!doc?.locked;
    lockNote.hidden = !locked;
    lockNote.textContent = facilitates ? "🔒 This document is locked: only facilitators can edit it." : "🔒 A facilitator locked this document: you can read it, not edit it.";
    lockButton.hidden = !facilitates || state.status !== "live" || watching;
    const what = roomId === state.mainRoomId ? "the plan" : "these notes";
    lockButton.textContent = locked ? `Unlock ${what}` : `Lock ${what}`;
    lockButton.setAttribute("aria-pressed", String(locked));
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
    agendaSection.hidden = state.agenda.length === 0;
    renderAgenda(agendaList, state);
    // In a breakout room, the people of that room; in the main room, everyone present.
    const breakoutRoom = state.breakout?.rooms.find((r) => r.roomId === roomId);
    const here = breakoutRoom ? state.present.filter((p) => breakoutRoom.members.includes(p.memberId)) : state.present;
    peopleTitle.textContent = breakoutRoom ? `People in ${breakoutRoom.name}` : "People";
    clear(people, ...here.map((p) => h("li", {},
      h("span", { class: "swatch", style: `--swatch: ${colorOf(p.memberId)}`, "aria-hidden": "true" }),
      `${p.displayName} (${p.role})${p.memberId === me.memberId ? " · you" : ""}${room?.hands.some((x) => x.memberId === p.memberId) ? " ✋" : ""}${state!.muted.includes(p.memberId) ? " · muted" : ""}`)));
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
    const waiting = queuedChat.filter((q) => q.roomId === room!.roomId && !room!.chat.some((m) => m.authorId === me.memberId && m.text === q.text && Date.parse(m.at) >= q.at - 60_000));
    clear(chatLog, ...room.chat.slice(-100).map(chatLine),
      ...waiting.map((q) => h("li", { class: "queued" }, h("time", {}, clockTime(new Date(q.at).toISOString())), " ", h("strong", {}, me.displayName), ` ${q.text}`, h("span", { class: "meta" }, " · waiting to send"))));
    chatLog.scrollTop = chatLog.scrollHeight;
    const raised = room.hands.some((x) => x.memberId === me.memberId);
    handButton.textContent = raised ? "Lower hand" : "✋ Raise hand";
    handButton.setAttribute("aria-pressed", String(raised));
    const asked = room.help.some((x) => x.memberId === me.memberId && x.status !== "resolved");
    const mine = room.help.find((x) => x.memberId === me.memberId && x.status !== "resolved");
    helpButton.textContent = !mine ? "Ask for help" : mine.status === "claimed" ? `${mine.claimedByName ?? "A facilitator"} is coming to help` : "Help requested: waiting for a facilitator";
    helpButton.toggleAttribute("disabled", asked);
    renderSession();
  }

  function tick(): void {
    const labels = state ? timerLabels(state) : { phase: "", round: "" };
    phaseClock.textContent = labels.phase;
    phaseClock.hidden = !labels.phase;
    roundClock.textContent = labels.round;
    roundClock.hidden = !labels.round;
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
    if (authorship.spans.some((r) => r.author && !names.has(r.author))) {
      // Someone who joined the community after this page opened, and is not in the meeting now: ask for names again.
      const fresh = await api<Community>("GET", `/api/communities/${details.communityId}`);
      for (const m of fresh.members) names.set(m.memberId, m.displayName);
    }
    const runs = authorship.spans.map((r) => ({ memberId: r.author ?? "", name: r.author ? names.get(r.author) ?? "former member" : "original text", length: r.length }));
    editor?.showAuthors(runs);
    const people = [...new Set(runs.filter((r) => r.memberId).map((r) => r.memberId))];
    clear(legend, ...people.map((id) => h("li", { style: `--swatch: ${colorOf(id)}` }, names.get(id) ?? "former member")));
  }
  authorsButton.addEventListener("click", () => void showAuthors(authorsButton.getAttribute("aria-pressed") !== "true").catch(show));

  /**
   * Chat typed with the connection down waits in order, shown as "waiting to send", and goes out when it is back;
   * each message keeps its id over every try, so none is posted twice.
   */
  const queuedChat: QueuedChat[] = [];
  let chatSending: Promise<void> = Promise.resolve();

  async function sendChat(): Promise<void> {
    const text = chatInput.value;
    if (!roomId || !text.trim()) return;
    if (!chatHint.ok()) { chatNote.textContent = chatHint.problem(); return; }
    chatNote.textContent = "";
    chatInput.value = "";
    chatHint.refresh();
    const queued: QueuedChat = { id: crypto.randomUUID(), roomId, text, at: Date.now() };
    queuedChat.push(queued);
    if (hub.state !== "Connected") chatNote.textContent = "You are offline: your message will be sent when the connection is back.";
    renderRoom();
    chatSending = chatSending.then(async () => {
      const reply = await call("SendChat", queued.roomId, queued.text, queued.id);
      queuedChat.splice(queuedChat.indexOf(queued), 1);
      if (reply && reply.roomId === roomId) room = reply;
      else if (!reply && !chatInput.value) chatInput.value = queued.text;
      if (queuedChat.length === 0) chatNote.textContent = "";
      renderRoom();
    });
    await chatSending;
  }

  lockButton.addEventListener("click", async () => {
    if (!doc) return;
    const locked = await call("LockDocument", doc.documentId, !doc.locked, null);
    if (locked !== undefined && doc) { doc.locked = locked; updateEditable(); }
  });

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
  await connecting;
  await join();
  // The help queue and the moderation list come from the moderators' feed; the meeting works without it.
  void feed?.start().catch((e) => { error.textContent = `The help queue could not be loaded: ${refusalMessage(e)}`; });

  // Leaving the page (back to the session list): stop the countdown, the connection and the editor.
  return () => {
    active = false;
    clearInterval(timer);
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    offline = true;
    editor?.destroy();
    feed?.stop();
    moderation?.dispose();
    void hub.stop();
  };
}
