// A synthetic archive for benchmarks: committees meeting through many municipal years, each meeting a
// standard agenda plus reports whose minutes use every kind of block, in council prose. Seeded, so
// every run measures the same archive.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as blocks from '../../shared/editor/blocks.js';
import { CURRENT_SCHEMA_VERSION, type LibraryFile } from '../../shared/model/files.js';
import { plainNumbering, type Committee } from '../../shared/model/committee.js';
import { summarise, type Item, type Meeting, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import { continuingMinuteNumber, numberItems } from '../../shared/numbering.js';
import { defaultStandardAgenda, meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { defaultDeclarationKinds } from '../../shared/model/declarationKinds.js';

/** mulberry32: a tiny seeded generator, so the archive is the same on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A version-4 UUID drawn from the seeded generator. */
function seededUuid(random: () => number): string {
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

const words = (
  'school places admissions Ofsted inspection safeguarding children young people carers fostering adoption ' +
  'budget grant funding report briefing note Director Cabinet Member officers partnership improvement plan ' +
  'performance quality assurance recruitment retention social workers academy pupils attainment exclusions ' +
  'special educational needs transport libraries consultation strategy review progress recommendations ' +
  'the Board noted considered questioned requested further information future meeting work programme'
).split(' ');

function sentence(random: () => number, length: number): string {
  const picked = Array.from({ length }, () => words[Math.floor(random() * words.length)]!);
  const text = picked.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

const paragraphOf = (random: () => number, sentences: number) =>
  Array.from({ length: sentences }, () => sentence(random, 8 + Math.floor(random() * 14))).join(' ');

function reportMinutes(random: () => number, size: number): MinutesNodeJSON[] {
  const resolution = blocks.resolution();
  resolution.content = [
    { type: 'resolution_preamble', content: [{ type: 'text', text: 'the Scrutiny Board:' }] },
    ...Array.from({ length: 2 + Math.floor(random() * 3) }, () => ({
      type: 'resolution_part',
      content: [blocks.paragraph(sentence(random, 12))],
    })),
  ];
  const requests = blocks.informationRequests(seededUuid(random));
  requests.content![1]!.content = [{ type: 'text', text: sentence(random, 10) }];
  return [
    ...Array.from({ length: size }, () => blocks.paragraph(paragraphOf(random, 3))),
    blocks.bulletList(...Array.from({ length: 4 }, () => sentence(random, 6))),
    requests,
    resolution,
  ];
}

function reportItem(random: () => number, size: number): Item {
  return {
    id: seededUuid(random),
    minuteNumber: 1,
    title: sentence(random, 4).slice(0, -1),
    source: 'Briefing Note of the Director of Children’s Services',
    business: random() < 0.05 ? 'private' : 'public',
    agendaText: '',
    documents: [{ title: 'Briefing Note', sizeKb: Math.floor(random() * 300) }],
    minutes: reportMinutes(random, size),
  };
}

export function syntheticCommittee(index: number): Committee {
  return {
    id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
    createdAt: '2010-05-01T09:00:00.000Z',
    name: `Scrutiny Board (${index + 1})`,
    council: 'Coventry City Council',
    members: [{ name: 'Councillor J Innes', role: 'chair', voting: true }],
    defaultVenue: 'Committee Room 3 - Council House',
    contact: { name: 'Michelle Rose', phone: '024 7683 3111', email: 'michelle.rose@coventry.gov.uk' },
    municipalYearStartMonth: 5,
    numberingStyle: plainNumbering,
    standardAgenda: defaultStandardAgenda,
    declarationKinds: defaultDeclarationKinds(),
  };
}

/** A meeting with `reports` report items between the standard ones; `size` paragraphs per report. */
export function syntheticMeeting(random: () => number, committee: Committee, date: string, reports: number, size = 2): Meeting {
  const uuidLike = () => seededUuid(random);
  const meeting = meetingFromStandardAgenda(committee, {
    id: uuidLike(),
    date,
    startTime: '14:00',
    venue: committee.defaultVenue,
    previousMeetingDate: null,
    now: `${date}T18:00:00.000Z`,
    newId: uuidLike,
  });
  const reportItems = Array.from({ length: reports }, () => reportItem(random, size));
  const items = [...meeting.items.slice(0, 2), ...reportItems, ...meeting.items.slice(2)];
  return { ...meeting, items, status: 'agreed' };
}

/** A meeting of `itemCount` items, about 1,700 characters each (PERF-NOTES measured 150 items, 254k characters). */
export function longMeeting(itemCount: number, date: string): Meeting {
  return syntheticMeeting(seededRandom(itemCount), syntheticCommittee(0), date, itemCount - 5, 3);
}

/** Writes a library of `meetingCount` meetings (spread over committees and years) into `folder`. */
export async function writeArchive(folder: string, meetingCount: number, seed = 2017): Promise<LibraryFile> {
  const random = seededRandom(seed);
  await mkdir(join(folder, 'meetings'), { recursive: true });
  const committees = Array.from({ length: 8 }, (_, index) => syntheticCommittee(index));
  const library: LibraryFile = { schemaVersion: CURRENT_SCHEMA_VERSION, committees, meetings: [], stamps: {} };
  for (let index = 0; index < meetingCount; index++) {
    const committee = committees[index % committees.length]!;
    // Eight meetings a year per committee, from 2005 onwards.
    const sequence = Math.floor(index / committees.length);
    const year = 2005 + Math.floor(sequence / 8);
    const month = 1 + ((sequence % 8) * 3) % 12;
    const date = `${year}-${String(month).padStart(2, '0')}-${String(10 + (sequence % 15)).padStart(2, '0')}`;
    const meeting = syntheticMeeting(random, committee, date, 3 + Math.floor(random() * 6));
    const numbered: Meeting = {
      ...meeting,
      // Each committee's latest meeting is the one being drafted; the rest are agreed.
      status: index >= meetingCount - committees.length ? 'draft' : 'agreed',
      items: numberItems(meeting.items, continuingMinuteNumber(meeting, library.meetings, committee.municipalYearStartMonth)),
    };
    library.meetings.push(summarise(numbered));
    await writeFile(join(folder, 'meetings', `${numbered.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting: numbered }));
  }
  await writeFile(join(folder, 'library.json'), JSON.stringify(library));
  return library;
}
