// The bench's anchor (`npm run bench -- server --anchor`): a bare Colyseus server whose rooms do
// what a table room does on the wire and nothing else. Each room keeps its chat lines in memory;
// a `command` with a `say` is answered `done` and sent to every connection as the same patch a
// table sends for a new chat line (the same message type and size), after one whole view on join.
// No engine, no log, no database: what Colyseus and the sockets alone cost at the same load.
// Run as a child process; prints "ready at http://127.0.0.1:<port>".
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { type Client, Room, Server } from "@colyseus/core";
import { WebSocketTransport } from "@colyseus/ws-transport";

export const anchorRoomName = "anchor";

type Line = { from: string; to: null; text: string; at: number };

class AnchorRoom extends Room {
  override maxClients = 64;
  private readonly lines: Line[] = [];

  override onCreate() {
    this.onMessage("command", (client, payload: { intentId?: string; command?: { text?: unknown } }) => {
      const text = payload?.command?.text;
      if (typeof payload?.intentId !== "string" || typeof text !== "string") return;
      const seq = this.lines.length;
      const line: Line = { from: client.sessionId.slice(0, 6), to: null, text, at: Date.now() };
      this.lines.push(line);
      this.broadcast("patch", {
        from: seq,
        to: seq + 1,
        ops: [{ op: "add", path: `/publicChat/${seq}`, value: line }],
      });
      client.send("done", { intentId: payload.intentId });
    });
    this.onMessage("*", () => {});
  }

  override onJoin(client: Client) {
    client.send("view", { seq: this.lines.length, view: { publicChat: [...this.lines] } });
  }
}

async function main() {
  const http = createServer();
  const transport = new WebSocketTransport({ server: http });
  const server = new Server({ transport, greet: false });
  server.define(anchorRoomName, AnchorRoom).filterBy(["table"]);
  await server.listen(0, "127.0.0.1");
  const { port } = http.address() as AddressInfo;
  console.log(`anchor ready at http://127.0.0.1:${port}`);
  process.on("SIGTERM", () => void server.gracefullyShutdown(true));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split("/").pop() ?? "")) void main();
