// The bundle benchmark's reading of a page: the scripts a current browser fetches on first load.
import { describe, expect, it } from "vitest";
import { scriptsOf } from "../bench/bundle/main.ts";

describe("the bundle benchmark", () => {
  it("counts the page's own static scripts once each, and not the legacy polyfills or others", () => {
    const html = [
      '<script src="/_next/static/chunks/a.js" async="" nonce="n"></script>',
      '<script src="/_next/static/chunks/polyfills.js" noModule="" nonce="n"></script>',
      '<script src="/_next/static/chunks/b.js?dpl=1&amp;v=2" async=""></script>',
      '<script src="/_next/static/chunks/a.js" async=""></script>',
      '<script src="https://example.org/x.js"></script>',
      '<script nonce="n">self.__next_f.push([1,"inline"])</script>',
    ].join("");
    expect(scriptsOf(html)).toEqual(["/_next/static/chunks/a.js", "/_next/static/chunks/b.js?dpl=1&v=2"]);
  });
});
