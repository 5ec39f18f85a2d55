// How a bot concedes, by name: what the instructor picks when seating one. Client-safe.
export const botStyles = ["boulware", "linear", "conceder"] as const;
export type BotStyle = (typeof botStyles)[number];

/** Each style as people read it: the console's choice and the bot's name at the table. */
export const botStyleTitles: Record<BotStyle, string> = {
  boulware: "Firm (concedes late)",
  linear: "Steady (concedes evenly)",
  conceder: "Flexible (concedes early)",
};

/** The name a bot goes by at the table, e.g. "Bot, firm". */
export function botName(style: BotStyle): string {
  const short: Record<BotStyle, string> = { boulware: "firm", linear: "steady", conceder: "flexible" };
  return `Bot, ${short[style]}`;
}
