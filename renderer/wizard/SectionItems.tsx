import { memo, useMemo } from 'react';
import type { Evaluation, Item } from '../../core/questionnaire/index.js';
import { ItemList } from './ItemList.js';

/** Items per block. A block is one memoised component and one off-screen layout unit. */
export const BLOCK_SIZE = 25;

interface Props {
  readonly items: readonly Item[];
  /** How many of the items are drawn so far (a long section fills in after its first screen). */
  readonly shown: number;
  readonly evaluation: Evaluation;
}

/**
 * A section's items in fixed blocks of 25. Why blocks, in a section of a thousand questions:
 * - a keystroke re-renders its own field, and React then walks the siblings of each parent on
 *   the way down: 40 blocks and 25 items instead of 1,000 items;
 * - each block skips layout, paint and hit-testing while off screen (`content-visibility: auto`
 *   in wizard.css), with one observer target per block instead of one per question.
 * Everything stays in the document, so Tab order, find-in-page and screen readers see every question.
 */
export function SectionItems({ items, shown, evaluation }: Props) {
  const blocks = useMemo(() => {
    const out: (readonly Item[])[] = [];
    for (let i = 0; i < items.length; i += BLOCK_SIZE) out.push(items.slice(i, i + BLOCK_SIZE));
    return out;
  }, [items]);
  return (
    <>
      {blocks.map((block, b) => {
        const drawn = Math.min(block.length, shown - b * BLOCK_SIZE);
        return drawn > 0 ? <ItemBlock key={b} items={block} drawn={drawn} evaluation={evaluation} /> : null;
      })}
    </>
  );
}

const ItemBlock = memo(function ItemBlock({ items, drawn, evaluation }: { items: readonly Item[]; drawn: number; evaluation: Evaluation }) {
  return (
    <div className="item-block">
      <ItemList items={drawn < items.length ? items.slice(0, drawn) : items} evaluation={evaluation} headingLevel={2} />
    </div>
  );
});
