// The hubs' wire contract, written from CopLive.Protocol by tests/Gateway.Tests/Protocol/TypeScriptContract.cs.
// Do not edit: change the C# contract and run
//   COPLIVE_WRITE_DOCS=1 dotnet test tests/Gateway.Tests --filter TheBrowserClient_SpeaksTheProtocol
import type { TextOp } from "ot-text-unicode";

/** What one member wrote in a document (code points present, inserted, deleted; ops). */
export interface Contributor { memberId: string; name: string; present: number; inserted: number; deleted: number; ops: number }

/** The `CursorsChanged` event: every cursor, in code points of Version. */
export interface CursorsChangedEvent { documentId: string; version: number; cursors: RemoteCursor[] }

/** The `DocumentLockChanged` event: a facilitator locked or unlocked the document. */
export interface DocumentLockChangedEvent { documentId: string; locked: boolean }

/** The `DocumentOps` event: ops in version order, with no gap from the last event. */
export interface DocumentOpsEvent { documentId: string; ops: RemoteOp[] }

/** Reply to `OpenDocument`: the text at Version, its cursors and whether it is locked. */
export interface OpenedDocument { documentId: string; title: string; version: number; text: string; cursors: RemoteCursor[]; locked: boolean }

/** Reply to `GetOps`: stored ops after the version asked for, at most one page of them. */
export interface OpsReply { documentId: string; headVersion: number; ops: RemoteOp[] }

/** Someone's cursor, in code points. */
export interface RemoteCursor { memberId: string; displayName: string; clientId: string; anchor: number; head: number }

/** A stored op, as broadcast and as returned by catch-up; (ClientId, Seq) names it for its author. At, when it was stored, comes with the REST history (`GET /api/documents/{id}/ops`) and is left out of the live stream, where every byte of every op counts. */
export interface RemoteOp { version: number; op: TextOp; author: string; clientId: string; seq: number; at?: string }

/** Reply to `SubmitOp`: the version the op produced, once it is stored. */
export interface SubmitReply { version: number }

/** Reply to `WatchDocument` (console): the text now and who wrote it; `DocumentOps` events follow. */
export interface WatchedDocument { documentId: string; title: string; version: number; text: string; locked: boolean; contributors: Contributor[] }

/** Why a call was refused. A hub refusal's message is `"Code: human message"` and a REST problem carries `code`; clients switch on these names, so they are never renamed. */
export type RefusalCode = "InvalidArgument" | "Forbidden" | "NotFound" | "Conflict" | "InvalidOp" | "TooOld" | "NewerThanHead" | "TooLarge" | "RateLimited" | "Unavailable";

/** An audit log entry, with the community it belongs to; Action is `{what}.{happened}`, Outcome `done` or `refused`. */
export interface AuditRow { communityId: string; community: string; id: number; at: string; actor: string; action: string; target?: string; detail?: string; reason?: string; outcome: string }

/** Reply to `OpenBoard`: who the console moderates, and everything it shows. */
export interface Board { moderator: Moderator; communities: CommunityRow[]; sessions: SessionBoard[]; pulse: Pulse }

/** A community as the console lists it (the `CommunityChanged` event). */
export interface CommunityRow { communityId: string; name: string; timeZone: string; members: number; facilitators: number; sessionsLive: number; sessionsScheduled: number }

/** A help request of a live session's room, open or claimed. */
export interface HelpRow { roomId: string; room: string; requestId: number; memberId: string; member: string; note?: string; at: string; status: HelpStatus; claimedBy?: string }

/** A member present in (or assigned to a room of) a live session. */
export interface MemberRow { memberId: string; name: string; role: MemberRole; roomId?: string; room?: string; online: boolean; muted: boolean; handRaised: boolean }

/** The console's identity and scope: the administrator sees everything, a facilitator the communities they facilitate or own. */
export interface Moderator { isAdmin: boolean; name: string; communities: string[] }

/** The `Pulse` event, once a second: the console's figures, counted within its scope; ops and write time are this gateway's own, and null where it hosts no silo. */
export interface Pulse { at: string; connections: number; consoles: number; communities: number; sessionsLive: number; rooms: number; participants: number; opsPerSecond?: number; helpOpen: number; storageWriteMs?: number }

/** A room of a live session. */
export interface RoomRow { roomId: string; name: string; kind: RoomKind; notesDocumentId: string; members: number; hands: number; helpOpen: number }

/** One session as a moderator watches it (the `SessionBoard` event): its row in the Sessions screen, its rooms, members and help queue. Each event is complete; the highest Revision wins. */
export interface SessionBoard { sessionId: string; revision: number; communityId: string; community: string; title: string; status: SessionStatus; start: string; end: string; phase?: string; phaseStatus: AgendaStatus; phaseDeadline?: string; phaseRemainingSeconds?: number; roundDeadline?: string; online: number; expected: number; mainDocumentId: string; rooms: RoomRow[]; members: MemberRow[]; help: HelpRow[] }

/** Where a request for help is. */
export type HelpStatus = "open" | "claimed" | "resolved";

/** A chat message; Broadcast when a facilitator sent it to every room. */
export interface RoomChatMessage { id: number; authorId: string; authorName: string; text: string; at: string; broadcast: boolean }

/** A raised hand. */
export interface RoomHand { memberId: string; name: string; at: string }

/** A request for help. */
export interface RoomHelpRequest { id: number; memberId: string; name: string; note?: string; at: string; status: HelpStatus; claimedBy?: string; claimedByName?: string; resolvedAt?: string }

/** The session's main room, or a breakout room of a round. */
export type RoomKind = "main" | "breakout";

/** The `RoomChanged` event and the reply of room commands: a room's complete state, numbered by Seq. */
export interface RoomState { roomId: string; sessionId: string; seq: number; name: string; kind: RoomKind; notesDocumentId: string; members: string[]; chat: RoomChatMessage[]; hands: RoomHand[]; help: RoomHelpRequest[]; closed: boolean; watchers?: RoomWatcherEntry[] }

/** A facilitator watching a breakout room without being in it; the room's members see a badge. */
export interface RoomWatcherEntry { memberId: string; name: string }

/** An action item: its owner (a member), due date (`yyyy-MM-dd` in the session's zone), whether it is done, and whether it was carried from an earlier meeting of the series. */
export interface ActionItemEntry { id: string; text: string; ownerId?: string; ownerName?: string; due?: string; done: boolean; createdAt: string; carried: boolean }

/** Argument of `AddActionItem`: what, who (optional, a member id) and by when (optional, `yyyy-MM-dd`). */
export interface ActionItemRequest { text: string; ownerId?: string; due?: string }

/** One agenda phase: its prompt and speaking rule are shown to everyone; a breakout phase opens a round as it starts and closes it as it ends. */
export interface AgendaPhase { title: string; minutes: number; speakingRule?: string; prompt?: string; breakout?: PhaseBreakout }

/** Where the agenda's countdown is. */
export type AgendaStatus = "notStarted" | "running" | "paused" | "overtime" | "finished";

/** A member placed in a room (0-based index into the rooms), for manual assignment. */
export interface AssignmentRequest { memberId: string; room: number }

/** How members get into breakout rooms. */
export type BreakoutMode = "auto" | "manual" | "self";

/** One breakout room and who is in it. */
export interface BreakoutRoomState { roomId: string; name: string; notesDocumentId: string; members: string[] }

/** The open breakout round; Phase is the agenda phase it belongs to (it ends with that phase), null for a round opened by hand. */
export interface BreakoutState { round: string; assignment: BreakoutMode; deadline: string; closing: boolean; rooms: BreakoutRoomState[]; phase?: number }

/** A decision marked during the meeting; Phase is the agenda phase running then. */
export interface DecisionEntry { id: string; text: string; byId: string; byName: string; at: string; phase?: number }

/** A member's role in a community, from least to most privileged. */
export type MemberRole = "observer" | "member" | "facilitator" | "owner";

/** Argument of `OpenBreakouts`: a number of rooms or their names, how members get in, and how long. */
export interface OpenBreakoutsRequest { rooms?: number; names?: string[]; assignment: BreakoutMode; minutes: number; assignments?: AssignmentRequest[] }

/** The round a breakout phase runs: how many rooms, and how members get in (`auto` or `self`). */
export interface PhaseBreakout { rooms: number; assignment: BreakoutMode }

/** Someone present in a session. */
export interface SessionParticipant { memberId: string; displayName: string; role: MemberRole }

/** The `SessionChanged` event and the reply of session commands: the complete live state of a session, numbered by Seq (the highest wins). */
export interface SessionState { sessionId: string; seq: number; title: string; status: SessionStatus; startedAt?: string; endedAt?: string; agenda: AgendaPhase[]; phase: number; agendaStatus: AgendaStatus; deadline?: string; remainingSeconds?: number; present: SessionParticipant[]; mainDocumentId: string; mainRoomId: string; breakout?: BreakoutState; roundsClosed: number; muted: string[]; recorderId?: string; decisions?: DecisionEntry[]; actionItems?: ActionItemEntry[] }

/** Where a session is in its life. */
export type SessionStatus = "scheduled" | "live" | "ended" | "cancelled";

/** Where a gateway serves its hubs. */
export const hubPaths = { live: "/hubs/live", admin: "/hubs/admin" } as const;

/** What facilitators do to a running meeting, offered alike by the participants' hub and the console hub. Ids are GUIDs as strings; the server decides every right and records each action in the community's audit log. */
export interface ModerationHub {
  /** Closes the meeting; reason goes to the audit log. */
  EndSession(sessionId: string, reason: string | null): SessionState;
  /** Lengthens the current phase by minutes (negative shortens). */
  ExtendPhase(sessionId: string, minutes: number): SessionState;
  /** Moves a member to another room of the round. */
  MoveMember(sessionId: string, memberId: string, roomId: string): SessionState;
  /** Posts a message to every room. */
  BroadcastToRooms(sessionId: string, text: string): SessionState;
  /** Lengthens or shortens the round. */
  ExtendRound(sessionId: string, minutes: number): SessionState;
  /** Closes the round: notes merge into the lesson plan, everyone returns to the main room. */
  CloseRound(sessionId: string): SessionState;
  /** Mutes or unmutes a member in the session. */
  MuteMember(sessionId: string, memberId: string, muted: boolean, reason: string | null): SessionState;
  /** Removes a member from the session; their connections close and they cannot rejoin it. */
  RemoveMember(sessionId: string, memberId: string, reason: string | null): SessionState;
  /** Bans a member from the community; their open connections close at once. */
  BanMember(communityId: string, memberId: string, reason: string | null): void;
  /** Locks or unlocks a document; returns whether it is locked now. */
  LockDocument(documentId: string, locked: boolean, reason: string | null): boolean;
  /** Takes a help request. */
  ClaimHelp(roomId: string, requestId: number): RoomState;
  /** Marks a help request done. */
  ResolveHelp(roomId: string, requestId: number): RoomState;
}

/** The participants' hub (HubPaths.Live): co-editing, sessions and rooms. Events: LiveClient. */
export interface LiveHub extends ModerationHub {
  /** Subscribes this connection to the document, then returns its text, version and cursors. */
  OpenDocument(documentId: string): OpenedDocument;
  /** Submits an op made on baseVersion; returns the version it produced once it is stored. Submitting the same (clientId, seq) again returns the same version. */
  SubmitOp(documentId: string, clientId: string, seq: number, baseVersion: number, op: TextOp): SubmitReply;
  /** Stored ops after fromVersion (at most 1,000), for catch-up after a reconnect. */
  GetOps(documentId: string, fromVersion: number): OpsReply;
  /** Places this connection's cursor, in code points of version. */
  MoveCursor(documentId: string, version: number, anchor: number, head: number): void;
  /** Stops receiving the document's events and removes this connection's cursor. */
  CloseDocument(documentId: string): void;
  /** Joins the live session and subscribes to its events; returns the complete state (again after a reconnect). */
  JoinSession(sessionId: string): SessionState;
  /** Leaves the live session. */
  LeaveSession(sessionId: string): void;
  /** Opens the meeting. */
  StartSession(sessionId: string): SessionState;
  /** Starts the agenda's first phase. */
  StartAgenda(sessionId: string): SessionState;
  /** Moves on to the next phase. */
  AdvancePhase(sessionId: string): SessionState;
  /** Pauses the countdown. */
  PausePhase(sessionId: string): SessionState;
  /** Resumes the countdown. */
  ResumePhase(sessionId: string): SessionState;
  /** Opens a breakout round. */
  OpenBreakouts(sessionId: string, request: OpenBreakoutsRequest): SessionState;
  /** Picks a room in a self-select round. */
  ChooseRoom(sessionId: string, roomId: string): SessionState;
  /** Names the member who records decisions and action items, or nobody (null). */
  SetRecorder(sessionId: string, memberId: string | null): SessionState;
  /** Marks a decision of the live meeting. */
  AddDecision(sessionId: string, text: string): SessionState;
  /** Marks an action item of the live meeting. */
  AddActionItem(sessionId: string, request: ActionItemRequest): SessionState;
  /** Marks an action item done, or open again. */
  SetActionItemDone(sessionId: string, itemId: string, done: boolean): SessionState;
  /** Takes back a decision or action item marked by mistake. */
  RemoveMinutesEntry(sessionId: string, entryId: string): SessionState;
  /** Starts following a room this caller may read; returns its state. */
  OpenRoom(roomId: string): RoomState;
  /** Stops following a room (and watching it, for a facilitator who was). */
  CloseRoom(roomId: string): void;
  /** Posts to a room's chat (1–2,000 characters). messageId is a new GUID per message, kept when the send is retried, so a retry after a lost reply posts the message once. */
  SendChat(roomId: string, text: string, messageId: string): RoomState;
  /** Raises or lowers the caller's hand. */
  SetHand(roomId: string, raised: boolean): RoomState;
  /** Asks a facilitator for help. */
  AskForHelp(roomId: string, note: string | null): RoomState;
}

/** The moderators' console hub (HubPaths.Admin), for the admin key or a facilitator's token. Events: AdminClient. */
export interface AdminHub extends ModerationHub {
  /** Starts this console's feed and returns everything in its scope. */
  OpenBoard(): Board;
  /** Follows a document read-only: its text and contributors; its `DocumentOps` events follow. */
  WatchDocument(documentId: string): WatchedDocument;
  /** Looks into a room: returns its state, and its `RoomChanged` events follow. A breakout room's members see that this console's facilitator is watching. */
  WatchRoom(roomId: string): RoomState;
  /** Stops looking into a room. */
  UnwatchRoom(roomId: string): void;
  /** Stops following a document. */
  UnwatchDocument(documentId: string): void;
  /** Who wrote a document, most present text first. */
  GetContributors(documentId: string): Contributor[];
  /** The newest audit entries (1–200) of one community, or of every community in scope when communityId is null. */
  GetAudit(communityId: string | null, limit: number): AuditRow[];
}

/** Events of an open or watched document, sent by both hubs. */
export interface DocumentEvents {
  /** Stored ops, in version order with no gap. */
  DocumentOps(message: DocumentOpsEvent): void;
  /** Every cursor of the document. */
  CursorsChanged(message: CursorsChangedEvent): void;
  /** The document was locked or unlocked. */
  DocumentLockChanged(message: DocumentLockChangedEvent): void;
}

/** The events the participants' hub sends. */
export interface LiveClient extends DocumentEvents {
  /** A joined session's complete state. */
  SessionChanged(message: SessionState): void;
  /** A followed room's complete state. */
  RoomChanged(message: RoomState): void;
}

/** The events the console hub sends once `OpenBoard` has started its feed. */
export interface AdminClient extends DocumentEvents {
  /** A session's view, complete. */
  SessionBoard(message: SessionBoard): void;
  /** A community's figures. */
  CommunityChanged(message: CommunityRow): void;
  /** The once-a-second figures. */
  Pulse(message: Pulse): void;
  /** A room this console looks into changed (its chat, hands, help, members or watchers). */
  RoomChanged(room: RoomState): void;
}
