// What tests and tools import from the server package.
export { type RunningServer, type StartOptions, startServer } from "./app.ts";
export { readServerEnv, type ServerEnv, serverEnvSchema } from "./env.ts";
export { createLogger, type Logger } from "./logging.ts";
export { scheduleRetention } from "./workshops/retention.ts";
