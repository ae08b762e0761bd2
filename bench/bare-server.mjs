// Baseline for the benchmark: a bare node:http server answering the same bytes as the product.
// Usage: node bench/bare-server.mjs PORT RESPONSES_JSON_FILE
import { readFileSync } from 'node:fs';
import http from 'node:http';

const [port, file] = process.argv.slice(2);
const responses = JSON.parse(readFileSync(file, 'utf8'));
const server = http.createServer((req, res) => {
  const path = (req.url ?? '/').split('?')[0];
  const r = responses[path];
  if (!r) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': r.contentType, 'content-length': Buffer.byteLength(r.body) });
  res.end(r.body);
});
server.listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\n'));
