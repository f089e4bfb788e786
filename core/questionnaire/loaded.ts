import type { Expr, RefInfo } from './expression/index.js';
import type { Choice, Group, Note, Question, Questionnaire, Section } from './schema.js';

/** One error found while loading a questionnaire file. `path` is its JSON path, e.g. `sections[0].items[2].label`. */
export interface LoadError {
  readonly path: string;
  readonly message: string;
}

interface NodeBase {
  readonly id: string;
  readonly sectionId: string;
  /** The section or group that directly contains it (none for a section). */
  readonly parentId?: string;
  /** The repeat group it is inside, if any: its answers live in that group's rows. */
  readonly repeatGroupId?: string;
  /** Where it is in the file, e.g. `sections[1].items[0]`. */
  readonly jsonPath: string;
  readonly relevant?: Expr;
}

export interface SectionNode extends NodeBase {
  readonly kind: 'section';
  readonly section: Section;
}
export interface GroupNode extends NodeBase {
  readonly kind: 'group';
  readonly group: Group;
}
export interface NoteNode extends NodeBase {
  readonly kind: 'note';
  readonly note: Note;
}
export interface QuestionNode extends NodeBase {
  readonly kind: 'question';
  readonly question: Question;
  readonly required: boolean | Expr;
  readonly constraint?: Expr;
  readonly calculate?: Expr;
  /** The questions (and repeat groups) its `calculate` reads: while one of their answers is invalid, the calculation gives nothing. */
  readonly calculateInputs?: readonly string[];
  /** Offers only the choices for which this is true, `.` being the choice (single and multiple choice). */
  readonly choiceFilter?: Expr;
  /** The options a respondent chooses from (choice and scale questions), `other` included when allowed. */
  readonly choices?: readonly Choice[];
  /** A matrix's rows. */
  readonly rows?: readonly Choice[];
  /** What expressions know about this question's value. */
  readonly info: RefInfo;
}
export type QuestionnaireNode = SectionNode | GroupNode | NoteNode | QuestionNode;

/** A questionnaire that passed every check, with parsed expressions and indexes. */
export interface LoadedQuestionnaire {
  readonly questionnaire: Questionnaire;
  /** Every section, group, note and question by id. */
  readonly nodes: ReadonlyMap<string, QuestionnaireNode>;
  /** Every question by id. */
  readonly questions: ReadonlyMap<string, QuestionNode>;
  /** Node ids in the order of the file. */
  readonly documentOrder: readonly string[];
  /** Node ids such that everything a node's relevance or calculation depends on comes before it. */
  readonly evaluationOrder: readonly string[];
  /** Questions with a `calculate`, in dependency order. */
  readonly calculateOrder: readonly string[];
  /** Choice lists by id, built-in scales included. */
  readonly choiceLists: ReadonlyMap<string, readonly Choice[]>;
}

export function isQuestionNode(node: QuestionnaireNode | undefined): node is QuestionNode {
  return node?.kind === 'question';
}

/** The group a question is in (repeat or not), if any. */
export function groupOf(loaded: LoadedQuestionnaire, id: string): GroupNode | undefined {
  const node = loaded.nodes.get(id);
  const parent = node?.parentId === undefined ? undefined : loaded.nodes.get(node.parentId);
  return parent?.kind === 'group' ? parent : undefined;
}
