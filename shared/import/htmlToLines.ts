// An HTML page as SourceLines: one line per block (paragraph, heading, list item, table cell),
// bullets for <ul> items nested by depth, bold, italics and links kept as marks, and the classes
// Minute Book's own page export puts on the source and agenda text. A small tokenizer rather than a
// DOM, because shared/ runs where there is none; each search is remembered so that no input makes
// it rescan, and it runs in linear time. A page saved from a browser ("Web page, complete" or "HTML
// only") has the site around the minutes: its navigation, banner, cookie notice, breadcrumbs and
// footer are left out, and when the page marks its main content (<main>, role="main") only that is read.
import { keyOf, makeLine, mostMarksPerLine, sliceLine, type InlineMark, type LineHint, type SourceLine } from './lines.js';

const blockTags = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer',
  'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'html', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);
/** Elements whose content is never text of the page. */
const hiddenTags = new Set(['head', 'script', 'style', 'noscript', 'template', 'svg', 'title']);

const namedEntities: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', ndash: '–',
  mdash: '—', hellip: '…', pound: '£', euro: '€', middot: '·', bull: '•', copy: '©', reg: '®', deg: '°', frac12: '½', eacute: 'é',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#\d{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,7});/gi, (entity, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : Number(body.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    }
    return namedEntities[body.toLowerCase()] ?? entity;
  });
}

const attributePatterns = {
  class: /\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i,
  href: /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i,
  id: /\bid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i,
  role: /\brole\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i,
};

const attribute = (attributes: string, name: keyof typeof attributePatterns): string | null => {
  const match = attributePatterns[name].exec(attributes);
  return match === null ? null : decodeEntities(match[1] ?? match[2] ?? match[3] ?? '');
};

interface OpenMark {
  type: InlineMark['type'];
  from: number;
  href: string;
}

interface ListLevel {
  ordered: boolean;
  /** <ol class="parts">: Minute Book's resolution parts, which print their own labels. */
  labelled: boolean;
  count: number;
}

class HtmlLines {
  readonly lines: SourceLine[] = [];
  // The line's text is kept as pieces and joined when the line ends: reading a string built by a
  // million concatenations would flatten it each time.
  private pieces: string[] = [];
  private length = 0;
  private endsWithSpace = false;
  private marks: InlineMark[] = [];
  private open: OpenMark[] = [];
  private firstLine = 0;
  private heading = 0;
  private quotes = 0;
  private hint: LineHint | null = null;
  private readonly lists: ListLevel[] = [];
  /** How many of `lists` are bullet lists, kept as they open and close: counting them at each <li> is quadratic in unclosed lists. */
  private bulletLists = 0;
  /** The bullet or number the next line starts with, set by <li> and used by its first line. */
  private pending: { bullet: string | null; label: string; indent: number } | null = null;

  addText(raw: string, line: number): void {
    const decoded = raw.includes('&') ? decodeEntities(raw) : raw;
    // HTML runs spaces and line breaks together; most text has nothing to collapse, and is left as it is.
    let text = /[\t\r\n\f]| {2}/.test(decoded) ? decoded.replace(/[ \t\r\n\f]+/g, ' ') : decoded;
    if (this.length === 0 || this.endsWithSpace) text = text.replace(/^ /, '');
    if (text === '') return;
    if (this.length === 0) {
      this.firstLine = line;
      const label = this.pending?.label ?? '';
      if (label !== '' && !/^\(?\w{1,3}[.)]\s/.test(keyOf(text))) this.add(label);
    }
    this.add(text);
  }

  private add(text: string): void {
    this.pieces.push(text);
    this.length += text.length;
    this.endsWithSpace = text.endsWith(' ');
  }

  flush(): void {
    const open = this.open;
    this.open = [];
    for (const mark of open) this.closeMark(mark);
    const line = sliceLine(
      makeLine({
        index: this.lines.length,
        line: this.firstLine,
        text: this.pieces.join(''),
        marks: this.marks,
        heading: this.heading,
        quote: this.quotes > 0,
        hint: this.hint,
        bullet: this.pending?.bullet ?? null,
        indent: this.pending?.indent ?? 0,
      }),
      0,
    );
    this.pieces = [];
    this.length = 0;
    this.endsWithSpace = false;
    this.marks = [];
    // Marks still open carry on into the next line.
    this.open = open.map((mark) => ({ ...mark, from: 0 }));
    if (line.text === '') return;
    this.lines.push(line);
    this.pending = null;
  }

  private closeMark(mark: OpenMark): void {
    if (this.length > mark.from && this.marks.length < mostMarksPerLine) this.marks.push({ type: mark.type, from: mark.from, to: this.length, href: mark.href });
  }

  openTag(name: string, attributes: string): void {
    if (blockTags.has(name)) this.flush();
    const className = name === 'p' || name === 'ol' ? (attribute(attributes, 'class') ?? '') : '';
    if (/^h[1-6]$/.test(name)) this.heading = Number(name[1]);
    else if (name === 'p') this.hint = /\bsource\b/.test(className) ? 'source' : /\bagenda-text\b/.test(className) ? 'agenda-text' : null;
    else if (name === 'blockquote') this.quotes++;
    else if (name === 'ul' || name === 'ol') {
      this.lists.push({ ordered: name === 'ol', labelled: /\bparts\b/.test(className), count: 0 });
      if (name === 'ul') this.bulletLists++;
    }
    else if (name === 'li') this.startListItem();
    else if (name === 'strong' || name === 'b') this.openMark('strong', '');
    else if (name === 'em' || name === 'i') this.openMark('em', '');
    else if (name === 'a') {
      const href = attribute(attributes, 'href');
      if (href !== null) this.openMark('link', href);
    }
    // A block inside an ordered item (the page's <li><article>…) means the item is not a numbered line.
    if (blockTags.has(name) && name !== 'li' && this.pending?.bullet === null) this.pending = null;
  }

  /** Bold inside bold adds nothing; keeping one mark of each kind open keeps closing tags cheap on any input. */
  private openMark(type: OpenMark['type'], href: string): void {
    if (!this.open.some((mark) => mark.type === type)) this.open.push({ type, from: this.length, href });
  }

  private startListItem(): void {
    const level = this.lists.at(-1);
    if (level === undefined) return;
    if (!level.ordered) this.pending = { bullet: '·', label: '', indent: 2 * Math.max(0, this.bulletLists - 1) };
    else {
      level.count++;
      this.pending = { bullet: null, label: level.labelled ? '' : `${level.count}. `, indent: 0 };
    }
  }

  closeTag(name: string): void {
    if (blockTags.has(name)) this.flush();
    if (/^h[1-6]$/.test(name)) this.heading = 0;
    else if (name === 'p') this.hint = null;
    else if (name === 'blockquote') this.quotes = Math.max(0, this.quotes - 1);
    else if (name === 'ul' || name === 'ol') {
      if (this.lists.pop()?.ordered === false) this.bulletLists--;
    }
    else if (name === 'li') this.pending = null;
    else if (name === 'strong' || name === 'b' || name === 'em' || name === 'i' || name === 'a') {
      const type = name === 'a' ? 'link' : name === 'em' || name === 'i' ? 'em' : 'strong';
      const at = this.open.findIndex((mark) => mark.type === type);
      if (at >= 0) {
        this.closeMark(this.open[at] as OpenMark);
        this.open.splice(at, 1);
      }
    }
  }
}

/** Whether the content is an HTML document rather than text that mentions a tag. */
export function looksLikeHtml(content: string): boolean {
  const start = content.trimStart().slice(0, 2000).toLowerCase();
  return start.startsWith('<') && /<(?:!doctype html|html|body|p|div|h[1-6]|table)\b/.test(start);
}

/** A letter, "/", "!" or "?" after "<" opens a tag (or comment, doctype); anything else leaves the "<" as text. */
function opensTag(code: number): boolean {
  const letter = code | 0x20;
  return (letter >= 0x61 && letter <= 0x7a) || code === 0x2f || code === 0x21 || code === 0x3f;
}

/** Elements that are the site, not the page's content (the HTML Standard's sectioning of a page). */
const chromeTags = new Set(['nav', 'aside']);
/** header and footer are the site's banner and footer only outside the content (WAI-ARIA's banner and contentinfo rule). */
const contentTags = new Set(['main', 'article']);
/** ARIA landmarks and widgets that are never the minutes. */
const chromeRoles = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary', 'dialog', 'alertdialog']);
/** Class and id names the common site templates give their cookie notices, breadcrumbs and skip links. */
const chromeNames = /cookie|consent|gdpr|breadcrumb|skip-?(?:link|to)|^ccc$/i;

/** An element whose content the reader does not see, and how deep elements of its name are nested in it. */
interface Skipped {
  name: string;
  depth: number;
}

/**
 * Elements that always have a closing tag, so a notice marked by its class or id ends where it
 * closes (a <p> or <li> may be closed by the next one, an <input> never is).
 */
const chromeContainers = new Set(['a', 'aside', 'details', 'dialog', 'div', 'footer', 'form', 'header', 'nav', 'ol', 'section', 'span', 'ul']);

function isChrome(name: string, attributes: string, inContent: boolean): boolean {
  if (chromeTags.has(name) || ((name === 'header' || name === 'footer') && !inContent)) return true;
  if (attributes === '' || !chromeContainers.has(name)) return false;
  const role = attribute(attributes, 'role');
  if (role !== null && chromeRoles.has(role.trim().toLowerCase())) return true;
  return chromeNames.test(attribute(attributes, 'id') ?? '') || chromeNames.test(attribute(attributes, 'class') ?? '');
}

const isMain = (name: string, attributes: string): boolean => name === 'main' || (attributes !== '' && attribute(attributes, 'role')?.trim().toLowerCase() === 'main');

/** The page as lines, without the site's chrome (see the file's opening). */
export function htmlToLines(html: string): SourceLine[] {
  const lower = html.toLowerCase();
  const reader = new HtmlLines();
  // A page that marks its main content is read only there.
  const marksMain = /<main\b|\brole\s*=\s*["']?main\b/.test(lower);
  let main: Skipped | null = null;
  let chrome: Skipped | null = null;
  let contentDepth = 0;
  const hidden = (): boolean => chrome !== null || (marksMain && main === null);
  /** Counts an element opening or closing in the skipped (or main) element; true when it closed that element. */
  const closes = (region: Skipped, name: string, opening: boolean): boolean => {
    if (name !== region.name) return false;
    region.depth += opening ? 1 : -1;
    return region.depth === 0;
  };
  let lineNumber = 1;
  let counted = 0;
  const lineAt = (position: number): number => {
    for (; counted < position; counted++) if (html.charCodeAt(counted) === 10) lineNumber++;
    return lineNumber;
  };
  let tagEnd = -2;
  const nextTagEnd = (from: number): number => {
    if (tagEnd !== -1 && tagEnd < from) tagEnd = html.indexOf('>', from);
    return tagEnd;
  };
  const missingClose = new Set<string>();
  // `position` is where text not yet given to the reader starts; `scan` is where the next "<" is looked for.
  let position = 0;
  let scan = 0;
  while (scan < html.length) {
    const lt = html.indexOf('<', scan);
    if (lt < 0) break;
    const gt = opensTag(html.charCodeAt(lt + 1)) ? nextTagEnd(lt) : -1;
    if (gt < 0) {
      // A "<" that opens no tag is text, and stays in the run of text around it.
      scan = lt + 1;
      continue;
    }
    if (lt > position && !hidden()) reader.addText(html.slice(position, lt), lineAt(position));
    position = gt + 1;
    const name = /^<\/?([a-z][a-z0-9]*)/i.exec(html.slice(lt, lt + 12))?.[1]?.toLowerCase();
    const closing = html[lt + 1] === '/';
    const selfClosing = html[gt - 1] === '/';
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      position = end < 0 ? html.length : end + 3;
    } else if (name === undefined) {
      // A doctype or processing instruction: nothing of the page's text.
    } else if (!closing && hiddenTags.has(name)) {
      const close = missingClose.has(name) ? -1 : lower.indexOf(`</${name}`, position);
      if (close < 0) missingClose.add(name);
      const closeEnd = close < 0 ? -1 : nextTagEnd(close);
      position = closeEnd < 0 ? html.length : closeEnd + 1;
    } else if (chrome !== null) {
      if (!selfClosing && closes(chrome, name, !closing)) chrome = null;
    } else if (closing) {
      if (contentTags.has(name)) contentDepth = Math.max(0, contentDepth - 1);
      if (main !== null && closes(main, name, false)) {
        reader.closeTag(name);
        main = null;
      } else if (!hidden()) reader.closeTag(name);
    } else if (!selfClosing && isChrome(name, html.slice(lt + 1 + name.length, gt), contentDepth > 0)) {
      chrome = { name, depth: 1 };
    } else if (marksMain && main === null && !isMain(name, html.slice(lt + 1 + name.length, gt))) {
      if (contentTags.has(name)) contentDepth++;
    } else {
      if (main === null && marksMain) main = { name, depth: 0 };
      if (main !== null) closes(main, name, true);
      if (contentTags.has(name)) contentDepth++;
      reader.openTag(name, html.slice(lt + 1 + name.length, gt));
    }
    scan = position;
  }
  if (position < html.length && !hidden()) reader.addText(html.slice(position), lineAt(position));
  reader.flush();
  return reader.lines;
}
