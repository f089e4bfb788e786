import { loadQuestionnaire, outline, summarize } from '../../core/questionnaire/index.js';

/** What the command may touch: injected so that tests call it with real files and capture output. */
export interface CommandIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readFile: (p: string) => string;
}

const USAGE = [
  'usage: iscm questionnaire check FILE          check a questionnaire file: every error, or a summary',
  '       iscm questionnaire print FILE [--lang L] print a readable outline in one language',
].join('\n');

/** `iscm questionnaire …`: returns the exit code (0 ok, 1 invalid file, 2 usage error). */
export function runQuestionnaireCommand(args: string[], io: CommandIo): number {
  const [sub, file, ...rest] = args;
  if ((sub !== 'check' && sub !== 'print') || file === undefined || file.startsWith('-')) {
    io.stderr(`${USAGE}\n`);
    return 2;
  }
  let lang: string | undefined;
  for (let i = 0; i < rest.length; i += 1) {
    if (rest[i] === '--lang' && sub === 'print' && rest[i + 1] !== undefined) {
      lang = rest[i + 1];
      i += 1;
    } else {
      io.stderr(`unexpected argument: ${rest[i] ?? ''}\n${USAGE}\n`);
      return 2;
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(io.readFile(file)) as unknown;
  } catch (error) {
    io.stderr(`${file}: ${error instanceof SyntaxError ? 'not valid JSON: ' : 'cannot read: '}${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const result = loadQuestionnaire(json);
  if (!result.ok) {
    for (const e of result.errors) io.stderr(`${file}: ${e.path}: ${e.message}\n`);
    io.stderr(`${file}: ${result.errors.length} error${result.errors.length === 1 ? '' : 's'}; the app will refuse this questionnaire.\n`);
    return 1;
  }
  const loaded = result.questionnaire;
  if (sub === 'print') {
    const language = lang ?? loaded.questionnaire.defaultLanguage;
    if (!loaded.questionnaire.languages.includes(language)) {
      io.stderr(`${file}: no language "${language}" (languages: ${loaded.questionnaire.languages.join(', ')})\n`);
      return 2;
    }
    io.stdout(outline(loaded, language));
    return 0;
  }
  const s = summarize(loaded);
  const lines = [
    `${file}: OK`,
    `${s.id} ${s.version}: ${s.title}`,
    `languages: ${s.languages.join(', ')} (default ${s.defaultLanguage})`,
    `sections: ${s.sections.length}`,
    ...s.sections.map((x) => `  ${x.id.padEnd(28)} ${String(x.questions).padStart(4)} questions  ${x.title}`),
    `questions: ${s.questions}`,
    ...Object.entries(s.questionsByType).map(([type, n]) => `  ${type.padEnd(28)} ${String(n).padStart(4)}`),
    `repeat groups: ${s.repeatGroups.join(', ') || 'none'}`,
    ...(s.choiceFilters.length > 0 ? [`choice filters: ${s.choiceFilters.join(', ')}`] : []),
    ...(s.exclusiveChoices.length > 0 ? [`exclusive choices: ${s.exclusiveChoices.join(', ')}`] : []),
    ...(s.patternChecks.length > 0 ? [`pattern checks: ${s.patternChecks.join(', ')}`] : []),
  ];
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
