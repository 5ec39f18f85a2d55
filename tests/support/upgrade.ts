// A bare WebSocket upgrade request, as a browser page (with its Origin) or a script (without one)
// would send it: resolves with the HTTP status the server answered (101 when it let it through).
import { randomUUID } from "node:crypto";
import http from "node:http";

export function upgradeStatus(url: string, origin: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      headers: {
        Connection: "Upgrade",
        Upgrade: "websocket",
        ...(origin === undefined ? {} : { Origin: origin }),
        "Sec-WebSocket-Version": "13",
        "Sec-WebSocket-Key": Buffer.from(randomUUID().slice(0, 16)).toString("base64"),
      },
    });
    request.on("upgrade", (response, socket) => {
      socket.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on("response", (response) => resolve(response.statusCode ?? 0));
    request.on("error", reject);
    request.end();
  });
}
