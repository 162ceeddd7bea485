// The connection to the live hub (the member token as access_token, reconnecting forever) and typed calls on it:
// method and event names, arguments and replies come from protocol.ts, which is written from the server's contract.
import { HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { token } from "./api";
import { gateway, nextGateway } from "./gateways";
import { hubPaths, type LiveClient, type LiveHub } from "./protocol";
import { retryDelayMs } from "./refusal";

/**
 * A connection to a hub (the live hub unless `path` says otherwise) of the current gateway. It reconnects forever;
 * each try goes to the next gateway the page knows, so when one gateway dies the page comes back through another.
 * The token travels as a header (or access_token), never as a cookie, so no credentials go cross-origin.
 */
export function connect(path: string = hubPaths.live): HubConnection {
  const hub: HubConnection = new HubConnectionBuilder()
    .withUrl(gateway() + path, { accessTokenFactory: () => token() ?? "", withCredentials: false })
    .withAutomaticReconnect({
      nextRetryDelayInMilliseconds: (retry) => {
        // Asked first before the state turns to Reconnecting (when the address may not change): the first try goes
        // to the same gateway, as after a blip; each later one to the next.
        if (hub.state === HubConnectionState.Reconnecting) hub.baseUrl = nextGateway() + path;
        return retryDelayMs(retry.previousRetryCount);
      },
    })
    .configureLogging(LogLevel.None)
    .build();
  return hub;
}

/** A live-hub method's name. */
export type LiveMethod = keyof LiveHub;

// Sent twice, these do what they did once: their arguments name the outcome (a hand raised, a room chosen) or
// carry the message's own id (chat). Only these are sent again while the cluster recovers.
const repeatable = new Set<LiveMethod>([
  "JoinSession", "OpenRoom", "CloseRoom", "SendChat", "SetHand", "ChooseRoom", "OpenDocument", "GetOps", "SetActionItemDone", "SetRecorder",
]);

/** Whether sending `method` again after a failure with no answer cannot do it twice. */
export function isRepeatable(method: LiveMethod): boolean {
  return repeatable.has(method);
}

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
