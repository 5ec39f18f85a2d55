// The page for an address that is not one: in the app's own styles. (Next's built-in one carries an
// inline <style> without the nonce, which the Content-Security-Policy refuses; see client/proxy.ts.)
// Its way home is a plain link: every page carries this page's scripts for when it is needed, and
// next/link would add its own (about 3 KB gzipped) to each, for one click from a page that is rare.
import type { Metadata } from "next";

export const metadata: Metadata = { title: "Page not found · Red Lines" };

export default function NotFound() {
  return (
    <main id="main" className="page">
      <h1>Page not found</h1>
      <p className="lede">
        There is nothing at this address. Check the link, or start again from the home page.
      </p>
      <a className="button" href="/">
        Home page
      </a>
    </main>
  );
}
