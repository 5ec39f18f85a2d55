"use client";
import type { StudioScenarioSummary } from "@red-lines/shared/protocol";
// The scenario studio: behind an instructor key or the server's studio key, start from a
// scenario (built-in or stored), from scratch or from a JSON file; edit it section by section
// with every problem beside its field and the live analysis beside the form; run the balance
// check; save it as a new version, or export the JSON the CLI checks.
import {
  blankDraft,
  type Draft,
  draftFrom,
  draftJson,
  withoutStrayTranslations,
} from "@red-lines/shared/studio";
import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { instructorKeysHere } from "../../lib/credentials.ts";
import { type ServerErrorText, useServerErrorText } from "../../lib/serverErrors.ts";
import { AnalysisPanel } from "./AnalysisPanel.tsx";
import { BalancePanel } from "./BalancePanel.tsx";
import { fieldId, StudioContext } from "./context.tsx";
import { type SectionId, type StudioT, sectionOf, sections } from "./places.ts";
import { useProblemText } from "./problemText.ts";
import styles from "./Studio.module.css";
import { IssuesSection, RolesSection, ScenarioSection, ScoresSection } from "./sections.tsx";
import { EventsSection, OutcomesSection, RedLinesSection, VariantsSection } from "./sections2.tsx";
import { type Failure, fetchScenario, listScenarios, type StudioKey, saveScenario } from "./studioApi.ts";
import { useBalanceCheck, useLiveAnalysis } from "./useStudioEngine.ts";

const keyStore = "red-lines:studio:key";
const draftStore = "red-lines:studio:draft";
const undoDepth = 100;

function storedKey(): StudioKey | null {
  try {
    const raw = window.sessionStorage.getItem(keyStore);
    const parsed = raw ? (JSON.parse(raw) as StudioKey) : null;
    return parsed &&
      (parsed.scheme === "Bearer" || parsed.scheme === "Studio") &&
      typeof parsed.key === "string"
      ? parsed
      : null;
  } catch {
    return null;
  }
}

/** A pasted instructor link gives its key (`…#key=…`); anything else is taken as the key itself. */
function keyFromText(text: string): string {
  const match = /[#&]key=([^&\s]+)/.exec(text);
  return match?.[1] ? decodeURIComponent(match[1]) : text.trim();
}

/**
 * A failed call in words, in the reader's language: the server's error by its code (`said`:
 * lib/serverErrors.ts), or why the page got no error from it.
 */
function failureText(t: StudioT, said: ServerErrorText, failure: Failure | null): string {
  if (!failure) return t("failure.refused");
  if (failure.reason === "server") return said.http({ status: failure.status, ...failure.error });
  if (failure.reason === "status") return t("failure.status", { status: failure.status });
  return t(`failure.${failure.reason}`);
}

/**
 * Tries the key as an instructor key, then as the studio key; the first the server takes wins.
 * Refused, the last failure (null: no call was made).
 */
async function tryKey(
  key: string,
): Promise<{ ok: true; key: StudioKey; list: StudioScenarioSummary[] } | Failure | null> {
  let last: Failure | null = null;
  for (const scheme of ["Bearer", "Studio"] as const) {
    const answer = await listScenarios({ scheme, key });
    if (answer.ok) return { ok: true, key: { scheme, key }, list: answer.value.scenarios };
    if (answer.status !== 401) return answer;
    last = answer;
  }
  return last;
}

/** Where the draft began, kept with it in this browser and put in words as it is shown. */
type Origin =
  | { from: "copy"; title: string }
  | { from: "version"; title: string; version: number }
  | { from: "blank" }
  /** An imported file's name (or the words an earlier studio kept). */
  | { from: "file"; name: string };

function originOf(kept: unknown): Origin {
  if (typeof kept === "string") return { from: "file", name: kept };
  const origin = kept as Partial<Origin> | null;
  if (origin?.from === "blank") return { from: "blank" };
  if (origin?.from === "copy" && typeof origin.title === "string")
    return { from: "copy", title: origin.title };
  if (origin?.from === "version" && typeof origin.title === "string" && typeof origin.version === "number")
    return { from: "version", title: origin.title, version: origin.version };
  if (origin?.from === "file" && typeof origin.name === "string") return { from: "file", name: origin.name };
  return { from: "blank" };
}

/** What went wrong on the start screen: a call, or a file that is not JSON (the parser's words). */
type StartProblem = { kind: "failure"; failure: Failure } | { kind: "json"; file: string; detail: string };

/** The reader's own time zone, for the times a list shows (rendered in the browser only). */
function browserTimeZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}

function originText(t: StudioT, origin: Origin): string {
  switch (origin.from) {
    case "copy":
      return t("origin.copy", { title: origin.title });
    case "version":
      return t("origin.version", { title: origin.title, version: origin.version });
    case "blank":
      return t("origin.blank");
    case "file":
      return origin.name;
  }
}

export function StudioApp() {
  const [key, setKey] = useState<StudioKey | null | undefined>(undefined);
  const [list, setList] = useState<StudioScenarioSummary[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [origin, setOrigin] = useState<Origin>({ from: "blank" });
  const t = useTranslations("studio");

  // A key kept for this tab, or one this browser holds from running a workshop.
  useEffect(() => {
    void (async () => {
      const kept = storedKey();
      const candidates = kept ? [kept.key] : instructorKeysHere();
      for (const candidate of candidates) {
        const tried = await tryKey(candidate);
        if (tried?.ok) {
          setKey(tried.key);
          setList(tried.list);
          return;
        }
      }
      setKey(null);
    })();
    try {
      const saved = window.localStorage.getItem(draftStore);
      if (saved) {
        const parsed = JSON.parse(saved) as { draft: unknown; origin: unknown };
        setDraft(draftFrom(parsed.draft));
        setOrigin(originOf(parsed.origin));
      }
    } catch {
      // nothing kept
    }
  }, []);

  if (key === undefined) return <p role="status">{t("page.opening")}</p>;
  if (key === null)
    return (
      <KeyGate
        onKey={(k, l) => {
          setKey(k);
          setList(l);
          try {
            window.sessionStorage.setItem(keyStore, JSON.stringify(k));
          } catch {
            // storage off: asked again next time
          }
        }}
      />
    );
  if (!draft)
    return (
      <StartScreen
        studioKey={key}
        list={list}
        onStart={(next, from) => {
          setDraft(next);
          setOrigin(from);
        }}
      />
    );
  return (
    <Editor
      studioKey={key}
      initial={draft}
      origin={origin}
      onClose={() => {
        try {
          window.localStorage.removeItem(draftStore);
        } catch {
          // nothing kept
        }
        setDraft(null);
        void listScenarios(key).then((answer) => answer.ok && setList(answer.value.scenarios));
      }}
    />
  );
}

function KeyGate({ onKey }: { onKey: (key: StudioKey, list: StudioScenarioSummary[]) => void }) {
  const t = useTranslations("studio");
  const said = useServerErrorText();
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<{ failure: Failure | null } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby="key-heading">
      <h2 id="key-heading">{t("key.heading")}</h2>
      <p>{t("key.intro")}</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          void tryKey(keyFromText(text)).then((tried) => {
            setBusy(false);
            if (tried?.ok) onKey(tried.key, tried.list);
            else setProblem({ failure: tried });
          });
        }}
      >
        <div className="field">
          <label htmlFor="studio-key">{t("key.label")}</label>
          <input
            id="studio-key"
            type="password"
            autoComplete="off"
            value={text}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? "studio-key-problem" : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {problem && (
            <p className="error" id="studio-key-problem" role="alert">
              {failureText(t, said, problem.failure)}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy || text.trim() === ""}>
          {t("key.submit")}
        </button>
      </form>
    </section>
  );
}

function StartScreen({
  studioKey,
  list,
  onStart,
}: {
  studioKey: StudioKey;
  list: StudioScenarioSummary[];
  onStart: (draft: Draft, origin: Origin) => void;
}) {
  const t = useTranslations("studio");
  const said = useServerErrorText();
  const format = useFormatter();
  const [problem, setProblem] = useState<StartProblem | null>(null);
  return (
    <div className={styles.start}>
      {problem && (
        <p className="error" role="alert">
          {problem.kind === "failure"
            ? failureText(t, said, problem.failure)
            : t("start.notJson", { file: problem.file, detail: problem.detail })}
        </p>
      )}
      <section className="card" aria-labelledby="from-heading">
        <h2 id="from-heading">{t("start.heading")}</h2>
        <ul className="list">
          {list.map((item) => (
            <li key={item.id} className={styles.startItem}>
              <div>
                <strong>{item.title}</strong>{" "}
                <span className="muted">
                  {item.origin === "built-in"
                    ? t("start.builtIn")
                    : t("start.saved", {
                        version: item.version ?? "",
                        when: item.savedAt
                          ? format.dateTime(new Date(item.savedAt), {
                              dateStyle: "medium",
                              timeStyle: "short",
                              timeZone: browserTimeZone(),
                            })
                          : "",
                      })}{" "}
                  {t("start.seats", { count: item.roles })}
                </span>
                <p className="muted">{item.summary}</p>
              </div>
              <button
                type="button"
                onClick={() =>
                  void fetchScenario(studioKey, item.id).then((answer) => {
                    if (!answer.ok) {
                      setProblem({ kind: "failure", failure: answer });
                      return;
                    }
                    const scenario = answer.value.scenario as Draft;
                    // A built-in scenario keeps its id for itself: a copy is saved under a new one.
                    const copy =
                      item.origin === "built-in" ? { ...scenario, id: `${scenario.id}-custom` } : scenario;
                    onStart(
                      draftFrom(copy),
                      item.origin === "built-in"
                        ? { from: "copy", title: item.title }
                        : { from: "version", title: item.title, version: item.version ?? 0 },
                    );
                  })
                }
              >
                {item.origin === "built-in"
                  ? t("start.editCopy", { title: item.title })
                  : t("start.edit", { title: item.title })}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="new-heading">
        <h2 id="new-heading">{t("start.anewHeading")}</h2>
        <p>
          <button type="button" onClick={() => onStart(blankDraft(), { from: "blank" })}>
            {t("start.scratch")}
          </button>
        </p>
        <ImportButton
          onImport={(draft, name) => onStart(draft, { from: "file", name })}
          onProblem={(file, detail) => setProblem({ kind: "json", file, detail })}
        />
      </section>
    </div>
  );
}

function ImportButton({
  onImport,
  onProblem,
}: {
  onImport: (draft: Draft, name: string) => void;
  /** The file is not JSON: its name, and the parser's own message. */
  onProblem: (file: string, detail: string) => void;
}) {
  const t = useTranslations("studio");
  return (
    <div className="field">
      <label htmlFor="studio-import">{t("start.import")}</label>
      <input
        id="studio-import"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (!file) return;
          void file.text().then((text) => {
            try {
              onImport(draftFrom(JSON.parse(text)), file.name);
            } catch (error) {
              onProblem(file.name, (error as Error).message);
            }
          });
        }}
      />
    </div>
  );
}

function Editor({
  studioKey,
  initial,
  origin,
  onClose,
}: {
  studioKey: StudioKey;
  initial: Draft;
  origin: Origin;
  onClose: () => void;
}) {
  const t = useTranslations("studio");
  const said = useServerErrorText();
  const [draft, setDraft] = useState<Draft>(initial);
  const history = useRef<Draft[]>([]);
  const [section, setSection] = useState<SectionId>("scenario");
  const [saved, setSaved] = useState<{ version: number; unchanged: boolean; title: string } | null>(null);
  const [saveProblem, setSaveProblem] = useState<Failure | null>(null);
  const [saving, setSaving] = useState(false);
  const { analysis, busy } = useLiveAnalysis(draft, useLocale());
  const problemText = useProblemText();
  const { balance, run, cancel } = useBalanceCheck();
  const focusAfter = useRef<(string | number)[] | null>(null);

  const change = useCallback((edit: (d: Draft) => Draft) => {
    setDraft((current) => {
      // A text the edit removed (a red line, a priority, an option…) takes its translations with
      // it; otherwise the check would refuse them and the draft could not be saved.
      const next = withoutStrayTranslations(edit(current));
      if (next !== current) {
        history.current = [...history.current.slice(-(undoDepth - 1)), current];
        setSaved(null);
      }
      return next;
    });
  }, []);
  const undo = () => {
    const previous = history.current.pop();
    if (previous) setDraft(previous);
  };

  // The draft is kept in this browser as it changes, so a reload loses nothing.
  useEffect(() => {
    const timer = window.setTimeout(() => {
      try {
        window.localStorage.setItem(draftStore, JSON.stringify({ draft, origin }));
      } catch {
        // storage full or off
      }
    }, 500);
    return () => window.clearTimeout(timer);
  }, [draft, origin]);

  const current = analysis && analysis.draft === draft ? analysis.report : null;
  const problems = useMemo(() => {
    const map = new Map<string, string[]>();
    const report = analysis?.report;
    if (report && !report.ok) {
      for (const error of report.errors)
        map.set(error.path, [...(map.get(error.path) ?? []), problemText(error)]);
    }
    return map;
  }, [analysis, problemText]);

  const goTo = (path: (string | number)[]) => {
    focusAfter.current = path;
    setSection(sectionOf(path));
  };
  // Once the section is on the page: the field, or the nearest field above it, or the section.
  useEffect(() => {
    const wanted = focusAfter.current;
    if (!wanted) return;
    focusAfter.current = null;
    for (let length = wanted.length; length > 0; length--) {
      const element = document.getElementById(fieldId(wanted.slice(0, length)));
      if (element) {
        element.focus();
        element.scrollIntoView({ block: "center" });
        return;
      }
    }
    document.getElementById(`section-${section}`)?.focus();
  });

  const valid = current?.ok === true || (analysis?.report.ok === true && !busy);
  const exportFile = () => {
    const blob = new Blob([draftJson(draft)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${draft.id || "scenario"}.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  const save = () => {
    setSaving(true);
    setSaveProblem(null);
    void saveScenario(studioKey, draft).then((answer) => {
      setSaving(false);
      if (answer.ok) {
        setSaved({
          version: answer.value.version,
          unchanged: answer.value.unchanged,
          title: draft.title || draft.id,
        });
      } else setSaveProblem(answer);
    });
  };

  const Section = {
    scenario: ScenarioSection,
    roles: RolesSection,
    issues: IssuesSection,
    scores: ScoresSection,
    redlines: RedLinesSection,
    variants: VariantsSection,
    events: EventsSection,
    outcomes: OutcomesSection,
  }[section];
  const problemCount = (id: SectionId) =>
    [...problems.keys()].filter((path) => sectionOf(path.split(/[.[]/).filter(Boolean)) === id).length;

  return (
    <StudioContext.Provider value={{ draft, change, problems }}>
      <div className={styles.bar}>
        <p className={styles.editing}>
          {t.rich("editor.editing", {
            title: draft.title || t("editor.untitled"),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}{" "}
          <span className="muted">{t("editor.from", { origin: originText(t, origin) })}</span>
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            data-variant="secondary"
            onClick={undo}
            disabled={history.current.length === 0}
          >
            {t("editor.undo")}
          </button>
          <button type="button" data-variant="secondary" onClick={exportFile}>
            {t("editor.export")}
          </button>
          <button type="button" onClick={save} disabled={saving || !valid}>
            {saving ? t("editor.saving") : t("editor.save")}
          </button>
          <button type="button" data-variant="secondary" onClick={onClose}>
            {t("editor.close")}
          </button>
        </div>
        <div aria-live="polite" className={styles.saveState}>
          {saved && (
            <p className={styles.ok}>
              {saved.unchanged
                ? t("editor.unchanged", { version: saved.version })
                : t("editor.saved", { version: saved.version, title: saved.title })}
            </p>
          )}
          {saveProblem && <p className="error">{failureText(t, said, saveProblem)}</p>}
          {!valid && !saved && <p className={styles.hint}>{t("editor.needsValid")}</p>}
        </div>
      </div>
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label={t("editor.parts")}>
          <ul>
            {sections.map((id) => {
              const n = problemCount(id);
              return (
                <li key={id}>
                  <button
                    type="button"
                    data-variant={id === section ? undefined : "secondary"}
                    aria-current={id === section ? "page" : undefined}
                    onClick={() => setSection(id)}
                  >
                    {t(`sections.${id}`)}
                    {n > 0 && <span className={styles.badge}> {t("editor.problems", { count: n })}</span>}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <section className={styles.editor} aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`} tabIndex={-1}>
            {t(`sections.${section}`)}
          </h2>
          <Section />
        </section>
        <aside className={styles.side} aria-label={t("editor.side")}>
          <AnalysisPanel analysis={analysis} busy={busy} draft={draft} onGoTo={goTo} />
          <BalancePanel
            draft={draft}
            valid={valid}
            balance={balance}
            run={(request) => run(draft, request)}
            cancel={cancel}
          />
        </aside>
      </div>
    </StudioContext.Provider>
  );
}
