// What the set-up form needs to know about a scenario, as plain data a server page can hand over.
export type ScenarioChoice = {
  id: string;
  title: string;
  summary: string;
  documents: { file: string; title: string }[];
  variants: { id: string; name: string; description: string }[];
  defaultVariant: string;
  clock: { rounds: number; turnSeconds: number };
  /** The seats' names in turn order. */
  seats: string[];
};
