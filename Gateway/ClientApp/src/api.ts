// REST calls to the gateway, with the member token; refusals become errors carrying the server's message.
import { gateway, gatewayCount, nextGateway } from "./gateways";

const tokenKey = "coplive.token";

export function token(): string | null {
  return localStorage.getItem(tokenKey);
}

export function setToken(value: string): void {
  localStorage.setItem(tokenKey, value);
}

export class ApiError extends Error {
  constructor(message: string, readonly status: number, readonly code?: string) {
    super(message);
  }
}

/** Calls the REST API as the signed-in member, or with `credential` (the administrator's key) when given. */
export async function api<T>(method: string, path: string, body?: unknown, credential?: string): Promise<T> {
  const headers: Record<string, string> = {};
  const bearer = credential ?? token();
  if (bearer) headers["Authorization"] = `Bearer ${bearer}`;
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetchFromAnyGateway(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(json?.detail ?? json?.title ?? `${response.status} ${response.statusText}`, response.status, json?.code);
  }
  return json as T;
}

/** Fetches from the current gateway; when it cannot be reached, from each of the others in turn. */
async function fetchFromAnyGateway(path: string, init: RequestInit): Promise<Response> {
  for (let tried = 1; ; tried++) {
    try {
      return await fetch(gateway() + path, init);
    } catch (error) {
      // fetch rejects only when no answer came at all (the gateway down, the network gone).
      if (tried >= gatewayCount()) throw error;
      nextGateway();
    }
  }
}

export interface JoinReply { memberId: string; communityId: string; role: string; token: string }
export interface SessionListItem {
  id: string; communityId: string; communityName: string | null; title: string; status: string;
  start: string; end: string; localStart: string; localEnd: string;
}
/** When a listed session starts, as the list gives it (`2026-12-08 16:00`, in the zone the list was written for). */
export function startsAt(s: SessionListItem): string {
  return s.localStart.replace("T", " ").slice(0, 16);
}
export interface MySessions { timeZone: string; sessions: SessionListItem[]; past: SessionListItem[] }
