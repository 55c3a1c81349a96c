// Load generator in its own process: autocannon against one URL template, picking a
// random (no, code) pair per request. Prints autocannon's result as JSON on stdout.
import fs from 'node:fs';
import autocannon from 'autocannon';

const { url, paths, connections, duration } = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const result = await autocannon({
  url,
  connections,
  duration,
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) }],
});
process.stdout.write(JSON.stringify({ rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx, total: result.requests.total }));
