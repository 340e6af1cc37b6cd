// The leader dashboard. It opens on what the viewer may see (/dashboard/choices) and draws the
// default team's charts at once; choosing another team, analysis or course redraws.
// The token comes from the URL fragment (#token=...) or the form, and goes only into the
// Authorization header of the API calls. Every text from the API is set as text, never as HTML.
(function () {
  "use strict";
  var fragment = new URLSearchParams(location.hash.replace(/^#/, ""));
  var token = fragment.get("token") || "";
  var wanted = { team_id: fragment.get("team_id"), course_id: fragment.get("course_id"),
    needs_analysis_id: fragment.get("needs_analysis_id") };
  var choices = null;
  var views = [];
  var day = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  if (token) { history.replaceState(null, "", location.pathname); }

  function $(id) { return document.getElementById(id); }
  function text(id, value) { $(id).textContent = value || ""; }
  function setState(state) { document.body.dataset.state = state; }

  function say(message, kind) {
    text("status", message);
    $("status").className = kind === "error" ? "notice error" : "notice";
  }

  function api(path) {
    return fetch("/api/v1/dashboard/" + path, { headers: { Authorization: "Bearer " + token } })
      .then(function (reply) {
        return reply.json().catch(function () { return {}; }).then(function (body) {
          if (reply.status === 401) {
            throw new Error("Your sign-in is not valid (any more): open the dashboard again from your LMS.");
          }
          if (!reply.ok) { throw new Error(body.detail || body.title || reply.statusText); }
          return body;
        });
      });
  }

  function fill(select, options, chosen, empty) {
    select.textContent = "";
    options.forEach(function (option) {
      var item = document.createElement("option");
      item.value = option.value;
      item.textContent = option.text;
      select.appendChild(item);
    });
    if (!options.length) {
      var none = document.createElement("option");
      none.textContent = empty;
      select.appendChild(none);
    }
    select.disabled = !options.length;
    if (chosen) { select.value = chosen; }
  }

  function analysisName(analysis) {
    if (analysis.status === "open") { return "Open until " + day.format(new Date(analysis.closes_at)); }
    return "Closed " + day.format(new Date(analysis.closed_at || analysis.closes_at));
  }

  function fillAnalyses(teamId, chosen) {
    var mine = choices.needs_analyses.filter(function (a) { return a.team_id === teamId; });
    fill($("needs_analysis_id"), mine.map(function (a) { return { value: a.id, text: analysisName(a) }; }),
      chosen, "No needs analysis yet");
  }

  function fillCourse(course) {
    var select = $("course_id");
    if (course && !Array.prototype.some.call(select.options, function (o) { return o.value === course.course_id; })) {
      var item = document.createElement("option");
      item.value = course.course_id;
      item.textContent = course.title || "A course not yet published to insights";
      select.appendChild(item);
      select.disabled = false;
    }
    if (course) { select.value = course.course_id; }
  }

  function known(list, key, value) {
    return value && list.some(function (item) { return item[key] === value; }) ? value : null;
  }

  function open(found) {
    choices = found;
    say("");
    if (!found.teams.length) {
      setState("empty");
      say("There is no team for you to see here. This dashboard shows the teams you manage, and HR " +
        "and admins see every team; no team in the directory names you as its manager. If you lead " +
        "a team, ask HR to record you as its manager.");
      return;
    }
    var teamId = known(found.teams, "team_id", wanted.team_id) || found.default_team_id;
    fill($("team_id"), found.teams.map(function (t) {
      return { value: t.team_id, text: t.display_name + " (" + t.members + (t.members === 1 ? " person)" : " people)") };
    }), teamId, "");
    fill($("course_id"), found.courses.map(function (c) { return { value: c.course_id, text: c.title }; }),
      null, "No course yet");
    fillAnalyses(teamId, wanted.needs_analysis_id);
    draw({ team_id: teamId, course_id: wanted.course_id, needs_analysis_id: wanted.needs_analysis_id });
  }

  function show(element, spec) {
    return vegaEmbed(element, spec, { renderer: "svg", actions: false, ast: true, expr: vega.expressionInterpreter })
      .then(function (result) { views.push(result); });
  }

  function clear(id) {
    var element = $(id);
    element.textContent = "";
    return element;
  }

  function list(parent, title, items, line) {
    if (!items.length) { return; }
    var heading = document.createElement("h3");
    heading.textContent = title;
    var ul = document.createElement("ul");
    items.forEach(function (item) {
      var li = document.createElement("li");
      var strong = document.createElement("strong");
      strong.textContent = item.label;
      li.appendChild(strong);
      li.appendChild(document.createTextNode(line(item)));
      ul.appendChild(li);
    });
    parent.appendChild(heading);
    parent.appendChild(ul);
  }

  function modules(item) {
    return item.modules.length ? " Module: " + item.modules.join("; ") + "." : "";
  }

  function findings(found) {
    var box = clear("findings");
    if (!found) { return; }
    list(box, "For you to act on: training alone will not fix these", found.act_on, function (item) {
      return ": " + item.finding + modules(item);
    });
    list(box, "Skills training can build", found.train, function (item) {
      return "." + modules(item);
    });
  }

  function render(charts) {
    views.forEach(function (view) { view.finalize(); });
    views = [];
    var drawn = [];
    $("sections").hidden = false;
    text("causes-note", charts.causes_note);
    $("causes-note").className = charts.causes_state === "shown" ? "note" : "notice";
    var causes = clear("causes");
    if (charts.causes) { drawn.push(show(causes, charts.causes)); }
    findings(charts.findings);
    text("course-name", charts.course ? (charts.course.title || "the course") : "a course");
    text("completions-note", charts.completions_note);
    var completions = clear("completions");
    if (charts.completions) { drawn.push(show(completions, charts.completions)); }
    text("kpis-note", charts.kpis_note);
    text("impact-note", charts.kpis.length ? charts.impact_note : "");
    var box = clear("kpis");
    charts.kpis.forEach(function (kpi, i) {
      var figure = document.createElement("div");
      var heading = document.createElement("h3");
      heading.textContent = kpi.label;
      var better = document.createElement("p");
      better.className = "better";
      better.textContent = kpi.better;
      figure.appendChild(heading);
      figure.appendChild(better);
      var chart = document.createElement("div");
      chart.id = "kpi-" + i;
      chart.className = "chart kpi";
      var summary = document.createElement("p");
      summary.className = "summary";
      summary.textContent = kpi.summary || "";
      figure.appendChild(chart);
      figure.appendChild(summary);
      box.appendChild(figure);
      drawn.push(show(chart, kpi.spec));
    });
    return Promise.all(drawn);
  }

  function draw(query) {
    var params = new URLSearchParams();
    Object.keys(query).forEach(function (key) { if (query[key]) { params.set(key, query[key]); } });
    setState("loading");
    say("Loading…");
    return api("charts?" + params)
      .then(function (charts) {
        if (charts.needs_analysis) { $("needs_analysis_id").value = charts.needs_analysis.id; }
        fillCourse(charts.course);
        return render(charts);
      })
      .then(function () {
        say("");
        setState("ready");
        document.body.dataset.rendered = "true";
      })
      .catch(failed);
  }

  function chosen(id) { return $(id).disabled ? "" : $(id).value; }

  function failed(error) {
    setState("error");
    say("Could not load the dashboard: " + error.message, "error");
  }

  function start() {
    say("Loading…");
    api("choices").then(open).catch(failed);
  }

  $("team_id").addEventListener("change", function () {
    fillAnalyses($("team_id").value, null);
    draw({ team_id: $("team_id").value });
  });
  ["needs_analysis_id", "course_id"].forEach(function (id) {
    $(id).addEventListener("change", function () {
      draw({ team_id: $("team_id").value, course_id: chosen("course_id"), needs_analysis_id: chosen("needs_analysis_id") });
    });
  });
  $("ask").addEventListener("submit", function (event) {
    event.preventDefault();
    token = $("token").value.trim();
    if (token) {
      $("token-field").hidden = true;
      $("open").hidden = true;
      start();
    }
  });

  if (token) {
    start();
  } else {
    setState("signin");
    $("token-field").hidden = false;
    $("open").hidden = false;
    say("Paste your access token to open your team's dashboard.");
  }
})();
