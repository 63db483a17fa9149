package dev.interlock.server.auth;

/**
 * A new token and its secret, shown to its owner once ({@code token.created} is audited from {@link #token()}).
 * {@link #toString()} hides the secret so it cannot leak into logs.
 */
public record CreatedToken(TokenInfo token, String secret) {
    @Override
    public String toString() {
        return "CreatedToken[" + token + ", secret=il_…]";
    }
}
