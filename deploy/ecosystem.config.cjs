// PM2's configuration for Red Lines on one machine: GAME_PROCESSES game processes (default 2),
// each on its own port from GAME_FIRST_PORT (default 2568) with its own PUBLIC_ADDRESS, all
// sharing one PostgreSQL (DATABASE_URL) and one Redis (REDIS_URL); Caddy too when CADDYFILE is
// set. Settings come from the environment, then the repository's .env file. Run `npm run build`
// first (the processes serve the built web UI), then, from the repository:
//
//   npx pm2 start deploy/ecosystem.config.cjs     start, or add what is missing
//   npx pm2 reload deploy/ecosystem.config.cjs    new code, one process at a time
//   npx pm2 ls | logs | stop all | delete all
//
// The processes and their addresses are laid out in server/src/deploy/layout.ts, which also
// writes the matching Caddyfile (`npm run deploy -- caddyfile`). README: "Several processes".
const path = require("node:path");
const { readDeployEnv, ecosystemApps } = require("../server/src/deploy/layout.ts");

const dotenv = path.join(__dirname, "..", ".env");
if (require("node:fs").existsSync(dotenv)) process.loadEnvFile(dotenv);

const settings = readDeployEnv(process.env);
if (!settings.ok) {
  throw new Error(`Red Lines' PM2 settings need fixing:\n  - ${settings.problems.join("\n  - ")}`);
}
module.exports = { apps: ecosystemApps(settings.env) };
