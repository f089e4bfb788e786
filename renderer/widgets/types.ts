import type { ReactNode } from 'react';
import type { AnswerValue } from '../../core/answers/value.js';
import type { QuestionNode } from '../../core/questionnaire/index.js';

/** What every answer widget gets from its question field. */
export interface WidgetProps {
  readonly node: QuestionNode;
  /** The answer path (`q`, `g[row].q`): also the base of element ids. */
  readonly path: string;
  /** Id of the main control, the target of links from the review. */
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  /** Help, placed right after the label or legend (the error follows the control). */
  readonly description: ReactNode;
  readonly describedBy: string | undefined;
  readonly invalid: boolean;
  readonly value: AnswerValue;
  /** `typing`: a keystroke in a text or number box (skip logic then follows a moment later). */
  readonly onChange: (value: AnswerValue, typing?: boolean) => void;
}

/** A label with its required mark, the same in every widget. */
export interface LabelTextProps {
  readonly label: string;
  readonly required: boolean;
}
