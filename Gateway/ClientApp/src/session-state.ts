// The shapes of the live hub's session and room events (docs/protocol.md).
export interface Participant { memberId: string; displayName: string; role: string }
export interface BreakoutRoom { roomId: string; name: string; notesDocumentId: string; members: string[] }
export interface SessionState {
  sessionId: string; seq: number; title: string; status: string;
  agenda: { title: string; minutes: number; speakingRule?: string }[];
  phase: number; agendaStatus: string; deadline: string | null; remainingSeconds: number | null;
  present: Participant[]; mainDocumentId: string; mainRoomId: string;
  breakout: { round: string; assignment: string; deadline: string; closing: boolean; rooms: BreakoutRoom[] } | null;
  roundsClosed: number; muted: string[];
}
export interface ChatMessage { id: number; authorId: string; authorName: string; text: string; at: string; broadcast: boolean }
export interface RoomState {
  roomId: string; sessionId: string; seq: number; name: string; kind: string; notesDocumentId: string; members: string[];
  chat: ChatMessage[]; hands: { memberId: string; name: string; at: string }[];
  help: { id: number; memberId: string; name: string; note?: string; status: string }[]; closed: boolean;
}

/** `m:ss` until `deadline` (or `+m:ss` over). */
export function countdown(deadline: string, now = Date.now()): string {
  const ms = Date.parse(deadline) - now;
  const s = Math.ceil(Math.abs(ms) / 1000);
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return ms >= 0 ? text : `+${text}`;
}
