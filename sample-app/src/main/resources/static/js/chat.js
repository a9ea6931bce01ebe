// The chat page's client: the official browser client, connected to the page's own origin.
const socket = io();
const $ = (id) => document.getElementById(id);

function show(text, className) {
    const item = document.createElement('li');
    if (className) item.className = className;
    item.append(text);
    $('messages').append(item);
    item.scrollIntoView();
    return item;
}

function status() {
    const transport = socket.connected ? socket.io.engine.transport.name : null;
    $('status').textContent = socket.connected ? 'connected over ' + transport : 'disconnected, reconnecting…';
}

socket.on('connect', () => {
    status();
    socket.io.engine.once('upgrade', status);
});
socket.on('disconnect', status);
socket.on('system', (text) => show(text, 'system'));
socket.on('time', (time) => { $('clock').textContent = 'server time ' + new Date(time).toLocaleTimeString(); });
socket.on('chat', (message) => {
    const item = show('', 'chat');
    const nick = document.createElement('span');
    nick.className = 'nick';
    nick.textContent = message.nick + ': ';
    item.append(nick, message.text);
});

$('join').addEventListener('submit', async (event) => {
    event.preventDefault();
    const joined = await socket.emitWithAck('join', { nick: $('nick').value, room: $('room').value });
    if (joined.error) return show(joined.error, 'system');
    show('you are ' + joined.nick + ' in ' + joined.room, 'system');
    $('text').disabled = $('send-button').disabled = false;
    $('text').focus();
});

$('send').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = $('text').value;
    if (!text) return;
    const result = await socket.emitWithAck('chat', { text });
    if (result && result.error) show(result.error, 'system');
    else $('text').value = '';
});
