// Join limits against a real server over real HTTP (issue 13, defect 11): wrong codes are counted
// per address, but a class behind one school address is never locked out by a few typos, and the
// right code is never refused because of earlier wrong guesses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postJson } from "../support/api.ts";
import { startTestServer } from "../support/server.ts";

let server: Awaited<ReturnType<typeof startTestServer>>;
type ApiBody = { error: { code: string; message: string }; joinCode: string; seatToken: string };

beforeAll(async () => {
  server = await startTestServer("embedded");
});

afterAll(async () => {
  await server?.stop();
});

async function createWorkshop(tables: number): Promise<string> {
  const created = await postJson<ApiBody>(server.url, "/workshops", { scenarioId: "ukraine-2026", tables });
  expect(created.status).toBe(201);
  return created.body.joinCode;
}

function lookUp(code: string, from: string) {
  return fetch(`${server.url}/api/join/${encodeURIComponent(code)}`, {
    headers: { "x-forwarded-for": from },
  });
}

/** A code of the right shape that no workshop has (the alphabet has no 0, 1, I, L or O). */
function wrongCode(i: number): string {
  const alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
  return `ZZZZ-Z${alphabet[Math.floor(i / alphabet.length) % alphabet.length]}${alphabet[i % alphabet.length]}Z`;
}

describe("join limits", () => {
  it("let the right code in after 25 wrong codes from the same address", async () => {
    const code = await createWorkshop(2);
    const school = "10.13.11.1";
    const wrong: number[] = [];
    for (let i = 0; i < 25; i++) {
      wrong.push(
        (await postJson<ApiBody>(server.url, "/join", { code: wrongCode(i), name: "Typo" }, school)).status,
      );
    }
    const right = await postJson<ApiBody>(server.url, "/join", { code, name: "Ada" }, school);
    expect(right.status).toBe(201);
    expect(right.body.seatToken).toEqual(expect.any(String));
    expect(wrong).toEqual(wrong.map(() => 404));
  });

  it("let the right code be looked up after 25 wrong look-ups from the same address", async () => {
    const code = await createWorkshop(1);
    const school = "10.13.11.2";
    const wrong: number[] = [];
    for (let i = 0; i < 25; i++) wrong.push((await lookUp(wrongCode(i), school)).status);
    expect((await lookUp(code, school)).status).toBe(200);
    expect(wrong).toEqual(wrong.map(() => 404));
  });

  it("let a class of 40 behind one address join at once, with typos and reloads", async () => {
    const code = await createWorkshop(10);
    const school = "10.13.11.3";
    // A few typos first, as when the code is read off the projector.
    for (let i = 0; i < 10; i++) {
      expect(
        (await postJson<ApiBody>(server.url, "/join", { code: wrongCode(i), name: "Typo" }, school)).status,
      ).toBe(404);
    }
    // Forty join pages open at once, each looking the code up, then joining, then reloading twice
    // (every reload looks the code up again and rejoins with its seat token).
    const students = Array.from({ length: 40 }, (_, i) => `Student ${i + 1}`);
    const looked = await Promise.all(students.map(() => lookUp(code, school)));
    expect(looked.map((response) => response.status)).toEqual(students.map(() => 200));
    const joined = await Promise.all(
      students.map((name) => postJson<ApiBody>(server.url, "/join", { code, name }, school)),
    );
    expect(joined.map((answer) => answer.status)).toEqual(students.map(() => 201));
    for (let reload = 0; reload < 2; reload++) {
      const again = await Promise.all(
        joined.map(async (answer, i) => {
          const lookup = await lookUp(code, school);
          const rejoin = await postJson<ApiBody>(
            server.url,
            "/join",
            { code, name: students[i], seatToken: answer.body.seatToken },
            school,
          );
          return [lookup.status, rejoin.status];
        }),
      );
      expect(again).toEqual(students.map(() => [200, 200]));
    }
    // The seat page keeps looking the code up every 10 s while it is open: a minute of that.
    const polls = await Promise.all(Array.from({ length: 240 }, () => lookUp(code, school)));
    expect(polls.every((response) => response.status === 200)).toBe(true);
  });

  it("refuse new codes past 30 different ones a minute from an address, but never its known codes", async () => {
    const known = await createWorkshop(1);
    const unknownToIt = await createWorkshop(1);
    const guesser = "10.13.11.4";
    // Its first look-up of a code counts as a new code: 1 + 29 different wrong ones fill the minute.
    expect((await lookUp(known, guesser)).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 29; i++) statuses.push((await lookUp(wrongCode(i), guesser)).status);
    expect(statuses).toEqual(statuses.map(() => 404));
    // The same wrong code again is not a new guess (forty students misreading one symbol alike).
    expect((await lookUp(wrongCode(3), guesser)).status).toBe(404);

    const refused = await postJson<ApiBody>(
      server.url,
      "/join",
      { code: wrongCode(200), name: "Guess" },
      guesser,
    );
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate-limited");
    expect(refused.body.error.message).toMatch(/Too many join attempts from this device\. Wait \d+ seconds/);
    const looked = await lookUp(wrongCode(201), guesser);
    expect(looked.status).toBe(429);
    expect(Number(looked.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(looked.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    // The limit is on trying codes, whatever the answer would be: a code this address has never
    // been answered right is refused too (otherwise a 429 would tell a guesser "wrong" at full speed).
    expect((await lookUp(unknownToIt, guesser)).status).toBe(429);
    // A code it knows is never counted: the class keeps joining and reloading.
    expect((await lookUp(known, guesser)).status).toBe(200);
    expect((await postJson<ApiBody>(server.url, "/join", { code: known, name: "Ada" }, guesser)).status).toBe(
      201,
    );
    // Other addresses are not affected, and the server's log says so once.
    expect((await lookUp(wrongCode(202), "10.13.11.5")).status).toBe(404);
    expect(server.logs.filter((line) => line.includes(`join limits: ${guesser}`))).toHaveLength(1);
  });

  it("never count the code of a workshop created from the same address", async () => {
    const school = "10.13.11.6";
    const created = await postJson<ApiBody>(
      server.url,
      "/workshops",
      { scenarioId: "ukraine-2026", tables: 1 },
      school,
    );
    expect(created.status).toBe(201);
    for (let i = 0; i < 30; i++) expect((await lookUp(wrongCode(i), school)).status).toBe(404);
    expect((await lookUp(wrongCode(300), school)).status).toBe(429);
    expect((await lookUp(created.body.joinCode, school)).status).toBe(200);
  });
});
