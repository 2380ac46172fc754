// The grid of a rule file (Tabulator). Reads its data from the data-grid attribute of #grid: the
// columns, every line with its spreadsheet number and kind (RULE, TITLE, TECHNICAL) and the problems
// of the latest validation at their cells. Technical rows are hidden unless asked for; in a draft,
// rule rows are edited, added, deleted and moved, and saved as a form carrying the CSRF token.
(function () {
  "use strict";
  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }
  function csrf() {
    try { return JSON.parse(document.body.getAttribute("hx-headers"))["X-CSRF-TOKEN"]; } catch (e) { return ""; }
  }
  ready(function () {
    var host = document.getElementById("grid");
    if (!host || !window.Tabulator) { return; }
    var data = JSON.parse(host.getAttribute("data-grid"));
    var editable = data.editable === true;
    var status = document.getElementById("grid-status");
    var saveButton = document.getElementById("grid-save");
    var toggle = document.getElementById("show-technical");
    var params = new URLSearchParams(window.location.search);
    var focusRow = parseInt(params.get("row") || "0", 10);
    var focusColText = params.get("col");
    var created = 0;
    var dirty = false;
    var marks = {};
    data.problems.forEach(function (p) {
      var key = p.row + ":" + p.col;
      marks[key] = marks[key] ? marks[key] + "\n" + p.message : p.message;
      if (p.col < 0) { marks[p.row + ":row"] = (marks[p.row + ":row"] ? marks[p.row + ":row"] + "\n" : "") + p.message; }
    });
    var width = data.columns.length;
    var large = data.lines.length > 100;
    function isRule(row) { return row.getData().k === "RULE"; }
    function visible(rowData) {
      if (toggle && toggle.checked) { return true; }
      if (rowData.k === "TECHNICAL") { return false; }
      // a single table's (or a list's) column titles already head the grid
      return !(rowData.k === "TITLE" && data.singleHeader);
    }
    var columns = [{ title: "#", field: "n", width: 56, headerSort: false, frozen: true, cssClass: "row-number" }];
    var period = document.getElementById("days");
    var asked = new URLSearchParams(window.location.search).get("days");
    if (period && asked) { period.value = asked; }
    if (data.firedTitle) {
      // how often each rule fired in the audited decisions of the chosen period; a rule that never fired stands out
      columns.push({ title: data.firedTitle, field: "f", width: 124, headerSort: false, frozen: true, hozAlign: "right",
        cssClass: "row-fired", headerTooltip: data.neverFired });
    }
    data.columns.forEach(function (c) {
      columns.push({
        title: c.title, field: c.field, headerSort: false, minWidth: 70, maxWidth: 320, variableHeight: true,
        editor: editable ? "input" : false,
        editable: function (cell) { return editable && isRule(cell.getRow()); },
        // long sentences wrap instead of being cut (Tabulator escapes the text)
        formatter: "textarea"
      });
    });
    var table = new Tabulator(host, {
      data: data.lines,
      index: "id",
      columns: columns,
      layout: "fitDataStretch",
      // a long table draws only the rows in view (and a buffer): 600 rows open in a fraction of a second
      // instead of seconds (src/docs/console.md). Virtual rendering needs a fixed height: with maxHeight,
      // Tabulator 6.3.1 overflows its stack on the first setFilter; a short table keeps its natural height
      renderVertical: large ? "virtual" : "basic",
      height: large ? "70vh" : false,
      selectableRows: editable ? 1 : false,
      // Tab and Shift+Tab move through the page as everywhere else (Tabulator would keep them inside the grid)
      keybindings: { navNext: false, navPrev: false },
      rowFormatter: function (row) {
        var d = row.getData();
        var el = row.getElement();
        el.classList.toggle("row-technical", d.k === "TECHNICAL");
        el.classList.toggle("row-title", d.k === "TITLE");
        el.classList.toggle("row-new", typeof d.id === "string");
        el.classList.toggle("never-fired", d.f === 0);
        if (d.f !== undefined) { el.setAttribute("data-fired", String(d.f)); }
        el.setAttribute("data-row", d.n === "" ? "" : String(d.n));
        el.setAttribute("data-kind", d.k);
        row.getCells().forEach(function (cell) {
          var field = cell.getField();
          var cellEl = cell.getElement();
          if (field === "f") {
            if (d.f === 0) { cellEl.setAttribute("title", data.neverFired); }
            return;
          }
          if (field === "n") {
            if (editable && d.k === "RULE") {
              // the row's number selects it from the keyboard too (Enter or Space), for the row buttons
              cellEl.setAttribute("tabindex", "0");
              cellEl.setAttribute("role", "button");
              cellEl.setAttribute("aria-label", (host.getAttribute("data-select-row") || "Select row") + " " + (d.n === "" ? "" : d.n));
            }
            var rowMessage = marks[d.n + ":row"];
            cellEl.classList.toggle("cell-problem", !!rowMessage);
            if (rowMessage) { cellEl.setAttribute("title", rowMessage); }
            return;
          }
          var col = parseInt(field.substring(1), 10);
          cellEl.setAttribute("data-col", String(col));
          var message = marks[d.n + ":" + col];
          cellEl.classList.toggle("cell-problem", !!message);
          if (message) { cellEl.setAttribute("title", message); } else { cellEl.removeAttribute("title"); }
        });
      }
    });
    table.on("tableBuilt", function () {
      table.setFilter(visible);
      if (focusRow > 0) { focus(focusRow, focusColText); }
      // when the grid could first be used, in ms from the start of the navigation (read by the browser tests)
      host.setAttribute("data-ready", String(Math.round(performance.now())));
    });
    if (toggle) {
      toggle.addEventListener("change", function () { table.setFilter(visible); });
    }
    function colIndex(text) {
      if (!text) { return -1; }
      var found = -1;
      data.problems.forEach(function (p) { if (p.row === focusRow && found < 0 && p.col >= 0) { found = p.col; } });
      var letter = text.split(/[ (]/)[0];
      if (/^[A-Z]+$/.test(letter)) {
        var n = 0;
        for (var i = 0; i < letter.length; i++) { n = n * 26 + (letter.charCodeAt(i) - 64); }
        return n - 1;
      }
      return found;
    }
    function focus(rowNumber, colText) {
      var target = table.getRows().filter(function (r) { return r.getData().n === rowNumber; })[0];
      if (!target) { return; }
      if (target.getData().k !== "RULE" && toggle && !toggle.checked && !visible(target.getData())) {
        toggle.checked = true;
        table.setFilter(visible);
      }
      var col = colIndex(colText);
      // a row out of view is drawn only once scrolled to: its cell is marked and focused after that
      function mark() {
        var el = target.getElement();
        var cellEl = col >= 0 && target.getCell("c" + col) ? target.getCell("c" + col).getElement() : el;
        document.querySelectorAll(".cell-focus").forEach(function (e) { e.classList.remove("cell-focus"); });
        cellEl.classList.add("cell-focus");
        cellEl.setAttribute("tabindex", "-1");
        cellEl.focus();
      }
      table.scrollToRow(target, "center", false).then(mark).catch(mark);
    }
    document.querySelectorAll("a.problem-link").forEach(function (link) {
      var url = new URL(link.href, window.location.href);
      if (url.pathname !== window.location.pathname) { return; }
      link.addEventListener("click", function (event) {
        event.preventDefault();
        focusRow = parseInt(link.getAttribute("data-row") || "0", 10);
        history.replaceState(null, "", url.pathname + url.search);
        focus(focusRow, link.getAttribute("data-col"));
      });
    });
    if (!editable) { return; }

    function post(url, json) {
      return fetch(url, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-TOKEN": csrf(), "Accept": "application/json" },
        body: JSON.stringify(json)
      });
    }
    function say(text, kind) {
      status.textContent = text;
      status.className = kind || "";
    }
    function changed() {
      dirty = true;
      saveButton.disabled = false;
      say(status.getAttribute("data-unsaved"));
    }
    table.on("cellEdited", changed);
    host.addEventListener("keydown", function (event) {
      var cellEl = event.target.closest ? event.target.closest(".tabulator-cell.row-number") : null;
      if (!cellEl || (event.key !== "Enter" && event.key !== " ")) { return; }
      var rowEl = cellEl.closest(".tabulator-row");
      var row = table.getRows().find(function (r) { return r.getElement() === rowEl; });
      if (!row || !isRule(row)) { return; }
      event.preventDefault();
      if (row.isSelected()) { row.deselect(); } else { table.deselectRow(); row.select(); }
    });
    function selected() {
      var rows = table.getSelectedRows();
      return rows.length ? rows[0] : null;
    }
    document.getElementById("row-add").addEventListener("click", function () {
      var row = selected();
      if (!row || row.getData().k === "TECHNICAL") { say(status.getAttribute("data-pick"), "bad"); return; }
      created += 1;
      var fresh = { id: "new-" + created, n: "", k: "RULE", len: width };
      for (var c = 0; c < width; c++) { fresh["c" + c] = ""; }
      table.addRow(fresh, false, row).then(function (added) { table.deselectRow(); added.select(); changed(); });
    });
    document.getElementById("row-delete").addEventListener("click", function () {
      var row = selected();
      if (!row || !isRule(row)) { say(status.getAttribute("data-pick"), "bad"); return; }
      row.delete().then(changed);
    });
    function move(up) {
      var row = selected();
      if (!row || !isRule(row)) { say(status.getAttribute("data-pick"), "bad"); return; }
      var other = up ? row.getPrevRow() : row.getNextRow();
      if (!other || !isRule(other)) { say(status.getAttribute("data-structural"), "bad"); return; }
      row.move(other, up);
      changed();
    }
    document.getElementById("row-up").addEventListener("click", function () { move(true); });
    document.getElementById("row-down").addEventListener("click", function () { move(false); });
    saveButton.addEventListener("click", function () {
      var lines = table.getData().map(function (d) {
        var cells = [];
        for (var c = 0; c < d.len; c++) {
          var v = d["c" + c];
          cells.push(v === undefined || v === null ? "" : String(v));
        }
        return { k: d.k, c: cells };
      });
      saveButton.disabled = true;
      post(host.getAttribute("data-save"), { path: data.path, lines: lines, revision: data.revision }).then(function (response) {
        return response.json().catch(function () { return { saved: false, message: String(response.status) }; });
      }).then(function (result) {
        if (result.saved) {
          dirty = false;
          say(status.getAttribute("data-saved"), "ok");
          // the numbers of the rows and the validation marks are the server's: reload them
          window.location.assign(window.location.pathname + "?saved=1");
        } else {
          saveButton.disabled = false;
          say(status.getAttribute("data-failed") + " " + result.message, "bad");
        }
      }).catch(function (error) {
        saveButton.disabled = false;
        say(status.getAttribute("data-failed") + " " + error, "bad");
      });
    });
    window.addEventListener("beforeunload", function (event) {
      if (dirty) { event.preventDefault(); event.returnValue = ""; }
    });

    var file = document.getElementById("csv-file");
    var upload = document.getElementById("csv-upload");
    if (file && upload) {
      var content = null;
      var format = "csv";
      file.addEventListener("change", function () {
        var chosen = file.files[0];
        if (!chosen) { return; }
        var spreadsheet = /\.xlsx$/i.test(chosen.name);
        // a spreadsheet travels as base64 in the JSON body, a CSV as its text
        var read = spreadsheet ? chosen.arrayBuffer().then(function (buffer) {
          var bytes = new Uint8Array(buffer);
          var binary = "";
          for (var i = 0; i < bytes.length; i += 8192) {
            binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192));
          }
          return window.btoa(binary);
        }) : chosen.text();
        read.then(function (text) {
          content = text;
          format = spreadsheet ? "xlsx" : "csv";
          document.getElementById("csv-submit").disabled = false;
        });
      });
      upload.addEventListener("submit", function (event) {
        event.preventDefault();
        if (content === null) { return; }
        post(upload.getAttribute("action"), { path: data.path, content: content, format: format }).then(function (response) {
          var outcome = response.ok ? "done" : response.status === 400 ? "unreadable" : "refused";
          window.location.assign(window.location.pathname + "?upload=" + outcome);
        });
      });
    }
  });
})();
