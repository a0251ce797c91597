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
  "/journal/verify", "/api/docs", "/no-such-page", "/login", "/motions", "/elections", "/elections/1", "/elections/2",
  "/assemblies/citizens_assembly", "/organs/citizens_assembly",
  "/treaties", "/treaties/aod-founding-treaty", "/treaties/aod-founding-treaty/redline",
  "/accreditations", "/democracy-officers", "/members/DNK/democracy-officer", "/organs/summit/report", "/applications", "/reviews", "/organs/civil_society_network", "/members/NER",
  "/caucus", "/caucus?from=2010&to=2019&issue=hr", "/caucus?member=USA", "/caucus/agenda", "/organs/un_caucus",
  "/pledges", "/pledges/DNK-2024-01", "/pledges/FRA-2024-01", "/pledges/CAN-2024-01", "/pledges/NZL-2024-01",
  "/members/CAN", "/organs/wg_resilience", "/pledges/import",
  "/sanctions", "/sanctions/1", "/sanctions/6", "/sanctions/consistency", "/sanctions/implementation",
  "/sanctions/screen", "/sanctions/screen?name=%D0%91%D0%B0%D1%81%D1%82%D1%80%D1%8B%D0%BA%D0%B8%D0%BD&birth_date=1953",
  "/initiatives/check", "/initiatives/check?registered=2021-05-01&counts=DE%2C67680%0AFR%2C100",
  "/initiatives", "/initiatives/1", "/initiatives/2", "/initiatives/3", "/initiatives/3/sign",
  "/consultations", "/consultations/1", "/consultations/2", "/consultations/2/respond",
  "/search", "/search?q=democra&kind=motion,treaty", "/search?q=x&from=2026-02-31",
];
// Signed in as each demo role (through the login form), the pages that change with the role.
const accounts = ["secretariat", "denmark", "mp", "ngo", "citizen", "observer", "opposition", "dk-officer"];
const signedInPages = ["/account", "/elections/2", "/caucus/agenda", "/motions/new", "/assemblies/citizens_assembly",
  "/treaties/aod-founding-treaty", "/applications", "/reviews", "/accreditations", "/ratings/import", "/members/DNK/democracy-officer", "/organs/civil_society_network/report",
  "/pledges", "/pledges/DNK-2024-01", "/pledges/import", "/sanctions", "/sanctions/1", "/sanctions/consistency",
  "/consultations", "/consultations/1", "/consultations/2", "/consultations/2/respond", "/initiatives/3"];
// Pages only the secretariat may see (others get 403).
const officerPages = ["/accounts"];
// Every page in the six languages; signed in, a left-to-right, a right-to-left and a CJK one.
const langs = ["en", "fr", "ar", "es", "ru", "zh"];
const signedInLangs = ["en", "ar", "zh"];
// Motions where a network held or holds a roll call of its accredited members, found through
// the API (their numbers depend on what the demo did before them).
const rollCalls = [];
// The council's first two motions (the demo's caucus positions come before them).
const council = [];
{
  const list = await (await fetch(`${base}/api/v1/motions?per_page=1000`)).json();
  for (const m of list.items ?? list) {
    const doc = await (await fetch(`${base}/api/v1/motions/${m.id}`)).json();
    const open = Object.keys(doc.network_divisions ?? {}).length > 0;
    const held = (doc.network_votes ?? []).some((v) => (v.roll ?? []).length > 0);
    if (open || held) rollCalls.push({ id: m.id, open });
  }
  if (!rollCalls.some((r) => r.open) || !rollCalls.some((r) => !r.open)) {
    console.log(`FAIL the demo has no open and no closed network roll call: ${JSON.stringify(rollCalls)}`);
    process.exit(1);
  }
  for (const r of rollCalls) { pages.push(`/motions/${r.id}`); signedInPages.push(`/motions/${r.id}`); }
  // The council's first two motions (the caucus's positions and the sanctions cases' motions
  // come before them in the demo), one caucus position, and every agenda item of the caucus.
  const motions = list.items ?? list;
  const oldest = [...motions].sort((a, b) => a.id - b.id);
  const cases = await (await fetch(`${base}/api/v1/sanctions?per_page=1000`)).json();
  const caseMotions = new Set((cases.items ?? cases).map((c) => c.motion));
  if (caseMotions.size === 0) { console.log("FAIL the demo has no sanctions case"); process.exit(1); }
  // The consultation's synthesis and the position it informed (2022) are older still.
  const consulted = await (await fetch(`${base}/api/v1/consultations?per_page=100`)).json();
  for (const c of consulted.items ?? consulted) {
    if (c.synthesis) caseMotions.add(c.synthesis.motion);
    for (const d of c.decisions) caseMotions.add(d.motion);
  }
  for (const m of caseMotions) pages.push(`/motions/${m}`);
  council.push(...oldest.filter((m) => m.decision !== "un_common_position" && !caseMotions.has(m.id)).slice(0, 2));
  const position = motions.find((m) => m.decision === "un_common_position");
  for (const m of [...council, ...(position ? [position] : [])]) { pages.push(`/motions/${m.id}`); signedInPages.push(`/motions/${m.id}`); }
  const agenda = await (await fetch(`${base}/api/v1/caucus/agenda`)).json();
  if (agenda.length === 0) { console.log("FAIL the demo's caucus has no agenda"); process.exit(1); }
  for (const it of agenda) pages.push(`/caucus/agenda/${it.item}`);
  signedInPages.push(`/caucus/agenda/${agenda[0].item}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-quic"],
});
let failures = 0;
let checked = 0;
let failedViews = 0;
try {
  // The pages allow no script (Content-Security-Policy); axe is the test's own, injected past it.
  const withJs = await browser.newContext({ bypassCSP: true });
  const noJs = await browser.newContext({ javaScriptEnabled: false });
  for (const lang of langs) {
    for (const path of pages) {
      const before = failures;
      const url = `${base}${path}${path.includes("?") ? "&" : "?"}lang=${lang}`;
      const page = await withJs.newPage();
      const res = await page.goto(url, { waitUntil: "load" });
      const expected = path === "/no-such-page" ? 404 : path.includes("2026-02-31") ? 400 : 200;
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
  // Each role signs in with the login form, with and without JavaScript.
  for (const user of accounts) {
    for (const js of [true, false]) {
      const ctx = await browser.newContext({ javaScriptEnabled: js, bypassCSP: true });
      const page = await ctx.newPage();
      await page.goto(`${base}/login?lang=en`);
      await page.fill("#username", user);
      await page.fill("#password", `demo-${user}-pass`);
      await Promise.all([page.waitForURL(/\/account/), page.click("main button[type=submit]")]);
      if (!(await page.content()).includes("What your roles let you do")) {
        console.log(`FAIL sign-in as ${user} (js=${js}): no account page`); failures++;
      }
      if (js) {
        for (const lang of signedInLangs) {
          for (const path of user === "secretariat" ? [...signedInPages, ...officerPages] : signedInPages) {
            const before = failures;
            const url = `${base}${path}?lang=${lang}`;
            const res = await page.goto(url, { waitUntil: "load" });
            if (res.status() !== 200) { console.log(`FAIL ${user} ${url}: HTTP ${res.status()}`); failures++; }
            await page.addScriptTag({ content: axeSource });
            const result = await page.evaluate(async () =>
              // eslint-disable-next-line no-undef
              await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }));
            for (const v of result.violations) {
              failures++;
              console.log(`FAIL ${user} ${url}: ${v.id} (${v.impact}): ${v.help}`);
              for (const n of v.nodes.slice(0, 3)) console.log(`     ${n.target.join(" ")}: ${n.failureSummary?.split("\n").join(" ")}`);
            }
            checked++;
            if (failures > before) failedViews++;
          }
        }
      }
      // Civil society files a shadow report through the form without JavaScript: the
      // pledge's page lists it.
      if (user === "ngo" && !js) {
        await page.goto(`${base}/pledges/CAN-2024-01?lang=en`);
        await page.selectOption("#r-source", "shadow");
        await page.fill("#r-date", "2026-06-30");
        await page.fill("#r-value", "5");
        await page.fill("#r-note", "Counted from the fund's published grants.");
        await Promise.all([page.waitForURL(/\/pledges\/CAN-2024-01$/), page.click("form[action$='/reports'] button[type=submit]")]);
        const text = await page.content();
        if (!text.includes("Counted from the fund") || !text.includes("civil_society")) {
          console.log("FAIL the shadow report is not on the pledge's page"); failures++;
        }
      }
      // The Danish delegate votes through the form without JavaScript: the roll call shows it.
      if (user === "denmark" && !js) {
        const second = council[1].id;
        await page.goto(`${base}/motions/${second}?lang=en`);
        await page.check("#v-yes");
        await Promise.all([page.waitForURL(new RegExp(`/motions/${second}$`)), page.click("text=Cast the vote")]);
        const roll = await page.locator("a[href='/members/DNK']").first().locator("xpath=../..").textContent();
        if (!roll.includes("Yes")) { console.log(`FAIL the delegate's vote is not in the roll call: ${roll}`); failures++; }
      }
      // A citizen volunteers for the assembly through the form without JavaScript: the page
      // answers with their volunteer number and receipt, and the receipt page passes axe too.
      if (user === "citizen" && !js) {
        await page.goto(`${base}/assemblies/citizens_assembly?lang=en`);
        await page.fill("#v-name", "Jonas Weber");
        await page.fill("#v-email", "jonas.weber@example.org");
        for (const select of await page.locator("form select[name^=f_]").all()) {
          await select.selectOption({ index: 1 });
        }
        await Promise.all([page.waitForURL(/\/assemblies\/citizens_assembly$/), page.click("form:has(#v-name) button[type=submit]")]);
        const text = await page.content();
        if (!/You are volunteer \d+/.test(text)) { console.log("FAIL the citizen's registration shows no volunteer number"); failures++; }
      }
      // The accredited member votes in the Parliamentary Network's roll call without
      // JavaScript: the roll shows its vote by name.
      if (user === "opposition" && !js) {
        const open = rollCalls.find((r) => r.open);
        await page.goto(`${base}/motions/${open.id}?lang=en`);
        await page.check("form:has(input[value=network_member_vote]) input[value=yes]");
        await Promise.all([page.waitForURL(new RegExp(`/motions/${open.id}(#.*)?$`)), page.click("text=Cast the vote")]);
        const text = await page.content();
        if (!/<td>Democratic opposition of Venezuela \(Plataforma Unitaria\)<\/td><td>Venezuela[^<]*<\/td><td>Yes<\/td>/.test(text)) {
          console.log("FAIL the accredited member's vote is not in the network's roll"); failures++;
        }
      }
      // An observer is offered no form to act with.
      if (user === "observer") {
        await page.goto(`${base}/motions/${council[1].id}?lang=en`);
        if (await page.locator("input[name=act]").count() > 0) { console.log("FAIL an observer is offered an act"); failures++; }
      }
      await ctx.close();
    }
  }
  // A citizen signs the collecting initiative without an account and without JavaScript:
  // a refusal names its field, then the receipt names the journal entry.
  {
    const list = await (await fetch(`${base}/api/v1/initiatives?per_page=100`)).json();
    const open = (list.items ?? list).find((i) => i.status === "collecting");
    if (!open) { console.log("FAIL the demo has no initiative collecting"); failures++; }
    else {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${base}/initiatives/${open.id}/sign?lang=en`);
      await page.fill("#name", "Giulia Bianchi");
      await page.selectOption("#nationality", "ITA");
      await page.fill("#birth_date", "1990-04-12");
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      if (!(await page.locator("#id_number[aria-invalid=true]").count())) {
        console.log("FAIL a signature without the ID number Italy asks for is not refused on its field"); failures++;
      }
      await page.fill("#id_number", "YA1234567");
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      const text = await page.content();
      if (!/your signature is recorded/.test(text) || !/href="\/journal\/\d+"/.test(text)) {
        console.log("FAIL signing gives no receipt with its journal entry"); failures++;
      }
      await ctx.close();
    }
  }
  // Anyone responds to the open consultation without an account and without JavaScript:
  // a response without a name is refused on its field, then the receipt names the entry.
  {
    const list = await (await fetch(`${base}/api/v1/consultations?per_page=100`)).json();
    const open = (list.items ?? list).find((c) => c.status === "open" && c.audience.includes("person"));
    if (!open) { console.log("FAIL the demo has no consultation open to anyone"); failures++; }
    else {
      const ctx = await browser.newContext({ javaScriptEnabled: false });
      const page = await ctx.newPage();
      await page.goto(`${base}/consultations/${open.id}/respond?lang=en`);
      await page.check("input[name=respond_as][value=person]");
      await page.selectOption("#country", "URY");
      await page.check("input[name=q1][value='0']");
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      if (!(await page.locator("#name[aria-invalid=true]").count())) {
        console.log("FAIL a response without a name is not refused on its field"); failures++;
      }
      await page.fill("#name", "Lucía Pereira");
      await page.check("input[name=q1][value='0']");
      await Promise.all([page.waitForLoadState("load"), page.click("main form button[type=submit]")]);
      const text = await page.content();
      if (!/Your response to/.test(text) || !/href="\/journal\/\d+"/.test(text)) {
        console.log("FAIL responding gives no receipt with its journal entry"); failures++;
      }
      await ctx.close();
    }
  }
} finally {
  await browser.close();
}
console.log(`${checked - failedViews} passed, ${failedViews} failed`);
console.log(`axe: ${checked} page views (${pages.length} public pages × ${langs.length} languages, ${signedInPages.length} pages × ${langs.length} languages for each of ${accounts.length} roles), ${failures} problems`);
process.exit(failures === 0 ? 0 : 1);
