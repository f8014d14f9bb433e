// What a page's main-thread tasks consist of on Lighthouse's phone (412 x 823 at 1.75 dppx, touch),
// from a Chromium performance trace (issue 21), and an A/B of a changed stylesheet, page or header on it.
//   [CPU=1] [RUNS=3] [DETAIL=1] [MIN=5] [CSS_B=file] [HTML_B=file [HEADERS_B=json]] [SAVE=DIR] node trace.mjs BASE_URL PATH...
//   FILES=a.json,b.json node trace.mjs BASE_URL x   (analyse saved traces, e.g. Lighthouse's --save-assets)
// Per run, one line: first contentful paint and load (wall ms from navigation start); the main thread's
// CPU time up to load + 1 s, its longest task, and "sim-blocking", the sum over tasks of 4 x CPU time
// less 50 ms, which is what Lighthouse's simulation would count as blocking if every task fell after
// its first paint; then that CPU time by kind: style (elements restyled), layout, paint, script,
// parse, and the renderer's synchronous font queries to the browser (fontconfig), with their count.
// CPU time, not wall time: on this shared box wall time is mostly waiting for a core. With CPU > 1
// (Chromium's throttling, added as waits) wall time is used instead.
// DETAIL=1 adds every task over MIN ms (wall) with its self time by event.
// CSS_B / HTML_B: a variant B, interleaved with A (the app as it is), where /css/site.css or the page
// itself is answered from that file (one path with HTML_B; HEADERS_B are B's response headers).
// An intercepted page is cheaper by itself (it skips the app's response headers, see
// docs/benchmarks.md), so compare HTML_B variants with HTML_B = the unchanged page, not with A.
import puppeteer from 'puppeteer-core';
import { readFileSync, writeFileSync } from 'node:fs';

const [base, ...paths] = process.argv.slice(2);
if (!base || paths.length === 0) { console.error('usage: node trace.mjs BASE_URL PATH...'); process.exit(2); }
const cpu = Number(process.env.CPU ?? 1), min = Number(process.env.MIN ?? 5), runs = Number(process.env.RUNS ?? 3);
const variantB = process.env.CSS_B || process.env.HTML_B
  ? { css: process.env.CSS_B && readFileSync(process.env.CSS_B, 'utf8'), html: process.env.HTML_B && readFileSync(process.env.HTML_B, 'utf8'),
    headers: process.env.HEADERS_B ? JSON.parse(process.env.HEADERS_B) : {} } : null;
// Lighthouse's own trace categories (less screenshots), and Chromium's font queries. EXTRA=blink adds more.
const categories = ['-*', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'toplevel', 'v8.execute',
  'blink.user_timing', 'loading', 'latencyInfo', 'disabled-by-default-devtools.timeline.frame', 'blink.console',
  'disabled-by-default-v8.compile', 'rail', 'fonts', '__metadata', ...(process.env.EXTRA ? process.env.EXTRA.split(',') : [])];
const kinds = {
  style: /^(UpdateLayoutTree|ParseAuthorStyleSheet|ScheduleStyleRecalculation)$/,
  layout: /^(Layout|LocalFrameView::performLayout)$/,
  paint: /^(Paint|PrePaint|PaintImage|Layerize|Commit|Decode Image|RasterTask)$/,
  script: /^(EvaluateScript|v8\.|V8\.|FunctionCall|RunMicrotasks|EventDispatch|TimerFire)/,
  parse: /^(ParseHTML|DecodedDataDocumentParser::AppendBytes)$/,
  font: /^(WebSandboxSupportLinux::|FontDataManager::|FontCache::GetFontPlatformData|FontCache::|FontFallback)/,
};

// FILES=a.json,b.json: analyse saved traces (Lighthouse's --save-assets writes one per page) instead.
if (process.env.FILES) {
  for (const file of process.env.FILES.split(',')) analyse(JSON.parse(readFileSync(file, 'utf8')), file.split('/').pop(), 'saved');
  process.exit(0);
}
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

// Begin/end pairs and complete events as intervals on one thread, sorted so parents come first.
function intervals(events) {
  const out = [], open = [];
  for (const e of events) {
    // cpu: the thread's own CPU time (tdur), which a loaded machine inflates far less than wall time.
    if (e.ph === 'X') out.push({ name: e.name, ts: e.ts, end: e.ts + (e.dur ?? 0), cpu: e.tdur ?? e.dur ?? 0, args: e.args ?? {} });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') { const b = open.pop(); if (b) out.push({ name: b.name, ts: b.ts, end: e.ts, cpu: e.tts != null && b.tts != null ? e.tts - b.tts : e.ts - b.ts, args: { ...b.args, ...e.args } }); }
  }
  return out.sort((a, b) => a.ts - b.ts || b.end - a.end);
}

// The detail worth printing beside an event's name.
function label(e) {
  const a = e.args, d = a.data ?? a.beginData ?? {};
  if (e.name === 'UpdateLayoutTree') return `UpdateLayoutTree(${a.elementCount ?? d.elementCount ?? '?'} el)`;
  if (e.name === 'Layout') return `Layout(${a.beginData?.dirtyObjects ?? '?'}/${a.beginData?.totalObjects ?? '?'} obj)`;
  if (e.name === 'EvaluateScript' || e.name === 'v8.compile') return `${e.name}(${String(d.url ?? a.fileName ?? '').split('/').pop().split('?')[0]})`;
  if (e.name === 'ParseAuthorStyleSheet') return `ParseAuthorStyleSheet(${String(d.styleSheetUrl ?? '').split('/').pop().split('?')[0]})`;
  if (e.name === 'EventDispatch') return `EventDispatch(${d.type})`;
  return e.name;
}

// Self time (its duration less its direct children's) of each event inside one task: CPU time
// with CPU=1 (wall time under throttling, which Chromium adds as waits).
function selfTimes(task, all) {
  const inside = all.filter(e => e !== task && e.ts >= task.ts && e.end <= task.end);
  const self = new Map(), stack = [];
  const cost = e => cpu > 1 ? e.end - e.ts : e.cpu;
  for (const e of inside) {
    while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
    const parent = stack[stack.length - 1];
    self.set(e, (self.get(e) ?? 0) + cost(e));
    if (parent) self.set(parent, self.get(parent) - cost(e));
    stack.push(e);
  }
  return self;
}

async function traceOnce(path, variant) {
  const url = new URL(path, base).href;
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.emulate({ viewport: { width: 412, height: 823, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true }, userAgent: await browser.userAgent() });
  if (variant) {
    await page.setRequestInterception(true);
    page.on('request', req => {
      if (variant.css && new URL(req.url()).pathname === '/css/site.css') return req.respond({ status: 200, contentType: 'text/css; charset=utf-8', body: variant.css });
      if (variant.html && req.url() === url) return req.respond({ status: 200, contentType: 'text/html; charset=utf-8', headers: variant.headers, body: variant.html });
      return req.continue();
    });
  }
  const cdp = await page.createCDPSession();
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.tracing.start({ categories });
  await page.goto(url, { waitUntil: 'load' });
  await new Promise(res => setTimeout(res, 1000 * cpu));
  const raw = JSON.parse(Buffer.from(await page.tracing.stop()).toString('utf8'));
  await context.close();
  return raw;
}

function analyse(raw, path, tag) {
  const events = raw.traceEvents ?? raw;
  const navs = events.filter(e => e.name === 'navigationStart' && e.args?.data?.isLoadingMainFrame);
  const nav = navs.filter(e => String(e.args?.data?.documentLoaderURL ?? '').startsWith(base)).pop() ?? navs.pop();
  const t0 = nav.ts, frame = nav.args.frame;
  const at = n => events.find(x => x.name === n && x.pid === nav.pid && x.ts >= t0 && (x.args?.frame ?? frame) === frame);
  const fcp = at('firstContentfulPaint'), load = at('loadEventEnd');
  const until = (load?.ts ?? t0 + 10e6) + 1e6 * cpu;
  const all = intervals(events.filter(e => e.pid === nav.pid && e.tid === nav.tid && e.ts >= t0 && e.ts <= until));
  // Top-level tasks: RunTask events not inside another (Chromium nests ThreadControllerImpl::RunTask in them).
  const tops = [];
  for (const e of all) if ((e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && !(tops.length && tops[tops.length - 1].end > e.ts)) tops.push(e);
  const sum = Object.fromEntries(Object.keys(kinds).map(k => [k, 0]));
  // over: time past 50 ms summed over tasks (wall); sim: Lighthouse's simulated blocking if every task
  // counted, sum of (4 x CPU time - 50 ms) over tasks; longest and busy in CPU time.
  let busy = 0, over = 0, sim = 0, longest = 0, fontCalls = 0, elements = 0;
  const detail = [];
  for (const t of tops) {
    const ms = (t.end - t.ts) / 1000, cpuMs = (cpu > 1 ? t.end - t.ts : t.cpu) / 1000;
    busy += cpuMs; longest = Math.max(longest, cpuMs); if (ms > 50) over += ms - 50;
    sim += Math.max(0, (cpu > 1 ? cpuMs : 4 * cpuMs) - 50);
    const self = selfTimes(t, all);
    for (const [e, us] of self) {
      for (const [k, re] of Object.entries(kinds)) if (re.test(e.name)) { sum[k] += us / 1000; break; }
      if (/^(WebSandboxSupportLinux::|FontDataManager::)/.test(e.name)) fontCalls++;
      if (e.name === 'UpdateLayoutTree') elements += e.args.elementCount ?? 0;
    }
    if (process.env.DETAIL && ms >= min) {
      const byLabel = new Map();
      for (const [e, us] of self) byLabel.set(label(e), (byLabel.get(label(e)) ?? 0) + us);
      const covered = [...byLabel.values()].reduce((n, v) => n + v, 0);
      const parts = [...byLabel.entries()].filter(([, v]) => v >= 500).sort((a, b) => b[1] - a[1]).slice(0, 9).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`);
      detail.push(`    at ${((t.ts - t0) / 1000).toFixed(0).padStart(5)} ms: ${ms.toFixed(1).padStart(6)} ms | ${parts.join(', ')}${ms * 1000 - covered >= 500 ? `, (task itself) ${((ms * 1000 - covered) / 1000).toFixed(1)}` : ''}`);
    }
  }
  const f = x => x.toFixed(0);
  console.log(`${path} ${tag}: FCP ${fcp ? f((fcp.ts - t0) / 1000) : '-'} load ${load ? f((load.ts - t0) / 1000) : '-'} | cpu ${f(busy)} longest ${f(longest)} sim-blocking ${f(sim)} (wall over-50 ${f(over)}) | ` +
    Object.entries(sum).map(([k, v]) => `${k} ${f(v)}`).join(' ') + ` (font calls ${fontCalls}, elements restyled ${elements})`);
  for (const line of detail) console.log(line);
  return { cpu: busy, longest, sim, ...sum, fontCalls };
}

const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
try {
  for (const path of paths) {
    const seen = { A: [], B: [] };
    for (let run = 0; run < runs; run++) {
      for (const v of variantB ? (run % 2 ? ['B', 'A'] : ['A', 'B']) : ['A']) {
        const raw = await traceOnce(path, v === 'B' ? variantB : null);
        if (process.env.SAVE) writeFileSync(`${process.env.SAVE}/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${v}${run + 1}.json`, JSON.stringify(raw));
        seen[v].push(analyse(raw, path, `${v}${run + 1} (CPU ${cpu}x)`));
      }
    }
    for (const v of variantB ? ['A', 'B'] : ['A']) {
      const s = seen[v];
      console.log(`${path} ${v} medians of ${s.length}: ` + Object.keys(s[0]).map(k => `${k} ${median(s.map(x => x[k])).toFixed(0)}`).join(', '));
    }
  }
} finally {
  await browser.close();
}
