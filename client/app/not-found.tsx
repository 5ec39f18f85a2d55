// The page for an address that is not one: in the app's own styles. (Next's built-in one carries an
// inline <style> without the nonce, which the Content-Security-Policy refuses; see client/proxy.ts.)
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found · Red Lines" };

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p className="lede">
        There is nothing at this address. Check the link, or start again from the home page.
      </p>
      <Link className="button" href="/">
        Home page
      </Link>
    </main>
  );
}
