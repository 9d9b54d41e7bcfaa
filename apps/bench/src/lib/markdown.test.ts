import { describe, expect, it } from 'vitest';
import { markdownTable, textTable } from './markdown.js';

describe('markdownTable', () => {
  it("pads every column to its widest cell, at least 3, as the repo's formatter does", () => {
    expect(markdownTable(['A', 'Ratio'], [['long cell', '1x']])).toBe(
      ['| A         | Ratio |', '| --------- | ----- |', '| long cell | 1x    |'].join('\n'),
    );
  });
});

describe('textTable', () => {
  it('aligns columns with two spaces and no trailing blanks', () => {
    expect(
      textTable(
        ['A', 'B'],
        [
          ['xx', ''],
          ['', 'y'],
        ],
      ),
    ).toBe(['A   B', '--  -', 'xx', '    y'].join('\n'));
  });
});
