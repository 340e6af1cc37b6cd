// Time to first render of the learner app and of a bare static page, in headless Chromium, each
// from a fresh browser context (nothing cached). Called by bench/learner_web.py, which serves both.
//   node bench/learner_web.mjs <app url> <bare page url> <rounds>
import { chromium } from "playwright-core";

const [appUrl, bareUrl, rounds = "7"] = process.argv.slice(2);
const FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
  "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium", args: FLAGS });

/** ms from navigation start to the first contentful paint and to the page's own first view. */
async function measure(url) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForSelector("main[data-state=ready] h1", { timeout: 30_000 });
  await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length, undefined, {
    timeout: 30_000,
  });
  // the app marks its first view itself; the bare page's heading is its first contentful paint
  const { fcp, drawn } = await page.evaluate(() => {
    const fcp = performance.getEntriesByName("first-contentful-paint")[0].startTime;
    const view = performance.getEntriesByName("lms:first-view")[0];
    return { fcp, drawn: view ? Math.max(view.startTime, fcp) : fcp };
  });
  await context.close();
  return { fcp, drawn };
}

const results = { app: [], bare: [] };
await measure(appUrl); // warm the browser process itself, not the page
for (let round = 0; round < Number(rounds); round++) {
  results.bare.push(await measure(bareUrl));
  results.app.push(await measure(appUrl));
}
await browser.close();
console.log(JSON.stringify(results));
