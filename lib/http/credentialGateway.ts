import { randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { AddressInfo } from 'node:net';

/**
 * Keeps credentials out of Playwright altogether. Requests leave Playwright with placeholders
 * instead of keys and tokens, addressed to this loopback gateway; the gateway swaps the real
 * values in and forwards to the target. Playwright's call logs, steps, traces and HTML report
 * therefore never hold a secret, whatever goes wrong (timeouts, refused connections).
 */
export class CredentialGateway {
  private server?: Server;
  private base?: Promise<string>;
  private readonly values = new Map<string, string>();
  private readonly tags = new Map<string, string>();
  private readonly nonce = randomBytes(6).toString('hex');

  /** A stand-in for `value` to put in a header; the gateway replaces it on the way out. */
  placeholder(value: string): string {
    let tag = this.tags.get(value);
    if (!tag) {
      tag = `__secret_${this.nonce}_${this.tags.size}__`;
      this.tags.set(value, tag);
      this.values.set(tag, value);
    }
    return tag;
  }

  /** The gateway URL that forwards to `url`. */
  async route(url: string): Promise<string> {
    const target = new URL(url);
    const base = await this.start();
    return `${base}/${Buffer.from(target.origin).toString('base64url')}${target.pathname}${target.search}`;
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.base = undefined;
    return new Promise((resolveClose) => {
      if (!server) return resolveClose();
      server.closeAllConnections();
      server.close(() => resolveClose());
    });
  }

  private start(): Promise<string> {
    this.base ??= new Promise((resolveStart, reject) => {
      const server = createServer((req, res) => this.forward(req, res));
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        this.server = server;
        // The gateway must never keep a worker alive on its own.
        server.unref();
        resolveStart(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      });
    });
    return this.base;
  }

  private reveal(text: string): string {
    return text.replace(new RegExp(`__secret_${this.nonce}_\\d+__`, 'g'), (tag) => this.values.get(tag) ?? tag);
  }

  private forward(req: IncomingMessage, res: ServerResponse): void {
    const [, encoded = '', ...rest] = (req.url ?? '/').split('/');
    let origin: URL;
    try {
      origin = new URL(Buffer.from(encoded, 'base64url').toString('utf8'));
    } catch {
      res.writeHead(400).end('credential gateway: bad route');
      return;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value === undefined || name === 'host' || name === 'connection') continue;
      headers[name] = Array.isArray(value) ? value.map((v) => this.reveal(v)) : this.reveal(value);
    }
    headers.host = origin.host;
    const send = origin.protocol === 'https:' ? httpsRequest : httpRequest;
    // A target may answer (a 413) and close before it has read a large body: the answer stands.
    let answered = false;
    const upstream = send(
      { protocol: origin.protocol, hostname: origin.hostname, port: origin.port || undefined, method: req.method, path: this.reveal(`/${rest.join('/')}`), headers },
      (reply) => {
        res.writeHead(reply.statusCode ?? 502, reply.statusMessage ?? '', reply.headers);
        reply.on('end', () => (answered = true));
        reply.pipe(res);
      },
    );
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      // The rest of the body is drained, so the client's upload ends and it reads the answer.
      req.unpipe(upstream);
      req.resume();
      // What Playwright sees of a network failure: its code, never a header.
      if (!res.headersSent) res.writeHead(599, { 'x-gateway-error': error.code ?? 'error' }).end();
      else if (!answered) res.destroy();
    });
    req.pipe(upstream);
  }
}

/** Status the gateway answers when the target could not be reached at all. */
export const GATEWAY_NETWORK_ERROR = 599;

export const credentialGateway = new CredentialGateway();
