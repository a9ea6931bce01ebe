"""The interoperability scenario, run by python-socketio's client against InteropApplication.

Usage: python3 scenario.py <base url> <websocket|polling|upgrade>
Prints "OK <step>" per step, "IDS kicked=<id> leaver=<id>", then "ALL OK"; exits 1 on the first failure.
"""
import queue
import sys
import time
import traceback

import socketio

URL, MODE = sys.argv[1], sys.argv[2]
TRANSPORTS = {'websocket': ['websocket'], 'polling': ['polling'], 'upgrade': ['polling', 'websocket']}[MODE]
TIMEOUT = 10
clients = []


def new_client():
    client = socketio.Client(reconnection=False)
    clients.append(client)
    return client


def connect(client, namespace='/', auth=None, wait_timeout=TIMEOUT):
    client.connect(URL, transports=TRANSPORTS, namespaces=[namespace], auth=auth, wait_timeout=wait_timeout)


def recorder(client, event, namespace='/'):
    """Returns a queue that receives the argument tuple of every `event` the client gets."""
    received = queue.Queue()
    client.on(event, lambda *args: received.put(args), namespace=namespace)
    return received


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def step(name):
    print('OK ' + name, flush=True)


def main():
    a = new_client()
    pongs = recorder(a, 'pong-you')
    answers = recorder(a, 'answer-was')
    a.on('question', lambda n: n + 1)
    connect(a)
    step('connect')

    expected = 'polling' if MODE == 'polling' else 'websocket'
    deadline = time.time() + 5
    while a.call('transport', timeout=TIMEOUT) != expected:
        expect(time.time() < deadline, 'server never saw transport ' + expected)
        time.sleep(0.1)
    step('transport')

    reply = a.call('echo', ('hello', 42, {'a': [1, 2.5, None, True]}, 'ünïcødé ✓'), timeout=TIMEOUT)
    expect(reply == ('hello', 42, {'a': [1, 2.5, None, True]}, 'ünïcødé ✓'), 'echo returned %r' % (reply,))
    step('echo with ack')

    reply = a.call('echo', (b'\x01\x02\x03', {'nested': [b'\x04\x05']}, 'text'), timeout=TIMEOUT)
    expect(reply == (b'\x01\x02\x03', {'nested': [b'\x04\x05']}, 'text'), 'binary echo returned %r' % (reply,))
    step('binary round trip')

    reply = a.call('binary-from-server', timeout=TIMEOUT)
    expect(reply == (b'\x01\x02\x03', {'nested': [b'\x04\x05']}, 'text'), 'binary from server was %r' % (reply,))
    step('binary from server')

    a.emit('ping-me', 'no ack')
    expect(pongs.get(timeout=TIMEOUT) == ('no ack',), 'pong-you carried the wrong data')
    step('emit without ack both ways')

    a.emit('ask-me')
    expect(answers.get(timeout=TIMEOUT) == (43,), 'the server saw the wrong answer')
    step('server emit with ack')

    admin = new_client()
    connect(admin, '/admin', auth={'token': 'secret'})
    whoami = admin.call('whoami', namespace='/admin', timeout=TIMEOUT)
    expect(whoami == {'token': 'secret'}, 'whoami returned %r' % (whoami,))
    admin.disconnect()
    step('namespace with auth')

    refused = new_client()
    errors = recorder(refused, 'connect_error', namespace='/admin')
    try:
        # python-socketio 5.7 waits out wait_timeout after a refusal, so keep it short here.
        connect(refused, '/admin', auth={'token': 'wrong'}, wait_timeout=1)
        raise AssertionError('a refused connection succeeded')
    except socketio.exceptions.ConnectionError:
        pass
    error = errors.get(timeout=TIMEOUT)[0]
    expect(error == {'message': 'unauthorized', 'data': {'reason': 'bad token'}}, 'connect_error was %r' % (error,))
    step('middleware refusal')

    b, c = new_client(), new_client()
    at_a, at_b, at_c = recorder(a, 'room-message'), recorder(b, 'room-message'), recorder(c, 'room-message')
    connect(b)
    connect(c)
    expect(a.call('join', 'room1', timeout=TIMEOUT) is True, 'a could not join')
    expect(b.call('join', 'room1', timeout=TIMEOUT) is True, 'b could not join')
    expect(a.call('to-room', ('room1', 'hi'), timeout=TIMEOUT) == 'sent', 'to-room was not acked')
    expect(at_b.get(timeout=TIMEOUT) == ('hi', a.get_sid('/')), 'b did not get the room message')
    c.call('echo', 'barrier', timeout=TIMEOUT)
    expect(at_a.empty(), 'the sender received its own room message')
    expect(at_c.empty(), 'a non-member received a room message')
    step('rooms: socket.to excludes the sender')

    expect(c.call('server-to-room', ('room1', 'all'), timeout=TIMEOUT) == 'sent', 'server-to-room was not acked')
    expect(at_a.get(timeout=TIMEOUT) == ('all', 'server'), 'a did not get the server room message')
    expect(at_b.get(timeout=TIMEOUT) == ('all', 'server'), 'b did not get the server room message')
    c.call('echo', 'barrier', timeout=TIMEOUT)
    expect(at_c.empty(), 'a non-member received a room message')
    step('rooms: server.to reaches every member only')

    leaver = b.get_sid('/')
    b.disconnect()
    step('client disconnect')

    kicked = a.get_sid('/')
    gone = recorder(a, 'disconnect')
    a.emit('kick-me')
    gone.get(timeout=TIMEOUT)
    step('server disconnect')

    print('IDS kicked=%s leaver=%s' % (kicked, leaver))
    print('ALL OK', flush=True)


if __name__ == '__main__':
    try:
        main()
        status = 0
    except Exception:
        print('FAIL ' + traceback.format_exc(), flush=True)
        status = 1
    for client in clients:
        try:
            client.disconnect()
        except Exception:
            pass
    sys.exit(status)
