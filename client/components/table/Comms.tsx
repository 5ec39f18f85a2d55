"use client";
// Talk at the table: a channel picker with unread counts, the open channel's messages (a log,
// announced politely as they arrive) and, for a seat, a box to write in it.
import { type TableView, tableLimits } from "@red-lines/shared/protocol";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import type { CommandReply } from "../../lib/useTable.ts";
import { Citations } from "./Citation.tsx";
import type { Channel } from "./channels.ts";
import { seatName, timeOfDay } from "./derive.ts";
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

export function Comms({ view, channels, active, onSelect, unread, act }: Props) {
  const channel = channels.find((c) => c.key === active) ?? channels[0];
  const headingId = useId();
  if (!channel) return null;
  return (
    <section className={styles.comms} aria-labelledby={headingId}>
      <h2 id={headingId}>Talk</h2>
      <ul className={styles.channelList} aria-label="Channels">
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
                {c.label}
                {c.kind === "private" && " (private)"}
                {count > 0 && " "}
                {count > 0 && (
                  <span className={styles.badge}>
                    {count}
                    <span className="visually-hidden"> unread</span>
                  </span>
                )}
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
  const me = view.me?.role ?? null;
  const title =
    channel.kind === "public"
      ? "Table chat: everyone at the table reads it"
      : channel.kind === "private"
        ? me
          ? `Private channel with ${channel.label}: only the two of you (and the facilitator) read it`
          : `Private channel ${channel.label}`
        : channel.kind === "broadcasts"
          ? "From the facilitator"
          : "News flashes";
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
          aria-label={`Messages: ${channel.label}`}
          ref={log}
          onScroll={onScroll}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard
          tabIndex={0}
        >
          <ol className={styles.messageList}>
            {channel.messages.length === 0 && <li className="muted">No messages yet.</li>}
            {keyed(channel.messages).map(({ key, item: m }) => (
              <li key={key} className={styles.message} data-mine={m.from === me}>
                <span className={styles.messageMeta}>
                  {m.from === me ? "You" : seatName(view, m.from)}
                  {channel.kind === "private" && !me && m.to && ` → ${seatName(view, m.to)}`} ·{" "}
                  {timeOfDay(m.at)}
                </span>
                <span className={styles.messageText}>
                  {/* An erased message keeps its place with no text (erased at its author's request). */}
                  {m.text === "" ? <em className="muted">Message erased</em> : m.text}
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : channel.kind === "broadcasts" ? (
        <div className={styles.messages} role="log" aria-label="Messages from the facilitator">
          <ol className={styles.messageList}>
            {channel.items.length === 0 && <li className="muted">Nothing from the facilitator yet.</li>}
            {keyed(channel.items).map(({ key, item: b }) => (
              <li key={key} className={styles.message}>
                <span className={styles.messageMeta}>Facilitator · {timeOfDay(b.at)}</span>
                <span className={styles.messageText}>{b.text}</span>
              </li>
            ))}
          </ol>
        </div>
      ) : (
        <div className={styles.messages} role="log" aria-label="News flashes">
          <ol className={styles.messageList}>
            {channel.items.length === 0 && <li className="muted">No news yet.</li>}
            {channel.items.map((n) => (
              <li key={n.event} className={styles.message}>
                <span className={styles.messageMeta}>News · {timeOfDay(n.at)}</span>
                <strong>{n.title}</strong>
                <span className={styles.messageText}>{n.flash}</span>
                {n.sources.length > 0 && (
                  <span className={styles.messageMeta}>
                    Source: <Citations sources={n.sources} documents={view.scenario.documents} />
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
          label={channel.kind === "private" ? `Private message to ${channel.label}` : "Message to the table"}
          act={act}
        />
      )}
      {!me && act && (channel.kind === "public" || channel.kind === "private") && (
        <p className="muted">Only the seated parties can write here.</p>
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
          Send
        </button>
      </div>
      <ReplyNote view={view} reply={reply} id={problemId} />
    </form>
  );
}
