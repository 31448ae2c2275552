// The committees' names the desktop app's spell-checker is told about (issue 13, part 7).
import { describe, expect, it } from 'vitest';
import { committeeNameWords } from '../../shared/model/committeeNames.js';

describe('committeeNameWords', () => {
  it('lists each word of the names once, without initials', () => {
    const committee = {
      council: 'Coventry City Council',
      defaultVenue: 'Committee Room 3',
      contact: { name: 'Michelle Rose', phone: '', email: '' },
      members: [
        { name: 'Councillor J Innes', role: 'chair', voting: true },
        { name: "Councillor K O'Boyle", role: 'member', voting: true },
        { name: 'Councillor P Lloyd-Jones', role: 'member', voting: true },
      ],
    } as unknown as Parameters<typeof committeeNameWords>[0][number];
    expect(committeeNameWords([committee])).toEqual(['Coventry', 'City', 'Council', 'Committee', 'Room', 'Michelle', 'Rose', 'Councillor', 'Innes', "O'Boyle", 'Lloyd-Jones']);
  });
});
