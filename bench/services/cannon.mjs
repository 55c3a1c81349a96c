// Load generator in its own process: autocannon against one server, GET with a random path
// from `paths` per request, or the same POST body with the given headers. Prints JSON.
import fs from 'node:fs';
import autocannon from 'autocannon';

const { url, paths, method, headers, body, connections, duration } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = await autocannon({
  url,
  connections,
  duration,
  method: method ?? 'GET',
  headers,
  body,
  requests: paths ? [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) }] : undefined,
});
process.stdout.write(JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total: result.requests.total }));
