// Waiting helpers shared by the client scripts: every wait is bounded, and a step prints "OK <name>" when it passes.
'use strict';

const STEP_TIMEOUT_MS = 15000;

function within(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error('timed out waiting for ' + what)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

const once = (socket, event) => within(new Promise((resolve) => socket.once(event, (...args) => resolve(args))), event);

const call = (socket, event, ...args) =>
  within(new Promise((resolve) => socket.emit(event, ...args, (...reply) => resolve(reply))), 'ack of ' + event);

const connected = (socket) => socket.connected ? Promise.resolve() : within(new Promise((resolve, reject) => {
  socket.once('connect', resolve);
  socket.once('connect_error', (err) => reject(new Error('connect_error: ' + err.message)));
}), 'connect');

async function step(name, body) {
  await body();
  console.log('OK ' + name);
}

/** Runs the script's main function: "FAIL" and exit code 1 on the first failure; the sockets are closed either way. */
function run(main, sockets) {
  main()
    .catch((err) => {
      console.log('FAIL ' + (err && err.stack ? err.stack : err));
      process.exitCode = 1;
    })
    .finally(() => sockets.forEach((socket) => socket.disconnect()));
}

module.exports = { within, once, call, connected, step, run };
