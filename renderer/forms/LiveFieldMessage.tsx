import { FieldMessage } from '../components/FieldMessage.js';

/**
 * A form field's message inside a polite live region that is always in the page, so a
 * message that appears (or changes) after a submit is announced, not only found on focus.
 */
export function LiveFieldMessage({ id, message }: { id: string; message: string | undefined }) {
  return (
    <div aria-live="polite" aria-atomic="true" className="field-message-live">
      <FieldMessage id={id} message={message} />
    </div>
  );
}
