package dev.rollcall.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProductionProfileTest {
  private static final String STRONG = "q3Zk9vR0xW2mB7tYp5LsN8dHc4FjA1eG";

  private final Map<String, String> settings = new HashMap<>();

  private List<String> problems() {
    return ProductionProfile.problems(key -> Optional.ofNullable(settings.get(key)));
  }

  private void production() {
    settings.put("rollcall.profile", "production");
    settings.put("rollcall.operator.token", STRONG);
    settings.put("rollcall.public-base-url", "https://rollcall.example.com");
  }

  @Test
  void developmentDemandsNothing() {
    assertEquals(List.of(), problems());
    settings.put("rollcall.profile", "development");
    settings.put("db.kind", "mysql");
    assertEquals(List.of(), problems());
  }

  @Test
  void productionWithAStrongTokenOnDerbyStarts() {
    production();
    assertEquals(List.of(), problems());
  }

  @Test
  void productionRefusesWithoutAnOperatorToken() {
    production();
    settings.remove("rollcall.operator.token");
    assertEquals(List.of("ROLLCALL_OPERATOR_TOKEN must be set"), problems());
  }

  @Test
  void productionRefusesWeakOperatorTokens() {
    production();
    for (String weak :
        List.of(
            "change-me",
            STRONG.substring(1), // 31 characters
            "a".repeat(64),
            "abcdabcdabcdabcdabcdabcdabcdabcdabcd", // long, but only 4 different characters
            "q3Zk9vR0xW2mB7tY p5LsN8dHc4FjA1eG")) {
      settings.put("rollcall.operator.token", weak);
      List<String> problems = problems();
      assertEquals(1, problems.size(), weak);
      assertTrue(problems.get(0).startsWith("ROLLCALL_OPERATOR_TOKEN is too weak"), weak);
      assertTrue(problems.stream().noneMatch(p -> p.contains(weak)), "never names the token");
    }
  }

  @Test
  void productionRefusesPlainHttpScimUris() {
    production();
    settings.put("rollcall.public-base-url", "http://rollcall.example.com");
    assertEquals(1, problems().size());
    assertTrue(problems().get(0).startsWith("ROLLCALL_PUBLIC_BASE_URL"));
  }

  @Test
  void productionOnMysqlNeedsItsOwnAccount() {
    production();
    settings.put("db.kind", "mysql");
    assertEquals(
        List.of(
            "DB_USER must be set: production has no default database user",
            "DB_PASSWORD must be set"),
        problems());
    settings.put("db.user", "ROOT");
    settings.put("db.password", "s3cret-s3cret");
    assertEquals(
        List.of("DB_USER must not be root: give Rollcall an account of its own"), problems());
    settings.put("db.user", "rollcall");
    assertEquals(List.of(), problems());
  }

  @Test
  void anUnknownProfileIsRefused() {
    settings.put("rollcall.profile", "prod");
    assertEquals(List.of("ROLLCALL_PROFILE must be development or production"), problems());
  }
}
