import { defineConfig } from "vite";

// Served by the gateway under /learn/; built into .run/learner-web (LMS_LEARN_OUT to move it).
export default defineConfig({
  base: "/learn/",
  build: {
    outDir: process.env.LMS_LEARN_OUT ?? new URL("../../.run/learner-web", import.meta.url).pathname,
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0, // no data: URLs, so the CSP needs none
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080", "/learn/config.json": "http://127.0.0.1:8080" } },
});
