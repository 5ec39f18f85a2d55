// next-intl's types: t("…") only accepts keys of the English messages, with their arguments.
import type { Locale } from "@red-lines/shared/protocol";
import type app from "../messages/en/app.json";
import type bots from "../messages/en/bots.json";
import type checks from "../messages/en/checks.json";
import type common from "../messages/en/common.json";
import type consoleMessages from "../messages/en/console.json";
import type debrief from "../messages/en/debrief.json";
import type engine from "../messages/en/engine.json";
import type entry from "../messages/en/entry.json";
import type feed from "../messages/en/feed.json";
import type replay from "../messages/en/replay.json";
import type studio from "../messages/en/studio.json";
import type summary from "../messages/en/summary.json";
import type table from "../messages/en/table.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: {
      app: typeof app;
      common: typeof common;
      table: typeof table;
      console: typeof consoleMessages;
      debrief: typeof debrief;
      replay: typeof replay;
      entry: typeof entry;
      studio: typeof studio;
      engine: typeof engine;
      feed: typeof feed;
      summary: typeof summary;
      bots: typeof bots;
      checks: typeof checks;
    };
  }
}
