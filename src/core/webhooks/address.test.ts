import { describe, expect, it } from 'vitest';
import {
  checkResolvedAddress,
  checkWebhookHost,
  formatIp,
  parseIp,
  parseNetwork,
  parseWebhookAllowList,
  refusedAddressReason,
  type WebhookAllowList,
} from './address.js';

/** What the registration sees: the host of the URL after WHATWG normalisation. */
const hostOf = (url: string) => new URL(url).hostname;
const allowOf = (text: string): WebhookAllowList => {
  const parsed = parseWebhookAllowList(text);
  if (!parsed.ok) throw new Error(`bad entry ${parsed.entry}`);
  return parsed.allow;
};

describe('addresses', () => {
  it.each([
    ['127.0.0.1', 4, 0x7f000001n],
    ['0.0.0.0', 4, 0n],
    ['255.255.255.255', 4, 0xffffffffn],
    ['::', 6, 0n],
    ['::1', 6, 1n],
    ['[::1]', 6, 1n],
    ['fe80::1%eth0', 6, (0xfe80n << 112n) | 1n],
    ['2001:db8::8:800:200c:417a', 6, 0x20010db80000000000080800200c417an],
    ['1:2:3:4:5:6:7:8', 6, 0x00010002000300040005000600070008n],
    ['64:ff9b::192.0.2.33', 6, 0x0064ff9b0000000000000000c0000221n],
    // IPv4-mapped IPv6 is its IPv4 address.
    ['::ffff:127.0.0.1', 4, 0x7f000001n],
    ['::ffff:7f00:1', 4, 0x7f000001n],
  ])('%s is IPv%i %s', (text, family, value) => {
    expect(parseIp(text)).toEqual({ family, value });
  });

  it.each([
    '127.1',
    '2130706433',
    '0x7f000001',
    '010.0.0.1',
    '256.0.0.1',
    '1.2.3',
    '1.2.3.4.5',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    ':1::',
    '12345::',
    'example.com',
    '',
  ])('%s is not a canonical address', (text) => {
    expect(parseIp(text)).toBeNull();
  });

  it('writes addresses back', () => {
    expect(formatIp(parseIp('10.1.2.3')!)).toBe('10.1.2.3');
    expect(formatIp(parseIp('fe80::1')!)).toBe('fe80:0:0:0:0:0:0:1');
  });

  it.each([
    ['0.0.0.0', 'an unspecified address'],
    ['0.1.2.3', 'an unspecified address'],
    ['10.0.0.1', 'a private address'],
    ['100.64.0.1', 'a shared (carrier-grade NAT) address'],
    ['100.127.255.255', 'a shared (carrier-grade NAT) address'],
    ['127.0.0.1', 'a loopback address'],
    ['127.255.255.254', 'a loopback address'],
    ['169.254.169.254', 'a link-local address'],
    ['172.16.0.1', 'a private address'],
    ['172.31.255.255', 'a private address'],
    ['192.0.0.8', 'a reserved address'],
    ['192.168.1.1', 'a private address'],
    ['198.18.0.1', 'a reserved (benchmarking) address'],
    ['198.19.255.255', 'a reserved (benchmarking) address'],
    ['224.0.0.1', 'a multicast address'],
    ['239.255.255.250', 'a multicast address'],
    ['240.0.0.1', 'a reserved address'],
    ['255.255.255.255', 'a reserved address'],
    ['::', 'an unspecified address'],
    ['::1', 'a loopback address'],
    ['::ffff:10.0.0.1', 'a private address'],
    ['::ffff:169.254.169.254', 'a link-local address'],
    ['::7f00:1', 'a reserved address'],
    ['fe80::1', 'a link-local address'],
    ['febf:ffff::1', 'a link-local address'],
    ['fc00::1', 'a private (unique local) address'],
    ['fd12:3456::1', 'a private (unique local) address'],
    ['fec0::1', 'a reserved (site-local) address'],
    ['ff02::1', 'a multicast address'],
    ['64:ff9b::7f00:1', 'a loopback address'],
    ['64:ff9b::a9fe:a9fe', 'a link-local address'],
    ['2002:7f00:1::', 'a loopback address'],
    ['2002:c0a8:101::1', 'a private address'],
    // IPv4-translated (::ffff:0:0:0/96) is judged by the IPv4 address inside, like NAT64 and 6to4.
    ['::ffff:0:7f00:1', 'a loopback address'],
    ['::ffff:0:a9fe:a9fe', 'a link-local address'],
    ['::ffff:0:c0a8:101', 'a private address'],
    ['2001::1', 'a reserved (Teredo) address'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'a reserved (Teredo) address'],
    ['2001:0:ffff:ffff:ffff:ffff:ffff:ffff', 'a reserved (Teredo) address'],
    ['192.0.2.1', 'a documentation address'],
    ['192.0.2.255', 'a documentation address'],
    ['198.51.100.0', 'a documentation address'],
    ['198.51.100.77', 'a documentation address'],
    ['203.0.113.1', 'a documentation address'],
    ['203.0.113.255', 'a documentation address'],
    ['2001:db8::1', 'a documentation address'],
    ['2001:db8:ffff:ffff:ffff:ffff:ffff:ffff', 'a documentation address'],
    ['64:ff9b::c000:201', 'a documentation address'],
    ['::ffff:203.0.113.9', 'a documentation address'],
  ])('%s is refused: %s', (text, reason) => {
    expect(refusedAddressReason(parseIp(text)!)).toBe(reason);
  });

  it.each([
    '1.1.1.1',
    '8.8.8.8',
    '93.184.216.34',
    '100.63.255.255',
    '100.128.0.0',
    '126.255.255.255',
    '128.0.0.1',
    '169.253.255.255',
    '172.15.255.255',
    '172.32.0.0',
    '192.0.1.1',
    '192.167.255.255',
    '198.17.255.255',
    '198.20.0.0',
    '223.255.255.255',
    '2606:4700:4700::1111',
    '2a00:1450:4001:80b::200e',
    '64:ff9b::808:808',
    '2002:808:808::1',
    'fbff::1',
    'fe7f::1',
    '192.0.1.255',
    '192.0.3.0',
    '198.51.99.255',
    '198.51.101.0',
    '203.0.112.255',
    '203.0.114.0',
    '::ffff:0:808:808',
    '2001:4860:4860::8888',
    '2001:db7:ffff::1',
    '2001:db9::1',
    '2000:ffff:ffff:ffff::1',
  ])('%s is an ordinary internet address', (text) => {
    expect(refusedAddressReason(parseIp(text)!)).toBeNull();
  });
});

describe('a webhook URL host, before DNS', () => {
  it.each([
    ['http://169.254.169.254/latest/meta-data/', 'a link-local address (169.254.169.254)'],
    ['http://10.0.0.1/', 'a private address (10.0.0.1)'],
    ['http://localhost/', 'a local host name (localhost)'],
    ['http://LOCALHOST./', 'a local host name (localhost)'],
    ['http://api.localhost:8080/', 'a local host name (api.localhost)'],
    ['http://[::1]/', 'a loopback address (0:0:0:0:0:0:0:1)'],
    ['http://[::]/', 'an unspecified address (0:0:0:0:0:0:0:0)'],
    ['http://[::ffff:127.0.0.1]/', 'a loopback address (127.0.0.1)'],
    ['http://[fe80::1]/', 'a link-local address (fe80:0:0:0:0:0:0:1)'],
    ['http://[fd00::1]/', 'a private (unique local) address (fd00:0:0:0:0:0:0:1)'],
    ['http://0.0.0.0/', 'an unspecified address (0.0.0.0)'],
    ['http://0/', 'an unspecified address (0.0.0.0)'],
    ['http://2130706433/', 'a loopback address (127.0.0.1)'],
    ['http://0x7f000001/', 'a loopback address (127.0.0.1)'],
    ['http://0177.0.0.1/', 'a loopback address (127.0.0.1)'],
    ['http://127.1/', 'a loopback address (127.0.0.1)'],
    ['http://127.0.0.1./', 'a loopback address (127.0.0.1)'],
    ['http://0xa9.0xfe.0xa9.0xfe/', 'a link-local address (169.254.169.254)'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'a local host name (metadata.google.internal)'],
    ['http://printer.local/', 'a local host name (printer.local)'],
    ['http://router.home.arpa/', 'a local host name (router.home.arpa)'],
    ['https://255.255.255.255/', 'a reserved address (255.255.255.255)'],
    ['http://[::ffff:0:7f00:1]/', 'a loopback address (0:0:0:0:ffff:0:7f00:1)'],
    ['http://[::ffff:0:127.0.0.1]/', 'a loopback address (0:0:0:0:ffff:0:7f00:1)'],
    ['http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/', 'a reserved (Teredo) address (2001:0:4136:e378:8000:63bf:3fff:fdd2)'],
    ['https://192.0.2.10/', 'a documentation address (192.0.2.10)'],
    ['https://198.51.100.10/', 'a documentation address (198.51.100.10)'],
    ['https://203.0.113.10/', 'a documentation address (203.0.113.10)'],
    ['https://[2001:db8::10]/', 'a documentation address (2001:db8:0:0:0:0:0:10)'],
  ])('%s must not point to %s', (url, reason) => {
    expect(checkWebhookHost(hostOf(url))).toEqual({ allowed: false, reason });
  });

  it.each([
    'https://example.com/hooks',
    'https://93.184.216.34/',
    'https://[2606:4700::1]/',
    'https://localhost.example.com/',
    'https://internal.example.com/',
  ])('%s may receive webhooks', (url) => {
    expect(checkWebhookHost(hostOf(url))).toEqual({ allowed: true });
  });

  it('lets the allow list through: hosts, subdomains, addresses and networks', () => {
    const allow = allowOf(' hooks.corp.internal, *.lan.internal ,127.0.0.1, 10.0.0.0/8, fd00::/8, [::1], ');
    for (const url of [
      'http://hooks.corp.internal/',
      'http://a.lan.internal/',
      'http://127.0.0.1:8080/',
      'http://2130706433/',
      'http://10.20.30.40/',
      'http://[fd12::1]/',
      'http://[::1]/',
      'http://[::ffff:10.0.0.1]/',
    ]) {
      expect(checkWebhookHost(hostOf(url), allow), url).toEqual({ allowed: true });
    }
    for (const url of [
      'http://127.0.0.2/',
      'http://lan.internal/',
      'http://other.corp.internal/',
      'http://169.254.169.254/',
      'http://[fe80::1]/',
    ]) {
      expect(checkWebhookHost(hostOf(url), allow).allowed, url).toBe(false);
    }
  });
});

describe('an address a host resolved to, at connect time', () => {
  it('is judged like a literal address, unless the allow list names the host or holds the address', () => {
    expect(checkResolvedAddress('hooks.example.test', '93.184.216.34')).toEqual({ allowed: true });
    expect(checkResolvedAddress('hooks.example.test', '127.0.0.1')).toEqual({ allowed: false, reason: 'a loopback address (127.0.0.1)' });
    expect(checkResolvedAddress('hooks.example.test', '::ffff:169.254.169.254')).toEqual({
      allowed: false,
      reason: 'a link-local address (169.254.169.254)',
    });
    expect(checkResolvedAddress('hooks.example.test', 'nonsense')).toEqual({ allowed: false, reason: 'an unreadable address' });
    expect(checkResolvedAddress('hooks.example.test', '127.0.0.1', allowOf('127.0.0.0/8'))).toEqual({ allowed: true });
    expect(checkResolvedAddress('hooks.example.test', '10.1.1.1', allowOf('hooks.example.test'))).toEqual({ allowed: true });
    expect(checkResolvedAddress('other.example.test', '10.1.1.1', allowOf('hooks.example.test')).allowed).toBe(false);
  });
});

describe('CLIENTOCRACY_WEBHOOK_ALLOW', () => {
  it('reads hosts in lower case and networks, and nothing from an empty value', () => {
    expect(parseWebhookAllowList(undefined)).toEqual({ ok: true, allow: { hosts: [], networks: [] } });
    expect(parseWebhookAllowList(' , ')).toEqual({ ok: true, allow: { hosts: [], networks: [] } });
    expect(parseWebhookAllowList('Hooks.Corp.Example.,10.0.0.0/8,::1')).toEqual({
      ok: true,
      allow: {
        hosts: ['hooks.corp.example'],
        networks: [
          { family: 4, value: 0x0a000000n, prefix: 8 },
          { family: 6, value: 1n, prefix: 128 },
        ],
      },
    });
    expect(parseNetwork('::ffff:10.0.0.0/104')).toEqual({ family: 4, value: 0x0a000000n, prefix: 8 });
  });

  it.each([
    '10.0.0.0/33',
    'fd00::/129',
    '10.0.0.0/',
    '10.0.0.0/x',
    'host/8',
    '127.1',
    '2130706433',
    'ex ample.com',
    'http://x.example',
    '*',
    '*.',
  ])('refuses %s', (entry) => {
    expect(parseWebhookAllowList(`ok.example,${entry}`)).toEqual({ ok: false, entry });
  });
});
