"use client";
// The one place the browser opens live connections: a single Colyseus SDK client (same origin as
// the page), provided to every page by the root layout. Hooks take it with `useGameClient` and
// open rooms in effects, so nothing connects while the server renders. The SDK itself is loaded
// the first time a page asks for the client, not with every page: the landing, join and guide
// pages never connect, and no page's first load waits for it.
import type { Client } from "@colyseus/sdk";
import { createContext, type ReactNode, useContext, useState } from "react";

export type GameClient = { get(): Promise<Client> };

const GameClientContext = createContext<GameClient | null>(null);

export function GameClientProvider({ children }: { children: ReactNode }) {
  const [value] = useState<GameClient>(() => {
    let client: Promise<Client> | undefined;
    return {
      get() {
        client ??= import("@colyseus/sdk").then(({ Client }) => new Client(window.location.origin));
        return client;
      },
    };
  });
  return <GameClientContext.Provider value={value}>{children}</GameClientContext.Provider>;
}

export function useGameClient(): GameClient {
  const client = useContext(GameClientContext);
  if (!client) throw new Error("useGameClient needs <GameClientProvider> (the root layout provides it).");
  return client;
}
