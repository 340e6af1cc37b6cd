/*
    The LMS adapter of CATAPULT's LMS test suite for this LMS suite (copied into the suite as
    lib/lms.custom.js by tests/e2e/test_catapult.py). It speaks our public API through the gateway:

    - importCourse: POST /api/v1/cmi5-packages?publish=true as an author; a 4xx refusal
      (400 unreadable or unsafe, 413 too large, 415 not a package type, 422 invalid cmi5) is the
      suite's InvalidPackageError, anything else an error.
    - getLaunchUrl: a learner enrols on the course (or finds the enrolment: 409 returns it),
      takes the AU's lesson from the course's only module, and launches it with
      POST /api/v1/enrolments/{id}/aus/{lesson}/launches. The registration is the enrolment, so a
      second launch "with the same registration" is a second launch of the same enrolment. The
      actor is the learner's account on this LMS, not the one the suite proposes: cmi5 8.1.3 has
      the LMS name the learner.
    - waiveAU and abandonSession: HR's POST .../waive and POST /api/v1/cmi5/sessions/{id}/abandon.
    - statements are read from the record store at /xapi with HR's token.

    Settings come from the environment the test sets: LMS_URL, CATAPULT_AUTHOR_TOKEN,
    CATAPULT_LEARNER_TOKEN, CATAPULT_HR_TOKEN.
*/
"use strict";

const Wreck = require("@hapi/wreck"),
    {InvalidPackageError} = require("./errors");

const REFUSED = [400, 413, 415, 422],
    WAIT_MS = 90000,
    courses = new Map(), // registration -> course id
    lessons = new Map(); // course id -> lesson ids in AU order

let base, tokens;

const call = async (method, path, token, {payload, contentType, accept = [200, 201]} = {}) => {
    const headers = {Authorization: `Bearer ${token}`};

    if (contentType) {
        headers["Content-Type"] = contentType;
    }
    else if (payload !== undefined) {
        headers["Content-Type"] = "application/json";
        payload = JSON.stringify(payload);
    }

    const response = await Wreck.request(method, `${base}${path}`, {headers, payload}),
        body = await Wreck.read(response),
        text = body.toString(),
        status = response.statusCode;
    let json = null;

    try {
        json = text ? JSON.parse(text) : null;
    }
    catch (ex) {
        json = null;
    }

    return {status, json, text, ok: accept.includes(status)};
};

const until = async (attempt) => {
    const deadline = Date.now() + WAIT_MS;

    for (;;) {
        // eslint-disable-next-line no-await-in-loop
        const result = await attempt();

        if (result.ok || result.status !== 404 || Date.now() > deadline) {
            return result;
        }
        // the record store learns of courses and enrolments from events, a moment after they happen
        // eslint-disable-next-line no-await-in-loop
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
};

const readAll = (stream) => new Promise((resolve, reject) => {
    const chunks = [];

    stream.on("data", (chunk) => chunks.push(chunk));
    stream.on("end", () => resolve(Buffer.concat(chunks)));
    stream.on("error", reject);
});

const enrolment = async (courseId) => {
    const created = await call("POST", "/api/v1/enrolments", tokens.learner, {payload: {course_id: courseId}});

    if (created.status === 201 || created.status === 409) {
        return created.status === 201 ? created.json : created.json.enrolment || created.json;
    }
    throw new Error(`enrolment failed: ${created.status} ${created.text}`);
};

const lessonsOf = async (courseId) => {
    if (!lessons.has(courseId)) {
        const course = await call("GET", `/api/v1/courses/${courseId}`, tokens.learner);

        if (!course.ok) {
            throw new Error(`course ${courseId}: ${course.status} ${course.text}`);
        }
        lessons.set(courseId, course.json.modules[0].lessons.map((lesson) => lesson.id));
    }

    return lessons.get(courseId);
};

module.exports = {
    setup: async () => {
        base = process.env.LMS_URL.replace(/\/$/, "");
        tokens = {
            author: process.env.CATAPULT_AUTHOR_TOKEN,
            learner: process.env.CATAPULT_LEARNER_TOKEN,
            hr: process.env.CATAPULT_HR_TOKEN
        };
    },

    teardown: async () => {},

    getLrsEndpoint: () => `${base}/xapi`,

    getLrsAuthHeader: () => `Bearer ${tokens.hr}`,

    importCourse: async (stream, contentType, filename) => {
        const slug = `catapult-${filename.replace(/[^a-z0-9]+/gi, "-").toLowerCase()}-${Date.now().toString(36)}`,
            payload = await readAll(stream),
            imported = await call(
                "POST",
                `/api/v1/cmi5-packages?publish=true&slug=${slug.slice(0, 110)}`,
                tokens.author,
                {payload, contentType}
            );

        if (REFUSED.includes(imported.status)) {
            throw new InvalidPackageError(`${filename}: ${imported.status} ${imported.text}`);
        }
        if (!imported.ok) {
            throw new Error(`import of ${filename} failed: ${imported.status} ${imported.text}`);
        }

        return imported.json.course_id;
    },

    getLaunchUrl: async (courseId, auIndex, actor, {registration, launchMode}) => {
        const enrolled = await enrolment(courseId);

        if (registration && registration !== enrolled.id) {
            throw new Error(`registration ${registration} is not the enrolment ${enrolled.id}`);
        }
        courses.set(enrolled.id, courseId);

        const lesson = (await lessonsOf(courseId))[auIndex],
            launched = await until(() => call(
                "POST",
                `/api/v1/enrolments/${enrolled.id}/aus/${lesson}/launches`,
                tokens.learner,
                {payload: launchMode ? {launch_mode: launchMode} : {}}
            ));

        if (!launched.ok) {
            throw new Error(`launch failed: ${launched.status} ${launched.text}`);
        }

        return launched.json.launch_url;
    },

    cleanup: async () => {},

    hasWaive: () => true,

    waiveAU: async (registration, auIndex, reason) => {
        const lesson = (await lessonsOf(courses.get(registration)))[auIndex],
            waived = await call(
                "POST",
                `/api/v1/enrolments/${registration}/aus/${lesson}/waive`,
                tokens.hr,
                {payload: {reason}}
            );

        if (!waived.ok) {
            throw new Error(`waive failed: ${waived.status} ${waived.text}`);
        }
    },

    hasAbandon: () => true,

    abandonSession: async (sessionId) => {
        const abandoned = await call("POST", `/api/v1/cmi5/sessions/${sessionId}/abandon`, tokens.hr);

        if (!abandoned.ok) {
            throw new Error(`abandon failed: ${abandoned.status} ${abandoned.text}`);
        }
    }
};
