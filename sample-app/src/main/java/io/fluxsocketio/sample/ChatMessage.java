package io.fluxsocketio.sample;

import java.time.Instant;

/** One chat line as the page shows it. */
public record ChatMessage(String nick, String text, Instant time) {
}
