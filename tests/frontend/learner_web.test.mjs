// The reference learner app in headless Chromium (Debian's, driven by playwright-core) against the
// e2e suite: a new learner signs in, takes the diagnostic, follows a recommendation, reads every
// lesson, fails then passes the scenario quiz, completes the course and verifies the certificate;
// another starts a cmi5 AU from its lesson, answers it on the AU's own page and comes back satisfied.
// axe-core checks every page; the app must also work at phone width, by keyboard, and hosted on
// another origin (CORS). Run by tests/frontend/test_learner_web_browser.py, which writes the fixture.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";

const fixture = JSON.parse(readFileSync(process.env.LMS_BROWSER_FIXTURE, "utf8"));
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];
const app = `${fixture.url}/learn/`;
const problems = []; // CSP violations and uncaught errors, from every page
let browser;

before(async () => {
  browser = await chromium.launch({ executablePath: fixture.chromium, args: FLAGS, headless: true });
  mkdirSync(fixture.shots, { recursive: true });
});
after(async () => browser?.close());

async function newPage(viewport = { width: 1100, height: 800 }) {
  const context = await browser.newContext({ viewport, reducedMotion: "reduce" });
  const page = await context.newPage();
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(`${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`${page.url()}: ${error.message}`));
  return page;
}

async function heading(page, name) {
  await page.getByRole("heading", { level: 1, name }).waitFor({ timeout: 30_000 });
}

/** No serious or critical axe-core violation on the page as it is now; a screenshot of it. */
async function check(page, shot) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  const bad = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  assert.deepEqual(
    bad.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    [],
    `accessibility violations on ${shot}`,
  );
  if (shot) await page.screenshot({ path: `${fixture.shots}/learn-${shot}.png`, fullPage: true });
}

async function fitsTheWidth(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen at ${page.url()}`);
}

const quizItem = (page, text) => page.locator("fieldset.item", { hasText: text });

test("a new learner takes the whole course, from the diagnostic to a verified certificate", async () => {
  const page = await newPage();
  await page.goto(app);
  await heading(page, "Sign in");
  await check(page, "signin");
  await page.getByLabel("Access token").fill(fixture.token);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();

  await heading(page, "Courses");
  await page.getByLabel("Search courses").fill("complaint");
  await page.getByRole("button", { name: "Search" }).click();
  await page.getByText(/course(s)? found for/).waitFor();
  await check(page, "catalogue");
  await page.getByRole("link", { name: fixture.course_title }).click();
  await heading(page, fixture.course_title);
  await check(page, "course");

  await page.getByRole("link", { name: "Take the diagnostic" }).click();
  await heading(page, "Complaint calls: where are you now?");
  await quizItem(page, "I let customers finish").getByLabel("1", { exact: true }).check();
  await quizItem(page, "This is the second time").getByLabel("Ask for the order number straight away.").check();
  await quizItem(page, "I end calls with a next step").getByLabel("2", { exact: true }).check();
  await check(page, "diagnostic");
  await page.getByRole("button", { name: "See my results" }).click();
  await heading(page, "Your diagnostic");
  await check(page, "recommendations");

  await page.getByRole("link", { name: "Listening first" }).click(); // follow the recommendation
  await heading(page, fixture.course_title);
  await page.locator(".module", { hasText: "Listening first" }).getByText("Recommended for you").waitFor();
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByText(/You are enrolled: \d+% done/).waitFor();

  await page.getByRole("link", { name: "Let them finish" }).click();
  await heading(page, "Let them finish");
  assert.equal(await page.evaluate(() => window.injected), undefined, "a script in a lesson never runs");
  assert.equal(await page.locator(".lesson-body script").count(), 0);
  assert.equal(await page.locator(".lesson-body strong", { hasText: "for the second time" }).count(), 1);
  await check(page, "lesson");
  for (const next of ["What you heard", "Agree the next step"]) {
    await page.getByRole("button", { name: "Mark as done" }).click();
    await page.getByRole("button", { name: "Done ✓" }).waitFor();
    await page.getByRole("link", { name: `Next: ${next}` }).click();
    await heading(page, next);
  }
  await page.getByRole("button", { name: "Mark as done" }).click();
  await page.getByRole("button", { name: "Done ✓" }).waitFor();
  await page.getByRole("link", { name: "Back to the course" }).click();
  await heading(page, fixture.course_title);
  await page.getByText("1 of 1 lessons done").waitFor(); // the second module: its one lesson read

  // the scenario quiz: a poor conversation fails ...
  await page.getByRole("link", { name: "Take the quiz: Listening first" }).click();
  await heading(page, "Quiz: Listening first");
  await quizItem(page, "When do you explain the fix?").getByLabel("As soon as you know it, to save time.").check();
  await quizItem(page, "Which of these show you listened?").getByLabel("Reading the returns policy aloud.").check();
  await quizItem(page, "Interrupting is fine").getByLabel("True", { exact: true }).check();
  const scenario = quizItem(page, "parcel is missing again");
  await scenario.getByLabel("Order number, please.").check();
  await scenario.getByRole("button", { name: "Say this" }).click();
  await scenario.getByText("The conversation has ended").waitFor();
  await quizItem(page, "In one sentence").getByRole("textbox").fill("I will let them finish.");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await heading(page, "Not passed yet");
  await page.getByText("Too soon: she has not finished.").waitFor(); // the scenario step's feedback
  await check(page, "quiz-failed");

  // ... a good one, revealed step by step, passes
  await page.getByRole("link", { name: "Try again" }).click();
  await heading(page, "Quiz: Listening first");
  await quizItem(page, "When do you explain the fix?").getByLabel("After the customer has finished").check();
  const listened = quizItem(page, "Which of these show you listened?");
  await listened.getByLabel("Saying back that it is the second time.").check();
  await listened.getByLabel("Naming what the parcel meant to her.").check();
  await quizItem(page, "Interrupting is fine").getByLabel("False", { exact: true }).check();
  const again = quizItem(page, "parcel is missing again");
  await again.getByLabel("The second time. I'm sorry.", { exact: false }).check();
  await again.getByRole("button", { name: "Say this" }).click();
  await again.getByText("A birthday present for my son").waitFor(); // the next step, revealed
  await check(page, "scenario");
  await again.getByLabel("let's get a replacement to you by Friday", { exact: false }).check();
  await again.getByRole("button", { name: "Say this" }).click();
  await again.getByText("The conversation has ended").waitFor();
  await quizItem(page, "In one sentence").getByRole("textbox").fill("I will say back what matters first.");
  await page.getByRole("button", { name: "Submit answers" }).click();
  await heading(page, "You passed");
  await check(page, "quiz-passed");

  // completion travels through Kafka: the course page says so once progress has it
  await page.getByRole("link", { name: "Back to the course" }).click();
  const deadline = Date.now() + 120_000;
  while (!(await page.getByText("You have completed this course.").isVisible())) {
    assert.ok(Date.now() < deadline, "the course was not completed within two minutes");
    await page.waitForTimeout(1000);
    await page.reload();
    await heading(page, fixture.course_title);
  }
  await check(page, "course-completed");
  await page.getByRole("link", { name: "See your certificate" }).click();
  await heading(page, "Certificate");
  await page.getByText("This certificate is valid").waitFor();
  await check(page, "certificate");
  const certificate = page.url();

  await page.getByRole("link", { name: "My progress" }).click();
  await heading(page, "My progress");
  await page.getByText("Completed.").waitFor();
  await check(page, "progress");

  // the certificate verifies in public: a new browser, no sign-in
  const stranger = await newPage();
  await stranger.goto(certificate);
  await heading(stranger, "Certificate");
  await stranger.getByText(fixture.learner_name).waitFor();
  await stranger.goto(`${app}#/certificates/NO-SUCH-CODE`);
  await heading(stranger, "Certificate not verified");
  assert.ok((await stranger.getByRole("alert").innerText()).length > 10, "the problem's detail is shown");
  await check(stranger, "certificate-unknown");
});

test("at phone width every page fits, and the catalogue works by keyboard alone", async () => {
  const page = await newPage({ width: 375, height: 740 });
  await page.goto(`${app}#token=${fixture.token}`);
  await heading(page, "Courses");
  await fitsTheWidth(page);
  await check(page, "catalogue-phone");
  for (let presses = 0; presses < 15; presses++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(() => document.activeElement?.id === "q")) break;
  }
  await page.keyboard.type("complaint");
  await page.keyboard.press("Enter");
  await page.getByText(/course(s)? found for/).waitFor();
  const link = page.getByRole("link", { name: fixture.course_title });
  for (let presses = 0; presses < 15 && !(await link.evaluate((a) => a === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await page.keyboard.press("Enter");
  await heading(page, fixture.course_title);
  await fitsTheWidth(page);
  await check(page, "course-phone");
  await page.getByRole("link", { name: "Take the quiz: Listening first" }).click();
  await heading(page, "Quiz: Listening first");
  await fitsTheWidth(page);
  await check(page, "quiz-phone");
});

test("an error from the API is shown as a sentence, never a blank page", async () => {
  const page = await newPage();
  await page.goto(`${app}#token=${fixture.token}`);
  await heading(page, "Courses");
  await page.goto(`${app}#/quiz/00000000-0000-0000-0000-000000000000`);
  await heading(page, "That did not work");
  const alert = await page.getByRole("alert").innerText();
  assert.ok(alert.length > 10 && !/undefined|\[object/.test(alert), alert);
  await check(page, "error");
});

test("hosted on another origin, the app calls the gateway across origins (CORS, bearer token)", async () => {
  // the same build on another team's host (another port, its config.json naming the gateway): the
  // browser preflights each call that carries the token, and the gateway must allow that origin
  const page = await newPage();
  const crossing = page.waitForResponse((response) => response.url().startsWith(`${fixture.url}/api/v1/courses`));
  await page.goto(`${fixture.separate_origin}/learn/#token=${fixture.token}`);
  const reply = await crossing;
  assert.equal(reply.status(), 200);
  assert.equal((await reply.allHeaders())["access-control-allow-origin"], fixture.separate_origin);
  await heading(page, "Courses");
  await page.goto(`${fixture.separate_origin}/learn/#/?q=complaint`);
  await page.getByRole("link", { name: fixture.course_title }).click();
  await heading(page, fixture.course_title);
});

test("signing in with the organisation's identity provider: authorization code with PKCE", async () => {
  // the identity provider is played here: discovery, the authorize redirect and the token endpoint
  const page = await newPage();
  const authority = "https://id.example/realms/staff";
  const seen = {};
  await page.route("https://id.example/**", async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.endsWith("/.well-known/openid-configuration")) {
      return route.fulfill({
        json: {
          issuer: authority,
          authorization_endpoint: `${authority}/authorize`,
          token_endpoint: `${authority}/token`,
          jwks_uri: `${authority}/certs`,
        },
        headers: { "Access-Control-Allow-Origin": "*" },
      });
    }
    if (url.pathname.endsWith("/authorize")) {
      seen.authorize = Object.fromEntries(url.searchParams);
      const back = new URL(seen.authorize.redirect_uri);
      back.searchParams.set("code", "the-code");
      back.searchParams.set("state", seen.authorize.state);
      return route.fulfill({ status: 302, headers: { location: back.href } });
    }
    if (url.pathname.endsWith("/token")) {
      seen.token = Object.fromEntries(new URLSearchParams(route.request().postData() ?? ""));
      const part = (value) => Buffer.from(JSON.stringify(value)).toString("base64url");
      const now = Math.floor(Date.now() / 1000);
      const claims = { iss: authority, aud: "learn-web", sub: "oidc-learner", iat: now, exp: now + 600 };
      if (seen.authorize.nonce) claims.nonce = seen.authorize.nonce;
      const idToken = `${part({ alg: "RS256", typ: "JWT" })}.${part(claims)}.c2lnbmF0dXJl`;
      return route.fulfill({
        json: { access_token: fixture.token, id_token: idToken, token_type: "Bearer", expires_in: 600 },
        headers: { "Access-Control-Allow-Origin": "*" },
      });
    }
    return route.fulfill({ status: 404 });
  });
  await page.goto(app);
  await heading(page, "Sign in");
  await page.getByRole("button", { name: "Sign in with your organisation" }).click();
  await heading(page, "Courses");
  assert.equal(seen.authorize.response_type, "code");
  assert.equal(seen.authorize.client_id, "learn-web");
  assert.equal(seen.authorize.code_challenge_method, "S256");
  const challenge = createHash("sha256").update(seen.token.code_verifier).digest("base64url");
  assert.equal(seen.authorize.code_challenge, challenge, "the token request proves the PKCE verifier");
  assert.equal(seen.token.grant_type, "authorization_code");
  assert.equal(seen.token.code, "the-code");
  assert.ok(!page.url().includes("code="), "the code leaves the address bar");
  await page.getByText(fixture.learner_name).waitFor(); // the access token is the bearer now
});

test("a cmi5 AU: Start launches it, the learner answers it on its page and comes back satisfied", async () => {
  const page = await newPage();
  await page.goto(`${app}#token=${fixture.cmi5_token}`);
  await heading(page, "Courses");
  await page.goto(`${app}#/courses/${fixture.cmi5_course_id}`);
  await heading(page, fixture.cmi5_course_title);
  await page.getByRole("button", { name: "Enrol in this course" }).click();
  await page.getByText(/You are enrolled: \d+% done/).waitFor();
  await page.getByRole("link", { name: fixture.cmi5_lesson_title }).click();
  await heading(page, fixture.cmi5_lesson_title);
  const lessonUrl = page.url();
  await page.getByText("Not satisfied yet").waitFor(); // the AU's state, from listEnrolmentAus
  assert.equal(await page.getByRole("button", { name: "Mark as done" }).count(), 0, "an AU is never done by a click");
  await fitsTheWidth(page);
  await check(page, "lesson-au");

  // by keyboard: Start launches (launchAu, the way back to this lesson as returnURL) and the
  // AU (launchMethod AnyWindow) opens in this window, on the content origin the gateway serves
  const start = page.getByRole("button", { name: "Start", exact: true });
  const launching = page.waitForRequest((r) => r.method() === "POST" && r.url().endsWith("/launches"));
  await start.focus();
  await page.keyboard.press("Enter");
  assert.equal((await launching).postDataJSON().return_url, lessonUrl);
  await page.waitForURL((url) => url.href.startsWith(`${fixture.url}/content/`), { timeout: 30_000 });
  assert.equal(new URL(page.url()).searchParams.get("endpoint"), `${fixture.url}/xapi`);

  // the demo AU, as a learner answers it (two of three right passes); it sends the learner back
  await page.getByRole("button", { name: "I have read this" }).click({ timeout: 30_000 });
  await page.getByLabel("The body's stress response takes time to settle").check();
  await page.getByLabel("A long exhale, three times").check();
  await page.getByLabel("Before you need it").check();
  await page.getByRole("button", { name: "Submit" }).click();
  await page.waitForURL((url) => url.href === lessonUrl, { timeout: 30_000 });
  await heading(page, fixture.cmi5_lesson_title);
  const deadline = Date.now() + 60_000;
  while (!(await page.getByText("Satisfied ✓").isVisible())) {
    assert.ok(Date.now() < deadline, "the AU was not satisfied within a minute");
    await page.waitForTimeout(1000);
    await page.reload();
    await heading(page, fixture.cmi5_lesson_title);
  }
  await page.getByRole("button", { name: "Start again" }).waitFor();
  await check(page, "lesson-au-satisfied");
  await page.setViewportSize({ width: 375, height: 740 });
  await fitsTheWidth(page);
});

test("no page broke the content security policy or threw", () => {
  assert.deepEqual(problems, []);
});
