import { createServer } from 'node:http';

// The peer for the kernel benchmark: the least a Node server can do to answer a health check.
const started = Date.now();
createServer((request, response) => {
  if (request.url !== '/health') {
    response.writeHead(404).end();
    return;
  }
  const body = JSON.stringify({
    status: 'healthy',
    service: 'bare',
    version: '1.0.0',
    uptime_seconds: (Date.now() - started) / 1000,
    timestamp: new Date().toISOString(),
    checks: {},
  });
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  response.end(body);
}).listen(Number(process.env['PORT']), process.env['HOST'] ?? '127.0.0.1');
