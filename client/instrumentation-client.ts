// Runs in the browser before the app becomes interactive. zod compiles fast parsers with
// `new Function` unless told not to; the pages' Content-Security-Policy allows no eval (see
// client/proxy.ts), so zod would only find that out by trying, and the browser would report each
// try as a violation. Parsing works the same either way. The setting is zod's core `config` (what
// `z.config` is), so this file, which every page loads first, carries none of zod's schemas: a
// page that parses loads them with the code that parses, and they read the same global setting.
import { config } from "zod/v4/core";

config({ jitless: true });
