// The interoperability scenario, run by the official Node client against InteropApplication.
// Usage: node scenario.js <base url> <websocket|polling|upgrade>
// Prints "OK <step>" per step, "IDS kicked=<id> leaver=<id>", then "ALL OK"; exits 1 on the first failure.
'use strict';
const { io } = require('socket.io-client');
const assert = require('node:assert/strict');
const { within, once, call, connected, step, run } = require('./helpers');

const [url, mode] = process.argv.slice(2);
const transports = { websocket: ['websocket'], polling: ['polling'], upgrade: ['polling', 'websocket'] }[mode];
if (!url || !transports) {
  console.error('usage: node scenario.js <url> <websocket|polling|upgrade>');
  process.exit(2);
}
const sockets = [];

function open(namespace, options = {}) {
  const socket = io(url + namespace, { transports, forceNew: true, reconnection: false, ...options });
  sockets.push(socket);
  return socket;
}

async function main() {
  const a = open('/');
  await step('connect', () => connected(a));

  await step('transport', async () => {
    const expected = mode === 'polling' ? 'polling' : 'websocket';
    for (let i = 0; i < 50; i++) {
      const [transport] = await call(a, 'transport');
      if (transport === expected) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('server never saw transport ' + expected);
  });

  await step('echo with ack', async () => {
    const reply = await call(a, 'echo', 'hello', 42, { a: [1, 2.5, null, true] }, 'ünïcødé ✓');
    assert.deepEqual(reply, ['hello', 42, { a: [1, 2.5, null, true] }, 'ünïcødé ✓']);
  });

  await step('handshake: query, URL, address, headers', async () => {
    const q = open('/', { query: { token: 'a b&c=d', flag: '' } });
    await connected(q);
    const [handshake] = await call(q, 'handshake');
    assert.deepEqual(handshake, {
      token: 'a b&c=d', flag: true, eio: '4', path: '/socket.io/', address: '127.0.0.1', secure: false,
      host: new URL(url).host, time: true,
    });
    q.disconnect();
  });

  await step('binary round trip', async () => {
    const reply = await call(a, 'echo', Buffer.from([1, 2, 3]), { nested: [Buffer.from([4, 5])] }, 'text');
    assert.deepEqual([...reply[0]], [1, 2, 3]);
    assert.deepEqual([...reply[1].nested[0]], [4, 5]);
    assert.equal(reply[2], 'text');
  });

  await step('binary from server', async () => {
    const reply = await call(a, 'binary-from-server');
    assert.deepEqual([...reply[0]], [1, 2, 3]);
    assert.deepEqual([...reply[1].nested[0]], [4, 5]);
    assert.equal(reply[2], 'text');
  });

  await step('emit without ack both ways', async () => {
    const pong = once(a, 'pong-you');
    a.emit('ping-me', 'no ack');
    assert.deepEqual(await pong, ['no ack']);
  });

  await step('server emit with ack', async () => {
    a.on('question', (n, callback) => callback(n + 1));
    const answer = once(a, 'answer-was');
    a.emit('ask-me');
    assert.deepEqual(await answer, [43]);
  });

  await step('namespace with auth', async () => {
    const admin = open('/admin', { auth: { token: 'secret' } });
    await connected(admin);
    const [auth] = await call(admin, 'whoami');
    assert.deepEqual(auth, { token: 'secret' });
    admin.disconnect();
  });

  await step('middleware refusal', async () => {
    const refused = open('/admin', { auth: { token: 'wrong' } });
    const [err] = await once(refused, 'connect_error');
    assert.equal(err.message, 'unauthorized');
    assert.deepEqual(err.data, { reason: 'bad token' });
  });

  await step('unknown namespace', async () => {
    const nowhere = open('/nowhere');
    const [err] = await once(nowhere, 'connect_error');
    assert.equal(err.message, 'Invalid namespace');
  });

  const b = open('/');
  const c = open('/');
  await Promise.all([connected(b), connected(c)]);
  const received = { a: [], b: [], c: [] };
  a.on('room-message', (...args) => received.a.push(args));
  b.on('room-message', (...args) => received.b.push(args));
  c.on('room-message', (...args) => received.c.push(args));

  await step('rooms: socket.to excludes the sender', async () => {
    assert.deepEqual(await call(a, 'join', 'room1'), [true]);
    assert.deepEqual(await call(b, 'join', 'room1'), [true]);
    const atB = once(b, 'room-message');
    assert.deepEqual(await call(a, 'to-room', 'room1', 'hi'), ['sent']);
    assert.deepEqual(await atB, ['hi', a.id]);
    await call(c, 'echo', 'barrier');
    assert.equal(received.a.length, 0, 'the sender received its own room message');
    assert.equal(received.c.length, 0, 'a non-member received a room message');
  });

  await step('rooms: server.to reaches every member only', async () => {
    const atA = once(a, 'room-message');
    const atB = once(b, 'room-message');
    assert.deepEqual(await call(c, 'server-to-room', 'room1', 'all'), ['sent']);
    assert.deepEqual(await atA, ['all', 'server']);
    assert.deepEqual(await atB, ['all', 'server']);
    await call(c, 'echo', 'barrier');
    assert.equal(received.c.length, 0, 'a non-member received a room message');
  });

  const leaverId = b.id;
  await step('client disconnect', async () => {
    b.disconnect();
    assert.equal(b.connected, false);
  });

  const kickedId = a.id;
  await step('server disconnect', async () => {
    const gone = once(a, 'disconnect');
    a.emit('kick-me');
    const [reason] = await gone;
    assert.equal(reason, 'io server disconnect');
  });

  console.log('IDS kicked=' + kickedId + ' leaver=' + leaverId);
  console.log('ALL OK');
}

run(main, sockets);
