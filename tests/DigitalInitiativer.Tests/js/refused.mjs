// Connects with the graphql-ws client and the given Authorization value (or none) and prints how the server
// ended the connection: "closed <code> <reason>", or "connected" if it was accepted.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [url, authorization] = process.argv.slice(2);
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  lazy: false,
  connectionParams: authorization ? { Authorization: authorization } : {},
  on: {
    connected: () => { console.log('connected'); client.dispose(); process.exit(0); },
    closed: (event) => { console.log(`closed ${event.code} ${event.reason}`); process.exit(0); },
  },
  onNonLazyError: () => {},
});
setTimeout(() => { console.log('timeout'); process.exit(1); }, 10000);
