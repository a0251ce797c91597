// Visit every page kind in every shipped language in Debian's Chromium (never a downloaded
// browser), run axe-core on each, and fail on any WCAG 2.2 A/AA violation. Also checks that
// pages render with JavaScript disabled. Usage: node axe.mjs http://127.0.0.1:PORT
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { chromium } from "playwright-core";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
const base = process.argv[2] ?? "http://127.0.0.1:8080";
const pages = [
  "/", "/members", "/members?status=member&sort=-population", "/members/DNK", "/members/HUN",
  "/charter", "/organs", "/organs/governing_council", "/organs/summit", "/journal", "/journal/2",
  "/journal/verify", "/api/docs", "/no-such-page",
];
const langs = ["en", "fr", "ar"];

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"],
});
let failures = 0;
let checked = 0;
let failedViews = 0;
try {
  const withJs = await browser.newContext();
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  for (const lang of langs) {
    for (const path of pages) {
      const before = failures;
      const url = `${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
      const page = await withJs.newPage();
      const res = await page.goto(url, { waitUntil: "load" });
      const expected = path === "/no-such-page" ? 404 : 200;
      if (res.status() !== expected) {
        console.log(`FAIL ${url}: HTTP ${res.status()}, expected ${expected}`);
        failures++;
      }
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () =>
        // eslint-disable-next-line no-undef
        await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
      for (const v of result.violations) {
        failures++;
        console.log(`FAIL ${url}: ${v.id} (${v.impact}): ${v.help}`);
        for (const n of v.nodes.slice(0, 3)) console.log(`     ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`);
      }
      await page.close();
      const bare = await noJs.newPage();
      await bare.goto(url);
      const h1 = await bare.locator("h1").first().textContent();
      if (!h1 || !h1.trim()) { console.log(`FAIL ${url}: no heading without JavaScript`); failures++; }
      await bare.close();
      checked++;
      if (failures > before) failedViews++;
    }
  }
} finally {
  await browser.close();
}
console.log(`${checked - failedViews} passed, ${failedViews} failed`);
console.log(`axe: ${checked} page views (${pages.length} pages × ${langs.length} languages), ${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
