import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { GameClientProvider } from "../lib/colyseus.tsx";
import "./globals.css";

export const metadata: Metadata = {
  title: "Red Lines",
  description: "A real-time negotiation simulation for classrooms and diplomacy workshops.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

// Every page is rendered per request: its scripts carry the nonce of that request's
// Content-Security-Policy (client/proxy.ts), which a page built ahead of time could not know.
export const dynamic = "force-dynamic";

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <GameClientProvider>{children}</GameClientProvider>
      </body>
    </html>
  );
}
