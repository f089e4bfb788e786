import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadQuestionnaire, type Group } from '../../../core/questionnaire/index.js';
import { rowTitle, titleQuestionId } from '../../../renderer/wizard/row-title.js';

/** The real questionnaire's repeat groups, by id. */
function repeatGroups(): Map<string, Group> {
  const result = loadQuestionnaire(JSON.parse(fs.readFileSync('questionnaires/iscm-assessment/1.1.0.json', 'utf8')));
  if (!result.ok) throw new Error('the questionnaire does not load');
  const groups = new Map<string, Group>();
  for (const node of result.questionnaire.nodes.values()) if (node.kind === 'group' && node.group.repeat === true) groups.set(node.id, node.group);
  return groups;
}

describe('repeat row titles', () => {
  it('come from the first typed text question of the row: the achievement, the partner’s name', () => {
    const groups = repeatGroups();
    const achievements = groups.get('achievements');
    const partners = groups.get('partners');
    if (!achievements || !partners) throw new Error('the ISCM questionnaire lost its repeat groups');
    expect(titleQuestionId(achievements)).toBe('achievement_title');
    expect(titleQuestionId(partners)).toBe('partner_name');
  });

  it('skip calculated text and rows without any text question', () => {
    const group = {
      id: 'g',
      type: 'group',
      repeat: true,
      label: { en: 'G' },
      items: [
        { id: 'count', type: 'integer', label: { en: 'Count' } },
        { id: 'auto', type: 'text', label: { en: 'Auto' }, calculate: '"x"' },
        { id: 'name', type: 'text', label: { en: 'Name' } },
      ],
    } as unknown as Group;
    expect(titleQuestionId(group)).toBe('name');
    expect(titleQuestionId({ ...group, items: group.items.slice(0, 2) })).toBeUndefined();
  });

  it('is the answer on one line, shortened with an ellipsis; empty while unanswered', () => {
    expect(rowTitle(null)).toBe('');
    expect(rowTitle('   ')).toBe('');
    expect(rowTitle(['a'])).toBe('');
    expect(rowTitle('  Fair   recruitment\ncampaign ')).toBe('Fair recruitment campaign');
    const long = rowTitle('word '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(80);
    expect(long.endsWith('…')).toBe(true);
  });
});
