import { type Expr, ExpressionError, parseExpression, type RefInfo, type Span, TYPE_WORDS, type TypeEnv, typeOf, type ValueType, collectRefs } from './expression/index.js';
import { entryWord, type Entry } from './load-index.js';
import type { LoadError } from './loaded.js';
import { valueTypeOf } from './question-info.js';

export type ExpressionField = 'relevant' | 'required' | 'constraint' | 'calculate' | 'choiceFilter';

export interface CompiledExpressions {
  relevant?: Expr;
  required?: Expr;
  constraint?: Expr;
  calculate?: Expr;
  choiceFilter?: Expr;
}

/** "b must be known before a": a's relevance, calculation or choice filter reads b, or a is inside b. */
export interface DependencyEdge {
  readonly to: string;
  readonly field: 'relevant' | 'calculate' | 'choiceFilter' | 'inside';
  readonly path: string;
  readonly span?: Span;
}

export interface ExpressionResult {
  readonly compiled: Map<string, CompiledExpressions>;
  readonly edges: Map<string, DependencyEdge[]>;
  readonly errors: LoadError[];
}

/** Parses and type-checks every expression, and collects what each entry depends on. */
export function compileExpressions(entries: readonly Entry[], infos: ReadonlyMap<string, RefInfo>): ExpressionResult {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const compiled = new Map<string, CompiledExpressions>();
  const edges = new Map<string, DependencyEdge[]>();
  const errors: LoadError[] = [];
  for (const entry of entries) {
    const out: CompiledExpressions = {};
    const deps: DependencyEdge[] = entry.kind === 'section' ? [] : [{ to: entry.parentId, field: 'inside', path: entry.jsonPath }];
    const fields = fieldsOf(entry);
    for (const { field, source, path, expected } of fields) {
      const self = field === 'constraint' ? infos.get(entry.id) : field === 'choiceFilter' ? oneChoiceOf(infos.get(entry.id)) : undefined;
      const env = environment(entry, byId, infos, self);
      try {
        const ast = parseExpression(source);
        const type = typeOf(ast, env);
        checkResultType(ast, type, expected);
        out[field] = ast;
        if (field === 'relevant' || field === 'calculate' || field === 'choiceFilter') {
          for (const ref of collectRefs(ast)) deps.push({ to: ref.id, field, path, span: ref.span });
        }
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        errors.push({ path, message: `${entryWord(entry)} "${entry.id}", ${field} at column ${error.column}: ${error.message}` });
      }
    }
    compiled.set(entry.id, out);
    edges.set(entry.id, deps);
  }
  return { compiled, edges, errors };
}

interface FieldSource {
  readonly field: ExpressionField;
  readonly source: string;
  readonly path: string;
  readonly expected: readonly ValueType[];
}

function fieldsOf(entry: Entry): FieldSource[] {
  const fields: FieldSource[] = [];
  const node = entry.kind === 'section' ? entry.section : entry.item;
  const base = entry.jsonPath;
  if (node.relevant !== undefined) fields.push({ field: 'relevant', source: node.relevant, path: `${base}.relevant`, expected: ['boolean'] });
  if (entry.kind !== 'leaf' || entry.item.type === 'note') return fields;
  const q = entry.item;
  if (typeof q.required === 'string') fields.push({ field: 'required', source: q.required, path: `${base}.required`, expected: ['boolean'] });
  if (q.constraint) fields.push({ field: 'constraint', source: q.constraint.expression, path: `${base}.constraint.expression`, expected: ['boolean'] });
  if ((q.type === 'single_choice' || q.type === 'multiple_choice') && q.choiceFilter !== undefined) {
    fields.push({ field: 'choiceFilter', source: q.choiceFilter, path: `${base}.choiceFilter`, expected: ['boolean'] });
  }
  if ('calculate' in q && q.calculate !== undefined) {
    const type = valueTypeOf(q);
    fields.push({ field: 'calculate', source: q.calculate, path: `${base}.calculate`, expected: type === 'date' ? ['date', 'string'] : [type] });
  }
  return fields;
}

/** In a choice filter, `.` is one choice of the question's list: a text among its values, with their attributes. */
function oneChoiceOf(info: RefInfo | undefined): RefInfo | undefined {
  return info && { ...info, type: 'string' };
}

function checkResultType(ast: Expr, type: ValueType, expected: readonly ValueType[]): void {
  if (type === 'null' || expected.includes(type)) return;
  const wanted = expected.map((t) => TYPE_WORDS[t]).join(' or ');
  throw new ExpressionError(`the result must be ${wanted}, but it is ${TYPE_WORDS[type]}`, ast.span);
}

/** How `${id}` resolves for an expression of `owner`. */
function environment(owner: Entry, byId: ReadonlyMap<string, Entry>, infos: ReadonlyMap<string, RefInfo>, self: RefInfo | undefined): TypeEnv {
  const ownerRepeat = owner.kind === 'leaf' ? owner.repeatGroupId : undefined;
  return {
    ...(self ? { self } : {}),
    resolve(id: string, span: Span): RefInfo {
      const target = byId.get(id);
      if (!target) throw new ExpressionError(`unknown question "${id}"`, span);
      if (target.kind === 'section') throw new ExpressionError(`"${id}" is a section, not a question`, span);
      if (target.kind === 'group') {
        if (target.item.repeat === true) return { type: 'rows' };
        throw new ExpressionError(`"${id}" is a group, not a question`, span);
      }
      if (target.item.type === 'note') throw new ExpressionError(`"${id}" is a note and has no answer`, span);
      if (target.repeatGroupId !== undefined && target.repeatGroupId !== ownerRepeat) {
        throw new ExpressionError(`question "${id}" is inside the repeat group "${target.repeatGroupId}": only that group's questions can use it`, span);
      }
      const info = infos.get(id);
      if (!info) throw new ExpressionError(`unknown question "${id}"`, span);
      return info;
    },
  };
}
