// The connection to the live hub (the member token as access_token, reconnecting forever) and typed calls on it:
// method and event names, arguments and replies come from protocol.ts, which is written from the server's contract.
import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { token } from "./api";
import { hubPaths, type LiveClient, type LiveHub } from "./protocol";

export function connect(): HubConnection {
  return new HubConnectionBuilder()
    .withUrl(hubPaths.live, { accessTokenFactory: () => token() ?? "" })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(2000, 100 * 2 ** Math.min(c.previousRetryCount, 5)) })
    .configureLogging(LogLevel.None)
    .build();
}

/** A live-hub method's name. */
export type LiveMethod = keyof LiveHub;

/** Calls a live-hub method; the reply is typed by the contract. */
export function invoke<K extends LiveMethod>(hub: HubConnection, method: K, ...args: Parameters<LiveHub[K]>): Promise<ReturnType<LiveHub[K]>> {
  return hub.invoke<ReturnType<LiveHub[K]>>(method, ...args);
}

// SignalR's own handler type takes any arguments; the contract decides which this event carries.
type AnyHandler = (...args: any[]) => void; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Handles a live-hub event. */
export function on<K extends keyof LiveClient>(hub: HubConnection, event: K, handler: LiveClient[K]): void {
  hub.on(event, handler as AnyHandler);
}

/** Stops handling a live-hub event with `handler`. */
export function off<K extends keyof LiveClient>(hub: HubConnection, event: K, handler: LiveClient[K]): void {
  hub.off(event, handler as AnyHandler);
}

/** A live-hub call that reports a refusal to the person and resolves to undefined instead of throwing. */
export type LiveCall = <K extends LiveMethod>(method: K, ...args: Parameters<LiveHub[K]>) => Promise<ReturnType<LiveHub[K]> | undefined>;
