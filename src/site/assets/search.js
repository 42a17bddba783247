// The search page, on Pagefind's JavaScript API rather than its prebuilt UI: the first query loads
// the script, the WebAssembly, each part's metadata and the index chunks it needs, and nothing
// else. The filters (their values and counts) load only when a reader opens them. The query and
// the order live in the address (?q=…&sort=desc|asc), so a search can be linked and reloaded.
// Everything a capture wrote (titles, names, sites, excerpts) is put in the page as text.
const bundle = new URL('../pagefind/', import.meta.url).pathname;
const form = document.getElementById('search-form');
const input = document.getElementById('search-input');
const order = document.getElementById('search-sort');
const filtersBox = document.getElementById('search-filters');
const groups = document.getElementById('search-filter-groups');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');

// Five results a page, as Pagefind's own UI: each result loads its fragment.
const PAGE = 5;
const FILTERS = [
  ['topic', 'Topic'],
  ['person', 'Person'],
  ['place', 'Place'],
  ['organisation', 'Organisation'],
  ['site', 'Site'],
  ['year', 'Year'],
];

const params = new URLSearchParams(location.search);
input.value = params.get('q') ?? '';
order.value = params.get('sort') ?? '';

const pagefind = await import(`${bundle}pagefind.js`);
// Search runs on the page's thread: the worker script would be one more download on the first query.
await pagefind.options({ highlightParam: 'highlight', excerptLength: 30, noWorker: true });
// A large archive is indexed in parts (see src/search/index.ts): they are merged into one search.
const parts = await fetch(`${bundle}clippings-parts.json`).then((r) => (r.ok ? r.json() : []), () => []);
for (const part of parts) await pagefind.mergeIndex(`${bundle}${part}`);

// The date orders are worked out here, not by Pagefind: with merged parts, Pagefind 1.5 puts the
// results in order of relevance whatever sort it was given. Each part lists its pages' dates
// (clippings-dates.json: { "<published>": ["<page id>", …] }, written by src/search/dates.ts),
// loaded the first time a reader asks for a date order.
const SHARED = Symbol('an id two parts give to pages of different dates');
let dates;
function loadDates() {
  dates ??= Promise.all(['', ...parts].map((part) => fetch(`${bundle}${part}clippings-dates.json`).then((r) => {
    if (!r.ok) throw new Error(`${r.status} ${r.url}`);
    return r.json();
  }))).then((lists) => {
    const byId = new Map();
    for (const list of lists) for (const [date, ids] of Object.entries(list)) for (const id of ids) byId.set(id, byId.has(id) && byId.get(id) !== date ? SHARED : date);
    return byId;
  });
  dates.catch(() => (dates = undefined)); // a failed load is tried again by the next search
  return dates;
}

/**
 * The results newest (`desc`) or oldest (`asc`) first; articles of the same date in order of
 * relevance, undated articles after the dated. Page ids are Pagefind's short hashes, so two parts
 * may give one id to two pages: such a result is dated from its own fragment.
 */
async function byDate(found, direction) {
  const byId = await loadDates();
  const keyed = await Promise.all(found.map(async (result) => {
    const date = byId.get(result.id);
    return { result, date: date === SHARED ? (await result.data()).meta.published : date };
  }));
  const sign = direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => (a.date === undefined) - (b.date === undefined) || (a.date === b.date ? 0 : a.date < b.date ? -sign : sign));
  return keyed.map((k) => k.result);
}

/** Filter values are stored with the characters that matter as references (see src/site/render/pagefind.ts): shown as the characters. */
const shown = (value) => value.replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)));
const entity = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
const decode = (text) => text.replace(/&(?:#(\d+)|#x([0-9a-f]+)|(\w+));/gi, (m, dec, hex, name) => (dec ? String.fromCodePoint(Number(dec)) : hex ? String.fromCodePoint(parseInt(hex, 16)) : (entity[name.toLowerCase()] ?? m)));

/** Pagefind's excerpt is escaped text with <mark> around the terms: the marks are made, the rest is text. */
function excerpt(html) {
  const p = document.createElement('p');
  p.className = 'search-result-excerpt';
  html.split(/(<mark>|<\/mark>)/).reduce((inMark, piece) => {
    if (piece === '<mark>') return true;
    if (piece === '</mark>') return false;
    const text = document.createTextNode(decode(piece.replace(/<[^>]*>/g, '')));
    if (inMark) p.appendChild(document.createElement('mark')).appendChild(text);
    else p.appendChild(text);
    return inMark;
  }, false);
  return p;
}

function resultItem(data) {
  const li = document.createElement('li');
  li.className = 'search-result';
  const link = li.appendChild(document.createElement('a'));
  link.className = 'search-result-link';
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  const facts = [data.meta.date, data.meta.site].filter(Boolean).join(' · ');
  if (facts) {
    const meta = li.appendChild(document.createElement('p'));
    meta.className = 'search-result-meta';
    meta.textContent = facts;
  }
  li.appendChild(excerpt(data.excerpt ?? ''));
  return li;
}

function selected() {
  const out = {};
  for (const box of groups.querySelectorAll('input[type=checkbox]:checked')) (out[box.name] ??= []).push(box.value);
  return Object.fromEntries(Object.entries(out).map(([key, values]) => [key, values.length === 1 ? values[0] : { any: values }]));
}

let results = [];
let next = 0;
let latest = 0;
let counts = {};

async function showMore() {
  const batch = results.slice(next, next + PAGE);
  next += batch.length;
  const data = await Promise.all(batch.map((r) => r.data()));
  list.append(...data.map(resultItem));
  more.hidden = next >= results.length;
}

async function run() {
  const run = ++latest;
  const term = input.value.trim();
  const filters = selected();
  if (!term && Object.keys(filters).length === 0) {
    list.replaceChildren();
    status.textContent = '';
    more.hidden = true;
    return;
  }
  status.textContent = 'Searching…';
  const found = await pagefind.search(term || null, { filters });
  if (run !== latest) return; // a newer query has started
  let note = '';
  let ordered = found.results;
  try {
    if (order.value) ordered = await byDate(found.results, order.value);
  } catch {
    note = ' The dates could not be loaded: they are in order of relevance.';
  }
  if (run !== latest) return;
  results = ordered;
  next = 0;
  list.replaceChildren();
  counts = found.filters ?? {};
  updateCounts();
  await showMore();
  if (run !== latest) return;
  const n = results.length;
  status.textContent = (n === 0 ? `No article matches “${term}”.` : `${n} article${n === 1 ? '' : 's'}${term ? ` for “${term}”` : ''}.`) + note;
}

function remember() {
  if (input.value) params.set('q', input.value);
  else params.delete('q');
  if (order.value) params.set('sort', order.value);
  else params.delete('sort');
  history.replaceState(null, '', `?${params}`);
}

let timer;
input.addEventListener('input', () => {
  remember();
  clearTimeout(timer);
  timer = setTimeout(run, 250);
});
order.addEventListener('change', () => {
  remember();
  void run();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  remember();
  void run();
});
more.addEventListener('click', () => void showMore());

// The filters: loaded the first time they are opened.
let loaded = false;
filtersBox.addEventListener('toggle', async () => {
  if (!filtersBox.open || loaded) return;
  loaded = true;
  const all = await pagefind.filters();
  for (const [key, label] of FILTERS) {
    const values = Object.entries(all[key] ?? {});
    if (values.length === 0) continue;
    values.sort(key === 'year' ? (a, b) => (a[0] < b[0] ? 1 : -1) : (a, b) => b[1] - a[1] || shown(a[0]).localeCompare(shown(b[0])));
    const group = groups.appendChild(document.createElement('details'));
    group.className = 'filter-group';
    group.appendChild(document.createElement('summary')).textContent = label;
    const ul = group.appendChild(document.createElement('ul'));
    values.forEach(([value, n], i) => {
      const li = ul.appendChild(document.createElement('li'));
      const box = li.appendChild(document.createElement('input'));
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.id = `filter-${key}-${i}`;
      box.addEventListener('change', () => void run());
      const text = li.appendChild(document.createElement('label'));
      text.htmlFor = box.id;
      text.dataset.name = shown(value);
      text.textContent = `${shown(value)} (${n})`;
    });
  }
  // Pagefind counts the results by filter only once it has the filters: ask again.
  if (input.value.trim()) await run();
});

/** With results shown, each filter value counts the results it would leave. */
function updateCounts() {
  if (!input.value.trim()) return;
  for (const box of groups.querySelectorAll('input[type=checkbox]')) {
    const label = box.nextElementSibling;
    label.textContent = `${label.dataset.name} (${counts[box.name]?.[box.value] ?? 0})`;
  }
}

if (input.value) void run();
else input.focus();
