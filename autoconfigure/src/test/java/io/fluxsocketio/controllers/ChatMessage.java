package io.fluxsocketio.controllers;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A typed payload, with constraints for the validation case. */
public record ChatMessage(@NotBlank String nick, @NotBlank @Size(max = 20) String text, List<String> tags) {
}
