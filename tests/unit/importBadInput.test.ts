// Files that are not minutes are refused with a message that names the file and says what is wrong,
// and no input, however hostile, makes an importer run for long.
import { describe, expect, it } from 'vitest';
import { renderJsonArchive } from '../../shared/export/jsonArchive.js';
import { ImportError, MAX_IMPORT_BYTES, importDocument } from '../../shared/import/index.js';
import { committee001, meeting001 } from '../fixtures/seed001.js';

const newId = () => 'id';
const refusal = (fileName: string, content: string): ImportError => {
  try {
    importDocument(fileName, content, newId);
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`${fileName} was imported`);
};

/** Deterministic "random" bytes, so a failure can be reproduced. */
function noise(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = 12345;
  for (let at = 0; at < length; at++) {
    state = (state * 1103515245 + 12345) % 2147483648;
    bytes[at] = state % 256;
  }
  bytes[10] = 0;
  return bytes;
}

const newsArticle = `<!doctype html>
<html lang="en"><head><title>Storm closes coastal road</title><style>body { font: 16px sans-serif }</style></head>
<body><header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
<article><h1>Storm closes coastal road</h1><p class="byline">By our reporter, 12 March 2024</p>
<p>High winds and heavy rain closed the coastal road for most of Tuesday, with drivers advised to avoid the area.</p>
<p>Engineers said the road would reopen once the debris had been cleared and the sea wall inspected.</p>
<ul><li>Buses were diverted through the town centre.</li><li>Two schools closed early.</li></ul></article>
<footer>© Local News 2024</footer></body></html>`;

const frenchMinutes = `Procès-verbal de la réunion du conseil municipal

Le conseil municipal s'est réuni le mardi 12 mars 2024 à dix-huit heures, sous la présidence du maire.
Les membres présents ont approuvé le procès-verbal de la séance précédente sans modification.
Le maire a présenté le budget primitif pour l'année, qui a fait l'objet d'un long débat entre les élus.
Après en avoir délibéré, le conseil a adopté le budget à l'unanimité des membres présents.
La séance a été levée à vingt heures trente.`;

const recipe = `Lemon drizzle cake

Heat the oven to 180C. Beat the butter and sugar together until pale, then add the eggs one at a time.
Fold in the flour and the zest of two lemons, and bake for forty-five minutes.
While the cake is still warm, pour over the juice of the lemons mixed with icing sugar.`;

describe('refusing what is not minutes', () => {
  it('an empty file, or one of blank lines', () => {
    expect(refusal('empty.txt', '').message).toBe('Cannot import “empty.txt”: the file is empty.');
    expect(refusal('blank.txt', '  \n\u00a0\n\t\n').message).toContain('the file is empty');
  });

  it('binary content', () => {
    const error = refusal('photo.jpg', new TextDecoder('latin1').decode(noise(4096)));
    expect(error.message).toContain('photo.jpg');
    expect(error.message).toContain('not text');
    expect(refusal('minutes.pdf', '%PDF-1.7\n%âãÏÓ\n1 0 obj').message).toContain('it is a PDF');
  });

  it('a file larger than 50 MB', () => {
    const error = refusal('huge.txt', 'x'.repeat(MAX_IMPORT_BYTES + 1));
    expect(error.message).toContain('huge.txt');
    expect(error.message).toContain('larger than 50 MB');
  });

  it('an unrelated web page', () => {
    const error = refusal('news.html', newsArticle);
    expect(error.message).toContain('news.html');
    expect(error.message).toContain('a web page, but not a page of council minutes');
  });

  it('text in another language', () => {
    const error = refusal('proces-verbal.txt', frenchMinutes);
    expect(error.message).toContain('proces-verbal.txt');
    expect(error.message).toContain('does not appear to be in English');
  });

  it('unrelated English text', () => {
    expect(refusal('cake.txt', recipe).message).toContain('none of the structure of the minutes Minute Book reads');
  });

  it('JSON that is not a Minute Book archive, or an archive changed since it was made', () => {
    expect(refusal('data.json', '{"name": "x"}').message).toContain('not a Minute Book archive');
    expect(refusal('broken.json', '{"format": ').message).toContain('looks like JSON but cannot be read');
    const archive = JSON.parse(String(renderJsonArchive({ meeting: meeting001, committee: committee001 }).content)) as {
      meetings: { meeting: { venue: string } }[];
    };
    (archive.meetings[0] as { meeting: { venue: string } }).meeting.venue = 'Somewhere else';
    expect(refusal('tampered.json', JSON.stringify(archive)).message).toContain('has changed since it was archived');
  });
});

describe('hostile input', () => {
  const size = 5 * 1024 * 1024;
  const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  const page = (body: string) => `Agenda and minutes\n\nBoard - Thursday, 13th July, 2017 10.00 am\n\n1.\n\nTitle\n\nMinutes:\n\n${body}\n`;
  const formal = (body: string) => `**Minutes of the Meeting of Board**\n**held at 2.00 pm on 1 May 2020**\n\n### **1. Title**\n\n${body}\n`;
  const html = (body: string) => `<html><body><h1>Agenda and minutes</h1><h3>1. Title</h3><h4>Minutes:</h4><p>${body}</p></body></html>`;
  // Runs that make backtracking regexes explode: spaces, digits, brackets, half-made dates and
  // citations, markers that never close. Each is built at any length, so that a fifth of it has the same shape.
  const cases: [string, (length: number) => string][] = [
    ['spaces then a letter, as plain text', (length) => `${fill(' ', length)}x`],
    ['digits, as plain text', (length) => fill('1', length)],
    ['half-made citations in minutes', (length) => page(fill('Minute 1/', length))],
    ['half-made dates and times in minutes', (length) => page(fill('12 January 2.', length))],
    ['“RESOLVED (1)” over and over in minutes', (length) => page(fill('RESOLVED (1) ', length))],
    ['non-breaking spaces in minutes', (length) => page(fill('\u00a0 ', length))],
    ['unclosed bold and links in Markdown', (length) => formal(fill('**[x', length))],
    ['opening tags that never close in HTML', (length) => html(fill('<b', length))],
    // Found by the fuzz harness: each <li> counted the bullet lists open above it.
    ['bullet and numbered lists that never close in HTML', (length) => html(fill('<div><ol><li><ul><li>', length))],
    ['“<” that opens no tag in HTML', (length) => html(fill('<', length))],
    // Issue 10's sentences: motions, votes and comings and goings, on a line each and run together.
    ['motions moved over and over, each awaiting its words', (length) => page(fill('It was moved by Councillor A Smith and seconded by Councillor B Jones that:\n', length))],
    ['half-made votes and recorded names in minutes', (length) => page(fill('On being put to the vote the motion was CARRIED (For: 1, Against: 1\nFor (2): Councillors A Smith, ', length))],
    ['comings and goings run together on one line', (length) => page(fill('Councillor A Smith left the meeting during consideration of this item having declared ', length))],
    // The site around a saved page: navigation and cookie notices nested and never closed, mains within mains.
    ['site chrome nested without end in HTML', (length) => html(fill('<nav><div class="cookie-banner"><aside>', length))],
    ['main content nested without end in HTML', (length) => `<main>${html(fill('<main><div role="main"><p>x', length))}`],
    // Found by the fuzz harness: the general reader's trimming of "#" and "**" retried from every mark of a run.
    ['a run of bold marks in minutes the general reader reads', (length) => `Minutes of the Harbour Board held on 1 May 2020\n1. Dues\nRESOLVED that the dues stay.\n${fill('**', length)}x\n2. Close\n`],
    ['a run of spaces in an attendance list the general reader reads', (length) => `Minutes of the Harbour Board held on 1 May 2020\nPresent: Councillor A Smith${fill(' ', length)}and Councillor B Jones\nApologies for absence were received from${fill(' ', length)}x\n1. Dues\nRESOLVED that the dues stay.\n`],
  ];

  // Linear time, measured as a ratio so a busy machine cannot fail it: five times the input may take
  // about five times as long, where a backtracking regex would take twenty-five times or more.
  const timeToRead = (content: string): number => {
    const started = performance.now();
    try {
      importDocument('hostile.txt', content, newId);
    } catch (error) {
      expect(error).toBeInstanceOf(ImportError);
    }
    return performance.now() - started;
  };

  // The quickest of a few reads: a moment when the machine was busy slows one read, not all of them.
  const quickestOf = (runs: number, content: string): number => Math.min(...Array.from({ length: runs }, () => timeToRead(content)));

  it.each(cases)('%s (5 MB) takes time in proportion to its length', (_name, make) => {
    const fifth = make(size / 5);
    timeToRead(fifth); // warm up the JIT first
    const small = Math.max(quickestOf(3, fifth), 5);
    const large = quickestOf(2, make(size));
    expect(large / small).toBeLessThan(12);
    expect(large).toBeLessThan(5000);
  }, 60_000);
});
