package dev.finessesignout.signout;

/** A call not made because Finesse refused its account before (see {@link CredentialsGuard}). */
public class CredentialsRefusedException extends RuntimeException {
    public CredentialsRefusedException(String message) {
        super(message);
    }
}
