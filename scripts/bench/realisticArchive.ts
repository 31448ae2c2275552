// A realistic archive for `npm run bench`: one council's committees meeting through decades of
// municipal years, minutes written from a Zipf-distributed vocabulary of tens of thousands of words
// (the commonest being English's own, then council words, then plausible invented ones), real-looking
// names of councillors, officers and outside bodies, resolutions in parts, declarations of interest,
// requests for information and minute references across years ("Further to Minute 59/16"). Seeded,
// so every run and every machine measures the same archive. The meetings are built with the app's own
// block builders, standard agenda and numbering, so they are what Minute Book itself would store.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as blocks from '../../shared/editor/blocks.js';
import { plainNumbering, withYearNumbering, type Committee } from '../../shared/model/committee.js';
import { defaultDeclarationKinds } from '../../shared/model/declarationKinds.js';
import { CURRENT_SCHEMA_VERSION, type LibraryFile } from '../../shared/model/files.js';
import { summarise, type Item, type Meeting, type MeetingSummary, type MinutesNodeJSON } from '../../shared/model/meeting.js';
import { continuingMinuteNumber, minuteCitation, municipalYearOf, numberItems } from '../../shared/numbering.js';
import { defaultStandardAgenda, meetingFromStandardAgenda } from '../../shared/standardAgenda.js';
import { seededRandom } from './syntheticArchive.js';

/** Bump with any change to what the generator writes: a cached archive of another version is not reused. */
export const REALISTIC_ARCHIVE_VERSION = 1;

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

// The head of the ranking: English's function words, then the words of council business.
const functionWords = (
  'the of and to a in that be for on with as was were by this is it from at which an not have had are ' +
  'would been or their its they be there all but also has will any should could who these may other such ' +
  'more than been into about further its each those new over within most some after before between'
).split(' ');

const councilWords = (
  'report committee council members meeting officers director noted resolved considered agreed budget ' +
  'funding grant strategy plan review update proposal proposals consultation service services provision ' +
  'school schools children young people families housing planning application applications licence ' +
  'licensing premises highways transport parking traffic road roads waste recycling environment climate ' +
  'air quality libraries leisure parks allotments cemetery community communities ward wards residents ' +
  'cabinet portfolio scrutiny recommendation recommendations recommended approve approved approval ' +
  'decision decisions minutes chair vice public private business item items agenda appendix appendices ' +
  'briefing note performance progress quarter annual monitoring outturn revenue capital reserves savings ' +
  'procurement contract contracts tender framework partnership partners health social care adult adults ' +
  'safeguarding fostering adoption carers workforce recruitment retention vacancies staff staffing ' +
  'inspection ofsted rating improvement outcomes attainment exclusions attendance pupils academy academies ' +
  'admissions places demand capacity risk risks register audit assurance internal external accounts ' +
  'statement governance constitution policy policies equality diversity impact assessment data analysis ' +
  'information request requested circulated questioned asked responded explained advised confirmed ' +
  'reported informed welcomed thanked supported concerns concern issues matters arising previous future ' +
  'programme work timetable deadline delivery phase project projects scheme schemes site sites land ' +
  'development developments conservation heritage listed building buildings design density affordable ' +
  'homes tenants landlords homelessness temporary accommodation repairs maintenance estate estates ' +
  'regeneration economy economic growth employment skills jobs businesses city centre district county ' +
  'town parish neighbourhood local national government department secretary state minister legislation ' +
  'statutory duty guidance regulations enforcement complaints compliance petition petitions motion ' +
  'amendment vote voted majority unanimously abstained declared interest interests pecuniary registrable ' +
  'officer officers head manager lead strategic corporate finance legal democratic services team teams ' +
  'evidence consultants survey responses feedback engagement stakeholders voluntary sector charity trust ' +
  'police fire ambulance NHS hospital clinical commissioning integrated board partnership emergency ' +
  'flooding drainage lighting footways cycle cycling bus buses rail station junction bridge tree trees ' +
  'noise nuisance pollution emissions carbon energy solar heating insulation fuel poverty cost costs ' +
  'increase increased reduction reduced pressure pressures overspend underspend forecast forecasts ' +
  'target targets measure measures indicator indicators benchmark comparison trend trends figures'
).split(' ');

/** Named topics, written as councils write them: phrases for phrase queries ("school places"). */
export const topics = [
  'school places', 'social workers', 'young people', 'air quality', 'the Local Plan', 'highways maintenance',
  'adult social care', 'special educational needs', 'the capital programme', 'housing allocations',
  'the Medium Term Financial Strategy', 'children in care', 'care leavers', 'the household waste service',
  'street lighting', 'the city centre', 'council tax', 'business rates', 'the Housing Revenue Account',
  'selective licensing', 'houses in multiple occupation', 'the Climate Change Strategy', 'bus lanes',
  'the Corporate Risk Register', 'the Annual Governance Statement', 'elective home education',
  'early help', 'domestic abuse', 'youth services', 'the library service', 'parks and open spaces',
  'the leisure centre', 'taxi licensing', 'the Statement of Licensing Policy', 'planning enforcement',
  'affordable housing', 'temporary accommodation', 'the Youth Justice Plan', 'the Better Care Fund',
  'public health', 'the Health and Wellbeing Strategy', 'flood risk', 'the air quality action plan',
  'residents’ parking', 'the school transport policy', 'the workforce strategy', 'agency staff',
];

export const outsideBodies = [
  'Ofsted', 'the Care Quality Commission', 'Historic England', 'the Environment Agency', 'Homes England',
  'the West Midlands Combined Authority', 'West Midlands Police', 'West Midlands Fire Service',
  'the Integrated Care Board', 'University Hospitals Coventry and Warwickshire', 'Sport England',
  'the Local Government Association', 'the Department for Education', 'Natural England',
  'the Arts Council', 'Transport for West Midlands', 'the Canal and River Trust', 'the Youth Justice Board',
  'the Information Commissioner’s Office', 'the Local Government and Social Care Ombudsman',
];

const firstNames = (
  'Abdul Adam Aisha Alan Alison Amanda Amir Andrew Angela Anne Anthony Asha Barbara Ben Beverley Brian ' +
  'Carol Catherine Charlotte Chris Christine Claire Colin Craig Damian Daniel David Deborah Dennis Diane ' +
  'Donna Edward Elaine Emma Faye Fiona Gary Gavin George Gillian Glenn Grace Graham Hazel Helen Ian Imran ' +
  'Jacqueline James Jane Janet Jaswant Jayne Jennifer Joanne John Jonathan Joseph Julie Karen Kamran ' +
  'Kathryn Kevin Lakhbir Laura Lesley Linda Lindsley Louise Lynnette Malcolm Margaret Mark Martin Mary ' +
  'Matthew Michael Michelle Mohammed Nadia Naeem Neil Nicola Patricia Paul Peter Philip Pervez Rachel ' +
  'Rajinder Richard Robert Roger Rose Ruth Sabina Sally Samuel Sandra Sarah Seamus Sharon Simon Stephen ' +
  'Steven Susan Tariq Teresa Thomas Timothy Tracey Trevor Valerie Vanessa Victoria William Yasmin Zoë'
).split(' ');

const surnames = (
  'Abbott Ahmed Akhtar Ali Allen Anderson Arnold Ashton Atwal Bagga Bailey Baker Bains Ball Banks Barnes ' +
  'Bates Begum Bell Bennett Bigham Birdi Blundell Booth Brown Brookes Burton Butler Campbell Carter ' +
  'Chambers Chater Clarke Collins Cook Cooper Crookes Dhillon Davies Dixon Duggins Edwards Ellis Evans ' +
  'Fletcher Foster Gannon Gardiner Gill Gilbert Graham Green Griffiths Hall Hammon Harvard Harris ' +
  'Hetherton Hill Holmes Hopkins Hughes Hussain Innes Jackson James Jandu Jenkins Johnson Jones Kaur ' +
  'Kelly Kennedy Kershaw Khan Lakha Lancaster Lapsa Lee Lewis Lloyd Male Maton Mayer McNicholas Miks ' +
  'Mitchell Moore Morris Mulhall Mutton Nazir Nellist Noonan O’Boyle Parker Patel Payne Phillips Price ' +
  'Reeves Richards Ridley Roberts Robinson Rose Ruane Sandy Sangha Seaman Sehmi Shaw Simpson Singh Skinner ' +
  'Smith Sweet Tatton Taylor Thay Thomas Thompson Turner Walsh Ward Watson Welsh White Williams Wilson ' +
  'Wood Wright Young'
).split(' ');

const committeeNames = [
  'Cabinet', 'Planning Committee', 'Licensing and Regulatory Committee', 'Audit and Procurement Committee',
  'Scrutiny Co-ordination Committee', 'Education and Children’s Services Scrutiny Board (2)',
  'Health and Social Care Scrutiny Board (5)', 'Finance and Corporate Services Scrutiny Board (1)',
  'Business, Economy and Enterprise Scrutiny Board (3)', 'Communities and Neighbourhoods Scrutiny Board (4)',
  'Ethics Committee', 'Statutory Licensing Sub-Committee', 'Employment Committee', 'Appeals Committee',
  'Corporate Parenting Board', 'Health and Wellbeing Board', 'Stronger Communities Partnership',
  'Schools Forum', 'Standing Advisory Council on Religious Education', 'Admissions Forum',
  'Cabinet Member for Housing and Communities', 'Cabinet Member for City Services',
  'Cabinet Member for Policing and Equalities', 'Cabinet Member for Public Health and Sport',
  'Cabinet Member for Jobs, Regeneration and Climate Change', 'Pensions Committee',
  'Council Tax and Business Rates Appeals Panel', 'Rights of Way Committee', 'Parish Liaison Forum',
  'Local Access Forum',
];

const officerTitles = [
  'Director of Children’s Services', 'Director of Adult Services and Housing', 'Director of Finance and Resources',
  'Chief Legal Officer', 'Director of Public Health and Wellbeing', 'Head of Planning and Regulation',
  'Strategic Lead for Highways', 'Head of Democratic Services', 'Chief Executive', 'Head of Internal Audit',
  'Strategic Lead for Education Entitlement', 'Head of Environmental Services', 'Scrutiny Co-ordinator',
  'Licensing Manager', 'Head of Housing and Homelessness', 'Director of Transportation and Highways',
];

const reportKinds = ['Report of the', 'Briefing Note of the', 'Joint Report of the', 'Presentation of the', 'Verbal update of the'];

/** Plausible English-like words from syllables, none of them a word already in the lists above. */
function inventedWords(random: Random, count: number, taken: ReadonlySet<string>): string[] {
  const onsets = ['', '', 'b', 'bl', 'br', 'c', 'ch', 'cl', 'cr', 'd', 'dr', 'f', 'fl', 'fr', 'g', 'gl', 'gr', 'h', 'j', 'k', 'l', 'm', 'n', 'p', 'pl', 'pr', 'qu', 'r', 's', 'sc', 'sh', 'sk', 'sl', 'sp', 'st', 'str', 'sw', 't', 'th', 'tr', 'v', 'w', 'wh', 'wr', 'y'];
  const nuclei = ['a', 'a', 'e', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ee', 'oa', 'oo', 'ou', 'ie', 'y'];
  const codas = ['', '', '', 'b', 'ck', 'd', 'ft', 'g', 'l', 'll', 'lt', 'm', 'mp', 'n', 'nd', 'ng', 'nt', 'p', 'r', 'rd', 'rk', 'rn', 's', 'ss', 'st', 't', 'th', 'x'];
  const endings = ['ing', 'ed', 'er', 'ment', 'tion', 'ness', 'ly', 'al', 'ity', 'ance', 'ary', 'ive', 'ful', 'able', 'ship', 'ure', 'ate', 'ford', 'ton', 'ley'];
  const words = new Set<string>();
  while (words.size < count) {
    const roll = random();
    const syllables = roll < 0.35 ? 1 : roll < 0.88 ? 2 : 3;
    let word = '';
    for (let syllable = 0; syllable < syllables; syllable++) word += pick(random, onsets) + pick(random, nuclei) + (syllable === syllables - 1 || random() < 0.4 ? pick(random, codas) : '');
    if (random() < 0.3) word += pick(random, endings);
    if (word.length >= 3 && !taken.has(word)) words.add(word);
  }
  return [...words];
}

/** A sampler over the vocabulary in rank order, drawing rank r with probability ∝ 1/r^1.05 (Zipf's law as text follows it). */
function zipfVocabulary(random: Random, distinct: number): () => string {
  const head = [...new Set([...functionWords, ...councilWords])];
  const words = [...head, ...inventedWords(random, distinct - head.length, new Set(head.map((word) => word.toLowerCase())))];
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) cumulative[rank] = total += 1 / Math.pow(rank + 1, 1.05);
  const draw = () => {
    const target = random() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle]! < target) low = middle + 1;
      else high = middle;
    }
    return words[low]!;
  };
  return draw;
}

/** A version-4 UUID drawn from the seeded generator. */
function seededUuid(random: Random): string {
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`;
}

const capitalised = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const personName = (random: Random) => `${pick(random, firstNames)} ${pick(random, surnames)}`;
const councillorName = (random: Random) => `Councillor ${pick(random, firstNames).charAt(0)} ${pick(random, surnames)}`;

/** Everything the sentences of one committee's minutes draw on. */
interface Writer {
  random: Random;
  word: () => string;
  committee: Committee;
  officers: readonly { name: string; title: string }[];
  /** Citations of the committee's earlier minutes ("59/16"), for references across years. */
  earlier: readonly string[];
}

function words(writer: Writer, count: number): string {
  return Array.from({ length: count }, writer.word).join(' ');
}

function sentence(writer: Writer): string {
  const { random } = writer;
  const officer = pick(random, writer.officers);
  const member = pick(random, writer.committee.members).name;
  const topic = pick(random, topics);
  const cited = writer.earlier.length > 0 && random() < 0.08 ? pick(random, writer.earlier.slice(-200)) : null;
  switch (Math.floor(random() * 9)) {
    case 0:
      return `The ${officer.title}, ${officer.name}, reported on ${topic} and ${words(writer, 6 + Math.floor(random() * 8))}.`;
    case 1:
      return `${member} asked about ${words(writer, 5 + Math.floor(random() * 6))} in relation to ${topic}.`;
    case 2:
      return `Members questioned the officers on ${words(writer, 4 + Math.floor(random() * 8))}, including ${topic}.`;
    case 3:
      return cited === null ? `The Committee noted the comments of ${pick(random, outsideBodies)} on ${topic}.` : `Further to Minute ${cited}, the Committee received an update on ${topic} ${words(writer, 4)}.`;
    case 4:
      return `Representatives of ${pick(random, outsideBodies)} attended for this item and ${words(writer, 6 + Math.floor(random() * 6))}.`;
    default:
      return `${capitalised(words(writer, 8 + Math.floor(random() * 14)))}.`;
  }
}

const paragraphOf = (writer: Writer, sentences: number) => Array.from({ length: sentences }, () => sentence(writer)).join(' ');

function resolution(writer: Writer): MinutesNodeJSON {
  const { random } = writer;
  const leads = ['resolved-that', 'resolved-that', 'resolved', 'resolved-to-note', 'agreed', 'recommended-to-council', 'committee-resolved'] as const;
  const block = blocks.resolution(pick(random, leads));
  block.attrs = { ...block.attrs, unanimous: random() < 0.3 };
  const parts = 1 + Math.floor(random() * 4);
  block.content = [
    { type: 'resolution_preamble', content: [{ type: 'text', text: parts === 1 ? 'the report be noted.' : `the ${writer.committee.name}:` }] },
    ...Array.from({ length: parts === 1 ? 0 : parts }, () => ({
      type: 'resolution_part',
      content: [blocks.paragraph(`${pick(random, ['Notes', 'Approves', 'Endorses', 'Requests', 'Recommends'])} ${pick(random, ['the proposals for', 'that officers report further on', 'the approach to', 'the revised arrangements for'])} ${pick(random, topics)} ${words(writer, 4 + Math.floor(random() * 8))}.`)],
    })),
  ];
  return block;
}

function informationRequests(writer: Writer): MinutesNodeJSON {
  const { random } = writer;
  const requests = blocks.informationRequests(seededUuid(random));
  const asks = Array.from({ length: 1 + Math.floor(random() * 3) }, () => ({
    ...blocks.request(seededUuid(random)),
    attrs: { id: seededUuid(random), askedOf: pick(random, writer.officers).title, status: random() < 0.6 ? 'answered' : 'open' },
    content: [{ type: 'text', text: `Details of ${pick(random, topics)} ${words(writer, 4 + Math.floor(random() * 6))}.` }],
  }));
  requests.content = [requests.content![0]!, ...asks];
  return requests;
}

function reportItem(writer: Writer): Item {
  const { random } = writer;
  const officer = pick(random, writer.officers);
  const minutes: MinutesNodeJSON[] = Array.from({ length: 1 + Math.floor(random() * 2) }, () => blocks.paragraph(paragraphOf(writer, 2 + Math.floor(random() * 3))));
  if (random() < 0.4) minutes.push(blocks.bulletList(...Array.from({ length: 2 + Math.floor(random() * 4) }, () => `${capitalised(words(writer, 4 + Math.floor(random() * 6)))}`)));
  if (writer.earlier.length > 0 && random() < 0.15) {
    minutes.push({ type: 'paragraph', content: [{ type: 'text', text: 'The Committee recalled ' }, { type: 'minute_reference', attrs: { minute: pick(random, writer.earlier) } }, { type: 'text', text: ` and ${words(writer, 6)}.` }] });
  }
  if (random() < 0.35) minutes.push(informationRequests(writer));
  if (random() < 0.8) minutes.push(resolution(writer));
  return {
    id: seededUuid(random),
    minuteNumber: 1,
    title: capitalised(random() < 0.5 ? topic(writer) : `${topic(writer)} – ${words(writer, 2)}`),
    source: `${pick(random, reportKinds)} ${officer.title}`,
    business: random() < 0.05 ? 'private' : 'public',
    agendaText: '',
    documents: [{ title: pick(random, ['Report', 'Briefing Note', 'Appendix 1', 'Presentation']), sizeKb: Math.floor(random() * 900) }],
    minutes,
  };
}

const topic = (writer: Writer) => pick(writer.random, topics).replace(/^the /, '');

function declarationsMinutes(writer: Writer, reportTitles: readonly string[]): MinutesNodeJSON[] | null {
  const { random } = writer;
  if (random() < 0.6 || reportTitles.length === 0) return null;
  const kinds = writer.committee.declarationKinds;
  const declarations = Array.from({ length: 1 + Math.floor(random() * 2) }, () => ({
    type: 'declaration',
    attrs: { member: pick(random, writer.committee.members).name, item: pick(random, reportTitles), kind: pick(random, kinds).id, action: pick(random, ['', 'left-room', 'no-vote', 'stayed-spoke']) },
    content: [{ type: 'text', text: `As ${pick(random, ['a governor of', 'an employee of', 'a trustee of', 'a member of'])} ${pick(random, outsideBodies)}.` }],
  }));
  return [{ type: 'declarations', content: declarations }];
}

function realisticCommittee(random: Random, index: number, council: string): Committee {
  const members = Array.from({ length: 7 + Math.floor(random() * 6) }, (_, place) => ({
    name: councillorName(random),
    role: place === 0 ? ('chair' as const) : place === 1 ? ('vice-chair' as const) : ('member' as const),
    voting: true,
  }));
  const clerk = personName(random);
  return {
    id: `00000000-0000-4000-9000-${String(index).padStart(12, '0')}`,
    createdAt: '1985-05-01T09:00:00.000Z',
    name: committeeNames[index % committeeNames.length]! + (index >= committeeNames.length ? ` (${Math.floor(index / committeeNames.length) + 1})` : ''),
    council,
    members,
    defaultVenue: pick(random, ['Committee Room 1 - Council House', 'Committee Room 2 - Council House', 'Committee Room 3 - Council House', 'Diamond Room 1 - Council House']),
    contact: { name: clerk, phone: `024 7697 ${String(1000 + Math.floor(random() * 9000))}`, email: `${clerk.toLowerCase().replace(/[^a-z]+/g, '.')}@coventry.gov.uk` },
    municipalYearStartMonth: 5,
    numberingStyle: random() < 0.5 ? plainNumbering : withYearNumbering,
    standardAgenda: defaultStandardAgenda,
    declarationKinds: defaultDeclarationKinds(),
  };
}

/**
 * Writes a library of `meetingCount` meetings of 30 committees into `folder`, about nine meetings a
 * year each, the latest years last: each committee's newest meeting a draft, the rest agreed.
 */
export async function writeRealisticArchive(folder: string, meetingCount: number, seed = 1974): Promise<LibraryFile> {
  const random = seededRandom(seed);
  const drawWord = zipfVocabulary(random, 36_000);
  await mkdir(join(folder, 'meetings'), { recursive: true });
  const committees = committeeNames.map((_, index) => realisticCommittee(random, index, 'Coventry City Council'));
  const officers = Array.from({ length: 60 }, () => ({ name: personName(random), title: pick(random, officerTitles) }));
  const library: LibraryFile = { schemaVersion: CURRENT_SCHEMA_VERSION, committees, meetings: [], stamps: {} };
  const perCommittee = Math.ceil(meetingCount / committees.length);
  const years = Math.max(1, Math.ceil(perCommittee / 9));
  const firstYear = 2026 - years;
  const history = new Map<string, { summaries: MeetingSummary[]; citations: string[] }>(committees.map((committee) => [committee.id, { summaries: [], citations: [] }]));
  for (let index = 0; index < meetingCount; index++) {
    const committee = committees[index % committees.length]!;
    const own = history.get(committee.id)!;
    const sequence = Math.floor(index / committees.length);
    // Nine meetings a municipal year (May to April), on a weekday-ish spread of dates.
    const year = firstYear + Math.floor(sequence / 9);
    const month = [6, 7, 9, 10, 11, 12, 1, 2, 3][sequence % 9]!;
    const calendarYear = month >= 5 ? year : year + 1;
    const date = `${calendarYear}-${String(month).padStart(2, '0')}-${String(3 + ((index * 7) % 24)).padStart(2, '0')}`;
    const writer: Writer = { random, word: drawWord, committee, officers, earlier: own.citations };
    const previous = own.summaries.at(-1);
    const meeting = meetingFromStandardAgenda(committee, {
      id: seededUuid(random),
      date,
      startTime: pick(random, ['10:00', '14:00', '17:00', '18:00']),
      venue: committee.defaultVenue,
      previousMeetingDate: previous?.date ?? null,
      now: `${date}T18:00:00.000Z`,
      newId: () => seededUuid(random),
    });
    const reports = Array.from({ length: 4 + Math.floor(random() * 6) }, () => reportItem(writer));
    const standard = meeting.items.map((item) => {
      if (item.title === 'Declarations of Interests') return { ...item, minutes: declarationsMinutes(writer, reports.map((report) => report.title)) ?? item.minutes };
      if (item.title === 'Outstanding Issues' || item.title === 'Work Programme') return { ...item, minutes: [blocks.paragraph(paragraphOf(writer, 2))] };
      return item;
    });
    const items = [...standard.slice(0, 2), ...reports, ...standard.slice(2)];
    const attendance = { ...meeting.attendance, employees: Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(random, officers)).map((officer) => ({ name: officer.name, directorate: officer.title })) };
    const numbered: Meeting = {
      ...meeting,
      attendance,
      // Each committee's latest meeting is the one being drafted; the rest are agreed.
      status: index >= meetingCount - committees.length ? 'draft' : 'agreed',
      items: numberItems(items, continuingMinuteNumber(meeting, own.summaries, committee.municipalYearStartMonth)),
    };
    const summary = summarise(numbered);
    own.summaries.push(summary);
    const municipalYear = municipalYearOf(date, committee.municipalYearStartMonth);
    for (const item of numbered.items) own.citations.push(minuteCitation(item.minuteNumber, municipalYear));
    library.meetings.push(summary);
    await writeFile(join(folder, 'meetings', `${numbered.id}.json`), JSON.stringify({ schemaVersion: CURRENT_SCHEMA_VERSION, meeting: numbered }));
  }
  await writeFile(join(folder, 'library.json'), JSON.stringify(library));
  return library;
}
