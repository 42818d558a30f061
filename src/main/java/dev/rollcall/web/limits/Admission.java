package dev.rollcall.web.limits;

/**
 * Decides, before a bearer token is looked up, whether the request may go on: a token that
 * authenticated before (it has a bucket) is held to its rate; a token not seen yet costs its client
 * address one permit of the failed-authentication budget, given back when it turns out valid. Past
 * either, the request is refused without reading the database.
 *
 * <p>Keys are hashes (with the organization they were presented to), never secrets.
 */
public final class Admission {
  private final RateLimiter tokens;
  private final RateLimiter failures;

  /**
   * @param tokens the buckets of tokens that authenticated, by key
   * @param failures the failed-authentication budgets, by client address (shared by every API)
   */
  public Admission(RateLimiter tokens, RateLimiter failures) {
    this.tokens = tokens;
    this.failures = failures;
  }

  /**
   * Admits a request presenting the token {@code key} from {@code address}.
   *
   * @throws RateLimitedException when the token is over its rate, or the token is unknown and the
   *     address has used up its failed-authentication budget
   */
  public Ticket admit(String key, String address) {
    if (tokens.contains(key)) {
      long wait = tokens.take(key);
      if (wait > 0) {
        throw new RateLimitedException(
            RateLimiter.seconds(wait), "Too many requests with this token");
      }
      return new Ticket(key, address, true);
    }
    long wait = failures.take(address);
    if (wait > 0) {
      throw new RateLimitedException(
          RateLimiter.seconds(wait), "Too many failed authentications from this client");
    }
    return new Ticket(key, address, false);
  }

  /** One admitted request; report how its authentication ended. */
  public final class Ticket {
    private final String key;
    private final String address;
    private final boolean known;

    private Ticket(String key, String address, boolean known) {
      this.key = key;
      this.address = address;
      this.known = known;
    }

    /** The token is valid: from now on it is held to its own rate. */
    public void accepted() {
      if (!known) {
        failures.giveBack(address);
        tokens.take(key);
      }
    }

    /** The token was refused: it counts against the address, and is unknown from now on. */
    public void refused() {
      if (known) {
        tokens.remove(key);
        failures.take(address);
      }
    }

    public boolean known() {
      return known;
    }
  }
}
