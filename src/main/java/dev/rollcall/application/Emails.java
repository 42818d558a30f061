package dev.rollcall.application;

import java.util.regex.Pattern;

/** The light email check the statement and operator APIs apply (delivery is not our business). */
public final class Emails {
  private static final Pattern PLAUSIBLE = Pattern.compile("^[^@\\s]+@[^@\\s]+$");

  private Emails() {}

  public static boolean isPlausible(String email) {
    return email.length() <= 320 && PLAUSIBLE.matcher(email.strip()).matches();
  }
}
