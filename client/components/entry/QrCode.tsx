// A QR code as inline SVG: one path of dark modules on a white square with the standard quiet zone,
// sharp at any size, so a projector shows it as crisply as a phone.
import qrcode from "qrcode-generator";
import styles from "./QrCode.module.css";

const quietZone = 4;

/** The dark modules of `text`'s QR code (error correction M) as one SVG path, and its side in modules. */
export function qrPath(text: string): { side: number; path: string } {
  const code = qrcode(0, "M");
  code.addData(text, "Byte");
  code.make();
  const count = code.getModuleCount();
  const parts: string[] = [];
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`);
    }
  }
  return { side: count + 2 * quietZone, path: parts.join("") };
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { side, path } = qrPath(text);
  return (
    <svg
      className={styles.qr}
      role="img"
      aria-label={label}
      viewBox={`0 0 ${side} ${side}`}
      shapeRendering="crispEdges"
    >
      <rect width={side} height={side} fill="#ffffff" />
      <path d={path} fill="#000000" />
    </svg>
  );
}
