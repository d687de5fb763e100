// The JSON Schema for article format v1 (public/schema/article-v1.json) against the
// bundled sample articles and a few documents the parser (crates/core/src/article/parse.rs) refuses or
// accepts. No browser is needed: these tests only run Ajv.
import { test, expect } from './fixtures.js';
import Ajv2020 from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const schemaUrl = new URL('../../public/schema/article-v1.json', import.meta.url);
const articlesUrl = new URL('../../public/articles/', import.meta.url);

const schema = JSON.parse(readFileSync(schemaUrl, 'utf8'));
// strict: the schema must use only known keywords and unambiguous types.
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validate = ajv.compile(schema);

/** Validates `doc`; returns Ajv's errors (empty when valid). */
function errorsOf(doc) {
  return validate(doc) ? [] : [...validate.errors];
}

function describeErrors(errors) {
  return errors
    .map((e) => `  ${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('\n');
}

/** A small valid article, with `extra` merged in at the top level. */
function article(extra = {}) {
  return {
    version: '1.0',
    headline: 'H',
    body: [{ type: 'text', markdown: 'x' }],
    ...extra,
  };
}

test.describe('sample articles match the schema', () => {
  const files = readdirSync(fileURLToPath(articlesUrl))
    .filter((name) => name.endsWith('.json') && name !== 'index.json')
    .sort();

  test('there are sample articles to check', () => {
    expect(files.length, 'no *.json files found in public/articles').toBeGreaterThanOrEqual(4);
    expect(files).toContain('iran-diplomat-defects-2011.json');
  });

  for (const name of files) {
    test(name, () => {
      const doc = JSON.parse(readFileSync(new URL(name, articlesUrl), 'utf8'));
      const errors = errorsOf(doc);
      expect(errors, `${name} does not match the schema:\n${describeErrors(errors)}`).toEqual([]);
    });
  }
});

test.describe('documents the parser refuses are invalid', () => {
  const { headline: _dropped, ...withoutHeadline } = article();
  const cases = [
    // [name, document, instancePath an error must point at]
    ['missing headline', withoutHeadline, ''],
    ['blank headline', article({ headline: '  \u00a0' }), '/headline'],
    ['body not an array', article({ body: {} }), '/body'],
    ['missing body', { version: '1.0', headline: 'H' }, ''],
    [
      'figure image src a number',
      article({
        body: [
          { type: 'text', markdown: 'a' },
          { type: 'text', markdown: 'b' },
          { type: 'text', markdown: 'c' },
          { type: 'figure', image: { src: 3 } },
        ],
      }),
      '/body/3/image/src',
    ],
    ['version 2.0', article({ version: '2.0' }), '/version'],
    ['version a number', article({ version: 1 }), '/version'],
    ['published "1 March 2011"', article({ published: '1 March 2011' }), '/published'],
    ['updated on a day that does not exist', article({ updated: '2023-02-29' }), '/updated'],
    ['tags a string', article({ tags: 'Iran' }), '/tags'],
    ['related link without url', article({ related: [{ title: 't' }] }), '/related/0'],
    ['block without type', article({ body: [{ markdown: 'x' }] }), '/body/0'],
    ['block not an object', article({ body: ['x'] }), '/body/0'],
    ['text block without markdown', article({ body: [{ type: 'text' }] }), '/body/0'],
    [
      'srcset width "640w"',
      article({
        lead: { image: { src: 'a.jpg', srcset: [{ src: 'b.jpg', width: '640w' }] } },
      }),
      '/lead/image/srcset/0/width',
    ],
    ['an array instead of an article', [1, 2], ''],
  ];

  for (const [name, doc, path] of cases) {
    test(name, () => {
      const errors = errorsOf(doc);
      expect(errors.length, `expected "${name}" to be rejected`).toBeGreaterThan(0);
      expect(
        errors.map((e) => e.instancePath),
        `no error points at "${path}":\n${describeErrors(errors)}`,
      ).toContain(path);
    });
  }
});

test.describe('documents the parser accepts are valid', () => {
  const cases = [
    ['an unknown block type', article({ body: [{ type: 'video', src: 'x.mp4' }] })],
    ['an unknown top-level field', article({ extra: { anything: [1, 2] } })],
    ['no version (read as 1.0)', { headline: 'H', body: [] }],
    ['a later 1.x version', article({ version: '1.7.2' })],
    [
      'null for every optional field',
      article({
        version: null, id: null, language: null, section: null, kicker: null, dek: null,
        byline: null, authors: null, source: null, published: null, updated: null,
        tags: null, lead: null, related: null, comments: null, corrections: null,
      }),
    ],
    [
      'heading levels outside 2–4 and no level',
      article({
        body: [
          { type: 'heading', text: 'Deep', level: 9 },
          { type: 'heading', text: 'Top', level: 0 },
          { type: 'heading', text: 'Default' },
        ],
      }),
    ],
    ['empty comments object', article({ comments: {} })],
    [
      'figure with only a caption',
      article({ body: [{ type: 'figure', image: null, caption: 'c', credit: 'AP' }] }),
    ],
    [
      'date-times in every accepted form',
      article({
        published: '2011-03-01T14:05:09.123+05:30',
        updated: ' 2024-02-29T23:59:60Z ',
        corrections: [{ date: '2011-03-01 14:05', text: 't' }],
      }),
    ],
    [
      'unknown fields inside known objects',
      article({
        source: { name: 'AP', syndicated: true, wire: 'AP-1' },
        lead: { type: 'anything', image: { src: 'a.jpg', focus: [0.5, 0.5] } },
      }),
    ],
  ];

  for (const [name, doc] of cases) {
    test(name, () => {
      const errors = errorsOf(doc);
      expect(errors, `expected "${name}" to be valid:\n${describeErrors(errors)}`).toEqual([]);
    });
  }
});
