import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the stand-in received, as the broker would have. */
export interface BrokerRequest {
  readonly method: string;
  readonly path: string;
  readonly authorization: string | undefined;
  readonly body: unknown;
}

/** The running stand-in. */
export interface BrokerStandIn {
  readonly url: string;
  readonly requests: BrokerRequest[];
  close(): Promise<void>;
}

/**
 * A stand-in for a Pact Broker, because a real one cannot run on these machines (it is a Ruby service with a
 * database, and nothing may be downloaded): a real loopback HTTP server that speaks the part of the broker's HAL API
 * that Pact's clients use, and records every request so a test can say what reached "the broker". It serves the
 * index with its relations, takes published contracts (`pb:publish-contracts`), answers "pacts for verification"
 * with `pacts` (each pending or not), serves each pact with its `pb:publish-verification-results` relation, and
 * takes verification results, branches and tags. It checks nothing a real broker would refuse.
 */
export async function startBrokerStandIn(pacts: ReadonlyArray<{ readonly name: string; readonly content: unknown; readonly pending?: boolean }>): Promise<BrokerStandIn> {
  const requests: BrokerRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const base = `http://${req.headers.host ?? ''}`;
      const text = Buffer.concat(chunks).toString('utf8');
      const path = req.url ?? '/';
      requests.push({ method: req.method ?? '', path, authorization: req.headers.authorization, body: text === '' ? undefined : JSON.parse(text) });
      const send = (status: number, body: unknown): void => {
        res.writeHead(status, { 'Content-Type': 'application/hal+json' }).end(JSON.stringify(body));
      };
      const link = (href: string, extra: Record<string, unknown> = {}): Record<string, unknown> => ({ href: `${base}${href}`, ...extra });
      if (req.method === 'GET' && path === '/') {
        return send(200, {
          _links: {
            self: link('/'),
            'pb:publish-contracts': link('/contracts/publish'),
            'pb:provider-pacts-for-verification': link('/pacts/provider/{provider}/for-verification', { templated: true }),
            'pb:pacticipant-branch-version': link('/pacticipants/{pacticipant}/branches/{branch}/versions/{version}', { templated: true }),
            'pb:pacticipant-version-tag': link('/pacticipants/{pacticipant}/versions/{version}/tags/{tag}', { templated: true }),
            'pb:pacticipant-version': link('/pacticipants/{pacticipant}/versions/{version}', { templated: true }),
          },
        });
      }
      if (req.method === 'POST' && path === '/contracts/publish') {
        const published = JSON.parse(text) as { pacticipantName: string; pacticipantVersionNumber: string };
        const pacticipant = { name: published.pacticipantName, _links: { self: link(`/pacticipants/${published.pacticipantName}`) } };
        const version = { number: published.pacticipantVersionNumber, _links: { self: link(`/pacticipants/${published.pacticipantName}/versions/${published.pacticipantVersionNumber}`) } };
        return send(200, {
          notices: [{ type: 'success', text: `Published contracts for ${published.pacticipantName} version ${published.pacticipantVersionNumber}` }],
          _embedded: { pacticipant, version },
          _links: { 'pb:pacticipant': pacticipant._links.self, 'pb:pacticipant-version': version._links.self, 'pb:contracts': [] },
        });
      }
      const forVerification = /^\/pacts\/provider\/([^/]+)\/for-verification$/.exec(path);
      // Pact's verifier reads the resource first, then POSTs its query to the resource's `self`.
      if (req.method === 'GET' && forVerification) return send(200, { _links: { self: link(path) } });
      if (req.method === 'POST' && forVerification) {
        return send(200, {
          _embedded: {
            pacts: pacts.map((pact) => ({
              shortDescription: pact.name,
              verificationProperties: { pending: pact.pending === true, notices: [{ when: 'before_verification', text: `The pact ${pact.name} is being verified` }] },
              _links: { self: link(`/pacts/${pact.name}`, { name: pact.name }) },
            })),
          },
          _links: { self: link(path) },
        });
      }
      const pact = pacts.find((candidate) => path === `/pacts/${candidate.name}`);
      if (req.method === 'GET' && pact) {
        const provider = (pact.content as { provider?: { name?: string } }).provider?.name ?? 'provider';
        return send(200, {
          ...(pact.content as object),
          _links: { self: link(path), 'pb:provider': link(`/pacticipants/${provider}`), 'pb:publish-verification-results': link(`/pacts/${pact.name}/verification-results`) },
        });
      }
      const pacticipant = /^\/pacticipants\/([^/]+)$/.exec(path)?.[1];
      if (req.method === 'GET' && pacticipant !== undefined) {
        return send(200, {
          name: pacticipant,
          _links: {
            self: link(path),
            'pb:branch-version': link(`${path}/branches/{branch}/versions/{version}`, { templated: true }),
            'pb:version-tag': link(`${path}/versions/{version}/tags/{tag}`, { templated: true }),
            'pb:version': link(`${path}/versions/{version}`, { templated: true }),
          },
        });
      }
      if (req.method === 'POST' && pacts.some((candidate) => path === `/pacts/${candidate.name}/verification-results`)) {
        return send(201, { _links: { self: link(`${path}/1`) } });
      }
      if (req.method === 'PUT' || req.method === 'POST') return send(201, { _links: { self: link(path) } });
      return send(404, { error: `the stand-in serves no ${req.method} ${path}` });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
