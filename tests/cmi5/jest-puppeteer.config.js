/*
    How CATAPULT's suite starts its browser here (JEST_PUPPETEER_CONFIG points at this file):
    Debian's Chromium, headless, with the flags the suite's other browser tests use. Puppeteer's
    own browser download is never made (PUPPETEER_SKIP_DOWNLOAD).
*/
module.exports = {
    launch: {
        executablePath: process.env.CATAPULT_CHROMIUM || "/usr/bin/chromium",
        headless: true,
        args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run"
        ]
    }
};
