// What the server said about a command that did not go through, as a sentence next to the control
// that sent it. A red-line refusal reads like the live check, with its source.
import { quoted } from "@red-lines/shared/client";
import type { TableView } from "@red-lines/shared/protocol";
import type { CommandReply } from "../../lib/useTable.ts";
import { Citations } from "./Citation.tsx";
import { ownRedLineTitle } from "./derive.ts";
import styles from "./table.module.css";
import { replyProblem } from "./words.ts";

export function ReplyNote({ view, reply, id }: { view: TableView; reply: CommandReply | null; id?: string }) {
  const problem = reply ? replyProblem(reply) : null;
  if (!reply || problem === null) return null;
  if (reply.kind === "refused" && reply.refusal.code === "red-line" && reply.refusal.rule) {
    const { rule, explanation, sources, source, rules = [] } = reply.refusal;
    const title = reply.refusal.title ?? ownRedLineTitle(view, rule);
    const cited = sources ?? (source ? [source] : []);
    const more = rules.filter((r) => r !== rule).map((r) => ownRedLineTitle(view, r));
    return (
      <p className={styles.refusal} role="alert" id={id}>
        <span aria-hidden="true">✖ </span>
        <strong>Refused by the server:</strong> this would break <strong>“{title}”</strong>: {explanation}
        {cited.length > 0 && (
          <>
            {" "}
            — source <Citations sources={cited} documents={view.scenario.documents} />
          </>
        )}
        {more.length > 0 && <> It also breaks {quoted(more)}.</>}
      </p>
    );
  }
  return (
    <p className={styles.refusal} role="alert" id={id}>
      <span aria-hidden="true">⚠ </span>
      <strong>Not done:</strong> {problem}
    </p>
  );
}
