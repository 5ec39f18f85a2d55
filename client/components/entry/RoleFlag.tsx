// A small flag per seat, drawn inline so it looks the same on every device and projector. Known
// roles have their flag; any other role gets a neutral badge with its initials ("P2" for "Party
// 2"). Decorative: the role's name is always written next to it.
import type { ReactNode } from "react";
import styles from "./RoleFlag.module.css";
import { roleInitials } from "./roleInitials.ts";

const stars = Array.from({ length: 12 }, (_, index) => {
  const angle = (index / 12) * 2 * Math.PI;
  return { x: 15 + 6 * Math.cos(angle), y: 10 + 6 * Math.sin(angle) };
});

const flags: Record<string, ReactNode> = {
  us: (
    <>
      <rect width="30" height="20" fill="#b22234" />
      {[1, 3, 5, 7, 9, 11].map((stripe) => (
        <rect key={stripe} y={(stripe * 20) / 13} width="30" height={20 / 13} fill="#ffffff" />
      ))}
      <rect width="13" height={(7 * 20) / 13} fill="#3c3b6e" />
    </>
  ),
  ukraine: (
    <>
      <rect width="30" height="10" fill="#0057b7" />
      <rect y="10" width="30" height="10" fill="#ffd700" />
    </>
  ),
  europe: (
    <>
      <rect width="30" height="20" fill="#003399" />
      {stars.map((star) => (
        <circle key={`${star.x}-${star.y}`} cx={star.x} cy={star.y} r="0.9" fill="#ffcc00" />
      ))}
    </>
  ),
  russia: (
    <>
      <rect width="30" height="20" fill="#ffffff" />
      <rect y="6.67" width="30" height="6.67" fill="#0039a6" />
      <rect y="13.33" width="30" height="6.67" fill="#d52b1e" />
    </>
  ),
};

export function RoleFlag({
  role,
  name,
  size = "medium",
}: {
  role: string;
  name: string;
  size?: "medium" | "large";
}) {
  const flag = flags[role];
  return (
    <svg className={styles.flag} data-size={size} viewBox="0 0 30 20" aria-hidden="true" focusable="false">
      {flag ?? (
        <>
          <rect width="30" height="20" fill="#4a5360" />
          <text x="15" y="14" textAnchor="middle" fontSize="10" fontWeight="700" fill="#ffffff">
            {roleInitials(name)}
          </text>
        </>
      )}
    </svg>
  );
}
