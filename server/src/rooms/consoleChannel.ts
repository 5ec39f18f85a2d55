// How table rooms tell their workshop's console what changed: news published on the Colyseus
// presence (in-process by default, Redis across processes), one channel per workshop.
import type { ConsoleAlert, ConsoleTable } from "@red-lines/shared/engine";

export type WorkshopNews = { kind: "table"; table: ConsoleTable } | { kind: "alert"; alert: ConsoleAlert };

export function workshopChannel(workshopId: string): string {
  return `workshop:${workshopId}`;
}
