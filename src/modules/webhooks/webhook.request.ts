/**
 * One webhook POST, made so that it cannot be turned against the server's own network.
 * The URL's host is judged again before each attempt (the allow list may have changed since it was
 * registered), and a host name is connected to only through a lookup that refuses the connection
 * when any address the name resolves to is loopback, private, link-local or otherwise refused — so a
 * name that resolved to a public address at registration and to 127.0.0.1 now (DNS rebinding) is
 * not reached. The address is checked where the socket takes it, not in an earlier separate lookup
 * that a rebinding resolver could answer differently.
 *
 * A name that resolves to a refused address is logged "connection failed", exactly as a name that
 * does not resolve at all: with split-horizon DNS a distinct message would let an admin find which
 * internal names exist by registering them one by one. Only what the admin wrote themselves — a
 * refused literal address or local name in the URL — is logged "address not allowed".
 *
 * `node:http(s)` rather than `fetch`: its `lookup` option is the one place Node lets the caller
 * decide which address a connection goes to (undici's `connect.lookup` would need undici installed).
 * Failures are logged without their system reason: ECONNREFUSED versus EHOSTUNREACH versus a reset
 * would tell an admin which ports are open on hosts they may not otherwise reach.
 */
import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { checkResolvedAddress, checkWebhookHost, EMPTY_ALLOW_LIST, type WebhookAllowList } from '../../core/webhooks/address.js';

/** Every address a host name resolves to (as `dns.lookup(host, {all: true})`). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const resolveWithSystem: ResolveHost = (hostname) => systemLookup(hostname, { all: true, verbatim: true });

/** The log lines of an attempt that got no HTTP answer; "address not allowed" only for a URL refused by what it says, before any DNS. */
export const ADDRESS_NOT_ALLOWED = 'address not allowed';
export const CONNECTION_FAILED = 'connection failed';
export const noAnswerWithin = (timeoutMs: number) => `no answer within ${timeoutMs} ms`;

export interface RequestOptions {
  timeoutMs: number;
  allow?: WebhookAllowList;
  resolve?: ResolveHost;
}

/** The receiver's status code, or why there is none (one of the lines above). */
export type RequestOutcome = { statusCode: number; error: null } | { statusCode: null; error: string };

/** A `lookup` for net.connect that resolves with `resolve` and fails when any address is not allowed (logged as any failed lookup). */
function guardedLookup(resolve: ResolveHost, allow: WebhookAllowList): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname).then(
      (found) => {
        if (found.length === 0) return callback(new Error('no address'), '', 0);
        if (found.some((a) => !checkResolvedAddress(hostname, a.address, allow).allowed))
          return callback(new Error('address not allowed'), '', 0);
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        const [first] = wanted;
        if (!first) return callback(new Error('no address of the family asked for'), '', 0);
        if (options.all) return callback(null, wanted);
        return callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

/**
 * POSTs `body` to `url` with `headers` and reports the status code of the answer (its body is not
 * read), or why there was none. Redirects are answers, never followed. Never throws.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: RequestOptions): Promise<RequestOutcome> {
  const allow = options.allow ?? EMPTY_ALLOW_LIST;
  const target = new URL(url);
  if (!checkWebhookHost(target.hostname, allow).allowed) return Promise.resolve({ statusCode: null, error: ADDRESS_NOT_ALLOWED });
  return new Promise((settle) => {
    let isSettled = false;
    const finish = (outcome: RequestOutcome) => {
      if (isSettled) return;
      isSettled = true;
      clearTimeout(timer);
      settle(outcome);
    };
    const request = (target.protocol === 'https:' ? https : http).request(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: guardedLookup(options.resolve ?? resolveWithSystem, allow),
      // A fresh connection per attempt: every attempt resolves the host and checks its addresses again.
      agent: false,
    });
    const timer = setTimeout(() => {
      finish({ statusCode: null, error: noAnswerWithin(options.timeoutMs) });
      request.destroy();
    }, options.timeoutMs);
    request.on('response', (response) => {
      finish({ statusCode: response.statusCode ?? 0, error: null });
      // The answer's body is not needed; dropping the connection frees it.
      response.destroy();
    });
    request.on('error', () => finish({ statusCode: null, error: CONNECTION_FAILED }));
    request.end(body);
  });
}
