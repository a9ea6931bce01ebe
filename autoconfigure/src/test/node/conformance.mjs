// Protocol conformance: the cases of the official Engine.IO v4 and Socket.IO v5 test suites (socket.io's
// docs/engine.io-protocol/v4-test-suite and docs/socket.io-protocol/v5-test-suite), written again for Node's own
// test runner and the `ws` package. The server under test runs those suites' reference setup: pingInterval 300 ms,
// pingTimeout 200 ms, maxPayload 1,000,000, connectTimeout 1 s; an Engine.IO echo endpoint at /engine.io/; at
// /socket.io/ namespaces "/" and "/custom" that emit "auth" with the CONNECT payload, and on "/" a "message" handler
// that emits "message-back" with the same arguments and a "message-with-ack" handler that acks with them.
//
// Usage: node conformance.mjs http://127.0.0.1:<port>
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';

const URL = process.argv[2];
if (!URL) {
  console.error('usage: node conformance.mjs <base http url>');
  process.exit(2);
}
const WS_URL = URL.replace('http', 'ws');
const PING_INTERVAL = 300;
const PING_TIMEOUT = 200;
const WAIT_MS = 5000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A WebSocket whose messages queue up until read, so that none is missed between two awaits. */
class Peer {
  constructor(url) {
    this.ws = new WebSocket(url);
    this.ws.binaryType = 'arraybuffer';
    this.queue = [];
    this.waiters = [];
    this.closed = new Promise((resolve) => {
      this.ws.on('close', (code) => resolve(code));
      // A refused upgrade is an error and then a close; the error alone would end the process.
      this.ws.on('error', () => {});
    });
    this.opened = new Promise((resolve) => this.ws.on('open', resolve));
    this.ws.on('message', (data, isBinary) => {
      const message = isBinary ? data : data.toString();
      const waiter = this.waiters.shift();
      if (waiter) {
        waiter(message);
      }
      else {
        this.queue.push(message);
      }
    });
  }

  next() {
    if (this.queue.length > 0) {
      return Promise.resolve(this.queue.shift());
    }
    return bounded(new Promise((resolve) => this.waiters.push(resolve)), 'a message');
  }

  /** The next `count` messages that are not Engine.IO pings. */
  async packets(count) {
    const packets = [];
    while (packets.length < count) {
      const message = await this.next();
      if (message !== '2') {
        packets.push(message);
      }
    }
    return packets;
  }

  send(data) {
    this.ws.send(data);
  }

  untilClosed() {
    return bounded(this.closed, 'the close');
  }

  close() {
    this.ws.terminate();
  }
}

function bounded(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), WAIT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const buffer = (...bytes) => Uint8Array.from(bytes).buffer;

function assertOpenPacket(text, upgrades) {
  assert.equal(text[0], '0');
  const open = JSON.parse(text.substring(1));
  assert.deepEqual(Object.keys(open).sort(), ['maxPayload', 'pingInterval', 'pingTimeout', 'sid', 'upgrades']);
  assert.equal(typeof open.sid, 'string');
  assert.deepEqual(open.upgrades, upgrades);
  assert.equal(open.pingInterval, PING_INTERVAL);
  assert.equal(open.pingTimeout, PING_TIMEOUT);
  assert.equal(open.maxPayload, 1000000);
}

/** The Engine.IO suite, against an endpoint path: the plain echo endpoint, and the Socket.IO one. */
function engineIoSuite(path, echoes) {
  const polling = (query = '') => `${URL}${path}?EIO=4&transport=polling${query}`;
  const websocket = (query = '') => `${WS_URL}${path}?EIO=4&transport=websocket${query}`;

  async function openPolling() {
    const response = await fetch(polling());
    return JSON.parse((await response.text()).substring(1)).sid;
  }

  async function expectRefused(url) {
    const peer = new Peer(url);
    await peer.untilClosed();
  }

  describe(`Engine.IO v4 at ${path}`, () => {
    describe('handshake', () => {
      it('opens a polling session', async () => {
        const response = await fetch(polling());
        assert.equal(response.status, 200);
        assertOpenPacket(await response.text(), ['websocket']);
      });

      it('refuses a polling handshake without a valid EIO', async () => {
        assert.equal((await fetch(`${URL}${path}?transport=polling`)).status, 400);
        assert.equal((await fetch(`${URL}${path}?EIO=abc&transport=polling`)).status, 400);
      });

      it('refuses a polling handshake without a valid transport', async () => {
        assert.equal((await fetch(`${URL}${path}?EIO=4`)).status, 400);
        assert.equal((await fetch(`${URL}${path}?EIO=4&transport=abc`)).status, 400);
      });

      it('refuses a handshake with another method than GET', async () => {
        assert.equal((await fetch(polling(), { method: 'post' })).status, 400);
        assert.equal((await fetch(polling(), { method: 'put' })).status, 400);
      });

      it('opens a WebSocket session', async () => {
        const peer = new Peer(websocket());
        assertOpenPacket(await peer.next(), []);
        peer.close();
      });

      it('refuses a WebSocket without a valid EIO', async () => {
        await expectRefused(`${WS_URL}${path}?transport=websocket`);
        await expectRefused(`${WS_URL}${path}?EIO=abc&transport=websocket`);
      });

      it('refuses a WebSocket without a valid transport', async () => {
        await expectRefused(`${WS_URL}${path}?EIO=4`);
        await expectRefused(`${WS_URL}${path}?EIO=4&transport=abc`);
      });
    });

    describe('messages', () => {
      if (echoes) {
        for (const [name, body] of [
          ['one text packet', '4hello'],
          ['several text packets', '4test1\x1e4test2\x1e4test3'],
          ['text and base64 binary packets', '4hello\x1ebAQIDBA=='],
        ]) {
          it(`echoes a polling payload of ${name}`, async () => {
            const sid = await openPolling();
            const push = await fetch(polling(`&sid=${sid}`), { method: 'post', body });
            assert.equal(push.status, 200);
            assert.equal(await push.text(), 'ok');
            const poll = await fetch(polling(`&sid=${sid}`));
            assert.equal(poll.status, 200);
            assert.equal(await poll.text(), body);
          });
        }

        it('echoes WebSocket text and binary packets', async () => {
          const peer = new Peer(websocket());
          await peer.next();
          peer.send('4hello');
          assert.equal(await peer.next(), '4hello');
          peer.send(Uint8Array.from([1, 2, 3, 4]));
          assert.deepEqual(await peer.next(), buffer(1, 2, 3, 4));
          peer.close();
        });
      }

      it('closes a polling session on a malformed packet', async () => {
        const sid = await openPolling();
        try {
          const push = await fetch(polling(`&sid=${sid}`), { method: 'post', body: 'abc' });
          assert.equal(push.status, 400);
        }
        catch (err) {
          if (err instanceof assert.AssertionError) {
            throw err;
          }
          // The suite accepts a request closed abnormally.
        }
        assert.equal((await fetch(polling(`&sid=${sid}`))).status, 400);
      });

      it('closes a polling session on overlapping polls', async () => {
        const sid = await openPolling();
        const [first, second] = await Promise.all([
          fetch(polling(`&sid=${sid}`)),
          sleep(5).then(() => fetch(polling(`&sid=${sid}&t=burst`))),
        ]);
        // Two connections: a server with several threads may read the second poll first. Whichever it held ends
        // with a close packet, the other is refused.
        const [held, refused] = first.status === 200 ? [first, second] : [second, first];
        assert.equal(held.status, 200);
        assert.equal(await held.text(), '1');
        assert.ok([400, 500].includes(refused.status), `the overlapping poll was answered ${refused.status}`);
        assert.equal((await fetch(polling(`&sid=${sid}`))).status, 400);
      });

      it('closes a polling session whose poll the client cancelled', async () => {
        const sid = await openPolling();
        const controller = new AbortController();
        fetch(polling(`&sid=${sid}`), { signal: controller.signal }).catch(() => {});
        await sleep(5);
        controller.abort();
        // The two polls come on two connections, which a server with several threads may read in either order.
        // Read in order, the cancelled poll closes the session and the next is refused (400). Read the other way
        // round, the next poll is held, the cancelled one then overlaps it, and the held one ends with a close
        // packet. Either way the session is closed.
        const next = await fetch(polling(`&sid=${sid}`));
        const body = await next.text();
        assert.ok(next.status === 400 || (next.status === 200 && body === '1'),
            `the next poll was answered ${next.status} ${body}`);
        assert.equal((await fetch(polling(`&sid=${sid}`))).status, 400);
      });

      it('closes a WebSocket session on a malformed packet', async () => {
        const peer = new Peer(websocket());
        await peer.next();
        peer.send('abc');
        await peer.untilClosed();
      });
    });

    describe('heartbeat', () => {
      it('pings a polling client, which answers', async () => {
        const sid = await openPolling();
        for (let i = 0; i < 3; i++) {
          const poll = await fetch(polling(`&sid=${sid}`));
          assert.equal(poll.status, 200);
          assert.equal(await poll.text(), '2');
          const push = await fetch(polling(`&sid=${sid}`), { method: 'post', body: '3' });
          assert.equal(push.status, 200);
        }
      });

      it('closes a polling session whose client does not answer', async () => {
        const sid = await openPolling();
        await sleep(PING_INTERVAL + PING_TIMEOUT);
        const poll = await fetch(polling(`&sid=${sid}`));
        assert.ok(poll.status === 400 || (poll.status === 200 && (await poll.text()) === '1'),
          `poll answered ${poll.status}`);
      });

      it('pings a WebSocket client, which answers', async () => {
        const peer = new Peer(websocket());
        await peer.next();
        for (let i = 0; i < 3; i++) {
          assert.equal(await peer.next(), '2');
          peer.send('3');
        }
        peer.close();
      });

      it('closes a WebSocket whose client does not answer', async () => {
        const peer = new Peer(websocket());
        await peer.untilClosed();
      });
    });

    describe('close', () => {
      it('ends a polling session the client closes, answering the waiting poll with a noop', async () => {
        const sid = await openPolling();
        const [poll] = await Promise.all([
          fetch(polling(`&sid=${sid}`)),
          fetch(polling(`&sid=${sid}`), { method: 'post', body: '1' }),
        ]);
        assert.equal(poll.status, 200);
        assert.equal(await poll.text(), '6');
        assert.equal((await fetch(polling(`&sid=${sid}`))).status, 400);
      });

      it('ends a WebSocket session the client closes', async () => {
        const peer = new Peer(websocket());
        await peer.next();
        peer.send('1');
        await peer.untilClosed();
      });
    });

    describe('upgrade', () => {
      it('upgrades from polling to WebSocket, ending the waiting poll with a noop', async () => {
        const sid = await openPolling();
        const peer = new Peer(websocket(`&sid=${sid}`));
        await bounded(peer.opened, 'open');
        peer.send('2probe');
        assert.equal(await peer.next(), '3probe');
        const poll = await fetch(polling(`&sid=${sid}`));
        assert.equal(poll.status, 200);
        assert.equal(await poll.text(), '6');
        peer.send('5');
        if (echoes) {
          peer.send('4hello');
          assert.equal(await peer.packets(1).then((p) => p[0]), '4hello');
        }
        peer.close();
      });

      it('refuses polling requests for an upgraded session', async () => {
        const sid = await openPolling();
        const peer = new Peer(websocket(`&sid=${sid}`));
        await bounded(peer.opened, 'open');
        peer.send('2probe');
        peer.send('5');
        assert.equal((await fetch(polling(`&sid=${sid}`))).status, 400);
        assert.equal(await peer.next(), '3probe');
        if (echoes) {
          peer.send('4hello');
          assert.equal(await peer.packets(1).then((p) => p[0]), '4hello');
        }
        peer.close();
      });

      it('refuses a second WebSocket for an upgraded session', async () => {
        const sid = await openPolling();
        const peer = new Peer(websocket(`&sid=${sid}`));
        await bounded(peer.opened, 'open');
        peer.send('2probe');
        peer.send('5');
        await new Peer(websocket(`&sid=${sid}`)).untilClosed();
        assert.equal(await peer.next(), '3probe');
        if (echoes) {
          peer.send('4hello');
          assert.equal(await peer.packets(1).then((p) => p[0]), '4hello');
        }
        peer.close();
      });
    });
  });
}

function socketIoSuite() {
  const websocket = () => `${WS_URL}/socket.io/?EIO=4&transport=websocket`;

  async function connected() {
    const peer = new Peer(websocket());
    await peer.next();
    peer.send('40');
    await peer.next();
    await peer.next();
    return peer;
  }

  async function expectConnect(connect, prefix, auth) {
    const peer = new Peer(websocket());
    await peer.next();
    peer.send(connect);
    const reply = await peer.next();
    assert.equal(reply.substring(0, prefix.length), prefix);
    const handshake = JSON.parse(reply.substring(prefix.length));
    assert.deepEqual(Object.keys(handshake), ['sid']);
    assert.equal(typeof handshake.sid, 'string');
    assert.equal(await peer.next(), auth);
    peer.close();
  }

  const PLACEHOLDERS = '{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}';

  describe('Socket.IO v5', () => {
    describe('connect', () => {
      it('connects to the main namespace', () => expectConnect('40', '40', '42["auth",{}]'));
      it('connects to the main namespace with a payload',
        () => expectConnect('40{"token":"123"}', '40', '42["auth",{"token":"123"}]'));
      it('connects to a custom namespace', () => expectConnect('40/custom,', '40/custom,', '42/custom,["auth",{}]'));
      it('connects to a custom namespace with a payload',
        () => expectConnect('40/custom,{"token":"abc"}', '40/custom,', '42/custom,["auth",{"token":"abc"}]'));

      it('refuses an unknown namespace', async () => {
        const peer = new Peer(websocket());
        await peer.next();
        peer.send('40/random');
        assert.equal(await peer.next(), '44/random,{"message":"Invalid namespace"}');
        peer.close();
      });

      it('closes on a malformed CONNECT', async () => {
        const peer = new Peer(websocket());
        await peer.next();
        peer.send('4abc');
        await peer.untilClosed();
      });

      it('closes a connection that joins no namespace in time', async () => {
        const peer = new Peer(websocket());
        await peer.untilClosed();
      });
    });

    describe('disconnect', () => {
      it('keeps the connection after a disconnect from the main namespace', async () => {
        const peer = await connected();
        peer.send('41');
        assert.equal(await peer.next(), '2');
        peer.close();
      });

      it('keeps the main namespace after a disconnect from a custom one', async () => {
        const peer = await connected();
        assert.equal(await peer.next(), '2');
        peer.send('40/custom');
        await peer.next();
        await peer.next();
        peer.send('41/custom');
        peer.send('42["message","message to main namespace",1,2]');
        assert.equal(await peer.next(), '42["message-back","message to main namespace",1,2]');
        peer.close();
      });
    });

    describe('message', () => {
      it('echoes a plain-text event', async () => {
        const peer = await connected();
        peer.send('42["message",1,"2",{"3":[true]}]');
        assert.equal(await peer.next(), '42["message-back",1,"2",{"3":[true]}]');
        peer.close();
      });

      it('echoes an event with binary attachments', async () => {
        const peer = await connected();
        peer.send(`452-["message",1,${PLACEHOLDERS}]`);
        peer.send(Uint8Array.from([1, 2, 3]));
        peer.send(Uint8Array.from([4, 5, 6]));
        assert.deepEqual(await peer.packets(3),
          [`452-["message-back",1,${PLACEHOLDERS}]`, buffer(1, 2, 3), buffer(4, 5, 6)]);
        peer.close();
      });

      it('acks a plain-text event', async () => {
        const peer = await connected();
        peer.send('42456["message-with-ack",1,"2",{"3":[false]}]');
        assert.equal(await peer.next(), '43456[1,"2",{"3":[false]}]');
        peer.close();
      });

      it('acks an event with binary attachments, with a binary ack', async () => {
        const peer = await connected();
        peer.send(`452-789["message-with-ack",1,${PLACEHOLDERS}]`);
        peer.send(Uint8Array.from([1, 2, 3]));
        peer.send(Uint8Array.from([4, 5, 6]));
        assert.deepEqual(await peer.packets(3),
          [`462-789[1,${PLACEHOLDERS}]`, buffer(1, 2, 3), buffer(4, 5, 6)]);
        peer.close();
      });

      for (const [name, packet] of [
        ['an unknown packet type', '4abc'],
        ['a payload that is not an array', '42{}'],
        ['an ack id that is not a number', '42abc["message-with-ack",1,"2",{"3":[false]}]'],
      ]) {
        it(`closes the connection on ${name}`, async () => {
          const peer = await connected();
          peer.send(packet);
          await peer.untilClosed();
        });
      }
    });
  });
}

engineIoSuite('/engine.io/', true);
engineIoSuite('/socket.io/', false);
socketIoSuite();
