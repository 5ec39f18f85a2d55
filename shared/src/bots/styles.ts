// How a bot concedes, by name: what the instructor picks when seating one. Client-safe.
export const botStyles = ["boulware", "linear", "conceder"] as const;
export type BotStyle = (typeof botStyles)[number];
