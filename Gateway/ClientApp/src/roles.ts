// Community roles as the server ranks them, for showing only the actions the server would allow.
import type { MemberRole } from "./protocol";

const rank: Record<MemberRole, number> = { observer: 0, member: 1, facilitator: 2, owner: 3 };

/**
 * Whether someone of role `mine` may mute, remove, ban or change the role of someone of role `theirs`: only
 * members below one's own role (the server's rule; it decides in the end). Owners may change another owner's role.
 */
export function outranks(mine: string, theirs: string): boolean {
  return (rank[mine as MemberRole] ?? -1) > (rank[theirs as MemberRole] ?? 99);
}
