// A polite live region that reads out the table's important changes (visually hidden: each is
// also shown on screen where it happens).
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { seatName } from "./derive.ts";
import type { Announcement, Said } from "./useAnnouncements.ts";

type AnnounceT = ReturnType<typeof useTranslations<"table.announce">>;

/** An announcement as a sentence; a seat is named as the reader's view names it. */
function sentence(t: AnnounceT, view: TableView | null, said: Said): string {
  const name = (role: string) => (view ? seatName(view, role) : role);
  const whose = (role: string) => ({ seat: name(role), s: name(role).endsWith("s") ? "yes" : "no" });
  switch (said.code) {
    case "briefing":
    case "negotiating":
    case "walkedOutMine":
    case "timedOutMine":
    case "skippedMine":
    case "yourTurn":
    case "paused":
    case "resumed":
      return t(said.code);
    case "walkedOut":
      return t("walkedOut", { seat: name(said.seat) });
    case "over":
      return t("over", { outcome: said.outcome });
    case "newVersion":
      return t("newVersion", { version: said.version, seat: name(said.seat) });
    case "timedOut":
      return t("timedOut", whose(said.seat));
    case "skipped":
      return t("skipped", whose(said.seat));
    case "turn":
      return t("turn", whose(said.seat));
    case "news":
      return t("news", { title: said.title, flash: said.flash });
    case "broadcast":
      return t("broadcast", { text: said.text });
    case "privateMessage":
      return t("privateMessage", { seat: name(said.seat) });
  }
}

export function Announcer({
  announcements,
  view,
}: {
  announcements: readonly Announcement[];
  view: TableView | null;
}) {
  const t = useTranslations("table.announce");
  return (
    <div className="visually-hidden" aria-live="polite" aria-relevant="additions" data-testid="announcer">
      {announcements.map((a) => (
        <p key={a.id}>{sentence(t, view, a.said)}</p>
      ))}
    </div>
  );
}
