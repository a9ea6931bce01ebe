// Drives the annotated controllers of ControllerApplication with the official Node client.
// Usage: node controllers.js <base url> <websocket|polling>
// Prints "OK <step>" per step, "IDS alice=<id>", then "ALL OK"; exits 1 on the first failure.
'use strict';
const { io } = require('socket.io-client');
const assert = require('node:assert/strict');
const { within, once, call, connected, step, run } = require('./helpers');

const [url, transport] = process.argv.slice(2);
const sockets = [];

function open(name) {
  const socket = io(url, { transports: [transport], forceNew: true, reconnection: false, auth: { name } });
  sockets.push(socket);
  return socket;
}

async function main() {
  const alice = open('alice');
  await step('connect through @OnConnect', () => connected(alice));

  await step('typed payloads by position', async () => {
    assert.deepEqual(await call(alice, 'typed', { nick: 'a', text: 'hi', tags: ['x', 'y'] }, 7), ['a:hi:[x, y]:7']);
  });

  await step('generic payload and @Payload index', async () => {
    assert.deepEqual(await call(alice, 'generic', [1, 2, 3], { bonus: 10 }), [16]);
  });

  await step('byte[] payload and return', async () => {
    const [reply] = await call(alice, 'binary', Buffer.from([1, 2, 3]));
    assert.deepEqual([...reply], [3, 2, 1]);
  });

  await step('Mono ack', async () => {
    assert.deepEqual(await call(alice, 'delayed', 'abc'), ['ABC']);
  });

  await step('manual ack from another thread', async () => {
    assert.deepEqual(await call(alice, 'manual', 'x'), ['manual x']);
  });

  await step('void handler sends no ack', async () => {
    let acked = false;
    alice.emit('silent', 'x', () => { acked = true; });
    assert.deepEqual(await call(alice, 'quick'), ['quick']);
    assert.equal(acked, false, 'a void handler acked');
  });

  await step('@OnError answers the ack', async () => {
    assert.deepEqual(await call(alice, 'boom'), [{ handled: 'kaboom' }]);
  });

  await step('validation error through the advice', async () => {
    assert.deepEqual(await call(alice, 'validated', { nick: '', text: 'x' }), [{ invalid: ['nick'] }]);
  });

  await step('unreadable argument gets an error ack', async () => {
    const [reply] = await call(alice, 'typed', { nick: 'a', text: 'b' }, 'not a number');
    assert.match(reply.error, /^argument 1 could not be read as int/);
  });

  await step('@OnAnyEvent gets unmapped events', async () => {
    assert.deepEqual(await call(alice, 'whatever', 5), [{ unmapped: 'whatever', first: '5' }]);
  });

  await step('@OnConnect refusals', async () => {
    const [denied] = await once(open('deny'), 'connect_error');
    assert.equal(denied.message, 'Connection refused');
    const [thrown] = await once(open('throw'), 'connect_error');
    assert.equal(thrown.message, 'go away');
  });

  const bob = open('bob');
  const carol = open('carol');
  await Promise.all([connected(bob), connected(carol)]);

  await step('events of each socket handled in order under load', async () => {
    const expected = [...Array(30).keys()];
    for (const n of expected) {
      alice.emit('seq', n);
      bob.emit('seq', n);
      carol.emit('seq', n);
    }
    for (const socket of [alice, bob, carol]) {
      assert.deepEqual(await call(socket, 'seq-result'), [expected]);
    }
  });

  await step('a blocked handler does not delay another client', async () => {
    const order = [];
    const blocked = call(alice, 'block').then(() => order.push('block'));
    await call(bob, 'quick').then(() => order.push('quick'));
    await blocked;
    assert.deepEqual(order, ['quick', 'block']);
  });

  await step('server emitWithAck reply handled off the event loop', async () => {
    alice.on('question', (n, callback) => callback(String(n + 1)));
    assert.deepEqual(await call(alice, 'ask-client'), ['client said 42']);
  });

  await step('emits from a @Scheduled method arrive', async () => {
    const [time] = await once(alice, 'scheduled');
    assert.equal(typeof time, 'number');
  });

  await step('emits from background tasks and user threads arrive', async () => {
    const ticks = [];
    const allTicks = within(new Promise((resolve) => alice.on('tick', (n) => {
      ticks.push(n);
      if (ticks.length === 5) resolve();
    })), '5 ticks');
    const fromThread = once(alice, 'from-user-thread');
    assert.deepEqual(await call(alice, 'start-ticks', 5), ['started']);
    await allTicks;
    assert.deepEqual(ticks, [0, 1, 2, 3, 4]);
    assert.deepEqual(await fromThread, ['hello']);
    assert.deepEqual(await call(bob, 'quick'), ['quick'], 'events still flow while background tasks sleep');
  });

  console.log('IDS alice=' + alice.id);
  alice.disconnect();
  console.log('ALL OK');
}

run(main, sockets);
