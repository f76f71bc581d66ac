// Checks that the GraphiQL IDE knows the schema, as a developer sees it in headless Chromium (Debian's package):
// the Docs explorer lists Query's fields and shows a type's description, the editor offers a field by autocomplete,
// and an unknown field is marked as an error. Prints one line per check; exits non-zero at the first that fails.
// usage: node ide-schema.mjs <graphql url> <dev token> <field description> <type name> <type description>
import { chromium } from 'playwright-core';

const [url, token, fieldDescription, typeName, typeDescription] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: 1600, height: 1200 } });
page.on('pageerror', error => console.error('page error:', error.message));
const text = () => page.evaluate(() => document.body.innerText.replaceAll('\u00a0', ' '));
const shows = (wanted, timeout = 30_000) => page.waitForFunction(t => document.body.innerText.replaceAll('\u00a0', ' ').includes(t), wanted, { timeout });
try {
  await page.addInitScript(value => localStorage.setItem('graphiql:headers', JSON.stringify({ Authorization: `Bearer ${value}` })), token);
  await page.goto(`${url}?query=${encodeURIComponent('{ __typename }')}`, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('.graphiql-execute-button', { timeout: 60_000 });

  // Docs: the explorer opens at the schema's root types; Query lists its fields with their descriptions.
  await page.click('button[aria-label="Show Documentation Explorer"]');
  await page.locator('.graphiql-doc-explorer a', { hasText: /^Query$/ }).first().click({ timeout: 60_000 });
  await shows('competenceProfiles');
  await shows(fieldDescription);
  await page.locator('.graphiql-doc-explorer a', { hasText: new RegExp(`^${typeName}$`) }).first().click();
  await shows(typeDescription);
  if ((await text()).includes('Error fetching schema')) throw new Error('The IDE says "Error fetching schema".');
  console.log(`docs: Query's fields and ${typeName}'s description`);

  // Autocomplete: typing the start of a root field offers it.
  const editor = page.locator('.graphiql-query-editor .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ competenceP');
  await page.keyboard.press('Control+Space');
  await page.locator('.suggest-widget .monaco-list-row', { hasText: 'competenceProfiles' }).first().waitFor({ timeout: 30_000 });
  console.log('autocomplete: competenceProfiles offered');

  // Validation: a field the schema does not have is marked.
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.type('{ noSuchField }');
  await page.locator('.graphiql-query-editor .squiggly-error').first().waitFor({ timeout: 30_000 });
  console.log('validation: noSuchField marked');
} catch (error) {
  if (process.env.IDE_SCREENSHOT) await page.screenshot({ path: process.env.IDE_SCREENSHOT });
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await browser.close();
}
