/* The search box in the header, over Pagefind's JavaScript API (builder/docsgen/search.py writes
 * the bundles): pagefind/ indexes the documentation pages, pagefind-calls/NNN/ the transcript
 * pages in bundles of a bounded number of calls (listed in pagefind-calls/bundles.js), merged
 * here so that one query searches them all and loads only the chunks it needs from each.
 *
 * Everything the index holds comes from the data, so it is written into the page as text, never
 * as HTML: titles, filter names and values, counts and messages with textContent; an excerpt is
 * cut at the <mark> tags Pagefind puts around the words found (it escapes < and > of the text,
 * so a <mark> in the data never reads as one) and each piece is written as text; links go only
 * to http(s) and file addresses. (Pagefind's own UI, 1.5.2, writes filter values, filter
 * names and excerpts with innerHTML, and its indexer decodes character references in filter
 * values, twice: no escaping at index time keeps a value such as <img onerror> inert there.)
 *
 * Chinese never goes to Pagefind (one word per character there: a phrase would load a chunk per
 * character in every bundle). A query's runs between spaces and punctuation that hold Han
 * characters are looked up in the phrase index (phrases.js: the pages holding every run's Han
 * pieces, and each page's Pagefind fragment, read directly); the query's other words, if any,
 * go to Pagefind, and the pages holding both come first. Each page the phrase index names is
 * confirmed against its text before it is shown: it holds every run as typed (spaces aside,
 * case ignored), else it is passed over. Its excerpt is cut around the first run, and its link
 * carries the runs as a text fragment (#:~:text=), so that the browser scrolls to them. */
"use strict";
(function () {
  var mount = document.getElementById("cc-search");
  if (!mount) return;
  var root = new URL("..", document.currentScript.src);
  var PAGE = 5; // results shown at first and added by each "More results"
  var SUBRESULTS = 3; // headings of a page shown under it at most
  var FILTER_ORDER = ["company", "year", "quarter", "section"];
  var CONTEXT = 60; // characters of a phrase's excerpt on each side of it
  // The same class of characters as HAN_RANGES in builder/docsgen/zh_index.py.
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var HAN_PIECES = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;
  var WORDS = /[^\s\p{P}\p{S}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* An address from the index, or null unless it is http(s) or file (never javascript: or data:). */
  function address(url) {
    try {
      var parsed = new URL(url, location.href);
      return /^(https?|file):$/.test(parsed.protocol) ? parsed.href : null;
    } catch (e) {
      return null;
    }
  }

  function link(className, url, text) {
    var href = address(url);
    var node = el(href ? "a" : "span", className, text);
    if (href) node.href = href;
    return node;
  }

  /* Pagefind's excerpt as text: the data's < and > come escaped, <mark> is Pagefind's own. */
  function excerpt(html) {
    var p = el("p", "cc-search__excerpt"), marked = false;
    String(html || "").split(/(<mark>|<\/mark>)/).forEach(function (piece) {
      if (piece === "<mark>" || piece === "</mark>") {
        marked = piece === "<mark>";
        return;
      }
      var text = piece.replace(/&lt;/g, "<").replace(/&gt;/g, ">");
      if (text) p.appendChild(marked ? el("mark", null, text) : document.createTextNode(text));
    });
    return p;
  }

  /* A query's Chinese: its runs between spaces and punctuation that hold Han characters (as
   * typed, to confirm on a page: 謝謝,約翰 is "謝謝" and "約翰", wherever each is), the Han
   * pieces of those runs (looked up in the phrase index), and the query's other words (Pagefind's
   * part: 3500萬美元 is the piece 萬美元 and the word 3500). */
  function chinese(term) {
    var runs = term.split(/[\s\p{P}\p{S}]+/u).filter(function (run) { return HAN.test(run); });
    var pieces = [];
    runs.forEach(function (run) { pieces = pieces.concat(run.match(HAN_PIECES)); });
    var exact = runs.every(function (run) {
      return Array.from(run).length <= 2 && run.match(HAN_PIECES)[0] === run;
    });
    return {
      runs: runs,
      pieces: pieces,
      exact: exact, // each run one or two Han characters: the index's entries are the answer
      words: (term.replace(HAN_PIECES, " ").match(WORDS) || []).join(" "),
    };
  }

  /* Where a run stands in a page's text (spaces between its characters aside, case ignored). */
  function findRun(content, run) {
    var characters = Array.from(run.replace(/\s+/gu, "")).map(function (c) {
      return c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
    });
    return new RegExp(characters.join("\\s*"), "iu").exec(content);
  }

  /* The runs' places in a page's text, or null when it does not hold every one. */
  function findRuns(content, runs) {
    var found = runs.map(function (run) { return findRun(content || "", run); });
    return found.every(Boolean) ? found : null;
  }

  /* The page's address with the runs found as a text fragment (the browser scrolls to them). */
  function fragmentUrl(url, found) {
    var texts = found.map(function (match) {
      return "text=" + encodeURIComponent(match[0]).replace(/-/g, "%2D");
    });
    return url.split("#")[0] + "#:~:" + texts.join("&");
  }

  /* An excerpt of a page's text around the first run found, the run marked, all as text. */
  function runExcerpt(content, match) {
    var start = Math.max(0, match.index - CONTEXT);
    var end = Math.min(content.length, match.index + match[0].length + CONTEXT);
    if (start > 0 && /[\udc00-\udfff]/.test(content[start])) start--; // not half a character
    if (end < content.length && /[\udc00-\udfff]/.test(content[end])) end++;
    var p = el("p", "cc-search__excerpt");
    p.append(
      document.createTextNode((start > 0 ? "… " : "") + content.slice(start, match.index)),
      el("mark", null, match[0]),
      document.createTextNode(content.slice(match.index + match[0].length, end) + (end < content.length ? " …" : ""))
    );
    return p;
  }

  var box = el("input", "cc-search__input");
  box.type = "search";
  box.placeholder = "Search · 搜尋";
  box.setAttribute("aria-label", "Search the site and every call");
  box.autocomplete = "off";
  var drawer = el("div", "cc-search__drawer");
  drawer.hidden = true;
  var filterPanel = el("div", "cc-search__filters");
  var message = el("p", "cc-search__message");
  var list = el("ol", "cc-search__results");
  var more = el("button", "cc-search__more", "More results");
  more.type = "button";
  more.hidden = true;
  var column = el("div", "cc-search__column");
  column.append(message, list, more);
  drawer.append(filterPanel, column);
  mount.append(box, drawer);

  var engine = null;
  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(async function (pagefind) {
        await pagefind.options({ baseUrl: root.pathname });
        for (var name of window.ccSearchBundles || []) {
          await pagefind.mergeIndex(new URL("pagefind-calls/" + name + "/", root).pathname, { baseUrl: root.pathname });
        }
        showFilters(await pagefind.filters());
        return pagefind;
      });
    }
    return engine;
  }

  // filter name -> value -> the element showing its count (Maps: a value may be "__proto__")
  var counts = new Map();
  function showFilters(available) {
    var names = Object.keys(available).sort(function (a, b) {
      var i = FILTER_ORDER.indexOf(a), j = FILTER_ORDER.indexOf(b);
      return (i < 0 ? 99 : i) - (j < 0 ? 99 : j) || (a < b ? -1 : a > b ? 1 : 0);
    });
    names.forEach(function (name) {
      var block = el("details", "cc-search__filter");
      block.dataset.filter = name;
      block.append(el("summary", null, name));
      counts.set(name, new Map());
      Object.keys(available[name]).sort().forEach(function (value) {
        var label = el("label", "cc-search__filter-value");
        var check = el("input");
        check.type = "checkbox";
        check.name = name;
        check.value = value;
        var count = el("span", "cc-search__count", String(available[name][value]));
        label.append(check, el("span", "cc-search__value", value), count);
        counts.get(name).set(value, count);
        block.append(label);
      });
      filterPanel.append(block);
    });
  }

  function chosenFilters() {
    var chosen = Object.create(null), any = false;
    filterPanel.querySelectorAll("input:checked").forEach(function (check) {
      (chosen[check.name] = chosen[check.name] || { any: [] }).any.push(check.value);
      any = true;
    });
    return any ? chosen : null;
  }

  function updateCounts(found) {
    counts.forEach(function (values, name) {
      var shown = Object.prototype.hasOwnProperty.call(found, name) ? found[name] : {};
      values.forEach(function (count, value) {
        count.textContent = String(Object.prototype.hasOwnProperty.call(shown, value) ? shown[value] : 0);
      });
    });
  }

  /* A result to show: how to get its data (Pagefind's result data, or a page's fragment read
   * directly; null when there is none), for a page the phrase index named the runs it must
   * hold, and whether it may not (a run the index cannot vouch for: of more than two Han
   * characters, or with other characters in it). */
  function entry(load, zh) {
    return { load: load, runs: zh && zh.runs, unsure: Boolean(zh && !zh.exact) };
  }

  function pagefindEntry(result, zh) {
    return entry(function () { return result.data(); }, zh);
  }

  function phraseEntry(page, zh) {
    return entry(function () { return window.ccPhrases.read(page); }, zh);
  }

  function subResults(data) {
    var page = data.url;
    var subs = (data.sub_results || []).filter(function (sub) { return sub.url !== page; });
    var best = subs.slice().sort(function (a, b) {
      return (b.locations || []).length - (a.locations || []).length;
    }).slice(0, SUBRESULTS);
    var ul = el("ul", "cc-search__subresults");
    subs.filter(function (sub) { return best.indexOf(sub) >= 0; }).forEach(function (sub) {
      var li = el("li", "cc-search__subresult");
      li.append(link("cc-search__sublink", sub.url, sub.title || sub.url), excerpt(sub.excerpt));
      ul.append(li);
    });
    return ul;
  }

  /* A page's data and, for a page the phrase index named, where it holds the runs (null when
   * it does not hold them all); null when there is no page. */
  async function resolve(item) {
    var data = await item.load();
    if (!data) return null;
    return { data: data, found: item.runs && findRuns(data.content, item.runs), runs: item.runs };
  }

  function render(shown) {
    var data = shown.data, li = el("li", "cc-search__result");
    var title = (data.meta && data.meta.title) || data.url;
    if (shown.found) {
      li.append(link("cc-search__link", fragmentUrl(data.url, shown.found), title),
        runExcerpt(data.content, shown.found[0]), subResults(data));
    } else {
      li.append(link("cc-search__link", data.url, title), excerpt(data.excerpt), subResults(data));
    }
    return li;
  }

  /* The next PAGE results shown, loading at most twice as many pages' data: a page the phrase
   * index named that does not hold the runs is passed over. */
  async function showMore(entries, state) {
    more.hidden = true;
    var shown = 0, loaded = 0;
    while (shown < PAGE && loaded < 2 * PAGE && state.next < entries.length) {
      var batch = entries.slice(state.next, state.next + PAGE - shown);
      state.next += batch.length;
      var items = await Promise.all(batch.map(resolve));
      if (state.run !== run) return;
      items.forEach(function (item) {
        if (item) loaded++;
        if (item && (!item.runs || item.found)) {
          list.append(render(item));
          shown++;
        } else {
          state.passed++;
        }
      });
    }
    more.hidden = state.next >= entries.length;
    say(state);
  }

  /* How many results: "up to" while pages the phrase index named may yet be passed over. */
  function say(state) {
    var left = state.total - state.passed;
    var unsure = state.entries.slice(state.next).some(function (e) { return e.unsure; });
    message.textContent = (left ? (unsure ? "up to " : "") + left + (left === 1 ? " result" : " results")
      : "No results") + state.what;
  }

  /* The entries of a query, the filters' counts to show and the number of results. Without
   * Chinese: Pagefind's results. With Chinese and other words: the pages holding both (in
   * Pagefind's order), then those holding the words, then those holding the Chinese. With
   * Chinese alone: the pages holding it, in the phrase index's order, read directly. */
  async function entriesOf(pagefind, term, filters) {
    var options = filters ? { filters: filters } : {};
    var zh = chinese(term);
    if (!zh.runs.length) {
      var found = await pagefind.search(term || null, options);
      var all = found.results.map(function (r) { return pagefindEntry(r, null); });
      return { entries: all, counts: found.filters, total: all.length };
    }
    var phrases = window.ccPhrases;
    var held = await phrases.filtered(await phrases.lookup(zh.pieces), filters);
    if (!zh.words) {
      var alone = held.pages.map(function (page) { return phraseEntry(page, zh); });
      return { entries: alone, counts: held.counts, total: alone.length };
    }
    var table = await phrases.table(), rest = await pagefind.search(zh.words, options);
    var ids = new Map(held.pages.map(function (page) { return [phrases.id(table, page), page]; }));
    var both = rest.results.filter(function (r) { return ids.has(r.id); });
    var words = rest.results.filter(function (r) { return !ids.has(r.id); });
    var inBoth = new Set(both.map(function (r) { return ids.get(r.id); }));
    var chineseOnly = held.pages.filter(function (page) { return !inBoth.has(page); });
    var entries = both.map(function (r) { return pagefindEntry(r, zh); })
      .concat(words.map(function (r) { return pagefindEntry(r, null); }))
      .concat(chineseOnly.map(function (page) { return phraseEntry(page, zh); }));
    return { entries: entries, counts: rest.filters, total: entries.length };
  }

  var run = 0, state = null, timer = null;
  async function search() {
    var mine = ++run;
    var term = box.value.trim(), filters = chosenFilters();
    if (!term && !filters) {
      drawer.hidden = true;
      list.textContent = "";
      message.textContent = "";
      more.hidden = true;
      mount.dataset.state = "idle";
      return;
    }
    drawer.hidden = false;
    mount.dataset.state = "searching";
    message.textContent = term ? "Searching for “" + term + "”…" : "Searching…";
    var found;
    try {
      found = await entriesOf(await load(), term, filters);
    } catch (error) {
      if (mine !== run) return;
      message.textContent = "Search failed: " + String((error && error.message) || error);
      mount.dataset.state = "failed";
      return;
    }
    if (mine !== run) return;
    var entries = found.entries;
    updateCounts(found.counts || {});
    list.textContent = "";
    state = { run: mine, next: 0, entries: entries, total: found.total, passed: 0 };
    state.what = term ? " for “" + term + "”" : "";
    say(state);
    more.onclick = function () { showMore(entries, state); };
    await showMore(entries, state);
    if (mine === run) mount.dataset.state = "done";
  }

  function later() {
    mount.dataset.state = "typing";
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }
  box.addEventListener("input", later);
  box.addEventListener("focus", function () { load(); });
  filterPanel.addEventListener("change", function () { clearTimeout(timer); search(); });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && !drawer.hidden) {
      drawer.hidden = true;
      box.blur();
    }
  });
  document.addEventListener("click", function (event) {
    if (!mount.contains(event.target)) drawer.hidden = true;
  });
  box.addEventListener("click", function () {
    if (box.value.trim() || chosenFilters()) drawer.hidden = false;
  });
})();
