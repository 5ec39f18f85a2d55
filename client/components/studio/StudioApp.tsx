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
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { instructorKeysHere } from "../../lib/credentials.ts";
import { AnalysisPanel } from "./AnalysisPanel.tsx";
import { BalancePanel } from "./BalancePanel.tsx";
import { fieldId, StudioContext } from "./context.tsx";
import { type SectionId, sectionOf, sections } from "./places.ts";
import styles from "./Studio.module.css";
import { IssuesSection, RolesSection, ScenarioSection, ScoresSection } from "./sections.tsx";
import { EventsSection, OutcomesSection, RedLinesSection, VariantsSection } from "./sections2.tsx";
import { fetchScenario, listScenarios, type StudioKey, saveScenario } from "./studioApi.ts";
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

/** Tries the key as an instructor key, then as the studio key; the first the server takes wins. */
async function tryKey(key: string): Promise<{ key: StudioKey; list: StudioScenarioSummary[] } | string> {
  let last = "The server refused the key.";
  for (const scheme of ["Bearer", "Studio"] as const) {
    const answer = await listScenarios({ scheme, key });
    if (answer.ok) return { key: { scheme, key }, list: answer.value.scenarios };
    if (answer.status !== 401) return answer.message;
    last = answer.message;
  }
  return last;
}

export function StudioApp() {
  const [key, setKey] = useState<StudioKey | null | undefined>(undefined);
  const [list, setList] = useState<StudioScenarioSummary[]>([]);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [origin, setOrigin] = useState<string>("");

  // A key kept for this tab, or one this browser holds from running a workshop.
  useEffect(() => {
    void (async () => {
      const kept = storedKey();
      const candidates = kept ? [kept.key] : instructorKeysHere();
      for (const candidate of candidates) {
        const tried = await tryKey(candidate);
        if (typeof tried !== "string") {
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
        const parsed = JSON.parse(saved) as { draft: unknown; origin: string };
        setDraft(draftFrom(parsed.draft));
        setOrigin(parsed.origin ?? "");
      }
    } catch {
      // nothing kept
    }
  }, []);

  if (key === undefined) return <p role="status">Opening the studio…</p>;
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
  const [text, setText] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby="key-heading">
      <h2 id="key-heading">Your key</h2>
      <p>
        The studio opens with an instructor key: paste the instructor link of any workshop you run (the set-up
        page gave it to you when you created the workshop), or the key alone. A server's administrator may
        also give course designers a studio key.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setBusy(true);
          setProblem(null);
          void tryKey(keyFromText(text)).then((tried) => {
            setBusy(false);
            if (typeof tried === "string") setProblem(tried);
            else onKey(tried.key, tried.list);
          });
        }}
      >
        <div className="field">
          <label htmlFor="studio-key">Instructor link, instructor key or studio key</label>
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
              {problem}
            </p>
          )}
        </div>
        <button type="submit" disabled={busy || text.trim() === ""}>
          Open the studio
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
  onStart: (draft: Draft, origin: string) => void;
}) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className={styles.start}>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      <section className="card" aria-labelledby="from-heading">
        <h2 id="from-heading">Start from a scenario</h2>
        <ul className="list">
          {list.map((item) => (
            <li key={item.id} className={styles.startItem}>
              <div>
                <strong>{item.title}</strong>{" "}
                <span className="muted">
                  {item.origin === "built-in"
                    ? "built in"
                    : `version ${item.version}, saved ${new Date(item.savedAt ?? "").toLocaleString("en-GB")}`}{" "}
                  · {item.roles} seats
                </span>
                <p className="muted">{item.summary}</p>
              </div>
              <button
                type="button"
                onClick={() =>
                  void fetchScenario(studioKey, item.id).then((answer) => {
                    if (!answer.ok) {
                      setProblem(answer.message);
                      return;
                    }
                    const scenario = answer.value.scenario as Draft;
                    // A built-in scenario keeps its id for itself: a copy is saved under a new one.
                    const copy =
                      item.origin === "built-in" ? { ...scenario, id: `${scenario.id}-custom` } : scenario;
                    onStart(
                      draftFrom(copy),
                      item.origin === "built-in"
                        ? `a copy of ${item.title}`
                        : `${item.title}, version ${item.version}`,
                    );
                  })
                }
              >
                {item.origin === "built-in" ? `Edit a copy of ${item.title}` : `Edit ${item.title}`}
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="new-heading">
        <h2 id="new-heading">Or begin anew</h2>
        <p>
          <button type="button" onClick={() => onStart(blankDraft(), "a blank scenario")}>
            Start from scratch
          </button>
        </p>
        <ImportButton
          onImport={(draft, name) => onStart(draft, name)}
          onProblem={(message) => setProblem(message)}
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
  onProblem: (message: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor="studio-import">Import a scenario file (JSON)</label>
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
              onProblem(`${file.name} is not valid JSON: ${(error as Error).message}`);
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
  origin: string;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const history = useRef<Draft[]>([]);
  const [section, setSection] = useState<SectionId>("scenario");
  const [saved, setSaved] = useState<string | null>(null);
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const { analysis, busy } = useLiveAnalysis(draft);
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
      for (const error of report.errors) map.set(error.path, [...(map.get(error.path) ?? []), error.message]);
    }
    return map;
  }, [analysis]);

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
        setSaved(
          answer.value.unchanged
            ? `Already saved as version ${answer.value.version}: nothing changed since.`
            : `Saved as version ${answer.value.version} of ${draft.title || draft.id}. Workshops can now choose it.`,
        );
      } else setSaveProblem(answer.message);
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
  const title = sections.find((s) => s.id === section)?.title ?? "";
  const problemCount = (id: SectionId) =>
    [...problems.keys()].filter((path) => sectionOf(path.split(/[.[]/).filter(Boolean)) === id).length;

  return (
    <StudioContext.Provider value={{ draft, change, problems }}>
      <div className={styles.bar}>
        <p className={styles.editing}>
          Editing <strong>{draft.title || "an untitled scenario"}</strong>{" "}
          <span className="muted">(from {origin})</span>
        </p>
        <div className={styles.actions}>
          <button
            type="button"
            data-variant="secondary"
            onClick={undo}
            disabled={history.current.length === 0}
          >
            Undo
          </button>
          <button type="button" data-variant="secondary" onClick={exportFile}>
            Export JSON
          </button>
          <button type="button" onClick={save} disabled={saving || !valid}>
            {saving ? "Saving…" : "Save as a new version"}
          </button>
          <button type="button" data-variant="secondary" onClick={onClose}>
            Close
          </button>
        </div>
        <div aria-live="polite" className={styles.saveState}>
          {saved && <p className={styles.ok}>{saved}</p>}
          {saveProblem && <p className="error">{saveProblem}</p>}
          {!valid && !saved && (
            <p className={styles.hint}>Saving needs a valid scenario; exporting works any time.</p>
          )}
        </div>
      </div>
      <div className={styles.layout}>
        <nav className={styles.nav} aria-label="Parts of the scenario">
          <ul>
            {sections.map((s) => {
              const n = problemCount(s.id);
              return (
                <li key={s.id}>
                  <button
                    type="button"
                    data-variant={s.id === section ? undefined : "secondary"}
                    aria-current={s.id === section ? "page" : undefined}
                    onClick={() => setSection(s.id)}
                  >
                    {s.title}
                    {n > 0 && (
                      <span className={styles.badge}>
                        {" "}
                        · {n} {n === 1 ? "problem" : "problems"}
                      </span>
                    )}
                  </button>
                </li>
              );
            })}
          </ul>
        </nav>
        <section className={styles.editor} aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`} tabIndex={-1}>
            {title}
          </h2>
          <Section />
        </section>
        <aside className={styles.side} aria-label="Analysis and balance">
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
