// Subscribes to proposalVotesChanged with the graphql-ws client (graphql-transport-ws protocol), prints
// "ready" once the server has acknowledged the connection, then one line per event, and exits after the first.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, token, competitionId] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  connectionParams: { authorization: `Bearer ${token}` },
  on: { connected: () => setTimeout(() => console.log('ready'), 300) },
});

const timeout = setTimeout(() => { console.error('no event within 15 s'); process.exit(1); }, 15000);
client.subscribe(
  { query: 'subscription($id: ID!) { proposalVotesChanged(competitionId: $id) { proposalId voteCount } }', variables: { id: competitionId } },
  {
    next: (result) => {
      console.log(JSON.stringify(result));
      clearTimeout(timeout);
      client.dispose();
      process.exit(0);
    },
    error: (error) => { console.error(JSON.stringify(error?.reason ?? error?.message ?? error)); process.exit(1); },
    complete: () => {},
  },
);
