// The minute after: an assignable unit that speaks xAPI the cmi5 way.
// Launch parameters -> POST fetch for the token -> LMS.LaunchData -> learner preferences ->
// initialized; "I have read this" -> completed; the check -> passed or failed (by masteryScore);
// then terminated, and back to the LMS's returnURL when it gave one.
"use strict";

(function () {
  const CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
  const MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
  const MASTERY = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
  const VERB = "http://adlnet.gov/expapi/verbs/";
  const params = new URLSearchParams(window.location.search);
  const launch = {
    endpoint: params.get("endpoint"),
    fetch: params.get("fetch"),
    actor: params.get("actor"),
    registration: params.get("registration"),
    activityId: params.get("activityId"),
  };
  const started = Date.now();
  let auth = null;
  let launchData = null;

  function show(id, visible) {
    document.getElementById(id).hidden = !visible;
  }

  function say(text) {
    document.getElementById("status").textContent = text;
  }

  function uuid() {
    const b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function seconds(ms) {
    return `PT${Math.max(0, ms / 1000).toFixed(2)}S`;
  }

  async function xapi(method, path, query, body) {
    const url = `${launch.endpoint.replace(/\/$/, "")}/${path}?${new URLSearchParams(query)}`;
    const headers = { Authorization: auth, "X-Experience-API-Version": "1.0.3" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(url, { method, mode: "cors", headers, body: body && JSON.stringify(body) });
    if (response.status >= 400 && !(method === "GET" && response.status === 404)) {
      throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    }
    return response;
  }

  function statement(verb, { moveOn = false, result = null, mastery = false } = {}) {
    const context = JSON.parse(JSON.stringify(launchData.contextTemplate));
    context.registration = launch.registration;
    context.contextActivities = context.contextActivities || {};
    context.contextActivities.category = [{ id: CMI5 }].concat(moveOn ? [{ id: MOVEON }] : []);
    if (mastery && launchData.masteryScore !== undefined) {
      context.extensions[MASTERY] = launchData.masteryScore;
    }
    const sent = {
      id: uuid(),
      timestamp: new Date().toISOString(),
      actor: JSON.parse(launch.actor),
      verb: { id: VERB + verb, display: { "en-US": verb } },
      object: { id: launch.activityId, objectType: "Activity" },
      context,
    };
    if (result) sent.result = result;
    return xapi("PUT", "statements", { statementId: sent.id }, sent);
  }

  async function start() {
    const fetched = await (await fetch(launch.fetch, { method: "POST", mode: "cors" })).json();
    if (!fetched["auth-token"]) throw new Error(`the fetch URL answered ${fetched["error-text"]}`);
    auth = `Basic ${fetched["auth-token"]}`;
    const state = { stateId: "LMS.LaunchData", activityId: launch.activityId, agent: launch.actor, registration: launch.registration };
    launchData = await (await xapi("GET", "activities/state", state)).json();
    await xapi("GET", "agents/profile", { profileId: "cmi5LearnerPreferences", agent: launch.actor });
    await statement("initialized");
    say(launchData.launchMode === "Normal" ? "" : `Opened in ${launchData.launchMode} mode: nothing is recorded.`);
    show("lesson", true);
  }

  async function read() {
    show("lesson", false);
    if (launchData.launchMode === "Normal") {
      const result = { completion: true, duration: seconds(Date.now() - started) };
      // completed counts once per registration: a second session's is refused (403), and that is fine
      await statement("completed", { moveOn: true, result }).catch((e) => {
        if (!/: 403 /.test(e.message)) throw e;
      });
    }
    show("check", true);
  }

  async function check(event) {
    event.preventDefault();
    const answers = ["q1", "q2", "q3"].map((q) => (new FormData(event.target).get(q) === "right" ? 1 : 0));
    const right = answers.reduce((a, b) => a + b, 0);
    // judged on the score as sent (two decimals): the LMS checks passed and failed against it
    const scaled = Math.round((right / answers.length) * 100) / 100;
    const passed = scaled >= (launchData.masteryScore ?? 0.67);
    if (launchData.launchMode === "Normal") {
      const score = { scaled, raw: right, min: 0, max: answers.length };
      const result = { success: passed, score, duration: seconds(Date.now() - started) };
      await statement(passed ? "passed" : "failed", { moveOn: true, result, mastery: true });
    }
    await statement("terminated", { result: { duration: seconds(Date.now() - started) } });
    show("check", false);
    const done = document.getElementById("done");
    done.textContent = passed ? "Well done: you passed. You can close this window." : "Not quite: open the lesson again to retry.";
    show("done", true);
    if (launchData.returnURL) window.location.href = launchData.returnURL;
  }

  document.getElementById("read").addEventListener("click", () => read().catch((e) => say(e.message)));
  document.getElementById("check").addEventListener("submit", (e) => check(e).catch((x) => say(x.message)));
  start().catch((e) => say(`This lesson could not start: ${e.message}`));
})();
