// Exporting each seed fixture with Minute Book's exporters and importing the file back gives the
// fixture again, in every field the form carries. Ids are not compared: items and requests get new
// ones from newId on import (except from the JSON archive, which gives back the very same meeting).
import { describe, expect, it } from 'vitest';
import { renderAgendaItemText } from '../../shared/export/agendaItemText.js';
import type { ExportedFile, ExportRequest } from '../../shared/export/exportForm.js';
import { renderFormalMarkdown } from '../../shared/export/formalMarkdown.js';
import { renderJsonArchive } from '../../shared/export/jsonArchive.js';
import { renderPageHtml } from '../../shared/export/pageHtml.js';
import { renderPageText } from '../../shared/export/pageText.js';
import { importDocument, type ArchiveForm, type ImportOutcome, type ImportedMeeting } from '../../shared/import/index.js';
import { plainNumbering, type Committee } from '../../shared/model/committee.js';
import type { Meeting } from '../../shared/model/meeting.js';
import { item002 } from '../fixtures/seed002.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';
import { committee003, meeting003 } from '../fixtures/seed003.js';
import { meeting004 } from '../fixtures/seed004.js';

const text = (content: string | Uint8Array): string => (typeof content === 'string' ? content : new TextDecoder().decode(content));

function roundTrip(render: (request: ExportRequest) => ExportedFile, request: ExportRequest, form: ArchiveForm): ImportedMeeting {
  const file = render(request);
  let next = 0;
  const outcome: ImportOutcome = importDocument(file.fileName, text(file.content), () => `new-${++next}`);
  expect(outcome.report.form).toBe(form);
  expect(outcome.report.unplaced).toEqual([]);
  expect(outcome.report.warnings).toEqual([]);
  expect(outcome.meetings).toHaveLength(1);
  return outcome.meetings[0] as ImportedMeeting;
}

/** The value with every `id` (item ids, request ids) left out. */
const withoutIds = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, inner: unknown) => (key === 'id' ? undefined : inner)));

type ItemField = 'minuteNumber' | 'title' | 'source' | 'business' | 'agendaText' | 'documents' | 'minutes';
const itemFields = (meeting: Pick<Meeting, 'items'>, fields: readonly ItemField[]) =>
  withoutIds(meeting.items.map((item) => Object.fromEntries(fields.map((field) => [field, item[field]]))));

const allItemFields: ItemField[] = ['minuteNumber', 'title', 'source', 'business', 'agendaText', 'documents', 'minutes'];

/** What the Agenda and minutes page carries: everything but attendance, closing time, business and the council. */
function expectPage(imported: ImportedMeeting, meeting: Meeting, committee: Committee): void {
  expect(imported.committee.name).toBe(committee.name);
  expect(imported.date).toBe(meeting.date);
  expect(imported.startTime).toBe(meeting.startTime);
  expect(imported.venue).toBe(meeting.venue);
  expect(imported.contact).toEqual(meeting.contact);
  expect(imported.numberingStyle).toEqual(plainNumbering);
  // Not carried: attendance and closing time (the page has neither); business (the page has no headings).
  expect(itemFields(imported, allItemFields)).toEqual(itemFields(meeting, allItemFields));
}

describe('round trip through the Agenda and minutes page', () => {
  it('seed 001 as text', () => {
    expectPage(roundTrip(renderPageText, { meeting: meeting001, committee: committee001 }, 'page-text'), meeting001, committee001);
  });

  it('seed 001 as HTML', () => {
    expectPage(roundTrip(renderPageHtml, { meeting: meeting001, committee: committee001 }, 'page-html'), meeting001, committee001);
  });

  it('seed 004 as text, uncut', () => {
    expectPage(roundTrip(renderPageText, { meeting: meeting004, committee: committee001 }, 'page-text'), meeting004, committee001);
  });
});

describe('round trip through the formal minutes (Markdown)', () => {
  it('seed 003', () => {
    const imported = roundTrip(renderFormalMarkdown, { meeting: meeting003, committee: committee003 }, 'formal-md');
    expect(imported.committee).toEqual({ name: committee003.name, council: committee003.council });
    expect(imported.date).toBe(meeting003.date);
    expect(imported.startTime).toBe(meeting003.startTime);
    expect(imported.closingTime).toBe(meeting003.closingTime);
    expect(imported.attendance).toEqual(meeting003.attendance);
    // Not carried: venue and contact (the formal minutes print neither), and an item's source, agenda
    // text and documents; items are numbered 1, 2, 3 … within the meeting, as seed 003's are.
    expect(imported.venue).toBe('');
    expect(imported.contact).toBeNull();
    const carried: ItemField[] = ['minuteNumber', 'title', 'business', 'minutes'];
    expect(itemFields(imported, carried)).toEqual(itemFields(meeting003, carried));
  });
});

describe('round trip through the Agenda item page', () => {
  it('seed 002, wrapped in a meeting', () => {
    const meeting = { ...meeting001, items: [item002] };
    const imported = roundTrip(renderAgendaItemText, { meeting, committee: committee001, item: item002.minuteNumber }, 'item');
    // Not carried: the meeting (committee, date, venue, contact), the agenda text and the business.
    expect(imported.committee.name).toBe('');
    expect(imported.date).toBeNull();
    const carried: ItemField[] = ['minuteNumber', 'title', 'source', 'documents', 'minutes'];
    expect(itemFields(imported, carried)).toEqual(itemFields(meeting, carried));
  });
});

describe('round trip through the JSON archive', () => {
  const fixtures: [string, Meeting, Committee][] = [
    ['seed 001', meeting001, committee001],
    ['seed 002', { ...meeting001, items: [item002] }, committee001],
    ['seed 003', meeting003, committee003],
    ['seed 004', meeting004, committee001],
  ];
  it.each(fixtures)('%s gives back exactly the same meeting', (_name, meeting, committee) => {
    const imported = roundTrip(renderJsonArchive, { meeting, committee }, 'json');
    expect(imported).toEqual({
      committee: { name: committee.name, council: committee.council },
      date: meeting.date,
      startTime: meeting.startTime,
      closingTime: meeting.closingTime,
      venue: meeting.venue,
      contact: meeting.contact,
      attendance: meeting.attendance,
      numberingStyle: committee.numberingStyle,
      items: meeting.items,
      archived: { id: meeting.id, status: meeting.status, firstMinuteNumber: meeting.firstMinuteNumber, lifecycle: meeting.lifecycle },
    });
  });
});
