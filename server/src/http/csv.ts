// CSV as RFC 4180 describes it: CRLF after every record, a field quoted when it holds a comma,
// a quote, CR or LF, quotes inside doubled. Text that a spreadsheet would run as a formula
// (starting with =, +, -, @, tab or CR) gets a leading apostrophe, as OWASP advises: chat is
// typed by students and these files are opened in Excel.

export type CsvValue = string | number | boolean | null | undefined;

const needsQuotes = /[",\r\n]/;
const formulaStart = /^[=+\-@\t\r]/;

/** One field: empty for null and undefined; numbers and booleans as written; text guarded, then quoted if needed. */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`a CSV field cannot hold ${value}`);
    return String(value);
  }
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = formulaStart.test(value) ? `'${value}` : value;
  return needsQuotes.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One record, with its CRLF. */
export function csvRecord(values: readonly CsvValue[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
