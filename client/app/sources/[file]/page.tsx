// A cited seed document: its title, the sections the scenario cites (anchored like the table's
// citation links) and, when installed on this server, the document itself. Server component;
// `file` must be one of the scenarios' documents, so no other path is ever read.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SourceDocument } from "../../../components/sources/SourceDocument.tsx";
import { citedDocument } from "../../../components/sources/scenarioCitations.ts";
import { anchoredParagraphs, readSeed } from "../../../components/sources/seedDocument.ts";

type Props = { params: Promise<{ file: string }> };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { file } = await params;
  const document = citedDocument(decoded(file));
  return { title: `${document?.title ?? "Unknown source"} · Red Lines` };
}

export default async function SourcePage({ params }: Props) {
  const { file } = await params;
  const document = citedDocument(decoded(file));
  if (!document) notFound();
  const raw = await readSeed(document.file);
  const text = raw === null ? null : anchoredParagraphs(raw, document.sections);
  return (
    <main id="main" className="page">
      <p className="muted">Source document · cited by {document.scenarios.join(", ")}</p>
      <h1>{document.title}</h1>
      <p className="muted">File: {document.file}</p>
      <SourceDocument document={document} text={text} />
    </main>
  );
}
