// The GraphiQL IDE for front-end teams. Sign in by pasting {"Authorization": "Bearer <dev token>"} into the Headers
// tab; subscriptions use the same header over graphql-transport-ws.
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { createClient } from 'graphql-ws';
import 'graphiql/style.css';

// Monaco's language workers, bundled next to this file (see build.mjs).
globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    const name = label === 'json' ? 'json' : label === 'graphql' ? 'graphql' : 'editor';
    return new Worker(new URL(`/graphiql/${name}.worker.js`, location.origin));
  },
};

const HeadersKey = 'graphiql:headers';
const headers = () => {
  try { return JSON.parse(localStorage.getItem(HeadersKey) || '{}'); } catch { return {}; }
};

const url = new URL('/graphql', location.origin).toString();
const fetcher = createGraphiQLFetcher({
  url,
  // The WebSocket signs in once, with connection_init; it takes the Authorization header from the Headers tab.
  wsClient: createClient({ url: url.replace(/^http/, 'ws'), lazy: true, connectionParams: headers }),
});

const welcome = `# DigitalInitiativer, Development only.
# 1. Get a dev token:   dotnet run --project src/DigitalInitiativer.Api -- dev-token --role Evaluator | tail -n 1
# 2. Paste it in the Headers tab below:   { "Authorization": "Bearer <token>" }
# 3. Run this query (Ctrl-Enter). The schema's descriptions are in the Docs panel.
{
  competenceProfiles { kind name persona }
}
`;

const initialQuery = new URLSearchParams(location.search).get('query') ?? welcome;
createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, initialQuery, shouldPersistHeaders: true, defaultEditorToolsVisibility: "headers" }),
);
