// Drives the GraphiQL IDE in headless Chromium (Debian's package; Playwright's own browser download is not used).
// usage: node ide.mjs <graphql url> <dev token> <query> <text to wait for> [subscription]
// Prints "ready" once the operation runs, then "saw <text>" when the result pane shows the text.
import { chromium } from 'playwright-core';

const [url, token, query, expected] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // Tall, so Monaco (which renders only visible lines) shows the whole result.
  const page = await browser.newPage({ viewport: { width: 1280, height: 2400 } });
  page.on('pageerror', error => console.error('page error:', error.message));
  // What a developer does once by hand: paste the token into the Headers tab (GraphiQL keeps it in localStorage).
  await page.addInitScript(value => localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: `Bearer ${value}` })), token);
  await page.goto(`${url}?query=${encodeURIComponent(query)}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });
  // The query editor (Monaco) has loaded the query when its text shows up on the page.
  const firstField = query.match(/[A-Za-z_]\w*(?=\s*[({])/g)?.pop() ?? query;
  await page.waitForFunction(text => document.body.innerText.includes(text), firstField, { timeout: 60_000 });
  // Let GraphiQL finish loading the schema (introspection) before running anything.
  await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
  // Monaco renders spaces as no-break spaces.
  const shows = timeout => page.waitForFunction(text => document.body.innerText.replaceAll('\u00a0', ' ').includes(text), expected, { timeout })
    .then(() => true, () => false);
  await page.click('.graphiql-execute-button');
  console.log('ready');
  // A query whose click came too early is run again; a subscription is not (a second click would stop it).
  const isSubscription = query.trimStart().startsWith('subscription');
  let seen = await shows(isSubscription ? 60_000 : 15_000);
  for (let attempt = 0; !seen && !isSubscription && attempt < 3; attempt++) {
    await page.click('.graphiql-execute-button');
    seen = await shows(15_000);
  }
  if (!seen) {
    if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: process.env.IDE_SCREENSHOT });
    throw new Error(`The IDE never showed "${expected}".`);
  }
  console.log(`saw ${expected}`);
  if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: process.env.IDE_SCREENSHOT });
} finally {
  await browser.close();
}
