// npm run preview: serves the built files so demo/plain.html can be opened as a site owner would,
// under a strict Content-Security-Policy (script-src 'self'; style-src 'self').
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve('.');
const port = Number(process.env.PORT ?? 4173);
const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.json': 'application/json', '.css': 'text/css', '.map': 'application/json' };
export const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' http://127.0.0.1:8787 http://localhost:8787";

export function startPreview(listenPort = port) {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let path = normalize(join(root, decodeURIComponent(url.pathname)));
    if (url.pathname === '/') path = join(root, 'demo/plain.html');
    const allowed = ['dist', 'demo', 'test/fixtures'].some((dir) => path.startsWith(join(root, dir)));
    if (!path.startsWith(root) || !allowed || !existsSync(path) || statSync(path).isDirectory()) {
      res.writeHead(404).end('Not found');
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream', 'content-security-policy': CSP });
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(listenPort, '127.0.0.1', () => done(server)));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await startPreview();
  console.log(`Preview with a strict CSP: http://127.0.0.1:${port}/demo/plain.html`);
}
