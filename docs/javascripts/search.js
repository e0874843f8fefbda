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
 * Chinese: the index holds each Han character as a word (builder/docsgen/zh_index.py), so a
 * query holding Chinese is also searched as the exact sequence of its characters ("忠 誠 的 …",
 * one phrase per run between spaces and punctuation): the pages holding every phrase come
 * first, then the rest of the plain search's results. */
"use strict";
(function () {
  var mount = document.getElementById("cc-search");
  if (!mount) return;
  var root = new URL("..", document.currentScript.src);
  var PAGE = 5; // results shown at first and added by each "More results"
  var SUBRESULTS = 3; // headings of a page shown under it at most
  var FILTER_ORDER = ["company", "year", "quarter", "section"];
  // The same class of characters as _HAN in builder/docsgen/zh_index.py.
  var HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]/u;
  var TOKENS = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]|[^\s\p{P}\p{S}\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+/gu;

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

  /* A query holding Chinese as exact phrases, one per run between spaces and punctuation (the
   * index gives punctuation a position of its own): each run as the sequence of its Han
   * characters and other words, e.g. 謝謝,約翰 as "謝 謝" and "約 翰" (a quoted query too:
   * Pagefind's exact search cuts it into the browser's words, which the index does not hold). */
  function characterPhrases(term) {
    if (!HAN.test(term)) return [];
    return term.split(/[\s\p{P}\p{S}]+/u).map(function (run) {
      var tokens = run.match(TOKENS) || [];
      return tokens.length > 1 ? '"' + tokens.join(" ") + '"' : tokens.join("");
    }).filter(Boolean);
  }

  /* The pages found by every phrase, in the order of the longest phrase's results. */
  function holdingAll(searches) {
    if (!searches.length) return [];
    var longest = searches.reduce(function (a, b) { return b.term.length > a.term.length ? b : a; });
    var sets = searches.map(function (search) {
      var ids = {};
      search.results.forEach(function (result) { ids[result.id] = true; });
      return ids;
    });
    return longest.results.filter(function (result) {
      return sets.every(function (ids) { return ids[result.id]; });
    });
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

  /* The pages holding the phrases first, then the plain search's results, each page once. */
  function merged(first, rest) {
    var seen = new Set(), out = [];
    first.concat(rest).forEach(function (result) {
      if (!seen.has(result.id)) {
        seen.add(result.id);
        out.push(result);
      }
    });
    return out;
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

  async function showMore(results, state) {
    var batch = results.slice(state.shown, state.shown + PAGE);
    state.shown += batch.length;
    more.hidden = true;
    var datas = await Promise.all(batch.map(function (result) { return result.data(); }));
    if (state.run !== run) return;
    datas.forEach(function (data) {
      var li = el("li", "cc-search__result");
      var title = (data.meta && data.meta.title) || data.url;
      li.append(link("cc-search__link", data.url, title), excerpt(data.excerpt), subResults(data));
      list.append(li);
    });
    more.hidden = state.shown >= results.length;
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
    var pagefind = await load();
    var options = filters ? { filters: filters } : {};
    var phrases = characterPhrases(term);
    var searches = await Promise.all([term || null].concat(phrases).map(function (query) {
      return pagefind.search(query, options).then(function (found) {
        return { term: query || "", results: found.results, filters: found.filters };
      });
    }));
    if (mine !== run) return;
    var plain = searches.shift();
    var results = merged(holdingAll(searches), plain.results);
    updateCounts(plain.filters || {});
    list.textContent = "";
    state = { run: mine, shown: 0 };
    var what = term ? " for “" + term + "”" : "";
    message.textContent = results.length ? results.length + (results.length === 1 ? " result" : " results") + what
      : "No results" + what;
    more.onclick = function () { showMore(results, state); };
    await showMore(results, state);
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
