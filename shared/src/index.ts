// The public surface of the game package: everything the server, client and tests import.
export * from "./protocol/messages.ts";
