// Small WebDriver helpers: run a function in the page, poll for a condition,
// set the test-inject cookie, read what e2e/inject/monitor.js recorded.
import { By, error } from 'selenium-webdriver';

export const SAMPLE = 'articles/iran-diplomat-defects-2011.json';
export const HARBOUR = 'articles/harbour-light-restoration.json';
export const LONG = 'articles/long-read-night-shift.json';

export const readHref = (src) => `/read?src=${encodeURIComponent(src)}`;
/** The address of this site's article `articles/<name>.json`: `/articles/<name>/`. */
export const articleHref = (src) => `/${src.replace(/\.json$/, '')}/`;

/** Collapses white space so text compares the way a reader sees it. */
export const squash = (s) => s.replace(/\s+/g, ' ').trim();

/** Runs `fn` (self-contained: it is sent as source; or a script body) in the
 * current frame, and returns its result (awaited if it is a promise). */
export const run = (driver, fn, ...args) =>
  driver.executeScript(typeof fn === 'string' ? fn : `return (${fn}).apply(null, arguments);`, ...args);

/**
 * Polls `getter` until `check(value)` holds; the failure message shows the last
 * value seen. Errors while polling (an element not there yet, a page still
 * navigating) count as "not yet", except an open alert, which fails at once.
 */
export async function poll(driver, getter, check, what, timeout = 15_000) {
  let last;
  let lastError;
  try {
    await driver.wait(async () => {
      try {
        last = await getter();
        lastError = undefined;
        return check(last);
      } catch (e) {
        if (e instanceof error.UnexpectedAlertOpenError) throw e;
        lastError = e;
        return false;
      }
    }, timeout, undefined, 100);
  } catch (e) {
    if (e instanceof error.UnexpectedAlertOpenError) throw e;
    const seen = lastError ? `error: ${lastError.message.split('\n')[0]}` : `last value: ${JSON.stringify(last)}`;
    throw new Error(`${what} — not within ${timeout} ms (${seen})`);
  }
  return last;
}

/** Text of the first element matching `css` in the current frame, or null. */
export const textOf = (driver, css) => run(driver, (css) => document.querySelector(css)?.textContent ?? null, css);

/** Waits until `css` has exactly `expected` as its text (white space squashed). */
export const waitText = (driver, css, expected, timeout) =>
  poll(driver, () => textOf(driver, css), (t) => t !== null && squash(t) === squash(expected), `"${css}" reads "${clip(expected)}"`, timeout);

/** `s`, cut short for a message. */
const clip = (s) => (s.length > 80 ? `${s.slice(0, 80)}…` : s);

/** Waits until `css` matches an element; returns it. */
export async function waitElement(driver, css, timeout) {
  await poll(driver, async () => (await driver.findElements(By.css(css))).length, (n) => n > 0, `an element "${css}"`, timeout);
  return driver.findElement(By.css(css));
}

/** The current page's path and query. */
export const pathOf = async (driver) => {
  const url = new URL(await driver.getCurrentUrl());
  return url.pathname + url.search;
};

/**
 * Sets the cookie that makes e2e/serve.mjs put test scripts (e2e/inject/) first
 * into every page of 127.0.0.1 (cookies ignore ports). A cookie can only be set
 * on a page of its host, so a file that does not exist is loaded first.
 */
export async function setInject(driver, origin, names) {
  await driver.get(`${origin}/robots.txt`);
  await driver.manage().deleteAllCookies();
  await driver.manage().addCookie({ name: 'bs-test-inject', value: encodeURIComponent(names.join(',')), path: '/' });
}

/** What monitor.js recorded in this frame's origin (page errors, unhandled
 * rejections, CSP violations), plus a note if an HTML page lacks the monitor. */
export const problemsHere = (driver) =>
  run(driver, () => {
    const found = [];
    try {
      found.push(...JSON.parse(sessionStorage.getItem('bs-test-problems') || '[]'));
    } catch (e) {
      found.push(`cannot read sessionStorage: ${e}`);
    }
    if (document.contentType === 'text/html' && !document.querySelector('script[src="/__inject/monitor.js"]')) {
      found.push(`${location.pathname}: the monitor script was not injected`);
    }
    return found;
  });

/** Forgets what monitor.js recorded in this frame's origin. */
export const clearProblems = (driver) => run(driver, () => sessionStorage.removeItem('bs-test-problems'));

/** Problems of the top page and of each of its iframes. */
export async function problemsOfPage(driver) {
  await driver.switchTo().defaultContent();
  const found = (await problemsHere(driver)).map((p) => `page: ${p}`);
  const frames = await driver.findElements(By.css('iframe'));
  for (const [i, frame] of frames.entries()) {
    await driver.switchTo().frame(frame);
    found.push(...(await problemsHere(driver)).map((p) => `iframe ${i}: ${p}`));
    await driver.switchTo().defaultContent();
  }
  return found;
}

/** Fails if an alert, confirm or prompt is open. */
export async function expectNoDialog(driver) {
  let text = null;
  try {
    text = await (await driver.switchTo().alert()).getText();
  } catch (e) {
    if (e instanceof error.NoSuchAlertError) return;
    throw e;
  }
  throw new Error(`a dialog opened: ${JSON.stringify(text)}`);
}

/**
 * Reloads the page as a reader does (F5: location.reload()) and waits for the
 * new document. Not WebDriver's Refresh: geckodriver's bypasses the service
 * worker, as a hard reload would, so an offline reload would never reach it.
 */
export async function reload(driver) {
  await run(driver, () => {
    window.__bsBeforeReload = true;
    setTimeout(() => location.reload(), 0);
  });
  await poll(
    driver,
    () => run(driver, () => !window.__bsBeforeReload && document.readyState === 'complete'),
    (fresh) => fresh,
    'the page reloaded',
  );
}

/** Moves the pointer over `element` (over its first line, if it wraps), as a
 * reader's mouse would: scrolled into view first. */
export async function hover(driver, element) {
  const { x, y } = await driver.executeScript(
    `const el = arguments[0];
     el.scrollIntoView({ block: 'center' });
     const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
     return { x: Math.floor(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1)), y: Math.floor(Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1)) };`,
    element,
  );
  await driver.actions().move({ origin: 'viewport', x, y }).perform();
}

/** Scrolls `element` to the middle of the window. */
export const scrollIntoView = (driver, element) => driver.executeScript('arguments[0].scrollIntoView({ block: "center" });', element);
