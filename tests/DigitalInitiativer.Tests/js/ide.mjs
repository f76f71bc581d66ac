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
  await page.click('.graphiql-execute-button');
  console.log('ready');
  // Monaco renders spaces as no-break spaces.
  await page.waitForFunction(text => document.body.innerText.replaceAll('\u00a0', ' ').includes(text), expected, { timeout: 60_000 })
    .catch(async error => { if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: process.env.IDE_SCREENSHOT }); throw error; });
  console.log(`saw ${expected}`);
  if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: process.env.IDE_SCREENSHOT });
} finally {
  await browser.close();
}
