"use client";
// The one place the browser opens live connections: a single Colyseus SDK client (same origin as
// the page), provided to every page by the root layout. Hooks take it with `useGameClient` and
// open rooms in effects, so nothing connects while the server renders.
import { Client } from "@colyseus/sdk";
import { createContext, type ReactNode, useContext, useState } from "react";

export type GameClient = { get(): Client };

const GameClientContext = createContext<GameClient | null>(null);

export function GameClientProvider({ children }: { children: ReactNode }) {
  const [value] = useState<GameClient>(() => {
    let client: Client | undefined;
    return {
      get() {
        client ??= new Client(window.location.origin);
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
