/* The phrase index (builder/docsgen/phrase_index.py): the pages that may hold a run of Han
 * characters, looked up in a few small files, whatever the number of calls, and those pages
 * read from Pagefind's fragments directly.
 *
 * phrase-index/index.json gives the number of shards; a key (a character, or a pair of adjacent
 * characters) is in shard FNV-1a(its code points) % shards (phrase_grams.shard_of), a gzipped
 * JSON object: key -> [gaps between page numbers] for a character, [gaps, position bits] for a
 * pair, bit p % window (8) set for each position p the pair starts at on that page. A run of n
 * characters is held by the pages that hold its n - 1 pairs at consecutive positions: each
 * pair's bits, shifted back by its place in the run, share a bit there. A page that holds the
 * pairs apart passes now and then; the search box confirms each page against its text.
 * phrase-index/pages.json.gz (phrase_pages.py) says where each page's Pagefind fragment is and
 * which pages carry each filter value: a page is read without a Pagefind search (which, given
 * filters alone, loads every index chunk of every bundle).
 *
 * window.ccPhrases:
 *   lookup(pieces) -> [page], the pages holding every piece (a run of Han characters), the
 *     likeliest first: by the positions where each piece's pairs line up less those expected by
 *     chance (about how often the rarest piece occurs, up to the window), then in page order;
 *   filtered(pages, chosen) -> {pages, counts}: the pages with the chosen filter values (any
 *     value of a filter, every filter), and the count of each value among them;
 *   table() -> the page table; id(table, page) -> the page's Pagefind result id (its
 *     fragment's id), or null;
 *   read(page) -> {url, content, meta}, the page's fragment (its address resolved, its text as
 *     written);
 *   shardOf(key, shards).
 * Nothing here touches the page. */
"use strict";
(function () {
  var root = new URL("..", document.currentScript.src);
  var folder = new URL("phrase-index/", root);
  var FNV_OFFSET = 0x811c9dc5, FNV_PRIME = 0x01000193;
  var about = null;
  var shards = new Map(); // shard number -> promise of its entries

  function shardOf(key, count) {
    var hash = FNV_OFFSET;
    for (var character of key) hash = Math.imul(hash ^ character.codePointAt(0), FNV_PRIME) >>> 0;
    return hash % count;
  }

  var SIGNATURE = "pagefind_dcd"; // what a Pagefind fragment starts with, once inflated
  var pageTable = null;

  /* A JSON file, gzipped (inflated here unless the server already did), or a Pagefind fragment. */
  async function readJson(url) {
    var response = await fetch(url);
    if (!response.ok) throw new Error("search index: " + url + " " + response.status);
    var bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
      var inflated = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
      bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
    }
    var text = new TextDecoder().decode(bytes);
    return JSON.parse(text.startsWith(SIGNATURE) ? text.slice(SIGNATURE.length) : text);
  }

  function table() {
    if (!pageTable) pageTable = readJson(new URL("pages.json.gz", folder));
    return pageTable;
  }

  /* Numbers written as gaps, back to numbers. */
  function numbers(gaps) {
    var n = 0;
    return gaps.map(function (gap) { return (n += gap); });
  }

  async function filtered(pages, chosen) {
    var filters = (await table()).filters;
    var has = function (name, value) {
      var values = Object.prototype.hasOwnProperty.call(filters, name) ? filters[name] : {};
      return new Set(Object.prototype.hasOwnProperty.call(values, value) ? numbers(values[value]) : []);
    };
    var kept = pages;
    Object.keys(chosen || {}).forEach(function (name) {
      var sets = chosen[name].any.map(function (value) { return has(name, value); });
      kept = kept.filter(function (page) { return sets.some(function (set) { return set.has(page); }); });
    });
    var keptSet = new Set(kept), counts = {};
    Object.keys(filters).forEach(function (name) {
      counts[name] = {};
      Object.keys(filters[name]).forEach(function (value) {
        counts[name][value] = numbers(filters[name][value]).filter(function (page) { return keptSet.has(page); }).length;
      });
    });
    return { pages: kept, counts: counts };
  }

  function id(pages, page) {
    var where = pages.pages[page];
    return where ? where[1] : null;
  }

  async function read(page) {
    var pages = await table(), where = pages.pages[page];
    if (!where) return null;
    var bundle = new URL(pages.bundles[where[0]] + "/", root);
    var fragment = await readJson(new URL("fragment/" + where[1] + ".pf_fragment", bundle));
    return {
      url: new URL(String(fragment.url || "").replace(/^\/+/, ""), root).href,
      content: String(fragment.content || "").replace(/\u200b/g, ""),
      meta: fragment.meta || {},
    };
  }

  async function entry(key) {
    if (!about) about = readJson(new URL("index.json", folder));
    var shard = shardOf(key, (await about).shards);
    if (!shards.has(shard)) shards.set(shard, readJson(new URL(String(shard).padStart(5, "0") + ".json.gz", folder)));
    var entries = await shards.get(shard);
    return Object.prototype.hasOwnProperty.call(entries, key) ? entries[key] : null;
  }

  /* An entry as page -> bits (a character's: every bit). */
  function pages(found) {
    var out = new Map(), page = 0;
    found[0].forEach(function (gap, i) {
      page += gap;
      out.set(page, found[1] ? found[1][i] : 0xff); // a character: any position
    });
    return out;
  }

  /* Bits of a window of ``width`` positions, shifted back by ``by`` positions (cyclically). */
  function rotate(bits, by, width) {
    by %= width;
    return ((bits >>> by) | (bits << (width - by))) & ((1 << width) - 1);
  }

  function count(bits) {
    var n = 0;
    for (; bits; bits &= bits - 1) n++;
    return n;
  }

  /* page -> score of one piece (a run of Han characters) on that page: the positions (modulo
   * the window) where its pairs line up, less how many would line up by chance on a page that
   * holds the pairs apart (the window times the share of the window each pair's bits fill; none
   * for a piece of one pair or character, whose entry is exact). Pages where the pairs never
   * line up are left out. */
  async function holding(piece) {
    var characters = Array.from(piece);
    var keys = characters.length === 1 ? characters : characters.slice(1).map(function (c, i) {
      return characters[i] + c;
    });
    var found = await Promise.all(keys.map(entry));
    var width = (await about).window;
    var held = new Map();
    if (found.some(function (e) { return !e; })) return held;
    var maps = found.map(pages);
    maps[0].forEach(function (first, page) {
      var shared = first, chance = maps.length > 1 ? count(first) : 0;
      for (var i = 1; i < maps.length && shared; i++) {
        var bits = maps[i].get(page);
        shared = bits === undefined ? 0 : shared & rotate(bits, i, width);
        chance *= count(bits || 0) / width;
      }
      if (shared) held.set(page, count(shared) - chance);
    });
    return held;
  }

  async function lookup(pieces) {
    var helds = await Promise.all(pieces.map(holding));
    var ranked = [];
    if (!helds.length) return ranked;
    helds[0].forEach(function (first, page) {
      var score = first;
      for (var i = 1; i < helds.length; i++) {
        score = helds[i].has(page) ? Math.min(score, helds[i].get(page)) : null;
        if (score === null) return;
      }
      ranked.push({ page: page, score: score });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.page - b.page; });
    return ranked.map(function (r) { return r.page; });
  }

  window.ccPhrases = { lookup: lookup, filtered: filtered, table: table, id: id, read: read, shardOf: shardOf };
})();
