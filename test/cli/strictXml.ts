// A strict XML 1.0 reader for the JUnit report's tests: it throws on anything a conforming
// parser rejects that Podline's output could contain (a character XML does not allow, a bare
// `&` or `<`, an unknown entity, a duplicate attribute, tags that do not nest, more than one
// root, `]]>` in text) and gives back the element tree with references decoded.

export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  /** The element's own text, references decoded. */
  text: string;
}

function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

const name = /^[A-Za-z_:][-A-Za-z0-9._:]*/;

export function parseXml(source: string): XmlElement {
  // Every character, walked by code point: a lone surrogate is its own code point here.
  for (let i = 0; i < source.length; i++) {
    const code = source.codePointAt(i) ?? 0;
    if (!isXmlChar(code)) throw new Error(`character U+${code.toString(16)} is not allowed at ${i}`);
    if (code > 0xffff) i++;
  }
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`${what} at ${at}: ${JSON.stringify(source.slice(at, at + 40))}`);
  };
  const skipSpace = (): void => {
    while (at < source.length && /[ \t\r\n]/.test(source[at] ?? '')) at++;
  };
  const decode = (text: string): string =>
    text.replace(/&([^;]*);?/g, (whole, body: string) => {
      if (!whole.endsWith(';')) return fail('an & that starts no reference');
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (body in named) return named[body] as string;
      const match = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(body);
      if (!match) return fail(`unknown entity &${body};`);
      const code = match[1] !== undefined ? parseInt(match[1], 16) : Number(match[2]);
      if (!isXmlChar(code)) return fail(`reference to a character XML does not allow (${code})`);
      return String.fromCodePoint(code);
    });
  const skipMisc = (): void => {
    for (;;) {
      skipSpace();
      if (source.startsWith('<!--', at)) {
        const end = source.indexOf('-->', at + 4);
        if (end === -1) fail('an unclosed comment');
        at = end + 3;
      } else return;
    }
  };

  if (source.startsWith('<?xml', at)) {
    const end = source.indexOf('?>', at);
    if (end === -1) fail('an unclosed XML declaration');
    if (!/^<\?xml version="1\.0"( encoding="UTF-8")?\s*\?>$/.test(source.slice(at, end + 2)))
      fail('a malformed XML declaration');
    at = end + 2;
  }
  skipMisc();

  const element = (): XmlElement => {
    if (source[at] !== '<') fail('expected an element');
    at++;
    const tag = name.exec(source.slice(at, at + 200))?.[0] ?? fail('expected an element name');
    at += tag.length;
    const attributes: Record<string, string> = {};
    for (;;) {
      const before = at;
      skipSpace();
      if (source.startsWith('/>', at)) {
        at += 2;
        return { name: tag, attributes, children: [], text: '' };
      }
      if (source[at] === '>') {
        at++;
        break;
      }
      if (at === before) fail('expected a space before an attribute');
      const attribute = name.exec(source.slice(at, at + 200))?.[0] ?? fail('expected an attribute name');
      at += attribute.length;
      if (source[at] !== '=' || source[at + 1] !== '"') fail('expected ="');
      at += 2;
      const end = source.indexOf('"', at);
      if (end === -1) fail('an unclosed attribute value');
      const raw = source.slice(at, end);
      if (raw.includes('<')) fail('a < in an attribute value');
      if (attribute in attributes) fail(`a second ${attribute} attribute`);
      // Attribute-value normalisation: a literal tab or line break reads as a space.
      attributes[attribute] = decode(raw.replace(/\r\n|[\t\n\r]/g, ' '));
      at = end + 1;
    }
    const result: XmlElement = { name: tag, attributes, children: [], text: '' };
    for (;;) {
      const next = source.indexOf('<', at);
      if (next === -1) fail(`an unclosed <${tag}>`);
      const text = source.slice(at, next);
      if (text.includes(']]>')) fail(']]> in text');
      result.text += decode(text);
      at = next;
      if (source.startsWith('</', at)) {
        const close = `</${tag}>`;
        if (!source.startsWith(close, at)) fail(`expected ${close}`);
        at += close.length;
        return result;
      }
      if (source.startsWith('<!--', at)) {
        skipMisc();
        continue;
      }
      result.children.push(element());
    }
  };

  const root = element();
  skipMisc();
  if (at !== source.length) fail('content after the root element');
  return root;
}
