/* The transcripts list (builder/docsgen/call_index.py): reads transcripts/calls.json, fills the
 * filters with the values it holds and lists the calls that match, as text, never as HTML. */
"use strict";
(function () {
  var rowsBody = document.getElementById("cc-call-rows");
  var form = document.getElementById("cc-filters");
  if (!rowsBody || !form) return;
  var SHOWN = 500; // rows drawn at most; the count says how many match
  var count = document.getElementById("cc-count");

  function cell(row, text, href) {
    var td = document.createElement("td");
    if (href) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      td.appendChild(a);
    } else {
      td.textContent = text;
    }
    row.appendChild(td);
  }

  function fill(select, values) {
    values.forEach(function (value) {
      var option = document.createElement("option");
      option.value = value;
      option.textContent = value;
      select.appendChild(option);
    });
  }

  function distinct(calls, i) {
    var seen = {};
    calls.forEach(function (c) { if (c[i] !== null) seen[String(c[i])] = true; });
    return Object.keys(seen).sort();
  }

  function show(data) {
    var at = {};
    data.fields.forEach(function (name, i) { at[name] = i; });
    ["company", "fiscal_year", "fiscal_quarter"].forEach(function (name) {
      fill(form.elements[name], distinct(data.calls, at[name]));
    });
    var drawn = null;
    function draw() {
      var want = {
        company: form.elements.company.value,
        ticker: form.elements.ticker.value.trim().toUpperCase(),
        fiscal_year: form.elements.fiscal_year.value,
        fiscal_quarter: form.elements.fiscal_quarter.value
      };
      // the ticker box's "change" (on blur, e.g. when a listed call is clicked) after its
      // "input" changes nothing: redrawing then would remove the link under the click
      var key = JSON.stringify(want);
      if (key === drawn) return;
      drawn = key;
      var matching = data.calls.filter(function (c) {
        return (!want.company || String(c[at.company]) === want.company) &&
          (!want.ticker || String(c[at.ticker] || "").toUpperCase().indexOf(want.ticker) === 0) &&
          (!want.fiscal_year || String(c[at.fiscal_year]) === want.fiscal_year) &&
          (!want.fiscal_quarter || String(c[at.fiscal_quarter]) === want.fiscal_quarter);
      });
      rowsBody.textContent = "";
      matching.slice(0, SHOWN).forEach(function (c) {
        var tr = document.createElement("tr");
        var id = String(c[at.transcript_id]);
        var year = c[at.fiscal_year], quarter = c[at.fiscal_quarter];
        cell(tr, id, encodeURIComponent(id) + ".html");
        cell(tr, c[at.company] === null ? "unknown" : String(c[at.company]));
        cell(tr, c[at.ticker] === null ? "—" : String(c[at.ticker]));
        cell(tr, year === null ? "period unknown" : year + (quarter === null ? "" : " Q" + quarter));
        cell(tr, String(c[at.num_segments]));
        rowsBody.appendChild(tr);
      });
      count.textContent = matching.length + " of " + data.calls.length + " calls" +
        (matching.length > SHOWN ? " (the first " + SHOWN + " shown)" : "");
    }
    form.addEventListener("input", draw);
    form.addEventListener("change", draw);
    draw();
  }

  fetch("calls.json")
    .then(function (r) { return r.json(); })
    .then(show)
    .catch(function () { count.textContent = "The list of calls could not be loaded (serve the site over HTTP)."; });
})();
