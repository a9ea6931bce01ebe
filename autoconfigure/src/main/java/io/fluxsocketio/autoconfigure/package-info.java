/** Spring Boot auto-configuration of the Socket.IO server and its {@code socketio.*} properties. */
package io.fluxsocketio.autoconfigure;
