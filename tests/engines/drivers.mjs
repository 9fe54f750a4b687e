// The three browser engines the core journeys run in (journeys.mjs), behind
// one small interface, so that each journey is written once:
//
//   const engine = await open('webkit', servers);   // 'chromium' | 'firefox' | 'webkit'
//   const page = await engine.page({ width: 360, height: 800, touch: true });
//   await page.goto(url);                  // then waits for the app's takeover
//   await page.click('#filters-open');     // a real pointer, at the element's centre
//   await page.until(() => location.search === '?theme=insertion');
//   page.problems                          // what went wrong, as the Chromium harness counts it
//   await page.close(); await engine.close();
//
// How each engine is driven, as ../shared/toolchain.md found it works here
// (Debian's browsers, npm drivers that download no browser):
// - chromium: /usr/bin/chromium through playwright-core, as tests/e2e/;
// - firefox: Debian's firefox-esr over WebDriver BiDi through puppeteer-core;
// - webkit: WebKitGTK's WebKitWebDriver and its MiniBrowser (--automation)
//   through selenium-webdriver (WebDriver classic), under `xvfb-run -a`
//   when there is no display.
//
// Problems, in every engine: a script the test server puts at the top of
// every HTML page (COLLECTOR, served through startServer's `inject`)
// records console errors and warnings, uncaught errors and rejections,
// resources that failed to load and CSP violations, and a frame's own go to
// the top page (postMessage), whose list is read before each navigation and
// at the end; the servers report every status >= 400. Chromium and Firefox
// also report their consoles, which hold what the browser itself says (a
// refused request, a blocked script). WebDriver classic has no console:
// WebKit's problems are the collector's and the servers'.
//
// What an engine cannot do, and what is done instead (each said where it
// is done):
// - MiniBrowser's window is never narrower than 447 px (its toolbar): a
//   narrower page is opened in a frame of exactly that size, in a blank
//   page (NARROW) of the server the page first opened is on: the page
//   inside sees a 360 × 800 viewport, as on a phone;
// - WebKitGTK dispatches a WebDriver touch pointer as a mouse (pointerType
//   "mouse"): a tap or a finger's drag there is the same gesture by mouse;
// - WebKitWebDriver's Back waits for a load that a step within one page in
//   a frame never makes (it goes back all the same): in the narrow frame,
//   back is `history.back()`, the same traversal.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { CHROMIUM, launch as launchChromium } from '../e2e/harness.mjs';

export const FIREFOX = process.env.FIREFOX_PATH || '/usr/bin/firefox-esr';
export const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER_PATH || '/usr/bin/WebKitWebDriver';
/** WebKitGTK's browser for automation, where Debian puts it for this machine's architecture. */
export const MINIBROWSER =
  process.env.MINIBROWSER_PATH ||
  (fs.existsSync('/usr/lib') ? fs.readdirSync('/usr/lib') : [])
    .map((dir) => `/usr/lib/${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((file) => fs.existsSync(file)) ||
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** The file each engine needs, and how to get it. */
export const NEEDS = {
  chromium: [CHROMIUM, 'apt-get install chromium'],
  firefox: [FIREFOX, 'apt-get install firefox-esr'],
  webkit: [WEBKIT_DRIVER, 'apt-get install webkit2gtk-driver xvfb'],
};

/** What the engine lacks to run here, or null. */
export function missing(name) {
  const [file, how] = NEEDS[name];
  if (!fs.existsSync(file)) return `${file} not found: run \`make setup\` (${how})`;
  if (name === 'webkit' && !fs.existsSync(MINIBROWSER)) return `${MINIBROWSER} not found: run \`make setup\` (${how})`;
  if (name === 'webkit' && !process.env.DISPLAY && !fs.existsSync('/usr/bin/xvfb-run')) return 'no display and no xvfb-run: run `make setup` (apt-get install xvfb)';
  return null;
}

/** How long a navigation waits for the app to take over, as tests/e2e/harness.mjs. */
const TAKEOVER_MS = 20_000;
/** How long `until` waits, unless told. */
const WAIT_MS = 15_000;
/**
 * How long one WebDriver command to WebKit may go unanswered. Now and then
 * (one journey in three or four runs, here, on two busy cores) a command to
 * WebKitWebDriver never returns; without a bound the journey waited for
 * the test's own timeout and said nothing of where it stood.
 */
const COMMAND_MS = 25_000;

/** The driver, not the page, stopped answering: what it was asked, and when. */
export class DriverHang extends Error {}

/** `promise`, or a DriverHang naming `what` once COMMAND_MS have passed. */
function answered(what, promise) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new DriverHang(`WebKitWebDriver did not answer ${what} within ${COMMAND_MS / 1000} s`)), COMMAND_MS);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Each method of a page's target, bounded by `answered`. */
function bounded(target) {
  for (const [key, method] of Object.entries(target)) {
    if (typeof method !== 'function') continue;
    target[key] = (...args) => {
      const said = args.map((a) => (typeof a === 'string' ? JSON.stringify(a.slice(0, 60)) : typeof a)).join(', ');
      return answered(`${key}(${said})`, Promise.resolve(method(...args)));
    };
  }
  return target;
}

// Runs in every page of ours and of the partner's, before their own
// scripts: what goes wrong, in a list the test reads (window.__problems),
// a frame's sent to the top page too.
export const COLLECTOR = `(function () {
  var list = (window.__problems = []);
  var top = window.top !== window;
  function say(p) {
    list.push(p);
    if (top) try { window.top.postMessage({ passerellesProblem: p }, '*'); } catch (e) {}
  }
  ['error', 'warn'].forEach(function (k) {
    var f = console[k];
    console[k] = function () {
      say('console.' + (k === 'warn' ? 'warning' : k) + ': ' + [].map.call(arguments, String).join(' '));
      return f.apply(console, arguments);
    };
  });
  addEventListener('error', function (e) {
    var t = e.target;
    if (t && t !== window) say('failed to load: ' + (t.src || t.href || t.tagName));
    else say('pageerror: ' + e.message + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  addEventListener('unhandledrejection', function (e) {
    var r = e.reason;
    say('unhandledrejection: ' + ((r && (r.stack || r.message)) || r));
  });
  addEventListener('securitypolicyviolation', function (e) {
    say('csp: ' + e.violatedDirective + ' ' + e.blockedURI);
  });
  if (!top) addEventListener('message', function (e) {
    if (e.data && typeof e.data.passerellesProblem === 'string') list.push(e.data.passerellesProblem);
  });
})();`;

/** The blank page a too-narrow window opens pages in, in a frame of the size asked for (a route of the test servers). */
export const NARROW = '/__narrow.html';
export function narrowRoute(req, res) {
  const q = new URL(req.url, 'http://x').searchParams;
  const [w, h] = [Number(q.get('w')) || 360, Number(q.get('h')) || 800];
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache' });
  res.end(
    `<!doctype html><html lang="fr"><head><meta charset="utf-8"><script>${COLLECTOR}</script><title>${w} × ${h}</title>` +
      `<link rel="icon" href="data:,"><style>body{margin:0}iframe{display:block;border:0}</style></head>` +
      `<body><iframe id="narrow" title="${w} × ${h}" width="${w}" height="${h}"></iframe></body></html>`,
  );
}

/** A free port on 127.0.0.1. */
async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** `fn` as a page receives it, and its arguments. */
const source = (fn) => `(${fn})`;

/**
 * One page of an engine (or a frame of one), the journeys' whole interface.
 * `t` is the engine's target: evaluate(src, args), navigate(url), click,
 * tap, drag, type, press, back, frame, screenshot, close, each of a
 * selector or of nothing.
 */
class Page {
  constructor(t, shared) {
    this.t = t;
    this.shared = shared;
  }

  get problems() {
    return [...this.shared.problems];
  }

  /** `fn(...args)` in the page; its value, as JSON carries it. */
  eval(fn, ...args) {
    return this.t.evaluate(source(fn), args);
  }

  /** Waits until `fn(...args)` is true in the page (through navigations). */
  async until(fn, ...args) {
    const end = Date.now() + WAIT_MS;
    let last;
    for (;;) {
      try {
        if (await this.eval(fn, ...args)) return;
      } catch (err) {
        // A page being replaced cannot answer: ask the next one. A driver
        // that does not answer at all is another matter.
        if (err instanceof DriverHang) throw err;
        last = err;
      }
      if (Date.now() > end) {
        throw new Error(`waited ${WAIT_MS / 1000} s in ${this.shared.engine} for ${String(fn).replace(/\s+/g, ' ')}${last ? ` (last error: ${String(last.message).split('\n')[0]})` : ''}`);
      }
      await sleep(100);
    }
  }

  url() {
    return this.eval(() => location.href);
  }

  /** Opens `url`, then waits for the app to take its prerendered view over. */
  async goto(url) {
    await this.harvest();
    await this.t.navigate(url);
    await this.takenOver();
  }

  /** As tests/e2e/harness.mjs: a page of ours whose app never takes over is a problem. */
  async takenOver() {
    const end = Date.now() + TAKEOVER_MS;
    for (;;) {
      try {
        const done = await this.eval(() => {
          const root = document.documentElement;
          // (A frame not yet loaded is about:blank, which has no app to wait for.)
          return location.href !== 'about:blank' && document.readyState !== 'loading' && (!document.getElementById('app') || ['data-other', 'data-file', 'data-offline', 'data-static'].some((a) => root.hasAttribute(a)));
        });
        if (done) return;
      } catch (err) {
        if (err instanceof DriverHang) throw err;
        // Being replaced (the loader's redirect to the other language).
      }
      if (Date.now() > end) {
        this.shared.problems.add(`the app did not take over the prerendered view within ${TAKEOVER_MS / 1000} s (${await this.url().catch(() => '?')})`);
        return;
      }
      await sleep(100);
    }
  }

  async click(selector) {
    await this.harvest();
    await this.t.click(selector);
  }

  /** A finger's tap (WebKit: the same gesture by mouse). */
  tap(selector) {
    return this.t.tap(selector);
  }

  /** A drag from the centre of `from` to the centre of `to`, by mouse or (`touch`) by a finger. */
  drag(from, to, { touch = false } = {}) {
    return this.t.drag(from, to, touch);
  }

  /** Focuses `selector` and types `text`, a key at a time. */
  type(selector, text) {
    return this.t.type(selector, text);
  }

  /** A key on the focused element: 'Enter', 'Escape', 'End', 'Shift+ArrowRight'… */
  press(key) {
    return this.t.press(key);
  }

  focus(selector) {
    return this.eval((s) => document.querySelector(s).focus(), selector);
  }

  /** The browser's back. */
  async back() {
    await this.t.back();
    await this.takenOver();
  }

  /** The same interface inside the iframe `selector`. */
  async frame(selector) {
    return new Page(await this.t.frame(selector), this.shared);
  }

  /** The top page's collected problems, into `problems`. */
  async harvest() {
    const got = await this.t.collected().catch(() => []);
    for (const p of got) this.shared.problems.add(p);
  }

  async screenshot(file) {
    await fsp.mkdir(path.dirname(file), { recursive: true });
    await this.t.screenshot(file);
  }

  /** Reads the last problems, then closes the page; resolves to every problem. */
  async close() {
    await this.harvest();
    this.shared.unlisten();
    await this.t.close();
    return this.problems;
  }
}

/** What every page of an engine shares with its frames: problems, and the servers' statuses. */
function shared(engine, servers) {
  const problems = new Set();
  const listener = (e) => {
    if (e.status >= 400) problems.add(`HTTP ${e.status}: ${e.method} ${e.url}`);
  };
  servers.add(listener);
  return { engine, problems, unlisten: () => servers.delete(listener) };
}

/** Reads the top document's collected problems, keeping the list (a later read would repeat them). */
function readCollected() {
  const list = window.__problems || [];
  return list.splice(0, list.length);
}

// ---- chromium: playwright-core ----

async function chromium(servers) {
  const browser = await launchChromium();
  const target = (page, frame = page.mainFrame()) => ({
    evaluate: (src, args) => frame.evaluate(([s, a]) => (0, eval)(s)(...a), [src, args]),
    navigate: (url) => frame.goto(url),
    click: (sel) => frame.click(sel),
    tap: (sel) => frame.tap(sel),
    async drag(from, to, touch) {
      const box = async (sel) => {
        const h = await frame.waitForSelector(sel);
        await h.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
        const b = await h.boundingBox();
        return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      };
      const a = await box(from);
      const b = await box(to);
      if (touch) {
        // A finger, through the DevTools protocol (playwright has taps only).
        const cdp = await page.context().newCDPSession(page);
        const at = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
        await at('touchStart', a);
        for (let k = 1; k <= 6; k++) await at('touchMove', { x: a.x + ((b.x - a.x) * k) / 6, y: a.y + ((b.y - a.y) * k) / 6 });
        await at('touchEnd');
        await cdp.detach();
      } else {
        await page.mouse.move(a.x, a.y);
        await page.mouse.down();
        await page.mouse.move(b.x, b.y, { steps: 6 });
        await page.mouse.up();
      }
    },
    async type(sel, text) {
      await frame.focus(sel);
      await page.keyboard.type(text);
    },
    press: (key) => page.keyboard.press(key),
    back: () => page.goBack(),
    async frame(sel) {
      return target(page, await (await frame.waitForSelector(sel)).contentFrame());
    },
    collected: () => page.mainFrame().evaluate(readCollected),
    screenshot: (file) => page.screenshot({ path: file }),
    close: () => page.context().close(),
  });
  return {
    async page({ width, height, touch }, s) {
      const context = await browser.newContext({ viewport: { width, height }, locale: 'fr-FR', reducedMotion: 'reduce', hasTouch: touch });
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      page.on('console', (m) => ['error', 'warning'].includes(m.type()) && s.problems.add(`console.${m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => s.problems.add(`pageerror: ${e.message}`));
      return target(page);
    },
    close: () => browser.close(),
  };
}

// ---- firefox: puppeteer-core over WebDriver BiDi ----

async function firefox() {
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    // A headless Firefox asks for English without the language pref; and
    // no smooth scrolling, as the Chromium harness asks (reducedMotion).
    extraPrefsFirefox: { 'intl.accept_languages': 'fr-FR, fr', 'ui.prefersReducedMotion': 1 },
  });
  const keys = (key) => key.split('+');
  const target = (page, frame = page.mainFrame()) => {
    const element = async (sel) => {
      const h = await frame.waitForSelector(sel, { timeout: WAIT_MS });
      await h.evaluate((e) => e.scrollIntoView({ block: 'center', behavior: 'instant' }));
      return h;
    };
    const centre = async (sel) => {
      const b = await (await element(sel)).boundingBox();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    };
    return {
      evaluate: (src, args) => frame.evaluate((s, a) => (0, eval)(s)(...a), src, args),
      navigate: (url) => frame.goto(url, { waitUntil: 'load' }),
      click: async (sel) => (await element(sel)).click(),
      tap: async (sel) => (await element(sel)).tap(),
      async drag(from, to, touch) {
        const a = await centre(from);
        const b = await centre(to);
        if (touch) {
          await page.touchscreen.touchStart(a.x, a.y);
          for (let k = 1; k <= 6; k++) await page.touchscreen.touchMove(a.x + ((b.x - a.x) * k) / 6, a.y + ((b.y - a.y) * k) / 6);
          await page.touchscreen.touchEnd();
        } else {
          await page.mouse.move(a.x, a.y);
          await page.mouse.down();
          await page.mouse.move(b.x, b.y, { steps: 6 });
          await page.mouse.up();
        }
      },
      type: async (sel, text) => (await element(sel)).type(text),
      async press(key) {
        const [last, ...mods] = keys(key).reverse();
        for (const m of mods) await page.keyboard.down(m);
        await page.keyboard.press(last);
        for (const m of mods) await page.keyboard.up(m);
      },
      back: () => page.goBack(),
      async frame(sel) {
        return target(page, await (await frame.waitForSelector(sel)).contentFrame());
      },
      collected: () => page.mainFrame().evaluate(readCollected),
      screenshot: (file) => page.screenshot({ path: file }),
      close: () => page.browserContext().close(),
    };
  };
  return {
    async page({ width, height, touch }, s) {
      const context = await browser.createBrowserContext();
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      await page.setViewport({ width, height, hasTouch: touch });
      page.on('console', (m) => ['error', 'warn', 'warning'].includes(m.type()) && s.problems.add(`console.${m.type() === 'warn' ? 'warning' : m.type()}: ${m.text()}`));
      page.on('pageerror', (e) => s.problems.add(`pageerror: ${e.message}`));
      return target(page);
    },
    close: () => browser.close(),
  };
}

// ---- webkit: WebKitWebDriver, MiniBrowser, selenium-webdriver ----

async function webkit() {
  const { Builder, By, Key } = await import('selenium-webdriver');
  const input = await import('selenium-webdriver/lib/input.js');
  const port = await freePort();
  // Under its own X server when there is no display; a process group of its
  // own, so that closing ends xvfb-run, its Xvfb and the driver together.
  const command = process.env.DISPLAY
    ? [WEBKIT_DRIVER, [`--port=${port}`]]
    : ['xvfb-run', ['-a', '-s', '-screen 0 1600x1200x24', WEBKIT_DRIVER, `--port=${port}`]];
  const server = spawn(command[0], command[1], { stdio: 'ignore', detached: true });
  const stop = () => {
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  const end = Date.now() + 20_000;
  for (;;) {
    const ready = await fetch(`http://127.0.0.1:${port}/status`).then((r) => r.ok, () => false);
    if (ready) break;
    if (Date.now() > end || server.exitCode !== null) {
      stop();
      throw new Error(`WebKitWebDriver did not start on port ${port}`);
    }
    await sleep(100);
  }
  const KEYS = { Enter: Key.ENTER, Escape: Key.ESCAPE, Tab: Key.TAB, End: Key.END, Home: Key.HOME, ArrowLeft: Key.ARROW_LEFT, ArrowRight: Key.ARROW_RIGHT, ArrowUp: Key.ARROW_UP, ArrowDown: Key.ARROW_DOWN, Shift: Key.SHIFT, Space: ' ' };
  return {
    async page({ width, height }) {
      const driver = await answered(
        'a new session',
        new Builder()
          .usingServer(`http://127.0.0.1:${port}`)
          .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] } })
          .build(),
      );
      // The window's toolbar takes room: sized once, measured, sized again
      // so the page sees `width` × `height`, or, too narrow for the window,
      // a frame of that size (NARROW).
      await answered('setRect', driver.manage().window().setRect({ width, height }));
      const [iw, ih] = await answered('innerWidth', driver.executeScript('return [innerWidth, innerHeight]'));
      const narrow = iw > width;
      await answered('setRect', driver.manage().window().setRect(narrow ? { width: width + 200, height: height + 200 } : { width: 2 * width - iw, height: 2 * height - ih }));
      // The frames from the top to the context each call runs in.
      let current = [];
      const enter = async (chain) => {
        if (chain.length === current.length && chain.every((s, k) => s === current[k])) return;
        await driver.switchTo().defaultContent();
        for (const sel of chain) await driver.switchTo().frame(await driver.findElement(By.css(sel)));
        current = chain;
      };
      let host = null;
      const target = (chain) => {
        const run = async (src, args) => {
          await enter(chain);
          return driver.executeScript(`return ${src}.apply(null, arguments)`, ...args);
        };
        const element = async (sel) => {
          await enter(chain);
          const end = Date.now() + WAIT_MS;
          for (;;) {
            const found = await driver.findElements(By.css(sel));
            if (found.length) {
              await driver.executeScript("arguments[0].scrollIntoView({ block: 'center', behavior: 'instant' })", found[0]);
              return found[0];
            }
            if (Date.now() > end) throw new Error(`no ${sel} in ${WAIT_MS / 1000} s`);
            await sleep(100);
          }
        };
        // A pointer at an element's in-view centre: WebDriver's element click
        // refuses SVG shapes ("not interactable"), pointer actions do not.
        const pointer = async (sel, type) => {
          const el = await element(sel);
          const actions = driver.actions({ async: true });
          const p = new input.Pointer(type, type === 'touch' ? input.Pointer.Type.TOUCH : input.Pointer.Type.MOUSE);
          actions.insert(p, p.move({ origin: el, duration: 0 }), p.press(), p.release());
          await actions.perform();
        };
        return bounded({
          evaluate: run,
          async navigate(url) {
            if (chain.length === 0 && !narrow) {
              await enter([]);
              return driver.get(url);
            }
            if (!host) {
              // Once: the blank page the narrow frame lives in, on the page's server.
              host = new URL(url).origin;
              await enter([]);
              await driver.get(`${host}${NARROW}?w=${width}&h=${height}`);
              current = [];
            }
            await enter(chain);
            await driver.executeScript('window.__leaving = true; location.href = arguments[0]', url);
            const end = Date.now() + TAKEOVER_MS;
            while (Date.now() < end) {
              const arrived = await driver.executeScript("return !window.__leaving && document.readyState === 'complete'").catch(() => false);
              if (arrived) return;
              await sleep(50);
            }
            throw new Error(`${url} did not load in the narrow frame`);
          },
          click: (sel) => pointer(sel, 'mouse'),
          tap: (sel) => pointer(sel, 'touch'),
          async drag(from, to, touch) {
            const a = await element(from);
            const b = await element(to);
            const actions = driver.actions({ async: true });
            const p = new input.Pointer('drag', touch ? input.Pointer.Type.TOUCH : input.Pointer.Type.MOUSE);
            actions.insert(p, p.move({ origin: a, duration: 0 }), p.press(), p.move({ origin: b, duration: 200 }), p.release());
            await actions.perform();
          },
          async type(sel, text) {
            await (await element(sel)).sendKeys(text);
          },
          async press(key) {
            await enter(chain);
            const parts = key.split('+').map((k) => KEYS[k] ?? k);
            const last = parts.pop();
            let actions = driver.actions({ async: true });
            for (const m of parts) actions = actions.keyDown(m);
            actions = actions.sendKeys(last);
            for (const m of parts) actions = actions.keyUp(m);
            await actions.perform();
          },
          async back() {
            if (chain.length === 0 && !narrow) return driver.navigate().back();
            // In a frame, WebKitWebDriver's Back waits for a load that a
            // step within the page never makes: the same traversal by script.
            await run('(() => history.back())', []);
          },
          frame: async (sel) => target([...chain, sel]),
          async collected() {
            await enter([]);
            return driver.executeScript(`return (${readCollected}).call(null)`);
          },
          async screenshot(file) {
            await fsp.writeFile(file, Buffer.from(await driver.takeScreenshot(), 'base64'));
          },
          close: () => driver.quit(),
        });
      };
      return target(narrow ? ['#narrow'] : []);
    },
    close: async () => stop(),
  };
}

/**
 * Starts the engine `name`, its pages reporting every status >= 400 that
 * `servers` (a Set of response listeners, filled by the suite's servers'
 * `log`) see while they are open.
 */
export async function open(name, servers) {
  const start = { chromium, firefox, webkit }[name];
  if (!start) throw new Error(`no engine ${name}`);
  const engine = await start(servers);
  return {
    name,
    async page({ width = 1280, height = 800, touch = false } = {}) {
      const s = shared(name, servers);
      return new Page(await engine.page({ width, height, touch }, s), s);
    },
    close: () => engine.close(),
  };
}
