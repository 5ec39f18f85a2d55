import type { Metadata } from "next";
import { SandboxTable } from "./SandboxTable.tsx";

export const metadata: Metadata = { title: "Sandbox table · Red Lines" };

export default function SandboxPage() {
  return (
    <main id="main" className="page">
      <h1>Sandbox table</h1>
      <p className="lede">Everyone on this page sees who is here, live, and every ping sent.</p>
      <SandboxTable />
    </main>
  );
}
