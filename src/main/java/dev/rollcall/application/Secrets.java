package dev.rollcall.application;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Bearer secrets: 256 random bits with a recognisable prefix (so leaked tokens can be found by
 * secret scanners), stored only as their SHA-256 hash.
 */
public final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  /** A secret and the hash that is all the database ever sees of it. */
  public record Issued(String secret, String hash) {
    @Override
    public String toString() {
      return "Issued[secret=<redacted>, hash=" + hash + "]";
    }
  }

  public static Issued issue(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    return new Issued(secret, hash(secret));
  }

  /** Lower-case hex SHA-256 of the secret. */
  public static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** Compares two hashes without leaking, through timing, how much of them matched. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
