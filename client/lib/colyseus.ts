// The one place the browser opens its live connection: the Colyseus SDK, same origin as the page.
import { Client } from "@colyseus/sdk";

let client: Client | undefined;

export function gameClient(): Client {
  client ??= new Client(window.location.origin);
  return client;
}
