import { BlockList, isIP } from 'node:net';

/** What kind of network an IP address is in, as far as reaching it from the internet goes. */
export type AddressKind = 'public' | 'loopback' | 'private' | 'link-local';

/** Classifies an IP address; the network transport takes another one in tests (to play a public host on loopback). */
export type ClassifyAddress = (address: string) => AddressKind;

function blockList(subnets: ReadonlyArray<readonly [string, number]>): BlockList {
  const list = new BlockList();
  // The family of these literals by their colons, not `isIP`: Node compiles its IPv6 pattern on the first `isIP` of
  // an IPv6 address, some 20-40 ms, which at load time delayed every run's first request (issue 14).
  for (const [network, prefix] of subnets) list.addSubnet(network, prefix, network.includes(':') ? 'ipv6' : 'ipv4');
  return list;
}

// IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`) match the IPv4 subnets: BlockList checks them as IPv4.
const LOOPBACK = blockList([['127.0.0.0', 8], ['0.0.0.0', 8], ['::1', 128], ['::', 128]]);
const LINK_LOCAL = blockList([['169.254.0.0', 16], ['fe80::', 10]]);
// RFC 1918, shared address space (RFC 6598), benchmarking, IETF protocol assignments, multicast and reserved ranges,
// unique local IPv6 (RFC 4193) and IPv6 multicast: nothing on the public internet answers there.
const PRIVATE = blockList([
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
  ['fc00::', 7],
  ['ff00::', 8],
]);

// Addresses already classified. Every connection is checked, and a run connects to the same few addresses thousands
// of times: each BlockList check makes a SocketAddress, up to three per address, some 40 µs a connection in a profile
// of the harness (`npm run bench`). The kind of an address never changes; the cap only bounds a run that reaches
// very many hosts.
const KNOWN_KINDS = new Map<string, AddressKind>();
const MAX_KNOWN_KINDS = 1024;

/** The kind of network `address` (an IPv4 or IPv6 literal) is in. */
export function classifyAddress(address: string): AddressKind {
  let kind = KNOWN_KINDS.get(address);
  if (kind === undefined) {
    if (KNOWN_KINDS.size >= MAX_KNOWN_KINDS) KNOWN_KINDS.clear();
    kind = classifyUncached(address);
    KNOWN_KINDS.set(address, kind);
  }
  return kind;
}

function classifyUncached(address: string): AddressKind {
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (LOOPBACK.check(address, family)) return 'loopback';
  if (LINK_LOCAL.check(address, family)) return 'link-local';
  if (PRIVATE.check(address, family)) return 'private';
  return 'public';
}

/** Options of an address rule. */
export interface AddressRuleOptions {
  /** The URL of the server under test: its own kind of address stays reachable. */
  readonly target?: string;
  /** Reach every address: the rule allows everything. */
  readonly allowPrivate?: boolean;
}

/**
 * Which addresses the kit may connect to during a run. Twilio refuses URLs on loopback, private or link-local
 * addresses (its 11205 page lists "URLs that reference private IP addresses or localhost"), and a redirect or an
 * `action` URL from the server under test must not lead the kit into the network it runs in (a cloud metadata
 * service at 169.254.169.254, a database's admin port). So public addresses are always reachable, the kind of
 * address the target itself has stays reachable (loopback for a server on the same machine, private for one in the
 * same container network), and everything else is refused unless `allowPrivate`. The address checked is the one
 * resolved when connecting, so a host name that resolves somewhere else later is caught too.
 */
export class AddressRule {
  private targetHost: string | undefined;
  private targetKinds: ReadonlySet<AddressKind> | undefined;

  constructor(private readonly options: AddressRuleOptions = {}) {
    if (options.target !== undefined) this.setTarget(options.target);
  }

  /** Makes `url` the target when none was given: a sender's first request goes to the server under test. */
  adoptTarget(url: string): void {
    if (this.targetHost === undefined) this.setTarget(url);
  }

  /**
   * The addresses of `hostname` the kit may connect to, or why none is. Connecting to the target learns its kind
   * the first time (a name resolves only then).
   */
  admit(hostname: string, addresses: readonly string[], classify: ClassifyAddress): { allowed: string[] } | { refused: string } {
    if (this.options.allowPrivate) return { allowed: [...addresses] };
    const kinds = addresses.map((address) => classify(address));
    if (this.targetKinds === undefined && this.targetHost !== undefined && isIP(this.targetHost) !== 0) {
      this.targetKinds = new Set([classify(this.targetHost)]);
    }
    if (this.targetKinds === undefined && hostOf(hostname) === this.targetHost) this.targetKinds = new Set(kinds);
    const reachable = (kind: AddressKind) => kind === 'public' || (this.targetKinds?.has(kind) ?? false);
    const allowed = addresses.filter((_, index) => reachable(kinds[index] as AddressKind));
    if (allowed.length > 0) return { allowed };
    const shown = addresses.map((address, index) => `${address} (${kinds[index]})`).join(', ');
    const resolved = isIP(hostOf(hostname)) !== 0 ? `${hostname} is ${kinds.join(', ')}` : `${hostname} resolves to ${shown}`;
    return {
      refused: `${resolved}; Twilio never requests URLs on private networks or localhost, and the server under test is ${this.describeTarget()}, so the kit did not connect`,
    };
  }

  private setTarget(url: string): void {
    let hostname: string;
    try {
      hostname = new URL(url).hostname;
    } catch {
      return;
    }
    this.targetHost = hostOf(hostname);
    // RFC 6761: localhost names always resolve to loopback. An IP literal is classified when first connected to.
    if (this.targetHost === 'localhost' || this.targetHost.endsWith('.localhost')) this.targetKinds = new Set(['loopback']);
  }

  private describeTarget(): string {
    const kinds = [...(this.targetKinds ?? [])].filter((kind) => kind !== 'public');
    return kinds.length === 0 ? 'on a public address' : `on a ${kinds.join(' or ')} address`;
  }
}

/** A host name as the rule compares it: lower-case, an IPv6 literal without brackets, no trailing dot. */
function hostOf(hostname: string): string {
  return hostname.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}
