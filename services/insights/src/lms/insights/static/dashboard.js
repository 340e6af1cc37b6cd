// The leader dashboard: the token comes from the URL fragment (#token=...&team_id=...) or the form,
// and goes only into the Authorization header of the API calls.
(function () {
  "use strict";
  var fields = ["team_id", "course_id", "needs_analysis_id"];
  var state = new URLSearchParams(location.hash.replace(/^#/, ""));
  var token = state.get("token") || "";
  if (token) {
    history.replaceState(null, "", location.pathname);
    document.getElementById("token-field").hidden = true;
  }
  fields.forEach(function (name) { document.getElementById(name).value = state.get(name) || ""; });

  function show(id, spec) {
    return vegaEmbed("#" + id, spec, { renderer: "svg", actions: false, ast: true, expr: vega.expressionInterpreter });
  }

  function text(id, value) { document.getElementById(id).textContent = value || ""; }

  function draw(charts) {
    var shown = [];
    text("causes-note", charts.causes_note);
    if (charts.causes) { shown.push(show("causes", charts.causes)); }
    if (charts.completions) { shown.push(show("completions", charts.completions)); }
    text("impact-note", charts.impact_note);
    var box = document.getElementById("kpis");
    box.textContent = "";
    charts.kpis.forEach(function (kpi, i) {
      var div = document.createElement("div");
      div.id = "kpi-" + i;
      div.className = "chart kpi";
      box.appendChild(div);
      shown.push(show(div.id, kpi.spec));
    });
    return Promise.all(shown);
  }

  function load(event) {
    if (event) { event.preventDefault(); }
    token = token || document.getElementById("token").value.trim();
    var query = new URLSearchParams();
    fields.forEach(function (name) {
      var value = document.getElementById(name).value.trim();
      if (value) { query.set(name, value); }
    });
    text("status", "Loading...");
    fetch("/api/v1/dashboard/charts?" + query, { headers: { Authorization: "Bearer " + token } })
      .then(function (reply) {
        return reply.json().then(function (body) {
          if (!reply.ok) { throw new Error(body.detail || reply.statusText); }
          return body;
        });
      })
      .then(draw)
      .then(function () { text("status", ""); document.body.dataset.rendered = "true"; })
      .catch(function (error) {
        text("status", "Could not load: " + error.message);
        document.getElementById("status").className = "error";
      });
  }

  document.getElementById("ask").addEventListener("submit", load);
  if (token && document.getElementById("team_id").value) { load(); }
})();
