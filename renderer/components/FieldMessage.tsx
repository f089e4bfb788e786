/** A field's message, right after its control, which names it in aria-describedby (questions and forms alike). */
export function FieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return message === undefined ? null : (
    <p id={id} className="field-error">
      {message}
    </p>
  );
}
