// Subscribes to proposalVotesChanged with the graphql-ws client, prints "ready" once the server has acknowledged
// the connection, then one line of JSON per event until it is stopped.
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

client.subscribe(
  { query: 'subscription($id: ID!) { proposalVotesChanged(competitionId: $id) { proposalId voteCount } }', variables: { id: competitionId } },
  {
    next: (result) => console.log(JSON.stringify(result.data.proposalVotesChanged)),
    error: (error) => { console.error(JSON.stringify(error?.reason ?? error?.message ?? error)); process.exit(1); },
    complete: () => process.exit(0),
  },
);
