import { describe, expect, it } from "vitest";
import { caddyfile, ecosystemApps, layoutOf, prometheusScrapeConfig, readDeployEnv } from "./layout.ts";

const shared = { DATABASE_URL: "postgresql://red@db/red", REDIS_URL: "redis://cache:6379" };

describe("the several-processes layout", () => {
  it("gives process N the port after the first and the public host's /game-N", () => {
    const read = readDeployEnv({
      PUBLIC_URL: "https://redlines.example.org",
      GAME_PROCESSES: "3",
      ...shared,
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const layout = layoutOf(read.env);
    expect(layout.publicUrl).toBe("https://redlines.example.org");
    expect(layout.processes.map((game) => [game.name, game.port, game.publicAddress])).toEqual([
      ["red-lines-1", 2568, "redlines.example.org/game-1"],
      ["red-lines-2", 2569, "redlines.example.org/game-2"],
      ["red-lines-3", 2570, "redlines.example.org/game-3"],
    ]);
    // A public port other than 443 is part of the host browsers reach.
    const onPort = layoutOf({
      PUBLIC_URL: "https://localhost:8443",
      GAME_PROCESSES: 1,
      GAME_FIRST_PORT: 4000,
    });
    expect(onPort.processes[0]?.publicAddress).toBe("localhost:8443/game-1");
  });

  it("refuses settings that cannot work, with a sentence naming each", () => {
    const problems = (env: Record<string, string>) => {
      const read = readDeployEnv(env);
      return read.ok ? [] : read.problems;
    };
    expect(problems({ ...shared })).toEqual([
      expect.stringMatching(/^PUBLIC_URL must be the https:\/\/ address/),
    ]);
    expect(problems({ PUBLIC_URL: "http://redlines.example.org", ...shared })[0]).toMatch(/https:\/\//);
    expect(problems({ PUBLIC_URL: "https://redlines.example.org/red-lines", ...shared })[0]).toMatch(
      /origin only .* without a path/,
    );
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: "0", ...shared })[0]).toMatch(
      /GAME_PROCESSES must be a whole number of game processes from 1 to 16/,
    );
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: "two", ...shared })[0]).toMatch(
      /GAME_PROCESSES/,
    );
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_FIRST_PORT: "80", ...shared })[0]).toMatch(
      /GAME_FIRST_PORT must be a port number from 1024/,
    );
    // Several processes share one PostgreSQL and one Redis; one process may use the embedded database.
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: "2" })[0]).toMatch(
      /GAME_PROCESSES=2 needs one PostgreSQL \(DATABASE_URL\) and one Redis \(REDIS_URL\)/,
    );
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: "1" })).toEqual([]);
    // An empty assignment (as in a .env file) means the default.
    expect(problems({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: "", ...shared })).toEqual([]);
  });

  it("has PM2 run each process from the repository with Node 24 and tsx, on loopback behind the proxy", () => {
    const read = readDeployEnv({ PUBLIC_URL: "https://redlines.example.org", ...shared });
    if (!read.ok) throw new Error(read.problems.join());
    const apps = ecosystemApps(read.env, "/srv/red-lines");
    expect(apps.map((app) => app.name)).toEqual(["red-lines-1", "red-lines-2"]);
    const [first] = apps;
    expect(first).toMatchObject({
      cwd: "/srv/red-lines",
      script: "server/src/main.ts",
      interpreter: "/srv/red-lines/node_modules/.bin/node",
      interpreter_args: ["--import", "tsx"],
      exec_mode: "fork",
      autorestart: true,
      wait_ready: true,
      env: {
        PORT: "2568",
        HOST: "127.0.0.1",
        TRUST_PROXY: "true",
        PUBLIC_URL: "https://redlines.example.org",
        PUBLIC_ADDRESS: "redlines.example.org/game-1",
      },
    });
    // Secrets stay out of the generated configuration: the processes read them from the environment.
    expect(JSON.stringify(apps)).not.toMatch(/postgresql:|redis:/);

    const withProxy = ecosystemApps({ ...read.env, CADDYFILE: "/etc/red-lines/Caddyfile" }, "/srv/red-lines");
    expect(withProxy.at(-1)).toMatchObject({
      name: "red-lines-proxy",
      script: "caddy",
      args: ["run", "--config", "/etc/red-lines/Caddyfile", "--adapter", "caddyfile"],
      interpreter: "none",
    });
  });

  it("routes each process's path to its port and everything else to any ready process", () => {
    const layout = layoutOf({
      PUBLIC_URL: "https://redlines.example.org",
      GAME_PROCESSES: 2,
      GAME_FIRST_PORT: 2568,
    });
    const acme = caddyfile(layout, { tls: { kind: "acme", email: "it@example.org" } });
    expect(acme).toContain("\temail it@example.org\n");
    expect(acme).toContain("redlines.example.org {\n\troute {");
    expect(acme).toContain("\t\thandle_path /game-1/* {\n\t\t\treverse_proxy 127.0.0.1:2568\n\t\t}");
    expect(acme).toContain("\t\thandle_path /game-2/* {\n\t\t\treverse_proxy 127.0.0.1:2569\n\t\t}");
    expect(acme).toContain("\t\treverse_proxy 127.0.0.1:2568 127.0.0.1:2569 {");
    expect(acme).toContain("health_uri /readyz");
    expect(acme).toContain("respond /metrics 404");
    expect(acme).not.toContain("tls ");

    const own = caddyfile(layout, {
      tls: { kind: "files", certificate: "/etc/ssl/red lines.pem", key: "/etc/ssl/red-lines.key" },
    });
    expect(own).toContain('\ttls "/etc/ssl/red lines.pem" /etc/ssl/red-lines.key\n');

    const trial = caddyfile(layout, {
      tls: { kind: "internal" },
      storage: "/tmp/trial/caddy",
      httpPort: 40080,
      noRedirects: true,
      noAdmin: true,
    });
    expect(trial).toMatch(
      /^\{\n\tadmin off\n\thttp_port 40080\n\tauto_https disable_redirects\n\tstorage file_system \/tmp\/trial\/caddy\n\tskip_install_trust\n\}/m,
    );
    expect(trial).toContain("redlines.example.org {\n\ttls internal\n");
  });

  it("lists every process for Prometheus", () => {
    const layout = layoutOf({ PUBLIC_URL: "https://x.org", GAME_PROCESSES: 2, GAME_FIRST_PORT: 3000 });
    expect(prometheusScrapeConfig(layout)).toContain(
      "          - 127.0.0.1:3000 # red-lines-1\n          - 127.0.0.1:3001 # red-lines-2\n",
    );
  });
});
