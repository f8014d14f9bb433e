// Scratch: one Lighthouse run, then the main thread's top-level tasks and what fills them.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
const [url] = process.argv.slice(2);
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'] });
const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
await chrome.kill();
const ev = artifacts.Trace.traceEvents;
const m = lhr.audits.metrics.details.items[0];
console.log('FCP', Math.round(m.firstContentfulPaint), 'LCP', Math.round(m.largestContentfulPaint), 'TBT', Math.round(m.totalBlockingTime), 'obsFCP', m.observedFirstContentfulPaint, 'obsLCP', m.observedLargestContentfulPaint, 'obsLoad', m.observedLoad);
const nav = ev.find(e => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame)?.ts ?? ev.find(e=>e.name==='navigationStart').ts;
// main thread of the renderer: the thread with most RunTask after nav
const byTid = {};
for (const e of ev) if (e.name === 'RunTask' && e.ts > nav) byTid[e.pid + ':' + e.tid] = (byTid[e.pid + ':' + e.tid] ?? 0) + e.dur;
const main = Object.entries(byTid).filter(([k]) => ev.some(e => e.name==='thread_name' && e.args?.name==='CrRendererMain' && (e.pid+':'+e.tid)===k)).sort((a,b)=>b[1]-a[1])[0][0]; console.log('threads', JSON.stringify(byTid));
const mine = ev.filter(e => (e.pid + ':' + e.tid) === main && e.ph === 'X' && e.ts > nav).sort((a,b)=>a.ts-b.ts);
const tops = mine.filter(e => e.name === 'RunTask' && e.dur > 30000);
for (const t of tops) {
  const inner = {};
  for (const e of mine) if (e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1000) { const k = e.name + (e.args?.data?.url ? ' ' + e.args.data.url.split('/').pop().slice(0,30) : ''); inner[k] = (inner[k] ?? 0) + e.dur; }
  console.log(`task @${Math.round((t.ts - nav)/1000)}ms ${Math.round(t.dur/1000)}ms:`, Object.entries(inner).sort((a,b)=>b[1]-a[1]).slice(0,8).map(([k,v])=>`${k} ${Math.round(v/1000)}`).join(', '));
}
for (const id of ['long-tasks']) console.log(JSON.stringify(lhr.audits[id].details.items.slice(0,8).map(i=>[String(i.url).split('/').pop().slice(0,30), Math.round(i.startTime), Math.round(i.duration)])));
