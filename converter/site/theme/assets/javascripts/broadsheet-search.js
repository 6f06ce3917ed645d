// Broadsheet's search page over Pagefind bundles: loads the first bundle of search-bundles.json,
// merges the others (one per shard) with Pagefind's mergeIndex, and shows results with filters
// (publication, year, section, language) newest, oldest or best match first. Every string from the
// index reaches the page as text (textContent), never as HTML.
const PAGE_SIZE = 20;
const form = document.getElementById("bs-search");
const status = document.querySelector(".bs-search-status");
const list = document.querySelector(".bs-search-results");
const more = document.querySelector(".bs-search-more");
const { strings, languages } = JSON.parse(document.getElementById("bs-search-strings").textContent);
let pagefind = null;
let current = { results: [], shown: 0, serial: 0 };

// The status line names the query it reports (data-query), so a reader's script or a test can tell
// the count of the search just asked for from that of the one before.
function say(text, query = "") { status.textContent = text; status.dataset.query = query; }

function count(n) { return n === 1 ? strings.one : strings.results.replace("{n}", n.toLocaleString()); }

// Pagefind keeps one index per page language: the page's own language is the first bundle's primary
// index, and every other (bundle, language) index is merged, so Chinese articles are searched in their
// own segmented index. A bundle's other-language index is merged by its full URL (Pagefind skips a
// merge whose path is the primary's).
async function load() {
  const listUrl = new URL(form.dataset.bundles, location.href);
  const { bundles } = await (await fetch(listUrl)).json();
  const site = new URL(".", listUrl);
  const path = (rel) => new URL(rel, site).pathname;
  const [first] = bundles;
  const pageLanguage = (document.documentElement.lang || "en").toLowerCase();
  const firstLanguages = first.languages || [];
  const primary = firstLanguages.includes(pageLanguage) || !firstLanguages.length ? pageLanguage : firstLanguages[0];
  const module = await import(new URL("pagefind.js", new URL(first.bundle, site)).href);
  // noWorker: the worker is a second copy of Pagefind's code to download; a search runs in a few ms
  await module.options({ basePath: path(first.bundle), baseUrl: path(first.root), noWorker: true });
  for (const bundle of bundles) {
    for (const language of bundle.languages || [primary]) {
      if (bundle === first && language === primary) continue;
      const where = language === primary ? path(bundle.bundle) : new URL(bundle.bundle, site).href;
      await module.mergeIndex(where, { baseUrl: path(bundle.root), language });
    }
  }
  await module.init();
  return { module, bundles };
}

function label(name, value) { return name === "language" ? (languages[value] || value) : value; }

// The filters' values and counts come from the bundle list (written at build time): Pagefind's own
// filter index is loaded only when a filter is used.
function fillFilters(bundles) {
  const available = {};
  for (const bundle of bundles) {
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

async function showMore(serial) {
  const page = current.results.slice(current.shown, current.shown + PAGE_SIZE);
  const items = await Promise.all(page.map((r) => r.data()));
  if (serial !== current.serial) return;
  list.append(...items.map(item));
  current.shown += page.length;
  more.hidden = current.shown >= current.results.length;
}

async function run() {
  const serial = ++current.serial;
  const { query, options } = chosen();
  if (!query && Object.keys(options.filters).length === 0) {
    list.replaceChildren();
    more.hidden = true;
    say("");
    return;
  }
  const search = await pagefind.search(query || null, options);
  if (serial !== current.serial || !search) return;
  current = { results: search.results, shown: 0, serial };
  list.replaceChildren();
  say(search.results.length ? count(search.results.length) : strings.none, query);
  await showMore(serial);
}

form.addEventListener("submit", (event) => { event.preventDefault(); run(); });
form.addEventListener("change", () => run());
let typing = null;
form.elements.q.addEventListener("input", () => { clearTimeout(typing); typing = setTimeout(run, 250); });
more.addEventListener("click", () => showMore(current.serial));

try {
  const loaded = await load();
  pagefind = loaded.module;
  fillFilters(loaded.bundles);
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
