// Node's socket.io with the benchmark contract: "echo" acks its argument; "join" puts the socket in room "fan";
// "fan-out" broadcasts its argument to that room. Usage: node server.js <port>
'use strict';
const { Server } = require('socket.io');

const port = Number(process.argv[2]);
const io = new Server(port, { transports: ['polling', 'websocket'], serveClient: false });
io.on('connection', (socket) => {
  socket.on('echo', (message, callback) => callback(message));
  socket.on('join', (callback) => { socket.join('fan'); callback(true); });
  socket.on('fan-out', (message) => io.to('fan').emit('fanned', message));
});
console.log('listening on ' + port);
