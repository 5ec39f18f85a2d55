import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const config: NextConfig = {
  // The shared game package is TypeScript source; Next compiles it with the app.
  transpilePackages: ["@red-lines/shared"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: "tsconfig.json" },
};

// next-intl resolves its paths against the working directory, which is the repository's, not this
// folder, when the server runs Next in its own process (npm run dev, npm start): work from here
// while it does (synchronously, so nothing else runs meanwhile).
const here = typeof __dirname === "string" ? __dirname : import.meta.dirname;
function fromHere<T>(build: () => T): T {
  const cwd = process.cwd();
  process.chdir(here);
  try {
    return build();
  } finally {
    process.chdir(cwd);
  }
}

// The reader's language and its messages, per request (i18n/request.ts). Messages are compiled
// at build time (precompile), so pages carry no ICU message parser.
export default fromHere(() =>
  createNextIntlPlugin({
    requestConfig: "./i18n/request.ts",
    experimental: { messages: { path: "./messages", format: "json", locales: "infer", precompile: true } },
  })(config),
);
