// Runs graphql-http's server audit suite (GraphQL over HTTP spec) against a running server
// and prints one JSON line per audit: { id, name, status, reason }.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs <graphql url>');
  process.exit(2);
}

const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));
