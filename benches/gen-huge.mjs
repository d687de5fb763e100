// Generates the benchmark's huge article: about 1 MB of Markdown in a few thousand
// body blocks, with hundreds of figures, inside the limits the viewer enforces
// (response ≤ 5 MiB, ≤ 5000 body blocks, ≤ 5000 cells per table). Deterministic:
// the same seed always gives the same bytes. Figures reuse the sample images in
// dist/images (their real sizes), relative to the article as ../images/….
//
//   node benches/gen-huge.mjs [OUT.json] [--seed N] [--markdown-bytes N]
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const IMAGES = [
  { name: 'lighthouse-dusk', width: 1280, height: 853, alt: 'A red and white lighthouse on a dark headland at sunset.' },
  { name: 'harbour-boats', width: 1280, height: 720, alt: 'Fishing boats moored below a row of painted houses.' },
  { name: 'lamp-lens', width: 1280, height: 1600, alt: 'Concentric rings of amber glass around a bright lamp.' },
];

const WORDS = (
  'the a of to and in that for on with as by at from its was were said would could has have had ' +
  'harbour council night paper desk editor reporter page press deadline story fire vote town river ' +
  'bridge station market winter summer morning evening light road school hospital budget plan report ' +
  'committee members residents volunteers officials minister agency court police weather storm tide ' +
  'keeper lamp lens tower boats quay street square museum library archive letter photograph caption ' +
  'early late quiet busy long short old new small large local regional national public private ' +
  'final first second third several many few every whole half quarter after before during until ' +
  'because although while since when where which who whose whom however meanwhile instead still'
).split(' ');
const NAMES = ['Ailsa Penrose', 'Des Halloran', 'Jean Rudd', 'Finn Okafor', 'Tom Rudd', 'Morag Ellison', 'Priya Shah', 'Owen Price'];

export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateHuge({ seed = 7, markdownBytes = 1_000_000 } = {}) {
  const rnd = mulberry32(seed);
  const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const word = () => pick(WORDS);
  const sentence = () => {
    const n = int(8, 26);
    const ws = Array.from({ length: n }, word);
    ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
    // A little inline Markdown, as in real copy.
    const r = rnd();
    if (r < 0.08) ws[int(1, n - 1)] = `*${word()} ${word()}*`;
    else if (r < 0.12) ws[int(1, n - 1)] = `**${word()}**`;
    else if (r < 0.16) ws[int(1, n - 1)] = `[${word()} ${word()}](https://example.org/${word()}/${int(1, 999)})`;
    else if (r < 0.18) ws[int(1, n - 1)] = `\`${word()}\``;
    if (rnd() < 0.1) return `“${ws.join(' ')},” said ${pick(NAMES)}.`;
    return ws.join(' ') + '.';
  };
  const paragraph = () => Array.from({ length: int(3, 7) }, sentence).join(' ');

  const body = [];
  let mdBytes = 0;
  let figures = 0;
  let section = 0;
  let note = 0;
  const enc = new TextEncoder();
  const addText = (markdown) => {
    body.push({ type: 'text', markdown });
    mdBytes += enc.encode(markdown).length;
  };
  while (mdBytes < markdownBytes) {
    const r = rnd();
    if (body.length % 12 === 0) {
      section++;
      body.push({ type: 'heading', text: `Part ${section}: ${word()} ${word()} ${word()}`, level: 2 });
    } else if (r < 0.25) {
      const img = pick(IMAGES);
      figures++;
      body.push({
        type: 'figure',
        image: {
          src: `../images/${img.name}-1280.jpg`,
          alt: img.alt,
          width: img.width,
          height: img.height,
          srcset: [
            { src: `../images/${img.name}-640.jpg`, width: 640 },
            { src: `../images/${img.name}-1280.jpg`, width: 1280 },
          ],
        },
        caption: `Figure ${figures}. ${sentence()}`,
        credit: 'Illustration: Broadsheet sample art',
      });
    } else if (r < 0.29) {
      body.push({ type: 'quote', text: sentence(), cite: pick(NAMES) });
    } else if (r < 0.32) {
      const items = Array.from({ length: int(3, 6) }, () => `- ${sentence()}`).join('\n');
      addText(`${paragraph()}\n\n${items}`);
    } else if (r < 0.335) {
      const rows = int(4, 12);
      const head = '| Item | Count | Share | Note |\n| :-- | --: | --: | :-- |';
      const lines = Array.from(
        { length: rows },
        () => `| ${word()} ${word()} | ${int(1, 9999)} | ${int(0, 100)} % | ${word()} |`,
      );
      addText(`${paragraph()}\n\n${head}\n${lines.join('\n')}`);
    } else if (r < 0.35) {
      note++;
      addText(`${paragraph()} ${sentence()}[^n${note}]\n\n[^n${note}]: ${sentence()}`);
    } else {
      addText(Array.from({ length: int(1, 3) }, paragraph).join('\n\n'));
    }
  }
  return {
    version: '1.0',
    id: 'bench-huge',
    language: 'en',
    section: 'Benchmark',
    headline: 'The whole archive: a generated article for measuring the viewer at scale',
    dek: `About ${Math.round(mdBytes / 1000)} kB of Markdown in ${body.length} blocks with ${figures} figures, generated from seed ${seed}.`,
    byline: 'By the Benchmark Desk',
    published: '2024-01-01',
    tags: ['Benchmark'],
    lead: {
      image: {
        src: '../images/lighthouse-dusk-1280.jpg',
        alt: IMAGES[0].alt,
        width: 1280,
        height: 853,
        srcset: [
          { src: '../images/lighthouse-dusk-640.jpg', width: 640 },
          { src: '../images/lighthouse-dusk-1280.jpg', width: 1280 },
        ],
      },
      caption: 'The lead picture.',
      credit: 'Illustration: Broadsheet sample art',
    },
    body,
    stats: { markdownBytes: mdBytes, blocks: body.length, figures, seed },
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const opt = (name, dflt) => {
    const i = args.indexOf(name);
    if (i < 0) return dflt;
    const v = args[i + 1];
    args.splice(i, 2);
    return Number(v);
  };
  const seed = opt('--seed', 7);
  const markdownBytes = opt('--markdown-bytes', 1_000_000);
  const out = resolve(args[0] ?? 'target/bench/huge.json');
  const article = generateHuge({ seed, markdownBytes });
  const json = JSON.stringify(article);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.log(`${out}: ${json.length} bytes, ${JSON.stringify(article.stats)}`);
}
