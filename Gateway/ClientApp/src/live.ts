// The connection to the live hub: the member token as access_token, reconnecting forever.
import { HubConnectionBuilder, LogLevel, type HubConnection } from "@microsoft/signalr";
import { token } from "./api";

export function connect(): HubConnection {
  return new HubConnectionBuilder()
    .withUrl("/hubs/live", { accessTokenFactory: () => token() ?? "" })
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (c) => Math.min(2000, 100 * 2 ** Math.min(c.previousRetryCount, 5)) })
    .configureLogging(LogLevel.None)
    .build();
}
