// A polite live region that reads out the table's important changes (visually hidden: each is
// also shown on screen where it happens).
import type { Announcement } from "./useAnnouncements.ts";

export function Announcer({ announcements }: { announcements: readonly Announcement[] }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-relevant="additions" data-testid="announcer">
      {announcements.map((a) => (
        <p key={a.id}>{a.text}</p>
      ))}
    </div>
  );
}
