/**
 * Errors that belong to a whole item or section rather than one field (an unknown key, a list
 * that is too long). Focusable, so a failed save can move focus here when nothing else is marked.
 */
export function FormErrors({ messages }: { messages?: readonly string[] | undefined }) {
  if (messages === undefined || messages.length === 0) return null;
  return (
    <ul className="form-errors" data-error-anchor tabIndex={-1}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}
