// The sentence under a field that says what is wrong with it, announced as it appears. The ⚠
// sign and the words carry the meaning, not only the colour.
export function FieldError({ id, message }: { id: string; message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="error" role="alert">
      <span aria-hidden="true">⚠ </span>
      {message}
    </p>
  );
}
