"use client";
// Talk at the table: a channel picker with unread counts, the open channel's messages (a log,
// announced politely as they arrive) and, for a seat, a box to write in it.
import { type TableView, tableLimits } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { Citations } from "./Citation.tsx";
import type { Channel } from "./channels.ts";
import { seatName } from "./derive.ts";
import { type TableT, useTableFormat } from "./format.ts";
import { ReplyNote } from "./ReplyNote.tsx";
import styles from "./table.module.css";

type Props = {
  view: TableView;
  channels: readonly Channel[];
  active: string;
  onSelect(key: string): void;
  unread: Record<string, number>;
  /** Without it the channels are only read (a replay): no box to write in. */
  act?: Act;
};

type Act = (command: { type: string } & Record<string, unknown>) => Promise<CommandReply>;

/** A channel's name: the other seat's (or both seats') for a private one. */
export function channelLabel(t: TableT, channel: Channel): string {
  switch (channel.kind) {
    case "public":
      return t("comms.channel.public");
    case "private":
      return channel.label;
    case "broadcasts":
      return t("comms.channel.broadcasts");
    case "news":
      return t("comms.channel.news");
  }
}

/** A count on a badge, with "unread" for screen readers. */
export function unreadBadge(t: TableT, count: number): ReactNode {
  return t.rich("unread", {
    count,
    hidden: (text: ReactNode) => <span className="visually-hidden">{text}</span>,
  });
}

export function Comms({ view, channels, active, onSelect, unread, act }: Props) {
  const t = useTranslations("table");
  const channel = channels.find((c) => c.key === active) ?? channels[0];
  const headingId = useId();
  if (!channel) return null;
  return (
    <section className={styles.comms} aria-labelledby={headingId}>
      <h2 id={headingId}>{t("comms.heading")}</h2>
      <ul className={styles.channelList} aria-label={t("comms.channels")}>
        {channels.map((c) => {
          const count = unread[c.key] ?? 0;
          return (
            <li key={c.key}>
              <button
                type="button"
                className={styles.channelButton}
                aria-pressed={c.key === channel.key}
                onClick={() => onSelect(c.key)}
              >
                {channelLabel(t, c)}
                {c.kind === "private" && ` ${t("comms.private")}`}
                {count > 0 && " "}
                {count > 0 && <span className={styles.badge}>{unreadBadge(t, count)}</span>}
              </button>
            </li>
          );
        })}
      </ul>
      <ChannelBody view={view} channel={channel} act={act} />
    </section>
  );
}

function ChannelBody({ view, channel, act }: { view: TableView; channel: Channel; act?: Act | undefined }) {
  const t = useTranslations("table");
  const { timeOfDay } = useTableFormat();
  const me = view.me?.role ?? null;
  const label = channelLabel(t, channel);
  const title =
    channel.kind === "public"
      ? t("comms.title.public")
      : channel.kind === "private"
        ? me
          ? t("comms.title.privateMine", { seat: channel.label })
          : t("comms.title.private", { seats: channel.label })
        : channel.kind === "broadcasts"
          ? t("comms.title.broadcasts")
          : t("comms.title.news");
  // The log scrolls inside itself so the message box stays in view; it follows new messages
  // unless the reader has scrolled up to read older ones.
  const log = useRef<HTMLDivElement>(null);
  const count =
    channel.kind === "public" || channel.kind === "private" ? channel.messages.length : channel.items.length;
  const following = useRef(true);
  useEffect(() => {
    const box = log.current;
    if (box && following.current && count > 0) box.scrollTop = box.scrollHeight;
  }, [count]);
  const onScroll = () => {
    const box = log.current;
    if (box) following.current = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  };
  return (
    <div className={styles.channel}>
      <h3 className={styles.channelTitle}>{title}</h3>
      {channel.kind === "public" || channel.kind === "private" ? (
        <div
          className={styles.messages}
          role="log"
          aria-label={t("comms.messages", { channel: label })}
          ref={log}
          onScroll={onScroll}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard
          tabIndex={0}
        >
          <ol className={styles.messageList}>
            {channel.messages.length === 0 && <li className="muted">{t("comms.noMessages")}</li>}
            {keyed(channel.messages).map(({ key, item: m }) => (
              <li key={key} className={styles.message} data-mine={m.from === me}>
                <span className={styles.messageMeta}>
                  {m.from === me ? t("comms.you") : seatName(view, m.from)}
                  {channel.kind === "private" && !me && m.to && ` → ${seatName(view, m.to)}`} ·{" "}
                  {timeOfDay(m.at)}
                </span>
                <span className={styles.messageText}>
                  {/* An erased message keeps its place with no text (erased at its author's request). */}
                  {m.text === "" ? <em className="muted">{t("comms.erased")}</em> : m.text}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : channel.kind === "broadcasts" ? (
        <div className={styles.messages} role="log" aria-label={t("comms.broadcastsLog")}>
          <ol className={styles.messageList}>
            {channel.items.length === 0 && <li className="muted">{t("comms.noBroadcasts")}</li>}
            {keyed(channel.items).map(({ key, item: b }) => (
              <li key={key} className={styles.message}>
                <span className={styles.messageMeta}>
                  {t("comms.broadcastMeta", { time: timeOfDay(b.at) })}
                </span>
                <span className={styles.messageText}>{b.text}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div className={styles.messages} role="log" aria-label={t("comms.title.news")}>
          <ol className={styles.messageList}>
            {channel.items.length === 0 && <li className="muted">{t("comms.noNews")}</li>}
            {channel.items.map((n) => (
              <li key={n.event} className={styles.message}>
                <span className={styles.messageMeta}>{t("comms.newsMeta", { time: timeOfDay(n.at) })}</span>
                <strong>{n.title}</strong>
                <span className={styles.messageText}>{n.flash}</span>
                {n.sources.length > 0 && (
                  <span className={styles.messageMeta}>
                    {t("source")} <Citations sources={n.sources} documents={view.scenario.documents} />
                  </span>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      {me && act && (channel.kind === "public" || channel.kind === "private") && (
        <MessageForm
          key={channel.key}
          view={view}
          to={channel.kind === "private" ? (channel.between.find((r) => r !== me) ?? null) : null}
          label={
            channel.kind === "private"
              ? t("comms.form.private", { seat: channel.label })
              : t("comms.form.public")
          }
          act={act}
        />
      )}
      {!me && act && (channel.kind === "public" || channel.kind === "private") && (
        <p className="muted">{t("comms.seatedOnly")}</p>
      )}
    </div>
  );
}

/** Stable keys for entries without ids: time and sender, numbered when they repeat. */
function keyed<T extends { at: number; from?: string }>(items: readonly T[]): { key: string; item: T }[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const base = `${item.at}-${item.from ?? ""}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: `${base}-${n}`, item };
  });
}

function MessageForm({
  view,
  to,
  label,
  act,
}: {
  view: TableView;
  to: string | null;
  label: string;
  act: Act;
}) {
  const t = useTranslations("table");
  const inputId = useId();
  const problemId = useId();
  const [text, setText] = useState("");
  const [sending, setSending] = useState(false);
  const [reply, setReply] = useState<CommandReply | null>(null);
  async function send(event: FormEvent) {
    event.preventDefault();
    const trimmed = text.trim();
    if (trimmed === "") return;
    setSending(true);
    const answer = await act(to ? { type: "say", text: trimmed, to } : { type: "say", text: trimmed });
    setSending(false);
    setReply(answer);
    if (answer.kind === "done") setText("");
  }
  return (
    <form className={styles.messageForm} onSubmit={send}>
      <label htmlFor={inputId}>{label}</label>
      <div className={styles.messageRow}>
        <textarea
          id={inputId}
          rows={2}
          maxLength={tableLimits.chat}
          value={text}
          aria-describedby={reply && reply.kind !== "done" ? problemId : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter" && !e.shiftKey) {
              e.preventDefault();
              e.currentTarget.form?.requestSubmit();
            }
          }}
        />
        <button type="submit" disabled={sending || text.trim() === ""}>
          {t("comms.form.send")}
        </button>
      </div>
      <ReplyNote view={view} reply={reply} id={problemId} />
    </form>
  );
}
