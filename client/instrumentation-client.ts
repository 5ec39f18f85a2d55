// Runs in the browser before the app becomes interactive. zod compiles fast parsers with
// `new Function` unless told not to; the pages' Content-Security-Policy allows no eval (see
// client/proxy.ts), so zod would only find that out by trying, and the browser would report each
// try as a violation. Parsing works the same either way.
import { z } from "zod";

z.config({ jitless: true });
