// The join page, opened from the QR code or join link (the code is in the address) or from the
// landing page: the workshop's roles and free seats, a name, a seat. The live part is a client
// component; the look-up happens in the student's browser, where the join limit counts per device.
import { joinCodeSchema } from "@red-lines/shared/protocol";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { JoinTable } from "../../../components/entry/JoinTable.tsx";

export const metadata: Metadata = { title: "Join a table · Red Lines" };

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export default async function JoinPage({
  params,
  searchParams,
}: {
  params: Promise<{ code: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { code } = await params;
  const { name, code: typed } = await searchParams;
  // The "check the join code" form, sent before the page's scripts ran: on to the code typed.
  const retyped = joinCodeSchema.safeParse(typeof typed === "string" ? typed : undefined);
  if (retyped.success) {
    const query = typeof name === "string" && name.trim() ? `?name=${encodeURIComponent(name.trim())}` : "";
    redirect(`/join/${retyped.data}${query}`);
  }
  // The code in the address, checked here so the page's scripts need no schema for it.
  const parsed = joinCodeSchema.safeParse(decoded(code));
  return (
    <main id="main" className="page">
      <h1>Join a table</h1>
      <JoinTable
        code={
          parsed.success
            ? { ok: true, code: parsed.data }
            : { ok: false, problem: parsed.error.issues[0]?.message ?? "Check the join code." }
        }
        initialName={typeof name === "string" ? name : ""}
      />
    </main>
  );
}
