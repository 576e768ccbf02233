import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSender } from '../../src/sender/index.js';
import { FAX_PARAMS } from '../sender/fixtures.js';
import { RECEIVE_TWIML, startHttpServer, startRawServer, type TestServer } from '../sender/servers.js';

const FINAL = `HTTP/1.1 200 OK\r\nContent-Type: text/xml\r\nContent-Length: ${RECEIVE_TWIML.length}\r\n\r\n${RECEIVE_TWIML}`;

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const sender = createSender({ timeoutMs: 2_000 });
afterAll(() => sender.close());

/** A raw server that writes `pieces` in order, each in its own TCP write, once the request arrived. */
async function answering(...pieces: string[]): Promise<TestServer> {
  const server = await startRawServer((socket) =>
    socket.once('data', async () => {
      for (const piece of pieces) {
        socket.write(piece);
        // Let each piece leave as its own segment, so the client sees a head split anywhere.
        await new Promise((resolve) => setImmediate(resolve));
      }
      socket.end();
    }),
  );
  servers.push(server);
  return server;
}

const post = (server: TestServer) => sender.send({ method: 'POST', url: `${server.origin}/fax`, params: FAX_PARAMS });

// RFC 9110 §15.2: a client must parse 1xx responses it did not ask for, and may ignore them.
describe('interim (1xx) responses before the final one', () => {
  it('passes an unsolicited 100 Continue followed by the 200', async () => {
    const server = await answering('HTTP/1.1 100 Continue\r\n\r\n', FINAL);

    const exchange = await post(server);

    expect(exchange.failure).toBeUndefined();
    expect(exchange.response?.status).toBe(200);
    expect(Buffer.from(exchange.response?.body ?? []).toString()).toBe(RECEIVE_TWIML);
  });

  it('passes several interim responses, 103 Early Hints with headers among them, in one segment', async () => {
    const server = await answering(`HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n${FINAL}`);

    const exchange = await post(server);

    expect(exchange.response?.status).toBe(200);
    expect(exchange.response?.headers.link).toBeUndefined();
  });

  it('passes a 100 Continue whose status line arrives split across segments', async () => {
    const server = await answering('HTTP/1.', '1 10', '0 Contin', 'ue\r\n', '\r\n', FINAL.slice(0, 5), FINAL.slice(5));

    const exchange = await post(server);

    expect(exchange.response?.status).toBe(200);
  });

  it('keeps a body that merely starts like an interim response', async () => {
    const body = `HTTP/1.1 100 Continue\r\n\r\n${RECEIVE_TWIML}`;
    const server = await answering(`HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`, body);

    const exchange = await post(server);

    expect(Buffer.from(exchange.response?.body ?? []).toString()).toBe(body);
  });

  describe('from a node:http server calling writeContinue()', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startHttpServer((_request, response) => {
        response.writeContinue();
        response.writeHead(200, { 'Content-Type': 'text/xml' });
        response.end(RECEIVE_TWIML);
      });
    });
    afterAll(() => server.close());

    it('passes a 100 Continue before every reply', async () => {
      const exchanges = [await post(server), await post(server), await post(server)];

      expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([200, 200, 200]);
    });

    it('passes it before the reply to a GET, whose parameters make a long request line', async () => {
      const get = () => sender.send({ method: 'GET', url: `${server.origin}/fax`, params: FAX_PARAMS });
      const exchanges = [await get(), await post(server), await get()];

      expect(exchanges.map((exchange) => exchange.failure)).toEqual([undefined, undefined, undefined]);
      expect(exchanges.map((exchange) => exchange.response?.status)).toEqual([200, 200, 200]);
      expect(Buffer.from(exchanges[0]?.response?.body ?? []).toString()).toBe(RECEIVE_TWIML);
    });
  });

  it('still refuses a final response that is malformed after the interim one', async () => {
    const server = await answering('HTTP/1.1 100 Continue\r\n\r\n', 'HELLO THERE\r\n\r\n');

    const exchange = await post(server);

    expect(exchange.failure).toMatchObject({ kind: 'protocol', twilioError: 11206 });
  });
});
