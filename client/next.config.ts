import type { NextConfig } from "next";

const config: NextConfig = {
  // The shared game package is TypeScript source; Next compiles it with the app.
  transpilePackages: ["@red-lines/shared"],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { tsconfigPath: "tsconfig.json" },
};

export default config;
