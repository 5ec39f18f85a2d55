// Preloaded (`--import`) into the server the bench starts. The bench holds the server's stdin
// open; when the bench goes away, even killed outright, the pipe closes and the server shuts down
// as on Ctrl-C, so a bench never leaves a server behind.
import process from "node:process";

const stop = () => {
  process.kill(process.pid, "SIGTERM");
  // A shutdown that hangs must not keep the process either.
  setTimeout(() => process.exit(1), 10_000).unref();
};
process.stdin.on("end", stop);
process.stdin.on("error", stop);
process.stdin.resume();
