// Lighthouse over a few pages with ONE headless Chromium (CHROME_PATH, default /usr/bin/chromium),
// one page after another. Used by the suite (Browser/LighthouseTests) and bench/lighthouse.sh.
//
//   node lighthouse.mjs BASE_URL CATEGORIES PATH...
//   CATEGORIES: comma-separated, e.g. accessibility,best-practices,seo (or "all")
//
// Prints one JSON array on stdout: per page its scores (0-100), the audits that fell short in those
// categories (score < 1, not informative or n/a), and the page's total bytes when performance ran.
// Lighthouse's own default is the mobile preset (emulated phone, simulated slow 4G): kept as is.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { writeFileSync } from 'node:fs';

const [base, categoryList, ...paths] = process.argv.slice(2);
if (!base || !categoryList || paths.length === 0) {
  console.error('usage: node lighthouse.mjs BASE_URL CATEGORIES PATH...');
  process.exit(2);
}
const onlyCategories = categoryList === 'all' ? undefined : categoryList.split(',');

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  // Root in a container needs --no-sandbox; /dev/shm is small there (see DEVELOPERS.md).
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
const results = [];
try {
  for (const path of paths) {
    const url = new URL(path, base).href;
    // No full-page screenshot: no score or audit reads it (it only illustrates elements in the HTML
    // report), and capturing and encoding a whole emulated phone page was CPU the suite pays per page.
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories, disableFullPageScreenshot: true });
    // LH_SAVE=DIR keeps each page's whole report, for the audits this summary leaves out.
    if (process.env.LH_SAVE) writeFileSync(`${process.env.LH_SAVE}/${results.length + 1}.json`, JSON.stringify(lhr));
    const scores = {};
    const failing = [];
    for (const [id, category] of Object.entries(lhr.categories)) {
      scores[id] = category.score === null ? null : Math.round(category.score * 100);
      if (id === 'performance') continue; // timings: reported as a score, never listed as failures
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight === 0 || audit.score === null || audit.score >= 1) continue;
        const items = (audit.details?.items ?? []).slice(0, 3)
          .map(i => i.node?.snippet ?? i.source?.url ?? i.url ?? i.description ?? JSON.stringify(i).slice(0, 160));
        failing.push(`${id}/${audit.id}: ${audit.title}${items.length ? ' at ' + items.join(' | ') : ''}`);
      }
    }
    const bytes = lhr.audits['total-byte-weight']?.numericValue ?? null;
    // What the webfont costs a page: each font file fetched and its bytes on the wire.
    const fonts = (lhr.audits['network-requests']?.details?.items ?? [])
      .filter(r => r.resourceType === 'Font').map(r => `${r.url.split('/').pop()} ${r.transferSize}`);
    // The timings behind a performance score, in ms (CLS unitless), so a low score says what was slow.
    const metrics = lhr.categories.performance ? Object.fromEntries(
      ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
        .map(id => [id, Math.round((lhr.audits[id]?.numericValue ?? NaN) * 1000) / 1000])) : undefined;
    // Where the blocking time comes from: each script's main-thread time (evaluation plus what it runs
    // at load) and the main thread by kind, in ms as observed (Lighthouse's simulation then slows them 4x).
    const scripts = lhr.categories.performance ? (lhr.audits['bootup-time']?.details?.items ?? [])
      .map(i => `${String(i.url).split('/').pop().split('?')[0] || i.url} ${Math.round(i.scripting)}`) : undefined;
    const mainThread = lhr.categories.performance ? Object.fromEntries((lhr.audits['mainthread-work-breakdown']?.details?.items ?? [])
      .map(i => [i.group, Math.round(i.duration)])) : undefined;
    const lcpElement = lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet;
    // The LCP's phases (time to first byte, load delay, load time, render delay), in ms.
    const lcpPhases = Object.fromEntries((lhr.audits['largest-contentful-paint-element']?.details?.items?.[1]?.items ?? [])
      .map(i => [i.phase, Math.round(i.timing)]));
    // What the load of the machine does not change: bytes by kind, what blocks rendering, the
    // longest chain of requests, and what had arrived by the (observed) largest paint, which is
    // what Lighthouse's simulation then puts on the LCP's path at slow-4G speed.
    const weight = lhr.categories.performance ? (() => {
      const kinds = Object.fromEntries((lhr.audits['resource-summary']?.details?.items ?? []).map(i => [i.resourceType, i.transferSize]));
      const blocking = lhr.audits['render-blocking-resources']?.details?.items ?? [];
      const chain = lhr.audits['critical-request-chains']?.details?.longestChain ?? {};
      const lcpAt = lhr.audits['metrics']?.details?.items?.[0]?.observedLargestContentfulPaint ?? 0;
      const early = (lhr.audits['network-requests']?.details?.items ?? []).filter(r => r.networkEndTime <= lcpAt && !r.url.startsWith('data:'));
      return {
        document: kinds.document, stylesheet: kinds.stylesheet, script: kinds.script, font: kinds.font, image: kinds.image,
        renderBlocking: `${blocking.length} (${blocking.reduce((n, i) => n + (i.totalBytes ?? 0), 0)} B)`,
        chainDepth: chain.length, beforeLcp: `${early.length} requests, ${early.reduce((n, r) => n + (r.transferSize ?? 0), 0)} B`,
      };
    })() : undefined;
    const errors = lhr.runtimeError ? [lhr.runtimeError.message] : [];
    results.push({ path, finalUrl: lhr.finalDisplayedUrl, scores, metrics, weight, scripts, mainThread, lcpElement, lcpPhases, failing, bytes, fonts, errors, warnings: lhr.runWarnings });
  }
} finally {
  await chrome.kill();
}
console.log(JSON.stringify(results, null, 2));
