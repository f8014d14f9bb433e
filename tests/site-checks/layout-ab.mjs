// A/B of two stylesheets on the same pages, interleaved, on Lighthouse's phone (412 x 823, 1.75 dppx):
// the main thread's style and layout time up to the load event and a moment after, as Chromium's
// Performance.getMetrics counts it. site.css is answered from FILE_A or FILE_B, so one app serves both.
//   node layout-ab.mjs BASE_URL FILE_A FILE_B ROUNDS PATH...
import puppeteer from 'puppeteer-core';
import { readFileSync } from 'node:fs';

const [base, fileA, fileB, rounds, ...paths] = process.argv.slice(2);
const css = { A: readFileSync(fileA, 'utf8'), B: readFileSync(fileB, 'utf8') };
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});
const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
try {
  for (const path of paths) {
    const seen = { A: [], B: [] };
    for (let r = 0; r < Number(rounds); r++) {
      for (const v of r % 2 ? ['B', 'A'] : ['A', 'B']) {
        const context = await browser.createBrowserContext();
        const page = await context.newPage();
        await page.emulate({ viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }, userAgent: await browser.userAgent() });
        await page.setRequestInterception(true);
        page.on('request', req => new URL(req.url()).pathname === '/css/site.css'
          ? req.respond({ status: 200, contentType: 'text/css; charset=utf-8', body: css[v] }) : req.continue());
        const cdp = await page.createCDPSession();
        await cdp.send('Performance.enable');
        await page.goto(new URL(path, base).href, { waitUntil: 'load' });
        await new Promise(res => setTimeout(res, 300));
        const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map(x => [x.name, x.value]));
        seen[v].push({ style: m.RecalcStyleDuration * 1000, layout: m.LayoutDuration * 1000, layouts: m.LayoutCount, objects: m.LayoutObjects });
        await context.close();
      }
    }
    for (const v of ['A', 'B']) {
      const s = seen[v];
      console.log(`${path} ${v}: style ms ${median(s.map(x => x.style)).toFixed(1)}, layout ms ${median(s.map(x => x.layout)).toFixed(1)}, layouts ${median(s.map(x => x.layouts))}, layout objects ${median(s.map(x => x.objects))} (medians of ${s.length})`);
    }
  }
} finally {
  await browser.close();
}
