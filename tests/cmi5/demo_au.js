/*
    Drives the demo AU (courses/the-minute-after-cmi5) as a learner would, in Debian's Chromium:
    node demo_au.js <launch URL> <answers, e.g. right,right,wrong>
    Opens the launch URL, waits for the lesson, reads it, answers the check and prints
    {"done": <closing text>, "status": <status line>} once the AU has said it is done.
    Run from the CATAPULT copy under .run/, whose node_modules hold puppeteer.
*/
"use strict";

const puppeteer = require("puppeteer"),
    config = require("./lms.jest-puppeteer.config.js");

const WAIT_MS = 60000;

(async () => {
    const [launchUrl, answers] = process.argv.slice(2),
        browser = await puppeteer.launch(config.launch);

    try {
        const page = await browser.newPage(),
            visible = (selector) => page.waitForSelector(`${selector}:not([hidden])`, {timeout: WAIT_MS});

        await page.goto(launchUrl);
        await Promise.race([
            visible("#lesson"),
            page.waitForFunction(() => /could not start/.test(document.querySelector("#status").textContent),
                {timeout: WAIT_MS})
        ]);
        if (await page.$("#lesson:not([hidden])")) {
            await page.click("#read");
            await visible("#check");
            for (const [index, answer] of answers.split(",").entries()) {
                // eslint-disable-next-line no-await-in-loop
                await page.click(`input[name="q${index + 1}"][value="${answer}"]`);
            }
            await page.click("#check button[type=submit]");
            await Promise.race([
                visible("#done"),
                page.waitForFunction(() => document.querySelector("#status").textContent !== "", {timeout: WAIT_MS})
            ]);
        }
        const read = (selector) => page.$eval(selector, (el) => el.hidden ? "" : el.textContent);

        console.log(JSON.stringify({done: await read("#done"), status: await read("#status")}));
    }
    finally {
        await browser.close();
    }
})().catch((ex) => {
    console.error(ex);
    process.exit(1);
});
