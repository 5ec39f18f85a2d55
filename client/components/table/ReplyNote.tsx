// What the server said about a command that did not go through, as a sentence next to the control
// that sent it. A red-line refusal reads like the live check, with its source.
import type { TableView } from "@red-lines/shared/protocol";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useServerErrorText } from "../../lib/serverErrors.ts";
import type { CommandReply } from "../../lib/useTable.ts";
import { Citations } from "./Citation.tsx";
import { ownRedLineTitle } from "./derive.ts";
import { useTableFormat } from "./format.ts";
import styles from "./table.module.css";
import { replyProblem } from "./words.ts";

const bold = (text: ReactNode) => <strong>{text}</strong>;

export function ReplyNote({ view, reply, id }: { view: TableView; reply: CommandReply | null; id?: string }) {
  const t = useTranslations("table");
  const { quoted } = useTableFormat();
  const serverText = useServerErrorText();
  const problem = reply ? replyProblem(reply, t, serverText.room) : null;
  if (!reply || problem === null) return null;
  if (reply.kind === "refused" && reply.refusal.code === "red-line" && reply.refusal.rule) {
    const { rule, explanation, sources, source, rules = [] } = reply.refusal;
    const own = (id: string) => ownRedLineTitle(view, id) ?? t("reply.anotherRedLine");
    const title = reply.refusal.title ?? own(rule);
    const cited = sources ?? (source ? [source] : []);
    const more = rules.filter((r) => r !== rule).map(own);
    return (
      <p className={styles.refusal} role="alert" id={id}>
        <span aria-hidden="true">✖ </span>
        {t.rich("reply.redLine", { title, explanation: explanation ?? "", b: bold })}
        {cited.length > 0 && (
          <>
            {" "}
            {t.rich("violation.source", {
              cites: () => <Citations sources={cited} documents={view.scenario.documents} />,
            })}
          </>
        )}
        {more.length > 0 && <> {t("reply.alsoBreaks", { titles: quoted(more) })}</>}
      </p>
    );
  }
  return (
    <p className={styles.refusal} role="alert" id={id}>
      <span aria-hidden="true">⚠ </span>
      {t.rich("reply.notDone", { problem, b: bold })}
    </p>
  );
}
