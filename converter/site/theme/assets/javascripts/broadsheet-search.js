// Broadsheet's search page over Pagefind bundles: loads the first bundle of search-bundles.json,
// merges the others (one per shard) with Pagefind's mergeIndex, and shows results with filters
// (publication, year, section, language) newest, oldest or best match first. Every string from the
// index reaches the page as text (textContent), never as HTML.
const PAGE_SIZE = 20;
const form = document.getElementById("bs-search");
const status = document.querySelector(".bs-search-status");
const list = document.querySelector(".bs-search-results");
const more = document.querySelector(".bs-search-more");
const older_ = document.querySelector(".bs-search-older");
const { strings, languages } = JSON.parse(document.getElementById("bs-search-strings").textContent);
let pagefind = null;
let current = { results: [], sequence: { groups: [] }, shown: 0, serial: 0 };

// The status line names the query it reports (data-query), so a reader's script or a test can tell
// the count of the search just asked for from that of the one before.
function say(text, query = "") { status.textContent = text; status.dataset.query = query; }

function count(n) { return n === 1 ? strings.one : strings.results.replace("{n}", n.toLocaleString()); }

// Pagefind keeps one index per page language: the page's own language is the first bundle's primary
// index, and every other (bundle, language) index is merged, so Chinese articles are searched in their
// own segmented index. A bundle's other-language index is merged by its full URL (Pagefind skips a
// merge whose path is the primary's).
//
// The bundles are one per period, newest first. Each merged index costs its metadata (~8 bytes per
// article) and, per query, a chunk of its word index (~25 kB, whatever the bundle's size), so a query
// loads only what it needs: the bundles of the year a filter names, else the newest bundles up to
// LOAD_PAGES articles, older ones (up to AUTO_PAGES in all) while a page of results is not full, and
// more when the reader asks for older issues (newest first, the order results are shown in by default).
const LOAD_PAGES = 1000;
const AUTO_PAGES = 2000;
const state = { bundles: [], loaded: new Set(), site: null, primary: "en", module: null, budget: LOAD_PAGES,
                instances: [] };  // the bundle of each Pagefind index, in the order Pagefind holds them

function isPeriod(bundle) { return /^\d{4}/.test(bundle.period || "") || bundle.period === "undated"; }

async function merge(bundle) {
  if (state.loaded.has(bundle)) return;
  state.loaded.add(bundle);
  const path = (rel) => new URL(rel, state.site).pathname;
  for (const language of bundle.languages || [state.primary]) {
    if (bundle === state.bundles[0] && language === state.primary) continue;
    const where = language === state.primary ? path(bundle.bundle) : new URL(bundle.bundle, state.site).href;
    state.instances.push(bundle);
    await state.module.mergeIndex(where, { baseUrl: path(bundle.root), language });
  }
}

// Load the newest bundles, up to `state.budget` articles (at least one); false when all were loaded.
async function loadNewest() {
  let pages = 0;
  for (const bundle of state.bundles) {
    if (pages && pages + (bundle.pages || 0) > state.budget) break;
    pages += bundle.pages || 0;
    await merge(bundle);
  }
  return !unsearched("");
}

async function loadOlder() {
  state.budget += LOAD_PAGES;
  return loadNewest();
}

// The bundles a year filter needs: its periods, and any bundle that is not a period's.
async function loadYear(year) {
  for (const bundle of state.bundles) {
    if (!isPeriod(bundle) || bundle.period.startsWith(year)) await merge(bundle);
  }
}

function unsearched(year) {
  return state.bundles.some((b) => !state.loaded.has(b) && (!year || !isPeriod(b) || b.period.startsWith(year)));
}

async function load() {
  const listUrl = new URL(form.dataset.bundles, location.href);
  const { bundles, filters } = await (await fetch(listUrl)).json();
  state.site = new URL(".", listUrl);
  state.bundles = bundles;
  const [first] = bundles;
  const pageLanguage = (document.documentElement.lang || "en").toLowerCase();
  const firstLanguages = first.languages || [];
  state.primary = firstLanguages.includes(pageLanguage) || !firstLanguages.length ? pageLanguage : firstLanguages[0];
  state.module = await import(new URL("pagefind.js", new URL(first.bundle, state.site)).href);
  // noWorker: the worker is a second copy of Pagefind's code to download; a search runs in a few ms
  await state.module.options({ basePath: new URL(first.bundle, state.site).pathname,
                               baseUrl: new URL(first.root, state.site).pathname, noWorker: true });
  state.instances = [first];
  await state.module.init();
  return { module: state.module, bundles, filters };
}

function label(name, value) { return name === "language" ? (languages[value] || value) : value; }

// The filters' values and counts come from the bundle list (written at build time): Pagefind's own
// filter index is loaded only when a filter is used.
function fillFilters(bundles, listed) {
  const available = listed || {};
  for (const bundle of listed ? [] : bundles) {
    for (const [name, values] of Object.entries(bundle.filters || {})) {
      available[name] = available[name] || {};
      for (const [value, n] of Object.entries(values)) available[name][value] = (available[name][value] || 0) + n;
    }
  }
  for (const select of form.querySelectorAll("select[data-filter]")) {
    const name = select.dataset.filter;
    const values = Object.keys(available[name] || {});
    values.sort((a, b) => (name === "year" ? b.localeCompare(a) : label(name, a).localeCompare(label(name, b))));
    for (const value of values) {
      const option = document.createElement("option");
      option.value = value;
      option.textContent = `${label(name, value)} (${available[name][value]})`;
      select.append(option);
    }
    select.closest("label").hidden = values.length === 0;
  }
}

function chosen() {
  const filters = {};
  for (const select of form.querySelectorAll("select[data-filter]")) {
    if (select.value) filters[select.dataset.filter] = select.value;
  }
  const order = form.elements.sort.value;
  const options = { filters };
  if (order !== "relevance") options.sort = { date: order === "oldest" ? "asc" : "desc" };
  return { query: form.elements.q.value.trim(), options };
}

// Material-free, safe rendering of Pagefind's excerpt: text, with its <mark> highlights kept as marks.
function excerpt(html) {
  const out = document.createElement("p");
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, "text/html");
  for (const node of parsed.body.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      out.append(mark);
    } else {
      out.append(document.createTextNode(node.textContent));
    }
  }
  return out;
}

function item(data) {
  const li = document.createElement("li");
  li.className = "bs-search-result";
  const link = document.createElement("a");
  link.href = data.url;
  link.textContent = data.meta.title || data.url;
  const line = document.createElement("div");
  line.className = "bs-search-meta";
  const time = document.createElement("time");
  time.textContent = data.meta.date || strings.undated;
  if (data.meta.date) time.dateTime = data.meta.date;
  line.append(time);
  if (data.meta.publication) line.append(document.createTextNode(` · ${data.meta.publication}`));
  li.append(link, line, excerpt(data.excerpt || ""));
  return li;
}

function dataOf(result) {
  result.bsData = result.bsData || result.data();
  return result.bsData;
}

// Results newest (or oldest) first. Pagefind ranks each index's results by date (a higher score comes
// first) but merges indexes by those ranks, which do not compare across indexes: the bundle's pagefind.js
// tags each result with its index instead (see search_periods.py). Bundles are periods that never
// overlap, so they are taken period by period, and the indexes of one period (one per language) are
// merged by the dates of their first results. Best-match order is Pagefind's own.
function ordered(results, sort) {
  if (!sort || !results.length || results[0].bsInstance === undefined) return { groups: [[results.slice()]], descending: true };
  const lists = new Map();
  for (const result of results) {
    const bundle = state.instances[result.bsInstance] || null;
    if (!lists.has(bundle)) lists.set(bundle, new Map());
    const byIndex = lists.get(bundle);
    if (!byIndex.has(result.bsInstance)) byIndex.set(result.bsInstance, []);
    byIndex.get(result.bsInstance).push(result);
  }
  const descending = sort.date !== "asc";
  const rank = (bundle) => (bundle ? state.bundles.indexOf(bundle) : -1);
  const bundles = [...lists.keys()].sort((a, b) => (descending ? rank(a) - rank(b) : rank(b) - rank(a)));
  const byRank = (list) => list.sort((a, b) => b.score - a.score);
  return { groups: bundles.map((bundle) => [...lists.get(bundle).values()].map(byRank)), descending };
}

async function take(sequence, n) {
  const out = [];
  while (out.length < n && sequence.groups.length) {
    const lists = sequence.groups[0].filter((list) => list.length);
    if (!lists.length) { sequence.groups.shift(); continue; }
    let best = lists[0];
    if (lists.length > 1) {
      let bestDate = null;
      for (const list of lists) {
        const date = (await dataOf(list[0])).meta.date || "";
        if (bestDate === null || (sequence.descending ? date > bestDate : date < bestDate)) { best = list; bestDate = date; }
      }
    }
    out.push(best.shift());
  }
  return out;
}

async function showMore(serial) {
  const page = await take(current.sequence, PAGE_SIZE);
  const items = await Promise.all(page.map(dataOf));
  if (serial !== current.serial) return;
  list.append(...items.map(item));
  current.shown += page.length;
  more.hidden = current.shown >= current.results.length;
}

// The oldest period searched so far, for the status line when older ones are left.
function searchedFrom() {
  let oldest = "";
  for (const bundle of state.bundles) {
    if (!state.loaded.has(bundle)) break;
    if (isPeriod(bundle) && bundle.period !== "undated") oldest = bundle.period;
  }
  return oldest;
}

async function run(older = false) {
  const serial = ++current.serial;
  const { query, options } = chosen();
  if (!query && Object.keys(options.filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    older_.hidden = true;
    say("");
    return;
  }
  const year = options.filters.year || "";
  if (year) await loadYear(year);
  else if (older) await loadOlder();
  else await loadNewest();
  let search = await pagefind.search(query || null, options);
  while (!year && search && search.results.length < PAGE_SIZE && unsearched("") && state.budget < AUTO_PAGES) {
    await loadOlder();  // a page of results not full yet: search older periods too
    search = await pagefind.search(query || null, options);
  }
  if (serial !== current.serial || !search) return;
  current = { results: search.results, sequence: ordered(search.results, options.sort), shown: 0, serial };
  list.replaceChildren();
  const left = unsearched(year);
  const found = search.results.length ? count(search.results.length) : strings.none;
  say(left && searchedFrom() ? `${found} ${strings.since.replace("{period}", searchedFrom())}` : found, query);
  older_.hidden = !left;
  await showMore(serial);
}

form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
form.addEventListener("change", () => run());
let typing = null;
form.elements.q.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(run, 250); });
more.addEventListener("click", () => showMore(current.serial));
older_.addEventListener("click", () => run(true));

try {
  const loaded = await load();
  pagefind = loaded.module;
  fillFilters(loaded.bundles, loaded.filters);
  say("");
  const asked = new URLSearchParams(location.search).get("q");
  if (asked) form.elements.q.value = asked;
  form.dataset.ready = "true";
  if (asked) await run();
} catch (error) {
  say(strings.failed);
  form.dataset.ready = "failed";
  console.error(error);
}
