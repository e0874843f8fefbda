/* Pagefind's search box in the header (builder/docsgen/search.py writes the bundles):
 * pagefind/ indexes the documentation pages, pagefind-calls/NNN/ the transcript pages in
 * bundles of a bounded number of calls (listed in pagefind-calls/bundles.js), merged here so
 * that one query searches them all and loads only the chunks it needs from each. */
"use strict";
(function () {
  var mount = document.getElementById("cc-search");
  if (!mount || typeof PagefindUI === "undefined") return;
  var root = new URL("..", document.currentScript.src);
  var calls = window.ccSearchBundles || [];
  new PagefindUI({
    element: mount,
    bundlePath: new URL("pagefind/", root).pathname,
    baseUrl: root.pathname,
    mergeIndex: calls.map(function (name) {
      return { bundlePath: new URL("pagefind-calls/" + name + "/", root).pathname, baseUrl: root.pathname };
    }),
    showSubResults: true,
    showImages: false,
    resetStyles: false,
    translations: { placeholder: "Search · 搜尋" }
  });
})();
