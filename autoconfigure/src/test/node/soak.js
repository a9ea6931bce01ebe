// Churn for the soak test: waves of official clients over every transport, each connecting, joining a room,
// broadcasting to it, trading acks both ways and leaving, either with a Socket.IO disconnect or by closing its
// Engine.IO connection under it. Usage: node soak.js <base url> <waves> <clients per wave>
// Prints "WAVE <n> <ms>" per wave and "ALL OK clients=<count>"; exits 1 on the first failure.
'use strict';
const { io } = require('socket.io-client');
const assert = require('node:assert/strict');
const { once, call, connected } = require('./helpers');

const [url, waves, perWave] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
if (!url || !(waves > 0) || !(perWave > 0)) {
  console.error('usage: node soak.js <url> <waves> <clients per wave>');
  process.exit(2);
}
const MODES = [['websocket'], ['polling'], ['polling', 'websocket']];
const ROOMS = 10;
const open = new Set();

async function life(index) {
  const socket = io(url, { transports: MODES[index % MODES.length], forceNew: true, reconnection: false });
  open.add(socket);
  try {
    socket.on('question', (n, ack) => ack(n + 1));
    await connected(socket);
    const room = 'room-' + (index % ROOMS);
    assert.deepEqual(await call(socket, 'join', room), [true]);
    assert.deepEqual(await call(socket, 'to-room', room, 'hello from ' + index), ['sent']);
    const text = 'x'.repeat(index % 500);
    assert.deepEqual(await call(socket, 'echo', index, text), [index, text]);
    const answer = once(socket, 'answer-was');
    socket.emit('ask-me');
    assert.deepEqual(await answer, [43]);
  }
  finally {
    if (index % 4 === 3) {
      socket.io.engine.close(); // the connection goes without a Socket.IO disconnect packet
    }
    socket.disconnect();
    open.delete(socket);
  }
}

async function main() {
  let clients = 0;
  for (let wave = 1; wave <= waves; wave++) {
    const started = Date.now();
    await Promise.all(Array.from({ length: perWave }, (_, i) => life(clients + i)));
    clients += perWave;
    console.log('WAVE ' + wave + ' ' + (Date.now() - started));
  }
  console.log('ALL OK clients=' + clients);
}

main().catch((err) => {
  console.log('FAIL ' + (err && err.stack ? err.stack : err));
  process.exitCode = 1;
  open.forEach((socket) => socket.disconnect());
});
