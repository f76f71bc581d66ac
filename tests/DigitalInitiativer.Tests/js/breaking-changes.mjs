// The breaking-change guard: compares the released schema with the current one using GraphQL.js's own
// findBreakingChanges, and fails unless every breaking change is listed under "## Unreleased" in the changelog.
// usage: node breaking-changes.mjs <released.graphql> <current.graphql> <CHANGELOG.md>
import { readFileSync } from 'node:fs';
import { buildSchema, findBreakingChanges, findDangerousChanges } from 'graphql';

const [releasedPath, currentPath, changelogPath] = process.argv.slice(2);
const released = buildSchema(readFileSync(releasedPath, 'utf8'));
const current = buildSchema(readFileSync(currentPath, 'utf8'));
const changelog = readFileSync(changelogPath, 'utf8');
const unreleased = (changelog.split(/^## Unreleased\s*$/m)[1] ?? '').split(/^## /m)[0];

const breaking = findBreakingChanges(released, current).map(c => c.description);
const dangerous = findDangerousChanges(released, current).map(c => c.description);
const unlisted = breaking.filter(description => !unreleased.includes(description));

console.log(JSON.stringify({ breaking, dangerous, unlisted }, null, 2));
if (unlisted.length > 0) {
  console.error(`Breaking changes against ${releasedPath} are not listed under "## Unreleased" in ${changelogPath}:\n`
    + unlisted.map(d => `- ${d}`).join('\n'));
  process.exit(1);
}
