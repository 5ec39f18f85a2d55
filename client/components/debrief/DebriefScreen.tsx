"use client";
// One table's debrief: what happened, what deal was possible and how close the table came. The
// instructor reads it with the workshop's key and chooses whether the table's students may; a
// student reads it with their seat once it is shared. The figures are the server's `debriefFor`
// over the stored log; issue and option names come from the same scenario snapshot, through the
// replay's view of the table at its end.
import type { DebriefResponse, DebriefSharing } from "@red-lines/shared/protocol";
import { useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useState } from "react";
import { getDebrief, getReplayView, type ReplayCredential, setDebriefSharing } from "../../lib/api.ts";
import { type ApiProblem, useServerErrorText } from "../../lib/serverErrors.ts";
import { CommunicationSection } from "./CommunicationSection.tsx";
import { ConcessionCurves } from "./ConcessionCurves.tsx";
import { DealSection } from "./DealSection.tsx";
import styles from "./Debrief.module.css";
import { FrontierSection } from "./FrontierSection.tsx";
import { InstructorControls } from "./InstructorControls.tsx";
import { type Labels, labelsFromView, roleNameOf } from "./look.ts";
import { NewsSection } from "./NewsSection.tsx";
import { QuestionsSection } from "./QuestionsSection.tsx";
import { RedLineStory } from "./RedLineStory.tsx";
import { EverySide, YourSide } from "./SideSection.tsx";
import { SummarySection } from "./SummarySection.tsx";
import { TermsSection } from "./TermsSection.tsx";
import { type DebriefAccess, useDebriefAccess } from "./useDebriefAccess.ts";

/** `locale`: the language the debrief was asked in (the page's, when it was loaded). */
type Loaded =
  | { kind: "loading" }
  | { kind: "failed"; problem: ApiProblem }
  | { kind: "ready"; debrief: DebriefResponse; locale: string };

/** The end of any log: the replay answers with the last moment when asked past it. */
const END_OF_LOG = 2 ** 31 - 1;
/**
 * A student waiting for the facilitator to share looks again this often, so the debrief opens
 * within a second of sharing (the answer is one small query); waiting for the talks to end, less
 * often. A hidden tab does not ask.
 */
const RECHECK_SHARING_MS = 800;
const RECHECK_TALKS_MS = 5_000;

function credentialOf(access: DebriefAccess): ReplayCredential {
  return access.kind === "instructor"
    ? { kind: "instructor", key: access.key }
    : { kind: "seat", seatToken: access.seat.seatToken };
}

export function DebriefScreen({ tableId, workshopId }: { tableId: string; workshopId: string | null }) {
  const t = useTranslations("debrief.screen");
  const access = useDebriefAccess(tableId, workshopId);
  // The server writes the debrief in the page's language, asked for by name (`?locale=`, whatever
  // the reader's cookie and browser say): asked again whenever the page's language changes.
  const locale = useLocale();
  const serverText = useServerErrorText();
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [labels, setLabels] = useState<Labels | null>(null);

  const load = useCallback(async () => {
    if (!access) return;
    // The debrief and the words for its issues and options (the table's last view) side by side:
    // the page shows the debrief once it has both, so it never shows an issue by its id meanwhile.
    const [result, view] = await Promise.all([
      getDebrief(
        access.kind === "instructor" ? access.workshopId : access.seat.workshopId,
        tableId,
        credentialOf(access),
        locale,
      ),
      getReplayView(tableId, END_OF_LOG, "observer", credentialOf(access), locale),
    ]);
    if (!result.ok) {
      setLoaded({ kind: "failed", problem: result });
      return;
    }
    setLabels(view.ok ? labelsFromView(view.value.view) : null);
    setLoaded({ kind: "ready", debrief: result.value, locale });
  }, [access, tableId, locale]);

  useEffect(() => {
    void load();
  }, [load]);

  // A student early: look again until the debrief opens.
  const waiting =
    loaded.kind === "failed" &&
    (loaded.problem.code === "debrief-not-shared" || loaded.problem.code === "talks-not-over")
      ? loaded.problem.code
      : null;
  useEffect(() => {
    if (!waiting) return;
    let busy = false;
    const timer = setInterval(
      () => {
        if (busy || document.hidden) return;
        busy = true;
        void load().finally(() => {
          busy = false;
        });
      },
      waiting === "debrief-not-shared" ? RECHECK_SHARING_MS : RECHECK_TALKS_MS,
    );
    return () => clearInterval(timer);
  }, [waiting, load]);

  async function share(next: DebriefSharing): Promise<string | null> {
    if (access?.kind !== "instructor") return t("onlyInstructor");
    const result = await setDebriefSharing(access.workshopId, tableId, access.key, next);
    if (!result.ok) return serverText.http(result);
    setLoaded((current) =>
      current.kind === "ready"
        ? { ...current, debrief: { ...current.debrief, sharing: result.value.sharing } }
        : current,
    );
    return null;
  }

  const debrief = loaded.kind === "ready" ? loaded.debrief : null;
  const instructor = access?.kind === "instructor" ? access : null;

  return (
    <main id="main" className={styles.page}>
      <header className={styles.header}>
        <div>
          <p className={styles.kicker}>{t("kicker")}</p>
          <h1 className={styles.title}>{debrief ? debrief.scenario.title : t("title")}</h1>
          {debrief && (
            <p className={styles.byline}>
              {access?.kind === "seat"
                ? t("bylineSeat", { table: access.seat.table, role: roleNameOf(debrief, access.seat.role) })
                : t("bylineInstructor")}
              {debrief.scenario.variantName ? ` · ${debrief.scenario.variantName}` : ""}
            </p>
          )}
        </div>
        {debrief && (
          <nav className={styles.nav} aria-label={t("nav")}>
            <button type="button" className={styles.secondary} onClick={() => window.print()}>
              {t("print")}
            </button>
            {instructor && (
              <>
                <a className={`button ${styles.secondary}`} href="#instructor-controls">
                  {t("sharingAndDownloads")}
                </a>
                <a
                  className={`button ${styles.secondary}`}
                  href={`/replay/${tableId}?workshop=${instructor.workshopId}`}
                >
                  {t("replay")}
                </a>
                <a
                  className={`button ${styles.secondary}`}
                  href={`/instructor/${instructor.workshopId}/class`}
                >
                  {t("classView")}
                </a>
              </>
            )}
            {access?.kind === "seat" && (
              <>
                <a className={`button ${styles.secondary}`} href={`/replay/${tableId}`}>
                  {t("replayTalks")}
                </a>
                <a className={`button ${styles.secondary}`} href={`/table/${tableId}`}>
                  {t("backToTable")}
                </a>
              </>
            )}
          </nav>
        )}
      </header>

      {access === undefined ? (
        <p role="status">{t("opening")}</p>
      ) : access === null ? (
        <div className={styles.problem}>
          <h2>{t("noAccessHeading")}</h2>
          <p>{t("noAccess")}</p>
        </div>
      ) : loaded.kind === "loading" ? (
        <p role="status">{t("working")}</p>
      ) : loaded.kind === "failed" ? (
        <Failure failure={loaded.problem} access={access} onRetry={() => void load()} />
      ) : debrief ? (
        <Sections debrief={debrief} labels={labels} access={access} tableId={tableId} onShare={share} />
      ) : null}
    </main>
  );
}

function Failure({
  failure,
  access,
  onRetry,
}: {
  failure: ApiProblem;
  access: DebriefAccess;
  onRetry: () => void;
}) {
  const t = useTranslations("debrief.screen");
  const serverText = useServerErrorText();
  const waiting = failure.code === "debrief-not-shared" || failure.code === "talks-not-over";
  return (
    <div className={waiting ? styles.notice : styles.problem} data-testid="debrief-unavailable">
      <h2>
        {waiting ? t("notOpenYet") : access.kind === "instructor" ? t("couldNotOpen") : t("seatCannotOpen")}
      </h2>
      <p role={waiting ? "status" : "alert"}>{serverText.http(failure)}</p>
      {waiting && <p>{t("looksAgain")}</p>}
      <button type="button" onClick={onRetry}>
        {t("checkAgain")}
      </button>
    </div>
  );
}

function Sections({
  debrief,
  labels,
  access,
  tableId,
  onShare,
}: {
  debrief: DebriefResponse;
  labels: Labels | null;
  access: DebriefAccess;
  tableId: string;
  onShare: (sharing: DebriefSharing) => Promise<string | null>;
}) {
  const t = useTranslations("debrief.screen");
  const own =
    access.kind === "seat" ? debrief.sides.find((side) => side.role === access.seat.role) : undefined;
  return (
    <>
      {access.kind === "seat" && (
        <p className={`${styles.notice} ${styles.noPrint}`}>
          {t("sharedWithTable")}{" "}
          {debrief.sharing.revealChannels ? t("channelsIncluded") : t("channelsPrivate")}{" "}
          {debrief.sharing.revealRedLines ? t("redLinesShown") : t("redLinesOwn")}
        </p>
      )}
      {access.kind === "seat" && own && <YourSide debrief={debrief} side={own} labels={labels} />}
      <TermsSection />
      <SummarySection debrief={debrief} />
      {access.kind === "instructor" && <EverySide debrief={debrief} labels={labels} />}
      <DealSection debrief={debrief} labels={labels} />
      <ConcessionCurves debrief={debrief} />
      <FrontierSection debrief={debrief} />
      <RedLineStory debrief={debrief} labels={labels} />
      <NewsSection debrief={debrief} />
      <CommunicationSection debrief={debrief} />
      {access.kind === "instructor" && <QuestionsSection debrief={debrief} />}
      {access.kind === "instructor" && (
        <InstructorControls
          workshopId={access.workshopId}
          tableId={tableId}
          instructorKey={access.key}
          sharing={debrief.sharing}
          onShare={onShare}
        />
      )}
    </>
  );
}
