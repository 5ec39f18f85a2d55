// Who talked to whom: public messages per party, private messages per pair (counts always; the
// texts only when this reader may see them), the facilitator's broadcasts, and the bots' own
// reasoning for their moves where bots played.
import type { Debrief } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import styles from "./Debrief.module.css";
import { useFigures } from "./figures.ts";
import { roleNameOf } from "./look.ts";
import { Scroller } from "./Scroller.tsx";

export function CommunicationSection({ debrief }: { debrief: Debrief }) {
  const t = useTranslations("debrief");
  const figures = useFigures();
  const { communication } = debrief;
  const name = (role: string) => roleNameOf(debrief, role);
  const bots = debrief.roles.filter((r) => r.bot !== null);
  return (
    <section aria-labelledby="talk-heading" className={styles.section}>
      <h2 id="talk-heading">{t("talk.heading")}</h2>
      <div className={styles.split}>
        <Scroller label={t("talk.publicLabel")}>
          <table className={styles.figures} data-testid="public-messages">
            <caption className={styles.caption}>{t("talk.publicCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("words.party")}</th>
                <th scope="col">{t("talk.columnMessages")}</th>
              </tr>
            </thead>
            <tbody>
              {debrief.roles.map((role) => (
                <tr key={role.id}>
                  <th scope="row">{role.name}</th>
                  <td>{figures.count(communication.publicBySeat[role.id] ?? 0)}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t("talk.facilitator")}</th>
                <td>{figures.count(communication.broadcasts)}</td>
              </tr>
            </tbody>
          </table>
        </Scroller>
        <Scroller label={t("talk.privateLabel")}>
          <table className={styles.figures} data-testid="private-counts">
            <caption className={styles.caption}>{t("talk.privateLabel")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("talk.columnBetween")}</th>
                <th scope="col">{t("talk.columnMessages")}</th>
                <th scope="col">{t("talk.columnSentByEach")}</th>
              </tr>
            </thead>
            <tbody>
              {communication.privateByPair.map((pair) => (
                <tr key={pair.seats.join("-")}>
                  <th scope="row">
                    {t("talk.pair", { first: name(pair.seats[0]), second: name(pair.seats[1]) })}
                  </th>
                  <td>{figures.count(pair.count)}</td>
                  <td>
                    {pair.seats
                      .map((s) => t("words.countItem", { role: name(s), count: pair.bySeat[s] ?? 0 }))
                      .join(", ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Scroller>
      </div>

      <h3>{t("talk.privateHeading")}</h3>
      {!communication.privateMessagesIncluded ? (
        <p data-testid="private-withheld">{t("talk.withheld")}</p>
      ) : communication.privateMessages.length === 0 ? (
        <p data-testid="private-messages">{t("talk.noPrivate")}</p>
      ) : (
        <Scroller label={t("talk.privateMessages")} className={styles.messages}>
          <ol className={styles.messageList} data-testid="private-messages">
            {communication.privateMessages.map((message) => (
              <li key={`${message.at}-${message.from}-${message.to}-${message.text.slice(0, 20)}`}>
                <p className={styles.when}>
                  {t("talk.messageHead", {
                    from: name(message.from),
                    to: name(message.to),
                    time: figures.time(message.at),
                  })}
                </p>
                <p>{message.text === "" ? <em>{t("talk.erased")}</em> : message.text}</p>
              </li>
            ))}
          </ol>
        </Scroller>
      )}

      {bots.length > 0 && (
        <>
          <h3>{t("talk.botsHeading")}</h3>
          <p>
            {t("talk.botsPlayed", {
              bots: figures.list(
                bots.map((b) => (b.bot ? t("talk.bot", { role: b.name, style: b.bot }) : b.name)),
              ),
            })}
          </p>
          {communication.botNotes.length === 0 ? (
            <p>{t("talk.noBotNotes")}</p>
          ) : (
            <Scroller label={t("talk.botsHeading")} className={styles.messages}>
              <ol className={styles.messageList} data-testid="bot-notes">
                {communication.botNotes.map((note) => (
                  <li key={`${note.at}-${note.seat}-${note.text.slice(0, 20)}`}>
                    <p className={styles.when}>
                      {name(note.seat)} ·{" "}
                      {note.round === null
                        ? t("words.beforeRounds")
                        : t("words.round", { round: note.round })}
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
