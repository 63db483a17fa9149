// Interlock console: live inbox and the review countdown. Reading works without this file; it only adds updates.
(function () {
  "use strict";

  function cell(text, className) {
    var td = document.createElement("td");
    if (className) {
      var span = document.createElement("span");
      span.className = className;
      span.textContent = text;
      td.appendChild(span);
    } else {
      td.textContent = text;
    }
    return td;
  }

  function liveInbox(table) {
    var url = table.getAttribute("data-live");
    function refresh() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data) { return; }
          var body = table.querySelector("tbody");
          var rows = document.createDocumentFragment();
          data.approvals.forEach(function (a) {
            var tr = document.createElement("tr");
            tr.setAttribute("data-id", a.id);
            var first = document.createElement("td");
            var link = document.createElement("a");
            link.href = "/console/approvals/" + encodeURIComponent(a.id);
            link.textContent = a.summary;
            first.appendChild(link);
            tr.appendChild(first);
            tr.appendChild(cell(a.environment, "badge env-" + a.environment));
            tr.appendChild(cell(a.risk, "badge risk-" + a.risk));
            tr.appendChild(cell(a.agent));
            tr.appendChild(cell(a.principal));
            tr.appendChild(cell(a.age));
            tr.appendChild(cell(a.timeLeft));
            rows.appendChild(tr);
          });
          body.replaceChildren(rows);
          var count = document.getElementById("pending-count");
          if (count) { count.textContent = String(data.approvals.length); }
          var empty = document.getElementById("empty");
          if (empty) { empty.hidden = data.approvals.length > 0; }
        })
        .catch(function () { /* offline for a moment: the next round tries again */ });
    }
    setInterval(refresh, 3000);
  }

  function countdown(button) {
    var from = Date.parse(button.getAttribute("data-approve-from"));
    var blocked = document.getElementById("cannot-approve") !== null;
    var note = document.getElementById("countdown");
    function tick() {
      var left = Math.ceil((from - Date.now()) / 1000);
      if (left > 0) {
        button.disabled = true;
        note.textContent = "Read it first: you can approve in " + left + " s.";
        setTimeout(tick, 250);
      } else {
        button.disabled = blocked;
        note.textContent = blocked ? "" : "You may approve now.";
      }
    }
    tick();
  }

  function charts(el) {
    if (typeof uPlot === "undefined") { return; }
    var fg = getComputedStyle(document.body).color;
    var colors = { allow: "#2e8b57", ask: "#d08a00", require_approval: "#3b6fd8", deny: "#d0213b", blind: "#9b3fc4" };
    function options(series, width) {
      return {
        width: width, height: 240,
        series: [{}].concat(series.map(function (s) { return { label: s, stroke: colors[s], width: 2, points: { show: true } }; })),
        axes: [{ stroke: fg, grid: { stroke: "rgba(128,128,128,0.25)" } }, { stroke: fg, grid: { stroke: "rgba(128,128,128,0.25)" } }],
        scales: { x: { time: true } }
      };
    }
    fetch(el.getAttribute("data-series"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (!d) { return; }
        var width = Math.max(300, el.clientWidth);
        new uPlot(options(["allow", "ask", "require_approval", "deny"], width), [d.day, d.allow, d.ask, d.require_approval, d.deny], el);
        var blind = document.getElementById("chart-blind");
        if (blind) { new uPlot(options(["blind"], width), [d.day, d.blind], blind); }
        el.setAttribute("data-rendered", "true");
      });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var chart = document.getElementById("chart-decisions");
    if (chart) { charts(chart); }
    var table = document.getElementById("inbox");
    if (table) { liveInbox(table); }
    var approve = document.getElementById("approve");
    if (approve) { countdown(approve); }
  });
})();
