// Who talked to whom: public messages per party, private messages per pair (counts always; the
// texts only when this reader may see them), the facilitator's broadcasts, and the bots' own
// reasoning for their moves where bots played.
import { formatCount, listWords } from "@red-lines/shared/client";
import { botStyleTitles, type Debrief } from "@red-lines/shared/protocol";
import styles from "./Debrief.module.css";
import { roleNameOf, roundText } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

function time(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export function CommunicationSection({ debrief }: { debrief: Debrief }) {
  const { communication } = debrief;
  const name = (role: string) => roleNameOf(debrief, role);
  const bots = debrief.roles.filter((r) => r.bot !== null);
  return (
    <section aria-labelledby="talk-heading" className={styles.section}>
      <h2 id="talk-heading">Who talked to whom</h2>
      <div className={styles.split}>
        <Scroller label="Public messages">
          <table className={styles.figures} data-testid="public-messages">
            <caption className={styles.caption}>Public messages at the table</caption>
            <thead>
              <tr>
                <th scope="col">Party</th>
                <th scope="col">Messages</th>
              </tr>
            </thead>
            <tbody>
              {debrief.roles.map((role) => (
                <tr key={role.id}>
                  <th scope="row">{role.name}</th>
                  <td>{formatCount(communication.publicBySeat[role.id] ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">Facilitator (broadcasts)</th>
                <td>{formatCount(communication.broadcasts)}</td>
              </tr>
            </tbody>
          </table>
        </Scroller>
        <Scroller label="Private back-channels">
          <table className={styles.figures} data-testid="private-counts">
            <caption className={styles.caption}>Private back-channels</caption>
            <thead>
              <tr>
                <th scope="col">Between</th>
                <th scope="col">Messages</th>
                <th scope="col">Sent by each</th>
              </tr>
            </thead>
            <tbody>
              {communication.privateByPair.map((pair) => (
                <tr key={pair.seats.join("-")}>
                  <th scope="row">
                    {name(pair.seats[0])} and {name(pair.seats[1])}
                  </th>
                  <td>{formatCount(pair.count)}</td>
                  <td>{pair.seats.map((s) => `${name(s)} ${pair.bySeat[s] ?? 0}`).join(", ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroller>
      </div>

      <h3>The private channels</h3>
      {!communication.privateMessagesIncluded ? (
        <p data-testid="private-withheld">
          The instructor has not revealed what was said in private; only how many messages there were.
        </p>
      ) : communication.privateMessages.length === 0 ? (
        <p data-testid="private-messages">No private messages were sent.</p>
      ) : (
        <Scroller label="Private messages" className={styles.messages}>
          <ol className={styles.messageList} data-testid="private-messages">
            {communication.privateMessages.map((message) => (
              <li key={`${message.at}-${message.from}-${message.to}-${message.text.slice(0, 20)}`}>
                <p className={styles.when}>
                  {name(message.from)} to {name(message.to)} · {time(message.at)}
                </p>
                <p>{message.text === "" ? <em>Message erased</em> : message.text}</p>
              </li>
            ))}
          </ol>
        </Scroller>
      )}

      {bots.length > 0 && (
        <>
          <h3>The bots' reasoning</h3>
          <p>
            Bots played{" "}
            {listWords(
              bots.map((b) => (b.bot ? `${b.name} — ${botStyleTitles[b.bot].toLowerCase()}` : b.name)),
            )}
            . Each explained its moves:
          </p>
          {communication.botNotes.length === 0 ? (
            <p>No bot move was explained.</p>
          ) : (
            <Scroller label="The bots' reasoning" className={styles.messages}>
              <ol className={styles.messageList} data-testid="bot-notes">
                {communication.botNotes.map((note) => (
                  <li key={`${note.at}-${note.seat}-${note.text.slice(0, 20)}`}>
                    <p className={styles.when}>
                      {name(note.seat)} · {roundText(note.round)}
                    </p>
                    <p>{note.text}</p>
                  </li>
                ))}
              </ol>
            </Scroller>
          )}
        </>
      )}
    </section>
  );
}
