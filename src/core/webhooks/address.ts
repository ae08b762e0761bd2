/**
 * Where a webhook may be sent. A webhook is a request the server makes on an
 * admin's behalf, so without these rules an admin — or anyone holding an admin token — could make the
 * server reach its own loopback services, the private network or a cloud metadata endpoint. The
 * rules are applied twice: to the URL at registration (by its name or literal address, before any
 * DNS) and to every address the name resolves to at connect time (so a name that later resolves to
 * 127.0.0.1 — DNS rebinding — is not connected to). An operator allows on-premise receivers with
 * CLIENTOCRACY_WEBHOOK_ALLOW. Pure: no DNS, no network.
 */

/** An IP address as a number: 32 bits for IPv4, 128 for IPv6. */
export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

/** An address block, e.g. 10.0.0.0/8 or fd00::/8. */
export interface IpNetwork extends IpAddress {
  prefix: number;
}

/** What CLIENTOCRACY_WEBHOOK_ALLOW lets through: host names (`*.corp.example` for every subdomain) and networks. */
export interface WebhookAllowList {
  hosts: string[];
  networks: IpNetwork[];
}

export const EMPTY_ALLOW_LIST: WebhookAllowList = { hosts: [], networks: [] };

/** How the field error on a refused webhook URL begins ("must not point to a loopback address (127.0.0.1); …"); the web app keys its message on it. */
export const REFUSED_HOST_MESSAGE = 'must not point to';

/** Allowed, or refused with a reason that completes "must not point to …" (e.g. "a loopback address (127.0.0.1)"). */
export type HostVerdict = { allowed: true } | { allowed: false; reason: string };

const ALLOWED: HostVerdict = { allowed: true };
const bits = (family: 4 | 6) => (family === 4 ? 32 : 128);

/** A dotted-quad IPv4 address in canonical form (what `new URL` and DNS give) as a number; anything else → null. */
export function parseIPv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    // No leading zeros: "010" would be octal to some parsers and decimal to others.
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** An IPv6 address (brackets and a `%zone` tolerated, an IPv4 tail as in ::ffff:1.2.3.4 accepted) as a number; anything else → null. */
export function parseIPv6(text: string): bigint | null {
  let s = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  const zone = s.indexOf('%');
  if (zone >= 0) s = s.slice(0, zone);
  if (!/^[0-9a-fA-F:.]+$/.test(s) || !s.includes(':')) return null;
  if (s.includes('.')) {
    const lastColon = s.lastIndexOf(':');
    const v4 = parseIPv4(s.slice(lastColon + 1));
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  if (halves.length === 1 ? head.length !== 8 : head.length + tail.length > 7) return null;
  const groups = [...head, ...Array<string>(8 - head.length - tail.length).fill('0'), ...tail];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(Number.parseInt(group, 16));
  }
  return value;
}

/** An IPv4 or IPv6 literal (IPv6 with or without brackets) → the address; an IPv4-mapped IPv6 address (::ffff:a.b.c.d) is its IPv4 address. */
export function parseIp(text: string): IpAddress | null {
  const v4 = parseIPv4(text);
  if (v4 !== null) return { family: 4, value: v4 };
  const v6 = parseIPv6(text);
  if (v6 === null) return null;
  if (v6 >> 32n === 0xffffn) return { family: 4, value: v6 & 0xffffffffn };
  return { family: 6, value: v6 };
}

/** The address written back, e.g. "127.0.0.1" or "fe80:0:0:0:0:0:0:1" (not shortened: it is only shown in messages). */
export function formatIp(ip: IpAddress): string {
  if (ip.family === 4) return [24n, 16n, 8n, 0n].map((shift) => ((ip.value >> shift) & 0xffn).toString()).join('.');
  return [112n, 96n, 80n, 64n, 48n, 32n, 16n, 0n].map((shift) => ((ip.value >> shift) & 0xffffn).toString(16)).join(':');
}

/** True when `ip` lies in `network` (of the same family). */
export function isInNetwork(ip: IpAddress, network: IpNetwork): boolean {
  if (ip.family !== network.family) return false;
  const shift = BigInt(bits(ip.family) - network.prefix);
  return ip.value >> shift === network.value >> shift;
}

/** "a.b.c.d/n" or "x:y::/n" → the network; a bare address is /32 or /128; a bad address or prefix → null. */
export function parseNetwork(text: string): IpNetwork | null {
  const slash = text.indexOf('/');
  const ip = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!ip) return null;
  if (slash < 0) return { ...ip, prefix: bits(ip.family) };
  const prefixText = text.slice(slash + 1);
  // ::ffff:10.0.0.0/104 is 10.0.0.0/8.
  const mapped = ip.family === 4 && parseIPv4(text.slice(0, slash)) === null ? 96 : 0;
  const prefix = Number(prefixText) - mapped;
  if (!/^\d{1,3}$/.test(prefixText) || prefix < 0 || prefix > bits(ip.family)) return null;
  return { ...ip, prefix };
}

const network = (text: string, reason: string) => ({ network: parseNetwork(text) as IpNetwork, reason });

// Never a webhook receiver: this host, the private networks, link-local (cloud metadata lives at
// 169.254.169.254), and blocks that are not unicast on the internet.
const REFUSED_IPV4 = [
  network('0.0.0.0/8', 'an unspecified address'),
  network('10.0.0.0/8', 'a private address'),
  network('100.64.0.0/10', 'a shared (carrier-grade NAT) address'),
  network('127.0.0.0/8', 'a loopback address'),
  network('169.254.0.0/16', 'a link-local address'),
  network('172.16.0.0/12', 'a private address'),
  network('192.0.0.0/24', 'a reserved address'),
  network('192.0.2.0/24', 'a documentation address'),
  network('192.168.0.0/16', 'a private address'),
  network('198.18.0.0/15', 'a reserved (benchmarking) address'),
  network('198.51.100.0/24', 'a documentation address'),
  network('203.0.113.0/24', 'a documentation address'),
  network('224.0.0.0/4', 'a multicast address'),
  network('240.0.0.0/4', 'a reserved address'),
];

const REFUSED_IPV6 = [
  network('::/128', 'an unspecified address'),
  network('::1/128', 'a loopback address'),
  // IPv4-compatible addresses (deprecated): no receiver has one.
  network('::/96', 'a reserved address'),
  network('64:ff9b:1::/48', 'a reserved (local NAT64) address'),
  network('100::/64', 'a reserved (discard) address'),
  // Teredo tunnels IPv6 over UDP through a relay; what it reaches is hidden in the address. No receiver has one.
  network('2001::/32', 'a reserved (Teredo) address'),
  network('2001:db8::/32', 'a documentation address'),
  network('fc00::/7', 'a private (unique local) address'),
  network('fe80::/10', 'a link-local address'),
  network('fec0::/10', 'a reserved (site-local) address'),
  network('ff00::/8', 'a multicast address'),
];

// Prefixes that carry an IPv4 address inside: judged by that address (64:ff9b::7f00:1 is 127.0.0.1
// through NAT64, ::ffff:0:7f00:1 is 127.0.0.1 IPv4-translated (RFC 2765), 2002:7f00:1:: through 6to4).
const NAT64 = parseNetwork('64:ff9b::/96') as IpNetwork;
const IPV4_TRANSLATED = parseNetwork('::ffff:0:0:0/96') as IpNetwork;
const SIX_TO_FOUR = parseNetwork('2002::/16') as IpNetwork;

/** Why `ip` may never receive a webhook (e.g. "a loopback address"), or null for an ordinary internet address. */
export function refusedAddressReason(ip: IpAddress): string | null {
  if (ip.family === 6) {
    if (isInNetwork(ip, NAT64) || isInNetwork(ip, IPV4_TRANSLATED))
      return refusedAddressReason({ family: 4, value: ip.value & 0xffffffffn });
    if (isInNetwork(ip, SIX_TO_FOUR)) return refusedAddressReason({ family: 4, value: (ip.value >> 80n) & 0xffffffffn });
  }
  const table = ip.family === 4 ? REFUSED_IPV4 : REFUSED_IPV6;
  return table.find((entry) => isInNetwork(ip, entry.network))?.reason ?? null;
}

// Names that mean this machine, the local link or a cloud's internal network whatever DNS says:
// `localhost` and `*.localhost` (RFC 6761), `*.local` (mDNS, RFC 6762: machines on the local link),
// `*.internal` (metadata.google.internal, and private use by ICANN's 2024 decision), `*.home.arpa` (RFC 8375).
const LOCAL_SUFFIXES = ['localhost', 'local', 'internal', 'home.arpa'];

/** Lower case without the trailing dot of a fully qualified name ("LocalHost." is "localhost"). */
function canonicalName(hostname: string): string {
  return hostname.toLowerCase().replace(/\.$/, '');
}

/** True for a host name that always names this machine, the local link or an internal network. */
export function isLocalName(hostname: string): boolean {
  const name = canonicalName(hostname);
  return LOCAL_SUFFIXES.some((suffix) => name === suffix || name.endsWith(`.${suffix}`));
}

function isHostAllowed(hostname: string, allow: WebhookAllowList): boolean {
  const name = canonicalName(hostname);
  return allow.hosts.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) : name === entry));
}

function isAddressAllowed(ip: IpAddress, allow: WebhookAllowList): boolean {
  return allow.networks.some((entry) => isInNetwork(ip, entry));
}

/**
 * Whether a webhook URL's host (`new URL(url).hostname`, after WHATWG normalisation, so 2130706433,
 * 0x7f000001 and 127.1 arrive as 127.0.0.1 and IPv6 in brackets) may receive deliveries, judged
 * without DNS: a refused address or local name is refused unless the allow list names it.
 */
export function checkWebhookHost(hostname: string, allow: WebhookAllowList = EMPTY_ALLOW_LIST): HostVerdict {
  const ip = parseIp(hostname);
  if (ip) {
    if (isAddressAllowed(ip, allow)) return ALLOWED;
    const reason = refusedAddressReason(ip);
    return reason ? { allowed: false, reason: `${reason} (${formatIp(ip)})` } : ALLOWED;
  }
  if (isHostAllowed(hostname, allow)) return ALLOWED;
  return isLocalName(hostname) ? { allowed: false, reason: `a local host name (${canonicalName(hostname)})` } : ALLOWED;
}

/**
 * Whether one address `hostname` resolved to may be connected to: yes when the allow list names the
 * host or holds the address, no when the address is refused (or not an address at all).
 */
export function checkResolvedAddress(hostname: string, address: string, allow: WebhookAllowList = EMPTY_ALLOW_LIST): HostVerdict {
  if (isHostAllowed(hostname, allow)) return ALLOWED;
  const ip = parseIp(address);
  if (!ip) return { allowed: false, reason: 'an unreadable address' };
  if (isAddressAllowed(ip, allow)) return ALLOWED;
  const reason = refusedAddressReason(ip);
  return reason ? { allowed: false, reason: `${reason} (${formatIp(ip)})` } : ALLOWED;
}

const HOST_ENTRY = /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*$/;

/**
 * Reads CLIENTOCRACY_WEBHOOK_ALLOW: comma-separated host names (`hooks.corp.example`, `*.corp.example`
 * for its subdomains), addresses and CIDR blocks (`10.1.2.3`, `10.0.0.0/8`, `[fd00::1]`, `fd00::/8`).
 * Blanks around entries and empty entries are ignored; the first bad entry is returned as the error.
 */
export function parseWebhookAllowList(text: string | undefined): { ok: true; allow: WebhookAllowList } | { ok: false; entry: string } {
  const allow: WebhookAllowList = { hosts: [], networks: [] };
  for (const raw of (text ?? '').split(',')) {
    const entry = raw.trim();
    if (entry === '') continue;
    const net = parseNetwork(entry);
    if (net) {
      allow.networks.push(net);
      continue;
    }
    const name = canonicalName(entry);
    // A name ending in a number is an IPv4 address to WHATWG URL ("127.1"): only the dotted quad is accepted.
    const isNumeric = /^(0x[0-9a-f]*|\d+)$/.test(name.split('.').at(-1) ?? '');
    if (isNumeric || !HOST_ENTRY.test(name) || name.length > 253) return { ok: false, entry };
    allow.hosts.push(name);
  }
  return { ok: true, allow };
}
